/**
 * Property: any option object (valid values, values of the wrong type, out of range, from hand-edited JSON) gives a
 * matrix whose footer names every invalid option, or a clear message — and in threshold mode every cell is painted the
 * colour of the status its value deserves. The options are stored flat (as before the sections) and go through the
 * panel's normaliser. The oracle below is written from the option documentation (README, options/types.ts), not from
 * the validators.
 */
import { FieldColorModeId, ReducerID, ThresholdsMode, createTheme } from '@grafana/data';
import fc from 'fast-check';

import { buildMatrix } from '../ingest';
import { MEASURED, Status } from '../model/sla';
import { seriesFrames, tableFrame } from '../model/testFrames';
import { paintCells, rgba } from '../render/paint';
import { statusColors } from '../render/palette';
import { optionNoticeText } from '../text/options';
import { classifyModel } from '../view/view';
import { modelGroupingOf, modelOptionsOf } from './defaults';
import { normalizeOptions } from './normalize';
import { slaConfigOf } from './slaConfig';

const RUNS = 300;
const theme = createTheme({ colors: { mode: 'dark' } });
const stats = { cases: 0, models: 0, messages: 0, invalidOptions: 0, cells: 0 };
afterAll(() => {
  console.log(
    `option properties: ${stats.cases} cases (${stats.models} models, ${stats.messages} messages), ` +
      `${stats.invalidOptions} invalid option values named, ${stats.cells} cells checked against the oracle`
  );
});

/** Values of the wrong kind, as hand-edited or old dashboard JSON can hold them. */
const junk = fc.oneof(
  fc.constantFrom<unknown>(null, NaN, -1, -0.5, 1e12, '', 'abc', '-5m', '12', true, [], {}, [1, 2], { a: 1 }),
  fc.string({ maxLength: 5 }),
  fc.double()
);
const maybe = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: valid, weight: 3 },
    { arbitrary: junk, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 }
  );

const IDENTITY_REDUCERS = [
  ReducerID.last,
  ReducerID.lastNotNull,
  ReducerID.first,
  ReducerID.firstNotNull,
  ReducerID.mean,
  ReducerID.max,
  ReducerID.min,
  ReducerID.median,
];
const scopeSla = fc.record({
  latencyWarn: fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), junk),
  latencyBreach: fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }), junk),
  lossWarn: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), junk),
  lossBreach: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), junk),
});

const optionsArb = fc.record(
  {
    reducer: maybe(fc.constantFrom(...IDENTITY_REDUCERS)),
    inputUnit: maybe(fc.constantFrom('auto', 's', 'ms', 'us', 'ns')),
    maxHosts: maybe(fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constantFrom(0, 2500, 4096))),
    missingMeans: maybe(fc.constantFrom('auto', 'noData', 'notProbed', 'ok')),
    levels: maybe(fc.constantFrom('', '', 'tor')),
    slaMode: maybe(fc.constantFrom('auto', 'thresholds', 'scopes', 'baseline')),
    slaScopes: maybe(fc.dictionary(fc.constantFrom('same-tor', 'cross-tor', 'cross-dc'), scopeSla, { maxKeys: 3 })),
    lossWarn: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
    lossBreach: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
    baselineWarn: maybe(fc.double({ min: 0.1, max: 5, noNaN: true })),
    baselineBreach: maybe(fc.double({ min: 0.1, max: 10, noNaN: true })),
    staleAfter: maybe(fc.constantFrom('', '2m', '30s', '1h')),
    palette: maybe(fc.constantFrom('accessible', 'thresholds')),
  },
  { requiredKeys: [] }
);

// ---------------------------------------------------------------------------------------------------------------
// The oracle: what the documentation says each option accepts.

const SECONDS_IN: Record<string, number> = { s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 };
// Numbers, or decimal text (provisioning tools write "300"); "0x1F" is no number.
const num = (v: unknown) =>
  typeof v === 'number'
    ? v
    : typeof v === 'string' && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v.trim())
      ? Number(v)
      : Number.NaN;
