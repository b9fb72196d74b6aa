import { Aggregation, SortBy } from '../types';
import { ViewMatrix, aggregateView, breachThreshold } from './aggregate';
import { AxisTree, GroupNode, buildAxisTree, expandedHeaders, visibleEntries } from './hierarchy';
import { CellState, MatrixModel } from './types';

export interface Zoom {
  row: string;
  col: string;
}

export interface ViewInput {
  model: MatrixModel;
  /** Level name the view starts collapsed at; empty or unknown = the outermost level. */
  startLevel: string;
  toggled: ReadonlySet<string>;
  /** Zoomed into row group × column group (ids), innermost last. */
  zoom: Zoom[];
  aggregation: Aggregation;
  sortBy: SortBy;
}

export interface View {
  matrix: ViewMatrix;
  rowTree: AxisTree;
  colTree: AxisTree;
  /** Expanded groups drawn as header bands on each axis. */
  rowHeaders: GroupNode[];
  colHeaders: GroupNode[];
  /** The zoom that applied (ids that no longer exist after a refresh are dropped). */
  zoom: Zoom[];
}

/** Model → what is drawn. Pure; the panel memoizes it on its inputs. */
export function buildView(input: ViewInput): View {
  const { model, toggled, aggregation, sortBy } = input;
  const depth = model.levels.length;
  const startIndex = model.levels.indexOf(input.startLevel);
  const scores = sortBy === 'name' ? undefined : hostScores(model, sortBy);
  const rowTree = buildAxisTree({
    names: model.rows,
    paths: model.rowPaths,
    depth,
    score: scores?.rows,
    combine: sortBy === 'breaches' ? 'sum' : 'max',
  });
  const colTree =
    model.cols === model.rows
      ? rowTree
      : buildAxisTree({
          names: model.cols,
          paths: model.colPaths,
          depth,
          score: scores?.cols,
          combine: sortBy === 'breaches' ? 'sum' : 'max',
        });

  const zoom = input.zoom.filter((z) => rowTree.byId.has(z.row) && colTree.byId.has(z.col));
  const last = zoom[zoom.length - 1];
  const rowWithin = last && rowTree.byId.get(last.row);
  const colWithin = last && colTree.byId.get(last.col);
  // Inside a zoomed group its children show, collapsed, whatever the start level.
  const level = (within?: GroupNode) => Math.max(startIndex < 0 ? 0 : startIndex, within ? within.level + 1 : 0);
  const rowState = { startLevel: level(rowWithin), toggled };
  const colState = { startLevel: level(colWithin), toggled };
  const rows = visibleEntries(rowTree, rowState, model.rows, rowWithin);
  const cols = visibleEntries(colTree, colState, model.cols, colWithin);
  return {
    matrix: aggregateView({ model, rowTree, colTree, rows, cols, aggregation }),
    rowTree,
    colTree,
    rowHeaders: expandedHeaders(rowTree, rowState, rowWithin),
    colHeaders: expandedHeaders(colTree, colState, colWithin),
    zoom,
  };
}

/** Per host severity for sorting: worst value, or pairs over SLA, over its row (as source) and column (as destination). */
function hostScores(model: MatrixModel, sortBy: Exclude<SortBy, 'name'>) {
  const R = model.rows.length;
  const C = model.cols.length;
  const rows = new Float64Array(R);
  const cols = new Float64Array(C);
  const breachAt = breachThreshold(model.field);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const i = r * C + c;
      if (model.states[i] !== CellState.Value) {
        continue;
      }
      const v = model.values[i];
      if (sortBy === 'worst') {
        rows[r] = Math.max(rows[r], v);
        cols[c] = Math.max(cols[c], v);
      } else if (v >= breachAt) {
        rows[r]++;
        cols[c]++;
      }
    }
  }
  if (model.cols === model.rows) {
    // One order for both axes, so the diagonal stays "self": rank a host by its row and column together.
    for (let h = 0; h < R; h++) {
      rows[h] = sortBy === 'worst' ? Math.max(rows[h], cols[h]) : rows[h] + cols[h];
    }
    return { rows, cols: rows };
  }
  return { rows, cols };
}
