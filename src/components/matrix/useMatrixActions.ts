import { InterpolateFunction } from '@grafana/data';
import React, { useCallback, useMemo } from 'react';

import { DrillData } from '../../drill/types';
import { MatrixModel } from '../../model/types';
import { DrillOptions } from '../../options/types';
import { AxisEntry } from '../../view/hierarchy';
import { View } from '../../view/view';
import { cellActions } from '../CellActions';
import { useStableCallback } from '../useStableCallback';
import { HoverStore } from './hoverStore';
import { MatrixState } from './useMatrixState';

export interface MatrixActionsInput {
  model: MatrixModel;
  view: View;
  state: MatrixState;
  drill: DrillData;
  variables: DrillOptions;
  replaceVariables: InterpolateFunction;
  hovers: HoverStore;
  grid: React.RefObject<HTMLDivElement | null>;
}

/**
 * What a cell does: Enter or a click opens it (a host pair's view, a zoom into group × group, or one group expanded),
 * the cell menu lists its actions, and the selected pair is pinned where it is drawn. Handlers are stable callers (why:
 * useStableCallback).
 */
export function useMatrixActions({
  model,
  view,
  state,
  drill,
  variables,
  replaceVariables,
  hovers,
  grid,
}: MatrixActionsInput) {
  const { matrix } = view;
  const { selected, setSelected, setZoom, setFocus, setMenu, toggle } = state;

  const openCell = useStableCallback((row: number, col: number) => {
    const re = matrix.rows[row];
    const ce = matrix.cols[col];
    if (re.kind === 'host' && ce.kind === 'host') {
      // Folded by the cardinality guard, a "host" is a group: there is no single pair to show.
      if (!model.grouped) {
        setSelected({ source: re.label, destination: ce.label });
      }
    } else if (re.kind === 'group' && ce.kind === 'group') {
      setZoom([...view.zoom, { row: re.node.id, col: ce.node.id }]);
      setFocus(undefined);
      hovers.clear();
    } else {
      toggle([re, ce].filter((e) => e.kind === 'group').map((e) => e.node.id));
    }
  });

  const actionsFor = useCallback(
    (row: number, col: number) =>
      cellActions({
        model,
        view: matrix,
        trees: { rows: view.rowTree, cols: view.colTree },
        row,
        col,
        drill,
        options: variables,
        replaceVariables,
        onOpenPair: setSelected,
        onOpenGroup: openCell,
      }),
    [model, matrix, view, drill, variables, replaceVariables, setSelected, openCell]
  );
  const menuFor = useCallback(
    (row: number, col: number) => ({
      title: `${matrix.rows[row].label} → ${matrix.cols[col].label}`,
      actions: actionsFor(row, col),
    }),
    [matrix, actionsFor]
  );

  // Where the selected pair is drawn (it may be hidden inside a collapsed group).
  const hostIndex = useMemo(() => ({ rows: hostPositions(matrix.rows), cols: hostPositions(matrix.cols) }), [matrix]);
  const pinRow = selected && hostIndex.rows.get(selected.source);
  const pinCol = selected && hostIndex.cols.get(selected.destination);
  const pinned = pinRow !== undefined && pinCol !== undefined ? { row: pinRow, col: pinCol } : undefined;
  const pinnedActions = useMemo(
    () => (pinRow !== undefined && pinCol !== undefined ? actionsFor(pinRow, pinCol) : []),
    [pinRow, pinCol, actionsFor]
  );

  const closePair = useStableCallback(() => {
    setSelected(undefined);
    grid.current?.focus();
  });
  const unpin = useStableCallback(() => setSelected(undefined));
  const closeMenu = useStableCallback(() => {
    setMenu(undefined);
    grid.current?.focus();
  });
  const onWorst = useStableCallback((row: number, col: number) => {
    setFocus({ row, col });
    openCell(row, col);
  });
  const onNavigate = useStableCallback((depth: number) => {
    setZoom(view.zoom.slice(0, depth));
    setFocus(undefined);
  });
  return { openCell, menuFor, pinned, pinnedActions, closePair, unpin, closeMenu, onWorst, onNavigate };
}

function hostPositions(entries: AxisEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  entries.forEach((e, i) => e.kind === 'host' && out.set(e.label, i));
  return out;
}
