import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import { Layout } from '../layout/layout';
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

const getStyles = (theme: GrafanaTheme2) => ({
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
