import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { IconButton, Portal, VizTooltipContainer, useStyles2 } from '@grafana/ui';
import React, { useMemo } from 'react';

import { TEST_IDS } from '../testIds';
import { RAW } from '../../util/i18n';
import { ViewMatrix } from '../../view/aggregate';
import { describeCell } from '../../text/describe';
import { Painted } from '../../render/paint';
import { Layout } from '../../render/layout';
import { ActionButtons, CellAction } from '../CellActions';
import { Hover, HoverStore, useHover } from './hoverStore';

interface Props {
  store: HoverStore;
  view: ViewMatrix;
  /** The painted cells: the swatch is the cell's own pixel, not a colour computed again. */
  painted: Painted;
  /** While a tooltip is pinned the hover one stays away. */
  hidden?: boolean;
}

/** The panel's single tooltip: source, destination, value with unit, state. */
export function CellTooltip({ store, view, painted, hidden }: Props) {
  const hover = useHover(store);
  if (hidden || !hover || hover.row >= view.rows.length || hover.col >= view.cols.length) {
    return null;
  }
  return <TooltipBox view={view} painted={painted} hover={hover} />;
}

function TooltipBox({ view, painted, hover }: { view: ViewMatrix; painted: Painted; hover: Hover }) {
  return (
    <Portal>
      <VizTooltipContainer position={{ x: hover.clientX, y: hover.clientY }} offset={{ x: 12, y: 12 }}>
        <CellDetails view={view} painted={painted} row={hover.row} col={hover.col} testId={TEST_IDS.tooltip} />
      </VizTooltipContainer>
    </Portal>
  );
}

interface PinnedProps {
  view: ViewMatrix;
  painted: Painted;
  row: number;
  col: number;
  layout: Layout;
  /** Size of the area the card must stay in, relative to the matrix' top-left corner. */
  bounds: { w: number; h: number };
  actions: CellAction[];
  onClose: () => void;
}

/**
 * The selected cell's tooltip, pinned beside the cell (it follows the layout, not the mouse) with the cell's actions.
 * Clicks inside it stay inside it.
 */
export function PinnedTooltip({ view, painted, row, col, layout, bounds, actions, onClose }: PinnedProps) {
  const styles = useStyles2(getStyles);
  const x = (col + 1) * layout.cellW + 8;
  const y = row * layout.cellH;
  const left = x < bounds.w / 2 || x + 200 < bounds.w;
  const top = y < bounds.h / 2;
  const style: React.CSSProperties = {
    ...(left ? { left: x } : { right: layout.w - col * layout.cellW + 8 }),
    ...(top ? { top: y } : { bottom: layout.h - (row + 1) * layout.cellH }),
  };
  const stop = (e: React.SyntheticEvent) => e.stopPropagation();
  return (
    <div
      className={styles.pinned}
      style={style}
      data-testid={TEST_IDS.pinned}
      onClick={stop}
      onPointerMove={stop}
      onContextMenu={stop}
      onKeyDown={(e) => e.key !== 'Escape' && stop(e)}
    >
      <div className={styles.close}>
        <IconButton name="times" size="sm" tooltip={t('tooltip.unpin', 'Unpin (Esc)')} onClick={onClose} />
      </div>
      <CellDetails view={view} painted={painted} row={row} col={col} />
      <ActionButtons actions={actions} />
    </div>
  );
}

interface DetailsProps {
  view: ViewMatrix;
  painted: Painted;
  row: number;
  col: number;
  testId?: string;
}

function CellDetails({ view, painted, row, col, testId }: DetailsProps) {
  const styles = useStyles2(getStyles);
  const d = useMemo(() => describeCell(view, row, col), [view, row, col]);
  const i = (row * view.cols.length + col) * 4;
  const px = painted.rgba;
  const swatch = `rgba(${px[i]}, ${px[i + 1]}, ${px[i + 2]}, ${px[i + 3] / 255})`;
  return (
    <div className={styles.box} data-testid={testId} role="tooltip">
      <div className={styles.pair}>
        <span data-testid={TEST_IDS.tooltipSource}>{d.source}</span>
        <span className={styles.arrow}> → </span>
        <span data-testid={TEST_IDS.tooltipDestination}>{d.destination}</span>
      </div>
      <div className={styles.value}>
        <span className={styles.swatch} style={{ background: swatch }} />
        <span data-testid={TEST_IDS.tooltipValue}>{d.value}</span>
      </div>
      {d.loss !== undefined && (
        <div data-testid={TEST_IDS.tooltipLoss}>{t('tooltip.loss', 'Loss {{loss}}', { loss: d.loss, ...RAW })}</div>
      )}
      <div className={styles.state} data-testid={TEST_IDS.tooltipState} data-status={d.status}>
        {d.state}
      </div>
      {d.sla && (
        <div className={styles.state} data-testid={TEST_IDS.tooltipSla}>
          {d.sla}
        </div>
      )}
      {d.unit && (
        <div className={styles.state} data-testid={TEST_IDS.tooltipUnit}>
          {d.unit}
        </div>
      )}
      {d.pairs && (
        <div className={styles.state} data-testid={TEST_IDS.tooltipPairs}>
          {d.pairs}
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), maxWidth: 480 }),
  pair: css({ fontWeight: theme.typography.fontWeightMedium, overflowWrap: 'anywhere', unicodeBidi: 'isolate' }),
  arrow: css({ color: theme.colors.text.secondary }),
  value: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), fontSize: theme.typography.h5.fontSize }),
  swatch: css({ width: 12, height: 12, borderRadius: theme.shape.radius.default, flex: 'none' }),
  state: css({ color: theme.colors.text.secondary }),
  pinned: css({
    position: 'absolute',
    zIndex: theme.zIndex.tooltip,
    cursor: 'auto',
    minWidth: 200,
    maxWidth: 360,
    padding: theme.spacing(1),
    paddingRight: theme.spacing(3),
    background: theme.colors.background.elevated,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z2,
  }),
  close: css({ position: 'absolute', top: theme.spacing(0.5), right: theme.spacing(0.5) }),
});
