import { useMemo } from 'react';

import { Areas, AreasInput, Layout, computeLayout, matrixFits, panelAreas } from '../../render/layout';
import { hostLabelsOf } from '../../model/displayNames';
import { AxisEntry } from '../../view/hierarchy';
import { View } from '../../view/view';
import { BAND } from './AxisLabels';

const GROUP_PREFIX = '▸ ';

export interface MatrixLayoutInput {
  view: View;
  /** The model's host names on each axis (shortened labels are worked out over all of them). */
  hosts: { rows: string[]; cols: string[] };
  /** The panel's size and which areas it shows besides the matrix (panelAreas). */
  panel: AreasInput;
  measure: (text: string) => number;
  shortNames: boolean;
  showLabels: boolean;
  fontSize: number;
  /** Height kept below the matrix (legend and footer). */
  footer: number;
}

export interface MatrixLayout {
  /** Where each part of the panel goes. */
  areas: Areas;
  hostLabels: ReturnType<typeof hostLabelsOf>;
  layout: Layout;
  /** The panel leaves the matrix room for its cells (render/layout matrixFits); else it says it is too small. */
  fits: boolean;
}

/**
 * The panel's areas, axis label texts (host names shortened) and the cells' layout in the matrix area, room kept for
 * header bands.
 */
export function useMatrixLayout(input: MatrixLayoutInput): MatrixLayout {
  const { view, hosts, panel, measure, shortNames, showLabels, fontSize, footer } = input;
  const { width, height, toolbar, list, pair, diagnosis, timeline } = panel;
  const areas = useMemo(
    () => panelAreas({ width, height, toolbar, list, pair, diagnosis, timeline }),
    [width, height, toolbar, list, pair, diagnosis, timeline]
  );
  const { matrix } = view;
  const hostLabels = useMemo(
    () => hostLabelsOf(hosts.rows, hosts.cols, shortNames),
    [hosts.rows, hosts.cols, shortNames]
  );
  const labelWidths = useMemo(
    () => ({
      rows: maxLabelWidth(matrix.rows, measure, hostLabels.rows),
      cols: maxLabelWidth(matrix.cols, measure, hostLabels.cols),
    }),
    [matrix, measure, hostLabels]
  );
  // Header bands: one per level that has an expanded group.
  const bands = useMemo(() => ({ rows: bandCount(view.rowHeaders), cols: bandCount(view.colHeaders) }), [view]);
  const { w, h } = areas.matrix;
  const rows = matrix.rows.length;
  const cols = matrix.cols.length;
  const cells = useMemo(
    () => ({
      rows,
      cols,
      rowLabelWidth: labelWidths.rows + bands.rows * BAND,
      colLabelWidth: labelWidths.cols + bands.cols * BAND,
      showLabels,
      fontSize,
      footer,
      bands,
      bandSize: BAND,
    }),
    [rows, cols, labelWidths, bands, showLabels, fontSize, footer]
  );
  const layout = useMemo(() => computeLayout({ ...cells, width: w, height: h }), [cells, w, h]);
  const fits = useMemo(() => matrixFits({ ...cells, width, height }), [cells, width, height]);
  return { areas, hostLabels, layout, fits };
}

function maxLabelWidth(
  entries: AxisEntry[],
  measure: (s: string) => number,
  hostLabels: ReadonlyMap<string, string> | undefined
): number {
  let longest = '';
  for (const e of entries) {
    const text = e.kind === 'group' ? GROUP_PREFIX + e.label : (hostLabels?.get(e.label) ?? e.label);
    if (text.length > longest.length) {
      longest = text;
    }
  }
  return measure(longest);
}

function bandCount(headers: Array<{ level: number }>): number {
  return new Set(headers.map((h) => h.level)).size;
}
