import { CELLS_PER_STEP, finish, rowsPerStep } from '../util/steps';
import { groupId } from './groupId';

/**
 * What a pair's measurements mean against its SLA: one status per cell, from latency and loss, judged by the SLA of the
 * pair's scope (same ToR … cross-region). Pure.
 */

/** Cell status. The codes are the severity order: a larger code is worse (pooling and "worst" sorting rely on it). */
export const Status = {
  /** The diagonal: a host to itself. */
  Self: 0,
  /** The pair is not in the mesh (sparse meshes): nothing was expected. */
  NotProbed: 1,
  OK: 2,
  /** The pair is expected but has no samples. */
  NoData: 3,
  /** The newest sample is older than the stale age. */
  Stale: 4,
  /** NaN, ±Inf or a negative latency. */
  Invalid: 5,
  Warning: 6,
  Breach: 7,
  /** The probe itself failed (e.g. `pingmesh_fail`). */
  Failed: 8,
} as const;
export type StatusCode = (typeof Status)[keyof typeof Status];
export const STATUS_COUNT = 9;

/**
 * The model's presence code (`MatrixModel.presence`) for a pair with a latency or loss sample: no status yet, the SLA
 * decides it (classify). Every other presence code is a `Status` ingest decided alone. Outside the status range.
 */
export const MEASURED = 255;

/**
 * Most grouping levels a model has (ingest caps *Group by* and says so). A cell's scope is a byte — how many levels
 * its two hosts share, 0…levels (+1 for the cardinality guard's level) — and 255 marks group cells (NO_SCOPE):
 * hundreds of levels would wrap it. Real hierarchies have a handful (region, DC, AZ, pod, ToR).
 */
export const MAX_LEVELS = 32;

export const LEGEND_ORDER: StatusCode[] = [
  Status.OK,
  Status.Warning,
  Status.Breach,
  Status.Failed,
  Status.NoData,
  Status.Stale,
  Status.Invalid,
  Status.NotProbed,
  Status.Self,
];

/** Latency thresholds in ms, loss thresholds as ratios (0.001 = 0.1 %). A value at or above a threshold reaches it. */
export interface ScopeSla {
  latencyWarn: number;
  latencyBreach: number;
  lossWarn: number;
  lossBreach: number;
}

/**
 * How far apart a pair is, from the grouping levels: `same-<innermost>` when every level is shared, else
 * `cross-<first level that differs>` — with levels region,dc,az,tor: same-tor, cross-tor, cross-az, cross-dc,
 * cross-region. `all` without levels.
 */
export type ScopeKey = string;

/** Pingmesh-paper-spirited defaults: intra-DC P99 well under a millisecond, drops around 1e-4 are a warning. */
export const DEFAULT_SCOPE_SLAS: Record<string, ScopeSla> = {
  'same-tor': { latencyWarn: 0.5, latencyBreach: 1, lossWarn: 1e-4, lossBreach: 1e-3 },
  'cross-tor': { latencyWarn: 1, latencyBreach: 2, lossWarn: 1e-4, lossBreach: 1e-3 },
  'cross-az': { latencyWarn: 2, latencyBreach: 5, lossWarn: 1e-4, lossBreach: 1e-3 },
  'cross-dc': { latencyWarn: 10, latencyBreach: 20, lossWarn: 1e-4, lossBreach: 1e-3 },
  'cross-region': { latencyWarn: 100, latencyBreach: 200, lossWarn: 1e-4, lossBreach: 1e-3 },
};

export type SlaMode = 'auto' | 'thresholds' | 'scopes' | 'baseline';

export interface SlaConfig {
  /** `auto` resolves to `scopes` when the model has grouping levels, else `thresholds`. */
  mode: SlaMode;
  /** Per-scope SLAs (scopes mode); a scope missing here falls back to the nearest default, then the field thresholds. */
  scopes: Record<ScopeKey, ScopeSla>;
  /** Loss thresholds (ratios) outside the scopes mode. */
  lossWarn: number;
  lossBreach: number;
  /** Baseline mode: latency / baseline at or above these ratios is a warning / over SLA. */
  baselineWarn: number;
  baselineBreach: number;
  /** A measured pair whose newest sample is older than this (ms) is stale; 0 = never. */
  staleMs: number;
}