const isDuration = (v: string) => /^[0-9]+(ms|s|m|h|d|w|M|y)?$/.test(v);

/** Option keys whose values are invalid, with the name the footer must use for each. */
function invalidNames(o: Record<string, unknown>): string[] {
  const out: string[] = [];
  const given = (k: string) => o[k] !== undefined;
  if (given('reducer') && !IDENTITY_REDUCERS.includes(o.reducer as ReducerID)) {
    out.push('Value per pair');
  }
  if (given('inputUnit') && !['auto', 's', 'ms', 'us', 'ns'].includes(o.inputUnit as string)) {
    out.push('Input unit');
  }
  if (given('maxHosts')) {
    const n = num(o.maxHosts);
    if (!Number.isInteger(n) || n < 0 || n > 4096) {
      out.push('Max hosts');
    }
  }
  if (given('missingMeans') && !['auto', 'noData', 'notProbed', 'ok'].includes(o.missingMeans as string)) {
    out.push('A pair with no series is');
  }
  if (given('levels') && typeof o.levels !== 'string') {
    out.push('Group by');
  }
  if (given('slaMode') && !['auto', 'thresholds', 'scopes', 'baseline'].includes(o.slaMode as string)) {
    out.push('Judge cells by');
  }
  if (given('slaScopes')) {
    if (typeof o.slaScopes !== 'object' || o.slaScopes === null || Array.isArray(o.slaScopes)) {
      out.push('SLA per scope');
    } else {
      for (const [scope, sla] of Object.entries(o.slaScopes as Record<string, Record<string, unknown>>)) {
        const v = ['latencyWarn', 'latencyBreach', 'lossWarn', 'lossBreach'].map((k) => sla[k]);
        const ok =
          v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0) &&
          (v[2] as number) <= 1 &&
          (v[3] as number) <= 1 &&
          (v[0] as number) <= (v[1] as number) &&
          (v[2] as number) <= (v[3] as number);
        if (!ok) {
          out.push(`SLA for ${scope}`);
        }
      }
    }
  }
  const pairOk = (w: string, b: string, inRange: (n: number) => boolean, names: [string, string]) => {
    const wn = given(w) ? num(o[w]) : 0;
    const bn = given(b) ? num(o[b]) : Infinity;
    const wBad = given(w) && !(Number.isFinite(wn) && inRange(wn));
    const bBad = given(b) && !(Number.isFinite(bn) && inRange(bn));
    if (wBad) {
      out.push(names[0]);
    }
    if (bBad) {
      out.push(names[1]);
    }
    if (!wBad && !bBad && given(w) && given(b) && wn > bn) {
      out.push(names[0]);
    }
  };
  pairOk('lossWarn', 'lossBreach', (n) => n >= 0 && n <= 1, ['Loss warning (ratio)', 'Loss SLA (ratio)']);
  pairOk('baselineWarn', 'baselineBreach', (n) => n > 0, ['Baseline warning ratio', 'Baseline SLA ratio']);
  // Empty (or blank) = never; surrounding spaces are forgiven.
  const stale = typeof o.staleAfter === 'string' ? o.staleAfter.trim() : undefined;
  if (given('staleAfter') && !(stale !== undefined && (stale === '' || isDuration(stale)))) {
    out.push('Stale after');
  }
  if (given('palette') && !['accessible', 'thresholds'].includes(o.palette as string)) {
    out.push('Colours');
  }
  return out;
}

/** Threshold mode as documented: Thresholds chosen, or Auto (or an invalid mode) without grouping; baseline without a baseline query. */
function thresholdMode(o: Record<string, unknown>): boolean {
  const mode = ['auto', 'thresholds', 'scopes', 'baseline'].includes(o.slaMode as string) ? o.slaMode : 'auto';
  const levels = typeof o.levels === 'string' ? o.levels.split(',').filter((l) => l.trim() !== '') : [];
  return mode === 'thresholds' || mode === 'baseline' || (mode === 'auto' && levels.length === 0);
}

