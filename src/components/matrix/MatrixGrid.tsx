import { useStyles2 } from '@grafana/ui';
import React from 'react';

import { Candidate } from '../../insight/diagnosis';
import { MatrixModel } from '../../model/types';
import { Layout, Rect } from '../../render/layout';
import { CellAction } from '../CellActions';
import { TEST_IDS } from '../testIds';
import { CellOutline } from './CellOutline';
import { PinnedTooltip } from './CellTooltip';
import { Bands, Crosshair } from './Crosshair';
import { Cell } from './focus';
import { HoverStore } from './hoverStore';
import { MatrixCanvas } from './MatrixCanvas';
import { getStyles } from './MatrixView.styles';
import { MatrixData } from './useMatrixData';

export interface GridHandlers {
  onKeyDown: (e: React.KeyboardEvent) => void;
  onPointerMove: (e: React.PointerEvent) => void;
  onPointerLeave: () => void;
  onClick: (e: React.MouseEvent) => void;
  onContextMenu: (e: React.MouseEvent) => void;
}

interface Props {
  gridRef: React.RefObject<HTMLDivElement>;
  model: MatrixModel;
  data: MatrixData;
  layout: Layout;
  /** The matrix area (the pinned tooltip stays inside it). */
  area: Rect;
  hovers: HoverStore;
  focus?: Cell;
  /** Search matches, on both axes. */
  highlight?: { rows: number[]; cols: number[] };
  pinned?: Cell;
  /** The pinned pair's actions, but the pair view it already shows. */
  pinnedActions: CellAction[];
  onUnpin: () => void;
  /** The diagnosis entry whose cells are outlined. */
  culprit?: Candidate;
  /** What a screen reader announces for the grid. */
  summary: string;
  handlers: GridHandlers;
}

/** The cells (one canvas) and what is drawn over them: bands, outlines, crosshair, focus cell, pinned tooltip. */
export function MatrixGrid({ gridRef, model, data, layout, area, hovers, focus, highlight, pinned, ...rest }: Props) {
  const styles = useStyles2(getStyles);
  const { view, painted, separators, marks, changed } = data;
  const rows = view.matrix.rows.length;
  const cols = view.matrix.cols.length;
  const { handlers } = rest;
  return (
    <div
      ref={gridRef}
      className={styles.matrix}
      style={{ left: layout.x, top: layout.y, width: layout.w, height: layout.h }}
      tabIndex={0}
      role="grid"
      aria-label={rest.summary}
      aria-rowcount={rows}
      aria-colcount={cols}
      onKeyDown={handlers.onKeyDown}
      onPointerMove={handlers.onPointerMove}
      onPointerLeave={handlers.onPointerLeave}
      onClick={handlers.onClick}
      onContextMenu={handlers.onContextMenu}
    >
      <MatrixCanvas painted={painted} rows={rows} cols={cols} layout={layout} separators={separators} marks={marks} />
      {highlight && <Bands rows={highlight.rows} cols={highlight.cols} layout={layout} tone="search" />}
      {pinned && <Bands rows={[pinned.row]} cols={[pinned.col]} layout={layout} tone="selected" />}
      {rest.culprit && (
        <CellOutline
          cells={rest.culprit.cells}
          view={view}
          modelCols={model.cols.length}
          layout={layout}
          dashed
          testId={TEST_IDS.culprit}
        />
      )}
      {changed && changed.length > 0 && (
        <CellOutline
          cells={changed}
          view={view}
          modelCols={model.cols.length}
          layout={layout}
          dashed={false}
          testId={TEST_IDS.changed}
        />
      )}
      <Crosshair store={hovers} layout={layout} rows={rows} cols={cols} />
      {focus && (
        <div
          data-testid={TEST_IDS.focus}
          data-row={focus.row}
          data-col={focus.col}
          className={styles.focus}
          style={{
            left: focus.col * layout.cellW,
            top: focus.row * layout.cellH,
            width: layout.cellW,
            height: layout.cellH,
          }}
        />
      )}
      {pinned && (
        <PinnedTooltip
          view={view.matrix}
          painted={painted}
          row={pinned.row}
          col={pinned.col}
          layout={layout}
          bounds={{ w: area.w - layout.x, h: area.h - layout.y }}
          actions={rest.pinnedActions.filter((a) => a.id !== 'pair')}
          onClose={rest.onUnpin}
        />
      )}
    </div>
  );
}
