import { t } from '@grafana/i18n';

import { RAW } from '../util/i18n';
import { ViewMatrix } from '../view/aggregate';
import { PRESETS, presetLabel } from '../model/presets';
import { statusLabel } from './status';
import { MatrixModel } from '../model/types';
import { describeCell } from './describe';
import { UnusableColor } from '../render/palette';
import { formatCount } from '../util/format';

export interface FooterInput {
  model: MatrixModel;
  /** More cells than device pixels: each pixel shows the worst of its cells. */
  pooled: boolean;
  rows: number;
  cols: number;
  /** Notices about the options (SLA, worst-pairs list, histogram resolution), in order; empty ones are dropped. */
  options: Array<string | undefined | false>;
  /** Prefixes / suffixes dropped from the axis labels. */
  shortened: string[];
  /** "Highlight changes": its own note, or how many pairs changed. */
  changes?: { since: string; note?: string; count: number };
  /** The pair a link selected when it is not in the data. */
  linked?: { source: string; destination: string };
}

/** The lines under the matrix: what the panel detected, guessed or could not do, as one list. */
export function footerLines({ model, pooled, rows, cols, options, shortened, changes, linked }: FooterInput): string[] {
  const preset = PRESETS.find((p) => p.name === model.mapping.presetName);
  const presetText = preset ? presetLabel(preset) : model.mapping.presetName;
  return [
    model.mapping.presetName &&
      (model.mapping.detected
        ? t('matrix.footer.detected', 'Detected: {{preset}}', { preset: presetText, ...RAW })
        : t('matrix.footer.preset', 'Preset: {{preset}}', { preset: presetText, ...RAW })),
    pooled &&
      t('matrix.footer.pooled', '{{rows}} × {{cols}} cells on fewer pixels: each pixel shows the worst of its cells', {
        rows,
        cols,
        ...RAW,
      }),
    ...options,
    shortened.length > 0 &&
      t('matrix.footer.short-names', 'Axis labels shortened: {{patterns}} (full names in tooltips)', {
        patterns: shortened.join(', '),
        ...RAW,
      }),
    changes &&
      (changes.note ??
        t('matrix.footer.changed', '', {
          count: changes.count,
          n: formatCount(changes.count),
          since: changes.since,
          defaultValue_one: '{{n}} pair changed state in the last {{since}} (outlined)',
          defaultValue_other: '{{n}} pairs changed state in the last {{since}} (outlined)',
          ...RAW,
        })),
    linked &&
      t('matrix.footer.linked-pair-missing', 'The linked pair {{source}} → {{destination}} is not in the data.', {
        source: linked.source,
        destination: linked.destination,
        ...RAW,
      }),
    ...model.notices,
  ].filter((x): x is string => typeof x === 'string' && x !== '');
}

/** What a screen reader hears for the focus cell: "h040 → h001: 567 ms, Over SLA (≥ 100 ms)"; empty without one. */
export function focusAnnouncement(matrix: ViewMatrix, focus: { row: number; col: number } | undefined): string {
  if (!focus || focus.row >= matrix.rows.length || focus.col >= matrix.cols.length) {
    return '';
  }
  const d = describeCell(matrix, focus.row, focus.col);
  const cell = { source: d.source, destination: d.destination, value: d.value, state: d.state, ...RAW };
  return d.pairs
    ? t('matrix.focus-cell-pairs', '{{source}} → {{destination}}: {{value}}, {{state}}. {{pairs}}', {
        ...cell,
        pairs: d.pairs,
      })
    : t('matrix.focus-cell', '{{source}} → {{destination}}: {{value}}, {{state}}', cell);
}

/** Threshold colours that are no colour, one sentence each; undefined when every colour is one. */
export function unusableColorNotice(unusable: UnusableColor[]): string | undefined {
  if (unusable.length === 0) {
    return undefined;
  }
  return unusable
    .map((u) =>
      t(
        'matrix.footer.unusable-color',
        'Threshold colour “{{color}}” is not a colour: {{state}} cells are drawn in the palette’s colour.',
        { color: String(u.color), state: statusLabel(u.status), ...RAW }
      )
    )
    .join(' ');
}

/** What a screen reader announces for the grid: its size and its keys. */
export function gridSummary(rows: number, cols: number): string {
  return t(
    'matrix.aria-summary',
    'Pingmesh matrix, {{rows}} sources × {{cols}} destinations. Arrow keys move between cells; Enter opens the pair view or a group; Shift+F10 opens the cell menu.',
    { rows, cols, ...RAW }
  );
}

/** Instead of the matrix in a panel too small for its cells: a short line, and the why in its title. */
export function tooSmallText(width: number, height: number, min: number): { text: string; title: string } {
  return {
    text: t('matrix.too-small', 'Panel too small'),
    title: t(
      'matrix.too-small-detail',
      'At {{width}} × {{height}} px the matrix’s cells would get less than {{min}} px after the labels, legend and notices: make the panel larger.',
      { width: Math.round(width), height: Math.round(height), min, ...RAW }
    ),
  };
}