export interface Classified {
  /** Status per model cell. */
  status: Uint8Array;
  /** Status of the loss metric alone (OK / Warning / Breach; 0 where no loss), when there is a loss query. */
  lossStatus?: Uint8Array;
  /** Scope index per cell into `scopes` (scopes mode and grouped models); Self cells are 0. */
  scope?: Uint8Array;
  scopes: ScopeKey[];
  /** The SLA each scope was judged by (latency in the field unit). */
  slas: ScopeSla[];
  /** Host pairs per status. */
  counts: Uint32Array;
  mode: Exclude<SlaMode, 'auto'>;
  baselineWarn: number;
  baselineBreach: number;
}

/** Scopes of a model with these levels, outermost difference first: cross-region … cross-tor, same-tor. */
export function scopeKeys(levels: string[]): ScopeKey[] {
  if (levels.length === 0) {
    return ['all'];
  }
  return [...levels.map((l) => `cross-${l}`), `same-${levels[levels.length - 1]}`];
}

const DEFAULT_ORDER = ['cross-region', 'cross-dc', 'cross-az', 'cross-tor', 'same-tor'];

/** The SLA for a scope: configured, else the default of the same name, else the default at the same depth. */
export function slaFor(
  key: ScopeKey,
  index: number,
  count: number,
  config: Record<ScopeKey, ScopeSla>,
  preset?: Record<ScopeKey, ScopeSla>
): ScopeSla {
  const defaults = preset ?? DEFAULT_SCOPE_SLAS;
  const own = config[key] ?? defaults[key];
  if (own) {
    return own;
  }
  // Unknown level names (rack, zone…): same distance from the innermost scope as a known one.
  const fromInner = count - 1 - index;
  return defaults[DEFAULT_ORDER[Math.max(0, DEFAULT_ORDER.length - 1 - fromInner)]];
}

export interface ClassifyInput {
  values: Float64Array;
  /** MatrixModel.presence: a status ingest decided, or MEASURED. */
  presence: Uint8Array;
  loss?: Float64Array;
  baseline?: Float64Array;
  age?: Float64Array;
  rows: number;
  cols: number;
  rowPaths: string[][];
  colPaths: string[][];
  levels: string[];
  /** Field thresholds as warn / breach values in the field unit (thresholds mode and fallback). */
  thresholds: { warn: number; breach: number };
  /** ms → field unit, for the scope SLAs. */
  msToUnit: number;
  config: SlaConfig;
  /** The exporter preset's own default SLAs per scope, for scopes the options leave at the built-in defaults. */
  presetScopes?: Record<ScopeKey, ScopeSla>;
}

/**
 * Every cell's status: the one ingest decided (self, not probed, failed, no data, invalid, OK where missing means
 * healthy) as it is; a measured pair stale first, then the worse of its latency and loss judgements. O(cells); no
 * allocation per cell.
 */
export function classify(input: ClassifyInput): Classified {
  return finish(classifySteps(input));
}

/** The same, as steps: it yields every CELLS_PER_STEP cells (16 M cells at 4,096 hosts are judged in slices). */
export function* classifySteps(input: ClassifyInput): Generator<void, Classified> {
  const { values, presence, loss, baseline, age, rows, cols, levels, config } = input;
  const mode =
    config.mode === 'auto'
      ? levels.length > 0
        ? 'scopes'
        : 'thresholds'
      : config.mode === 'baseline' && !baseline
        ? 'thresholds'
        : config.mode;
  const n = rows * cols;
  const status = new Uint8Array(n);
  const lossStatus = loss ? new Uint8Array(n) : undefined;
  const counts = new Uint32Array(STATUS_COUNT);

  const scopes = mode === 'scopes' ? scopeKeys(levels) : ['all'];
  const slas = scopes.map((k, i) => {
    if (mode !== 'scopes') {
      return {
        latencyWarn: input.thresholds.warn,
        latencyBreach: input.thresholds.breach,
        lossWarn: config.lossWarn,
        lossBreach: config.lossBreach,
      };
    }
    const s = slaFor(k, i, scopes.length, config.scopes, input.presetScopes);
    return { ...s, latencyWarn: s.latencyWarn * input.msToUnit, latencyBreach: s.latencyBreach * input.msToUnit };
  });
  const latWarn = Float64Array.from(slas, (s) => s.latencyWarn);
  const latBreach = Float64Array.from(slas, (s) => s.latencyBreach);
  const lossWarn = Float64Array.from(slas, (s) => s.lossWarn);
  const lossBreach = Float64Array.from(slas, (s) => s.lossBreach);

  let scope: Uint8Array | undefined;
  if (mode === 'scopes' && levels.length > 0) {
    scope = new Uint8Array(n);
    const ids = (paths: string[][]) => {
      // Group ids per level as small integers, so a cell's scope is a few integer comparisons.
      const out = paths.map(() => new Int32Array(levels.length));
      for (let l = 0; l < levels.length; l++) {
        const seen = new Map<string, number>();
        paths.forEach((p, h) => {
          const key = groupId(p, l + 1);
          let id = seen.get(key);
          if (id === undefined) {
            id = seen.size;
            seen.set(key, id);
          }
          out[h][l] = id;
        });
      }
      return out;
    };
    const shared = input.rowPaths === input.colPaths;
    const rowIds = ids(shared ? input.rowPaths : [...input.rowPaths, ...input.colPaths]);
    const colIds = shared ? rowIds : rowIds.slice(input.rowPaths.length);
    const step = rowsPerStep(cols);
    for (let r = 0; r < rows; r++) {
      if (r % step === step - 1) {
        yield;
      }
      const a = rowIds[r];
      for (let c = 0; c < cols; c++) {
        const b = colIds[c];
        let l = 0;
        while (l < levels.length && a[l] === b[l]) {
          l++;
        }
        // l shared levels: cross-<levels[l]>, or same-<innermost> when all are shared (index = levels.length).
        scope[r * cols + c] = l;
      }
    }
  }

  const judging: Judging = {
    presence,
    values,
    loss,
    baseline,
    age,
    scope,
    status,
    lossStatus,
    counts,
    latWarn,
    latBreach,
    lossWarn,
    lossBreach,
    staleMs: config.staleMs,
    byBaseline: mode === 'baseline' && baseline !== undefined,
    baselineWarn: config.baselineWarn,
    baselineBreach: config.baselineBreach,
  };
  for (let from = 0; from < n; from += CELLS_PER_STEP) {
    judge(judging, from, Math.min(n, from + CELLS_PER_STEP));
    yield;
  }
  return {
    status,
    lossStatus,
    scope,
    scopes,
    slas,
    counts,
    mode,
    baselineWarn: config.baselineWarn,
    baselineBreach: config.baselineBreach,
  };
}

