import { ThresholdsMode } from '@grafana/data';

import { DEFAULT_THRESHOLD_STEPS } from '../options/defaults';
import { Aggregation, SortBy } from '../options/types';
import { PRESETS } from '../model/presets';
import { ViewMatrix, aggregateViewSteps, thresholdLevels } from './aggregate';
import { AxisTree, GroupNode, buildAxisTree, expandedHeaders, visibleEntries } from './hierarchy';
import { Classified, DEFAULT_SLA_CONFIG, SlaConfig, Status, classifySteps } from '../model/sla';
import { MatrixModel } from '../model/types';
import { conversionFactor } from '../model/units';
import { finish, rowsPerStep } from '../util/steps';

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
  /** Hosts first in this order (with sort by name), e.g. an imported instance list. */
  hostOrder?: string[];
  /** The model's cells judged against the SLA (classifyModel); default: the default SLA. */
  classified?: Classified;
}

export interface View {
  matrix: ViewMatrix;
  rowTree: AxisTree;
  colTree: AxisTree;
  /** Expanded groups drawn as header bands on each axis. */
  rowHeaders: GroupNode[];
  colHeaders: GroupNode[];
  /** The zoom that applied: the steps of `ViewInput.zoom` that exist and nest (nestedZoom). */
  zoom: Zoom[];
}

/** Model → what is drawn. Pure; the panel memoizes it on its inputs. */
export function buildView(input: ViewInput): View {
  return finish(buildViewSteps(input));
}

/** The same, as steps (util/steps.ts): a 4,096-host mesh is sorted and gathered in slices, not one long task. */
export function* buildViewSteps(input: ViewInput): Generator<void, View> {
  const { model, toggled, aggregation, sortBy } = input;
  const classified = input.classified ?? classifyModel(model, DEFAULT_SLA_CONFIG);
  const depth = model.levels.length;
  // `host`: every group open, the hosts themselves.
  const startIndex = input.startLevel === 'host' ? depth : model.levels.indexOf(input.startLevel);
  const scores =
    sortBy !== 'name'
      ? yield* hostScores(model, classified, sortBy)
      : input.hostOrder?.length
        ? listedFirst(model, input.hostOrder)
        : undefined;
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

  const zoom = nestedZoom(input.zoom, rowTree, colTree);
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
    matrix: yield* aggregateViewSteps({ model, rowTree, colTree, rows, cols, aggregation, classified }),
    rowTree,
    colTree,
    rowHeaders: expandedHeaders(rowTree, rowState, rowWithin),
    colHeaders: expandedHeaders(colTree, colState, colWithin),
    zoom,
  };
}

/**
 * The zoom steps that apply, outermost first: each step's row and column groups exist and lie inside the previous
 * step's (a deeper group of it), as clicks make them. The zoom comes from the URL, where a link may carry ids that no
 * longer exist after a refresh, repeat (64 copies of one id), or were never nested: those steps are dropped.
 */
export function nestedZoom(zoom: readonly Zoom[], rowTree: AxisTree, colTree: AxisTree): Zoom[] {
  const out: Zoom[] = [];
  let prev: { row: GroupNode; col: GroupNode } | undefined;
  for (const z of zoom) {
    const row = rowTree.byId.get(z.row);
    const col = colTree.byId.get(z.col);
    if (row && col && (!prev || (inside(row, prev.row) && inside(col, prev.col)))) {
      out.push(z);
      prev = { row, col };
    }
  }
  return out;
}

/** Whether `node` is a group below `outer` (positions within its range, a deeper level). */
function inside(node: GroupNode, outer: GroupNode): boolean {
  return node.level > outer.level && node.start >= outer.start && node.end <= outer.end;
}

/** The model judged against the SLA: the field thresholds, or per-scope SLAs converted to the field unit. */
export function classifyModel(model: MatrixModel, config: SlaConfig): Classified {
  return finish(classifyModelSteps(model, config));
}

