import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import React, { memo } from 'react';

import { TEST_IDS } from '../testIds';
import { RAW } from '../../util/i18n';
import { Layout, labelIndices } from '../../render/layout';
import { HostLabels } from '../../model/displayNames';
import { AxisEntry, GroupNode } from '../../view/hierarchy';
import { View } from '../../view/view';

/** Width of one header band (an expanded group level) beside the axis labels. */
export const BAND = 14;

interface Props {
  view: View;
  layout: Layout;
  fontSize: number;
  /** Shorter host labels (common prefix / domain dropped); the full name stays in the title. */
  hostLabels: HostLabels;
  onToggle: (ids: string[]) => void;
  /** Entry indices to emphasise (search matches). */
  highlight?: { rows: number[]; cols: number[] };
}

/**
 * Axis text as DOM (React escapes it: label values are untrusted): entry labels where they fit, collapsed groups as
 * buttons that expand them, expanded groups as header bands that collapse them. O(rows + cols) elements at most.
 * Every text box stays inside the room the layout gives it (bands, then labels, then the matrix), truncated with an
 * ellipsis and the full name in its title: labels never overlap each other, a band or a cell.
 */
export const AxisLabels = memo(function AxisLabels({ view, layout, fontSize, hostLabels, onToggle, highlight }: Props) {
  const styles = useStyles2(getStyles);
  const { rows, cols } = view.matrix;
  const rowBandsW = layout.rowBands * BAND;
  const colBandsH = layout.colBands * BAND;
  const marked = {
    row: new Set(highlight?.rows),
    col: new Set(highlight?.cols),
  };

  const entry = (axis: 'row' | 'col', e: AxisEntry, i: number) => {
    const isRow = axis === 'row';
    const style = isRow
      ? {
          top: layout.y + i * layout.cellH + layout.cellH / 2,
          left: rowBandsW,
          width: layout.rowLabelSpace,
          fontSize,
        }
      : {
          left: layout.x + i * layout.cellW + layout.cellW / 2,
          top: colBandsH,
          height: layout.colLabelSpace,
          fontSize,
        };
    const hit = marked[axis].has(i);
    const className = cx(styles.label, isRow ? styles.row : styles.col, hit && styles.hit);
    const testId = isRow ? TEST_IDS.rowLabel : TEST_IDS.colLabel;
    if (e.kind === 'group') {
      return (
        <button
          key={`${axis}${i}`}
          type="button"
          data-testid={testId}
          data-index={i}
          data-group={e.node.id}
          data-hit={hit || undefined}
          className={cx(className, styles.button)}
          style={style}
          title={t('axis.expand-group-title', '{{group}}: {{hosts}} hosts (click to expand)', {
            group: e.label,
            hosts: e.end - e.start,
            ...RAW,
          })}
          aria-expanded={false}
          onClick={() => onToggle([e.node.id])}
        >
          ▸ {e.label}
        </button>
      );
    }
    const text = (isRow ? hostLabels.rows : hostLabels.cols)?.get(e.label) ?? e.label;
    return (
      <div
        key={`${axis}${i}`}
        data-testid={testId}
        data-index={i}
        data-hit={hit || undefined}
        data-host={e.label}
        className={className}
        style={style}
        title={e.label}
      >
        {text}
      </div>
    );
  };

  const header = (axis: 'row' | 'col', node: GroupNode, levels: number[]) => {
    const entries = axis === 'row' ? rows : cols;
    const first = entries.findIndex((e) => e.start >= node.start);
    // Not shown (inside a zoom, or none of its rows drawn), or a band level the gutter has no room for.
    const band = levels.indexOf(node.level);
    if (first < 0 || entries[first].end > node.end || band >= (axis === 'row' ? layout.rowBands : layout.colBands)) {
      return null;
    }
    let last = first;
    while (last + 1 < entries.length && entries[last + 1].end <= node.end) {
      last++;
    }
    const isRow = axis === 'row';
    const style = isRow
      ? {
          left: band * BAND,
          top: layout.y + first * layout.cellH,
          height: (last - first + 1) * layout.cellH,
          width: BAND - 2,
        }
      : {
          top: band * BAND,
          left: layout.x + first * layout.cellW,
          width: (last - first + 1) * layout.cellW,
          height: BAND - 2,
        };
    return (
      <button
        key={`${axis}h${node.id}`}
        type="button"
        data-testid={TEST_IDS.groupHeader}
        data-group={node.id}
        className={cx(styles.header, isRow ? styles.headerRow : styles.headerCol)}
        style={style}
        title={t('axis.collapse-group-title', '{{group}} (click to collapse)', { group: node.name, ...RAW })}
        aria-label={t('axis.collapse-group', 'Collapse {{group}}', { group: node.name, ...RAW })}
        aria-expanded={true}
        onClick={() => onToggle([node.id])}
      >
        <span>{node.name}</span>
      </button>
    );
  };
  const levelsOf = (headers: GroupNode[]) => [...new Set(headers.map((h) => h.level))].sort((a, b) => a - b);
  const rowLevels = levelsOf(view.rowHeaders);
  const colLevels = levelsOf(view.colHeaders);

  return (
    <>
      {shown(labelIndices(rows.length, layout.rowLabelEvery), layout.rowLabelSpace, highlight?.rows).map((i) =>
        entry('row', rows[i], i)
      )}
      {shown(labelIndices(cols.length, layout.colLabelEvery), layout.colLabelSpace, highlight?.cols).map((i) =>
        entry('col', cols[i], i)
      )}
      {layout.rowGutter > 0 && view.rowHeaders.map((h) => header('row', h, rowLevels))}
      {layout.colGutter > 0 && view.colHeaders.map((h) => header('col', h, colLevels))}
    </>
  );
});

/** The labels that fit, plus matched ones even where labels are thinned out (when there is room for labels at all). */
function shown(fit: number[], room: number, hits: number[] | undefined): number[] {
  if (!hits || hits.length === 0 || room <= 0) {
    return fit;
  }
  const set = new Set(fit);
  return [...fit, ...hits.filter((i) => !set.has(i))];
}

const getStyles = (theme: GrafanaTheme2) => ({
  label: css({
    position: 'absolute',
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    lineHeight: 1,
    unicodeBidi: 'isolate',
  }),
  row: css({ textAlign: 'right', transform: 'translateY(-50%)' }),
  hit: css({ color: theme.colors.primary.text, fontWeight: theme.typography.fontWeightBold }),
  col: css({
    writingMode: 'vertical-rl',
    transform: 'translateX(-50%) rotate(180deg)',
    textAlign: 'left',
  }),
  button: css({
    pointerEvents: 'auto',
    font: 'inherit',
    background: 'none',
    border: 'none',
    padding: 0,
    cursor: 'pointer',
    color: theme.colors.text.primary,
    '&:hover, &:focus-visible': { color: theme.colors.text.link, outline: 'none' },
  }),
  header: css({
    position: 'absolute',
    font: 'inherit',
    padding: 0,
    border: 'none',
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
    color: theme.colors.text.secondary,
    fontSize: 10,
    lineHeight: 1,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    cursor: 'pointer',
    unicodeBidi: 'isolate',
    '&:hover, &:focus-visible': {
      background: theme.colors.action.hover,
      color: theme.colors.text.primary,
      outline: 'none',
    },
    '& > span': { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' },
  }),
  headerRow: css({
    '& > span': { writingMode: 'vertical-rl', transform: 'rotate(180deg)', maxHeight: '100%', margin: '0 auto' },
  }),
  headerCol: css({ '& > span': { maxWidth: '100%', padding: '0 2px' } }),
});
