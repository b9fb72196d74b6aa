import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React, { memo } from 'react';

import { Layout } from '../../render/layout';
import { HoverStore, useHover } from './hoverStore';

interface Props {
  store: HoverStore;
  layout: Layout;
  rows: number;
  cols: number;
}

/** The hovered row and column, outlined: two overlay bands that re-render alone on pointer moves. */
export function Crosshair({ store, layout, rows, cols }: Props) {
  const styles = useStyles2(getStyles);
  const hover = useHover(store);
  if (!hover || hover.row >= rows || hover.col >= cols) {
    return null;
  }
  return (
    <>
      <div className={styles.row} style={{ top: hover.row * layout.cellH, height: layout.cellH }} />
      <div className={styles.col} style={{ left: hover.col * layout.cellW, width: layout.cellW }} />
    </>
  );
}

interface BandsProps {
  rows: number[];
  cols: number[];
  layout: Layout;
  /** Search matches are tinted; the selected pair's row and column are outlined in the primary colour. */
  tone: 'search' | 'selected';
}

const MAX_BANDS = 200;

/** Rows and columns marked over the matrix: search matches, or the selected cell's row and column. */
export const Bands = memo(function Bands({ rows, cols, layout, tone }: BandsProps) {
  const styles = useStyles2(getStyles);
  const cls = tone === 'search' ? styles.search : styles.selected;
  return (
    <>
      {rows.slice(0, MAX_BANDS).map((r) => (
        <div
          key={`r${r}`}
          data-testid={`pingmesh-band-${tone}`}
          data-row={r}
          className={cx(styles.row, cls)}
          style={{ top: r * layout.cellH, height: layout.cellH }}
        />
      ))}
      {cols.slice(0, MAX_BANDS).map((c) => (
        <div
          key={`c${c}`}
          data-testid={`pingmesh-band-${tone}`}
          data-col={c}
          className={cx(styles.col, cls)}
          style={{ left: c * layout.cellW, width: layout.cellW }}
        />
      ))}
    </>
  );
});

const getStyles = (theme: GrafanaTheme2) => ({
  search: css({
    background: theme.colors.primary.transparent,
    boxShadow: `inset 0 0 0 1px ${theme.colors.primary.border}`,
    opacity: 1,
  }),
  selected: css({
    boxShadow: `inset 0 0 0 2px ${theme.colors.primary.main}`,
    opacity: 0.9,
  }),
  row: css({
    position: 'absolute',
    left: 0,
    right: 0,
    pointerEvents: 'none',
    boxShadow: `inset 0 1px 0 ${theme.colors.text.primary}, inset 0 -1px 0 ${theme.colors.text.primary}`,
    opacity: 0.6,
  }),
  col: css({
    position: 'absolute',
    top: 0,
    bottom: 0,
    pointerEvents: 'none',
    boxShadow: `inset 1px 0 0 ${theme.colors.text.primary}, inset -1px 0 0 ${theme.colors.text.primary}`,
    opacity: 0.6,
  }),
});