const meshArb = fc.record({
  hosts: fc.integer({ min: 2, max: 6 }),
  seconds: fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), { minLength: 30, maxLength: 30 }),
  warn: fc.constantFrom(1, 10, 50),
  breach: fc.constantFrom(5, 100, 200),
  table: fc.boolean(),
});

describe('any option object', () => {
  it(`gives a matrix naming every invalid option, or a clear message; in threshold mode every cell has the colour its value deserves (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(optionsArb, meshArb, (raw, mesh) => {
        stats.cases++;
        const o = raw as Record<string, unknown>;
        const hosts = Array.from({ length: mesh.hosts }, (_, i) => `h${i}`);
        const specs = hosts.flatMap((s, i) =>
          hosts
            .filter((d) => d !== s)
            .map((d, j) => ({
              labels: { __name__: 'pingmesh_pair_latency_seconds', src: s, dst: d },
              values: [mesh.seconds[(i * 5 + j) % 30]],
            }))
        );
        const frames = mesh.table ? [tableFrame(specs)] : seriesFrames(specs);
        const warn = Math.min(mesh.warn, mesh.breach);
        const breach = Math.max(mesh.warn, mesh.breach);
        for (const f of frames) {
          f.fields[f.fields.length - 1].config = {
            unit: 'ms',
            color: { mode: FieldColorModeId.Thresholds },
            thresholds: {
              mode: ThresholdsMode.Absolute,
              steps: [
                { value: -Infinity, color: 'green' },
                { value: warn, color: 'orange' },
                { value: breach, color: 'red' },
              ],
            },
          };
        }
        // Keys left undefined are as if absent from the JSON: Grafana fills in the defaults.
        const stored = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
        const { options, notices } = normalizeOptions(stored);
        const result = buildMatrix({
          frames,
          options: modelOptionsOf(options.queries, modelGroupingOf(options.grouping)),
          theme,
        });
        const sla = { config: slaConfigOf(options.sla), notices: notices.map(optionNoticeText) };
        if (!result.model) {
          stats.messages++;
          expect(result.warning.length).toBeGreaterThan(10);
          return;
        }
        stats.models++;
        const m = result.model;
        const footer = [...m.notices, ...sla.notices].join('\n');
        for (const name of invalidNames(o)) {
          stats.invalidOptions++;
          if (!footer.includes(name)) {
            throw new Error(`invalid ${name} (${JSON.stringify(o)}) not named in: ${footer}`);
          }
        }
        // Beyond Max hosts the cells are groups (the worst pair each): the per-pair oracle below is for host cells.
        if (!thresholdMode(o) || m.grouped) {
          return;
        }
        // The oracle's value: seconds → ms by the metric name, unless a valid Input unit says otherwise.
        const unit = ['s', 'ms', 'us', 'ns'].includes(o.inputUnit as string) ? (o.inputUnit as string) : 's';
        const factor = SECONDS_IN[unit] / SECONDS_IN.ms;
        const palette = o.palette === 'thresholds' ? 'thresholds' : 'accessible';
        const colors = statusColors(theme, palette, m.field.config.thresholds);
        const classified = classifyModel(m, sla.config);
        const painted = paintCells({ ...m, status: classified.status }, theme, colors);
        for (const spec of specs) {
          const i = m.rows.indexOf(spec.labels.src) * m.cols.length + m.cols.indexOf(spec.labels.dst);
          const v = spec.values[0] * factor;
          const deserved = v >= breach ? Status.Breach : v >= warn ? Status.Warning : Status.OK;
          expect(m.presence[i]).toBe(MEASURED);
          expect(classified.status[i]).toBe(deserved);
          const want = rgba(colors[deserved]);
          expect(Array.from(painted.rgba.slice(i * 4, i * 4 + 4))).toEqual(Array.from(want));
          stats.cells++;
        }
      }),
      { numRuns: RUNS }
    );
  });
});
