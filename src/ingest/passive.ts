import { ExporterPreset } from '../model/presets';
import { NumberFieldView, labelReader, metricNames, toNumber } from './series';

/**
 * Hosts that probe nothing by design (Goldpinger's `goldpinger_node_mode == 0`, active/passive sharding): their rows
 * are not probed, not "no data". Reads any series of the preset's mode metric; returns axis names.
 */
export function passiveHosts(
  views: NumberFieldView[],
  passive: NonNullable<ExporterPreset['passive']>,
  nameOf: (label: string) => string
): Set<string> {
  const out = new Set<string>();
  for (const view of views) {
    if (!metricNames(view).some((m) => passive.metric.test(m))) {
      continue;
    }
    const host = labelReader(view, passive.host);
    if (!host) {
      continue;
    }
    const values = view.field.values;
    const rows = view.labelColumns.length === 0 ? Math.min(values.length, 1) : values.length;
    for (let row = 0; row < rows; row++) {
      // One frame per series: its newest sample says the mode; a table row is a series of its own.
      const v = toNumber(view.labelColumns.length === 0 ? values[values.length - 1] : values[row]);
      const name = host.read(row);
      if (v === 0 && name !== undefined) {
        out.add(nameOf(name));
      }
    }
  }
  return out;
}

/** Whether every metric of a query is some preset's node-mode gauge (that query is no pair query). */
export function isModeQuery(metrics: Set<string>, presets: ExporterPreset[]): boolean {
  const modes = presets.flatMap((p) => (p.passive ? [p.passive.metric] : []));
  return metrics.size > 0 && [...metrics].every((m) => modes.some((re) => re.test(m)));
}

/** Each node-mode series' names for its node (e.g. goldpinger_instance and the scrape instance), for the join. */
export function modeIdentities(views: NumberFieldView[], passive: NonNullable<ExporterPreset['passive']>): string[][] {
  const out: string[][] = [];
  for (const view of views) {
    if (!metricNames(view).some((m) => passive.metric.test(m))) {
      continue;
    }
    const readers = passive.host.map((l) => labelReader(view, [l]));
    const rows = view.labelColumns.length === 0 ? Math.min(view.field.values.length, 1) : view.field.values.length;
    for (let row = 0; row < rows; row++) {
      out.push(readers.map((r) => r?.read(row)).filter((v): v is string => v !== undefined));
    }
  }
  return out;
}