export const DEFAULT_SLA_CONFIG: SlaConfig = {
  mode: 'auto',
  // No scope of the user's: every scope takes the preset's defaults, else DEFAULT_SCOPE_SLAS (see slaFor).
  scopes: {},
  lossWarn: 1e-4,
  lossBreach: 1e-3,
  baselineWarn: 1.5,
  baselineBreach: 3,
  staleMs: 120_000,
};

/** What judging a range of cells reads and writes (classifySteps). */
interface Judging {
  presence: Uint8Array;
  values: Float64Array;
  loss?: Float64Array;
  baseline?: Float64Array;
  age?: Float64Array;
  scope?: Uint8Array;
  status: Uint8Array;
  lossStatus?: Uint8Array;
  counts: Uint32Array;
  latWarn: Float64Array;
  latBreach: Float64Array;
  lossWarn: Float64Array;
  lossBreach: Float64Array;
  staleMs: number;
  byBaseline: boolean;
  baselineWarn: number;
  baselineBreach: number;
}

/**
 * Cells from..to judged. A plain function, not the generator's own loop: there its locals live in the generator object
 * across the yield (a million cells: 9.3–9.6 ms that way, 8.4–8.6 ms this way, node 20, one process per variant).
 */
function judge(j: Judging, from: number, to: number) {
  const { presence, values, loss, baseline, age, scope, status, lossStatus, counts, staleMs, byBaseline } = j;
  const { latWarn, latBreach, lossWarn, lossBreach, baselineWarn, baselineBreach } = j;
  for (let i = from; i < to; i++) {
    let st: number = presence[i];
    if (st === MEASURED) {
      // A measured pair: stale first (its values are old), then the worse of latency and loss.
      if (staleMs > 0 && age !== undefined && age[i] > staleMs) {
        st = Status.Stale;
      } else {
        const k = scope ? scope[i] : 0;
        const v = values[i];
        let lat: number = Status.OK;
        if (byBaseline && baseline![i] > 0 && v === v) {
          const ratio = v / baseline![i];
          lat = ratio >= baselineBreach ? Status.Breach : ratio >= baselineWarn ? Status.Warning : Status.OK;
        } else if (v === v) {
          lat = v >= latBreach[k] ? Status.Breach : v >= latWarn[k] ? Status.Warning : Status.OK;
        }
        st = lat;
        if (loss) {
          const x = loss[i];
          if (x === x) {
            const ls = x >= lossBreach[k] ? Status.Breach : x >= lossWarn[k] ? Status.Warning : Status.OK;
            lossStatus![i] = ls;
            st = ls > st ? ls : st;
          }
        }
      }
    }
    status[i] = st;
    counts[st]++;
  }
}