/** The same, as steps (util/steps.ts). */
export function* classifyModelSteps(model: MatrixModel, config: SlaConfig): Generator<void, Classified> {
  // An exporter preset with its own scale (RDMA in µs, HTTP in ms) brings its own defaults where the options keep
  // the built-in ones: scopes left at their defaults, the Thresholds field option at the plugin's default, and the
  // loss thresholds at theirs.
  const preset = PRESETS.find((p) => p.name === model.mapping.presetName);
  const msToUnit = conversionFactor('ms', model.field.config.unit ?? 'ms');
  const own = preset?.thresholds;
  const thresholds =
    own && isDefaultThresholds(model.field)
      ? { warn: own.warn * msToUnit, breach: own.breach * msToUnit }
      : thresholdLevels(model.field);
  const lossDefaults =
    config.lossWarn === DEFAULT_SLA_CONFIG.lossWarn && config.lossBreach === DEFAULT_SLA_CONFIG.lossBreach;
  const judged =
    own?.lossWarn !== undefined && own.lossBreach !== undefined && lossDefaults
      ? { ...config, lossWarn: own.lossWarn, lossBreach: own.lossBreach }
      : config;
  // Groups standing in for hosts (Max hosts) are judged by the scope of the pairs inside: a ToR to itself is
  // same-tor, two ToRs of a DC cross-tor.
  const g = model.grouped;
  const withSelf = (paths: string[][], names: string[]) => paths.map((p, i) => [...p, names[i]]);
  const rowPaths = g ? withSelf(model.rowPaths, model.rows) : model.rowPaths;
  const colPaths = g ? (model.cols === model.rows ? rowPaths : withSelf(model.colPaths, model.cols)) : model.colPaths;
  return yield* classifySteps({
    values: model.values,
    presence: model.presence,
    loss: model.loss,
    baseline: model.baseline,
    age: model.age,
    rows: model.rows.length,
    cols: model.cols.length,
    rowPaths,
    colPaths,
    levels: g ? [...model.levels, g.level] : model.levels,
    thresholds,
    msToUnit,
    config: judged,
    presetScopes: preset?.sla,
  });
}

/** The Thresholds field option as the plugin sets it by default (or none at all): nobody chose these numbers. */
function isDefaultThresholds(field: MatrixModel['field']): boolean {
  const steps = field.config.thresholds?.steps;
  if (!steps || steps.length === 0) {
    return true;
  }
  return (
    (field.config.unit ?? 'ms') === 'ms' &&
    field.config.thresholds?.mode !== ThresholdsMode.Percentage &&
    steps.length === DEFAULT_THRESHOLD_STEPS.length &&
    steps.every((st, i) => i === 0 || st.value === DEFAULT_THRESHOLD_STEPS[i].value)
  );
}

/** Scores that put the listed hosts first, in list order (the tree sorts higher scores first, then by name). */
function listedFirst(model: MatrixModel, order: string[]) {
  const rank = new Map(order.map((h, i) => [h, order.length - i]));
  const of = (names: string[]) => Float64Array.from(names, (h) => rank.get(h) ?? 0);
  const rows = of(model.rows);
  return { rows, cols: model.cols === model.rows ? rows : of(model.cols) };
}

/**
 * Per host severity for sorting, over its row (as source) and column (as destination): worst status then worst value,
 * or the number of pairs over SLA (failed probes included). One pass over typed arrays, one loop per kind (16 M cells
 * at 4,096 hosts), yielding every few hundred thousand cells.
 */
function* hostScores(model: MatrixModel, classified: Classified, sortBy: Exclude<SortBy, 'name'>) {
  const R = model.rows.length;
  const C = model.cols.length;
  const rows = new Float64Array(R);
  const cols = new Float64Array(C);
  const counts = new Uint32Array(C);
  const step = rowsPerStep(C);
  for (let r0 = 0; r0 < R; r0 += step) {
    const r1 = Math.min(R, r0 + step);
    if (sortBy === 'worst') {
      worstScores(model.values, classified.status, C, r0, r1, rows, cols);
    } else {
      breachCounts(classified.status, C, r0, r1, rows, counts);
    }
    yield;
  }
  if (sortBy !== 'worst') {
    cols.set(counts);
  }
  if (model.cols === model.rows) {
    for (let h = 0; h < R; h++) {
      rows[h] = sortBy === 'worst' ? Math.max(rows[h], cols[h]) : rows[h] + cols[h];
    }
    return { rows, cols: rows };
  }
  return { rows, cols };
}

/** Rows r0..r1: each row's and column's worst status × 1e9 + worst value. */
function worstScores(
  values: Float64Array,
  status: Uint8Array,
  C: number,
  r0: number,
  r1: number,
  rows: Float64Array,
  cols: Float64Array
) {
  const BIG = 1e9;
  for (let r = r0; r < r1; r++) {
    let row = 0;
    for (let c = 0, i = r * C; c < C; c++, i++) {
      const v = values[i];
      const score = status[i] * BIG + (v === v && v < BIG ? v : 0);
      if (score > row) {
        row = score;
      }
      if (score > cols[c]) {
        cols[c] = score;
      }
    }
    rows[r] = row;
  }
}

/** Rows r0..r1: pairs over SLA or failed, per row and per column. */
function breachCounts(status: Uint8Array, C: number, r0: number, r1: number, rows: Float64Array, counts: Uint32Array) {
  for (let r = r0; r < r1; r++) {
    let row = 0;
    for (let c = 0, i = r * C; c < C; c++, i++) {
      const st = status[i];
      if (st === Status.Breach || st === Status.Failed) {
        row++;
        counts[c]++;
      }
    }
    rows[r] = row;
  }
}
