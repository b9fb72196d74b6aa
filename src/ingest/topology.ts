import { DataFrame } from '@grafana/data';

import { hostIdentity } from '../model/hostId';
import { LevelSpec } from '../model/topology';
import { LabelReader, NumberFieldView, labelReader, numberFieldViews, refIdOf } from './series';

export interface TopologyTable {
  /** Host key (name or IP, port stripped) → level values ('' where the series had none). */
  byKey: Map<string, string[]>;
  /** Other names of a host → its canonical name (the first host label of its record, e.g. node for an IP). */
  alias: Map<string, string>;
  series: number;
}

interface HostRecord {
  name: string;
  values: string[];
}

/**
 * Topology from queries that are not pair series (kube_node_labels, kube_node_info, any metric with a host label and
 * topology labels). Series naming the same host under different labels — node name in one, IP in another — merge
 * into one record through any key they share, so Goldpinger's IP destinations meet their node names.
 */
export function topologyFromFrames(
  frames: DataFrame[],
  refIds: string[],
  hostLabels: string[],
  levels: LevelSpec[]
): TopologyTable {
  const byKey = new Map<string, HostRecord>();
  let series = 0;
  const views = frames.filter((f) => refIds.includes(refIdOf(f))).flatMap(numberFieldViews);
  for (const view of views) {
    const keyReaders = hostLabels.map((l) => labelReader(view, [l])).filter((r): r is LabelReader => r !== undefined);
    const levelReaders = levels.map((l) => labelReader(view, [l.label]));
    if (keyReaders.length === 0) {
      continue;
    }
    forEachSeriesRow(view, (row) => {
      const keys = keyReaders
        .map((r) => r.read(row))
        .filter((k): k is string => k !== undefined)
        .map(hostIdentity)
        .filter((k) => k !== '');
      if (keys.length === 0) {
        return;
      }
      series++;
      const record = keys.map((k) => byKey.get(k)).find((r) => r !== undefined) ?? {
        name: keys[0],
        values: levels.map(() => ''),
      };
      levelReaders.forEach((r, i) => {
        const v = r?.read(row);
        if (v !== undefined && record.values[i] === '') {
          record.values[i] = v;
        }
      });
      for (const k of keys) {
        byKey.set(k, record);
      }
    });
  }
  const out: TopologyTable = { byKey: new Map(), alias: new Map(), series };
  for (const [key, record] of byKey) {
    out.byKey.set(key, record.values);
    if (key !== record.name) {
      out.alias.set(key, record.name);
    }
  }
  return out;
}

/** Rows that are distinct series: every row of a table frame, the first row of a one-frame-per-series frame. */
function forEachSeriesRow(view: NumberFieldView, fn: (row: number) => void) {
  const n = view.labelColumns.length === 0 ? Math.min(1, view.field.values.length) : view.field.values.length;
  for (let row = 0; row < n; row++) {
    fn(row);
  }
}

/**
 * Per-host level values read off the pair series themselves: `src_<level>` for the source, `dst_<level>` for the
 * destination; a bare `<level>` label (pingmesh-agent's `tor`) describes the source.
 */
export class PairTopology {
  private values: Array<string[] | undefined> = [];
  constructor(private levels: LevelSpec[]) {}

  readers(view: NumberFieldView) {
    const side = (prefix: string, bare: boolean) => {
      const readers = this.levels.map((l) =>
        labelReader(view, bare ? [`${prefix}${l.name}`, l.name] : [`${prefix}${l.name}`])
      );
      // No level label on this side of this view: nothing to read, row after row.
      return readers.some((r) => r !== undefined) ? readers : [];
    };
    return { src: side('src_', true), dst: side('dst_', false) };
  }

  /**
   * Records a host's levels from the first row that names any of them: one read per host, not per row, on big
   * tables. A host first met on the side without labels (pingmesh-agent's `tor` is the source's) is tried again.
   */
  note(host: number, readers: Array<LabelReader | undefined>, row: number) {
    if (readers.length === 0 || this.values[host] !== undefined) {
      return;
    }
    let any = false;
    const v = readers.map((r) => {
      const x = r?.read(row);
      any ||= x !== undefined;
      return x ?? '';
    });
    if (any) {
      this.values[host] = v;
    }
  }

  get(host: number): string[] | undefined {
    return this.values[host];
  }

  /** Hosts merged into one (names ↔ IPs): the first host's levels that were read stand for the merged one. */
  remap(groupOf: number[]) {
    const next: Array<string[] | undefined> = [];
    groupOf.forEach((g, h) => {
      next[g] ??= this.values[h];
    });
    this.values = next;
  }
}
