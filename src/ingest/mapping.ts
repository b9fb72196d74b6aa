import { t } from '@grafana/i18n';

import { RAW } from '../util/i18n';
import { LabelMapping, detectPreset, findPreset, presetLabel, presetSourceHint, splitLabels } from '../model/presets';
import { DEFAULT_OPTIONS } from '../options/defaults';
import { ModelOptions } from '../options/types';

/** Which labels name source and destination, and whether a preset was detected rather than chosen. */
export type ResolvedMapping = LabelMapping & {
  detected: boolean;
  /** Destination values start with this before the host (kubenurse's path_). */
  destinationPrefix?: string;
};

const MAX_LISTED = 12;

/** "`a`, `b` … (20 in all)": names for a message, sorted, at most a dozen. */
export function listed(names: Iterable<string>): string {
  const all = [...names].sort();
  const shown = all.slice(0, MAX_LISTED).map((n) => `\`${n}\``);
  if (all.length > MAX_LISTED) {
    return t('model.list.more', '{{names}} … ({{total}} in all)', {
      names: shown.join(', '),
      total: String(all.length),
      ...RAW,
    });
  }
  return shown.join(', ') || t('model.list.none', 'none');
}

/** "`a` or `b` or `c`": label names joined by the translated "or". */
export const orList = (names: string[]) =>
  names.map((n) => `\`${n}\``).reduce((a, b) => t('model.list.or', '{{a}} or {{b}}', { a, b, ...RAW }));

/** The source and destination labels: custom, a chosen preset's, or the preset detected from the series. */
export function resolveMapping(
  options: ModelOptions,
  labelsSeen: Set<string>,
  metricsSeen: Set<string>,
  prefixSeen?: (label: string, prefix: string) => boolean
): ResolvedMapping | { warning: string } {
  const chosen = pickMapping(options, labelsSeen, metricsSeen, prefixSeen);
  if ('warning' in chosen || !chosen.preset) {
    return chosen;
  }
  const { preset } = chosen;
  // A preset whose source is a scrape label of the user's choosing (kubenurse) tries the Source label option first.
  const own =
    preset.sourceConfigurable && options.sourceLabel !== DEFAULT_OPTIONS.queries.sourceLabel
      ? splitLabels(options.sourceLabel)
      : [];
  return {
    ...chosen,
    source: [...new Set([...own, ...chosen.source])],
    destinationPrefix: preset.destinationPrefix,
  };
}

function pickMapping(
  options: ModelOptions,
  labelsSeen: Set<string>,
  metricsSeen: Set<string>,
  prefixSeen?: (label: string, prefix: string) => boolean
): ResolvedMapping | { warning: string } {
  if (options.preset === 'custom') {
    return {
      source: splitLabels(options.sourceLabel),
      destination: splitLabels(options.destinationLabel),
      detected: false,
    };
  }
  if (options.preset !== 'auto') {
    const preset = findPreset(options.preset);
    if (!preset) {
      return {
        warning: t(
          'model.warning.unknown-preset',
          'Unknown exporter preset `{{preset}}`: choose one in the panel options.',
          {
            preset: options.preset,
            ...RAW,
          }
        ),
      };
    }
    return { source: preset.source, destination: preset.destination, preset, detected: false };
  }
  const found = detectPreset(labelsSeen, metricsSeen, prefixSeen);
  if (found && 'noSource' in found) {
    const preset = found.noSource;
    return {
      warning: t(
        'model.warning.preset-no-source',
        '{{preset}} series, but none has a source label ({{labels}}): {{hint}}. Labels seen: {{seen}}.',
        {
          preset: presetLabel(preset),
          labels: orList(preset.source),
          hint: presetSourceHint(preset),
          seen: listed(labelsSeen),
          ...RAW,
        }
      ),
    };
  }
  if (!found) {
    return {
      warning: t(
        'model.warning.no-preset',
        'No exporter preset fits these series (labels seen: {{seen}}). Choose a preset or set the source and destination labels under Custom.',
        { seen: listed(labelsSeen), ...RAW }
      ),
    };
  }
  if ('ambiguous' in found) {
    return {
      warning: t(
        'model.warning.ambiguous-preset',
        'Several exporter presets fit these labels ({{presets}}): choose one in the panel options.',
        { presets: found.ambiguous.map(presetLabel).join('; '), ...RAW }
      ),
    };
  }
  return { ...found.mapping, detected: true };
}
