import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Portal, VizTooltipContainer, useStyles2 } from '@grafana/ui';
import React, { useMemo } from 'react';

import { TEST_IDS } from '../constants';
import { ViewMatrix } from '../model/aggregate';
import { describeCell } from '../render/describe';
import { Painted } from '../render/paint';
import { Hover, HoverStore, useHover } from './hoverStore';

interface Props {
  store: HoverStore;
  view: ViewMatrix;
  /** The painted cells: the swatch is the cell's own pixel, not a colour computed again. */
  painted: Painted;
}

/** The panel's single tooltip: source, destination, value with unit, state. */
export function CellTooltip({ store, view, painted }: Props) {
  const hover = useHover(store);
  if (!hover || hover.row >= view.rows.length || hover.col >= view.cols.length) {
    return null;
  }
  return <TooltipBox view={view} painted={painted} hover={hover} />;
}

function TooltipBox({ view, painted, hover }: { view: ViewMatrix; painted: Painted; hover: Hover }) {
  const styles = useStyles2(getStyles);
  const { row, col } = hover;
  const d = useMemo(() => describeCell(view, row, col), [view, row, col]);
  const i = (row * view.cols.length + col) * 4;
  const px = painted.rgba;
  const swatch = `rgba(${px[i]}, ${px[i + 1]}, ${px[i + 2]}, ${px[i + 3] / 255})`;
  return (
    <Portal>
      <VizTooltipContainer position={{ x: hover.clientX, y: hover.clientY }} offset={{ x: 12, y: 12 }}>
        <div className={styles.box} data-testid={TEST_IDS.tooltip} role="tooltip">
          <div className={styles.pair}>
            <span data-testid={TEST_IDS.tooltipSource}>{d.source}</span>
            <span className={styles.arrow}> → </span>
            <span data-testid={TEST_IDS.tooltipDestination}>{d.destination}</span>
          </div>
          <div className={styles.value}>
            <span className={styles.swatch} style={{ background: swatch }} />
            <span data-testid={TEST_IDS.tooltipValue}>{d.value}</span>
          </div>
          <div className={styles.state} data-testid={TEST_IDS.tooltipState}>
            {d.state}
          </div>
          {d.pairs && (
            <div className={styles.state} data-testid={TEST_IDS.tooltipPairs}>
              {d.pairs}
            </div>
          )}
        </div>
      </VizTooltipContainer>
    </Portal>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), maxWidth: 480 }),
  pair: css({ fontWeight: theme.typography.fontWeightMedium, overflowWrap: 'anywhere', unicodeBidi: 'isolate' }),
  arrow: css({ color: theme.colors.text.secondary }),
  value: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), fontSize: theme.typography.h5.fontSize }),
  swatch: css({ width: 12, height: 12, borderRadius: theme.shape.radius.default, flex: 'none' }),
  state: css({ color: theme.colors.text.secondary }),
});
