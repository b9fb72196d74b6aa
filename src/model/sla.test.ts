import {
  ClassifyInput,
  DEFAULT_SCOPE_SLAS,
  DEFAULT_SLA_CONFIG,
  MEASURED,
  SlaConfig,
  Status,
  StatusCode,
  classify,
  scopeKeys,
  slaFor,
} from './sla';

const LEVELS = ['region', 'dc', 'az', 'tor'];
/** Hosts: a (r1/dc1/az1/tor1), b same ToR, c same AZ other ToR, d other AZ, e other DC, f other region. */
const PATHS: Record<string, string[]> = {
  a: ['r1', 'dc1', 'az1', 'tor1'],
  b: ['r1', 'dc1', 'az1', 'tor1'],
  c: ['r1', 'dc1', 'az1', 'tor2'],
  d: ['r1', 'dc1', 'az2', 'tor3'],
  e: ['r1', 'dc2', 'az3', 'tor4'],
  f: ['r2', 'dc3', 'az4', 'tor5'],
};
const SCOPE_OF: Record<string, string> = {
  b: 'same-tor',
  c: 'cross-tor',
  d: 'cross-az',
  e: 'cross-dc',
  f: 'cross-region',
};

const config = (o: Partial<SlaConfig> = {}): SlaConfig => ({ ...DEFAULT_SLA_CONFIG, ...o });

interface Pair {
  dst: keyof typeof PATHS;
  /** What ingest decided (MatrixModel.presence); measured by default. */
  presence?: number;
  latency?: number;
  loss?: number;
  baseline?: number;
  age?: number;
}

/** One row (source a) against the given destinations. */
function one(pairs: Pair[], o: Partial<SlaConfig> = {}, levels = LEVELS, extra: Partial<ClassifyInput> = {}) {
  const n = pairs.length;
  const withLoss = pairs.some((p) => p.loss !== undefined);
  const withBaseline = pairs.some((p) => p.baseline !== undefined);
  const input: ClassifyInput = {
    values: Float64Array.from(pairs, (p) => p.latency ?? NaN),
    presence: Uint8Array.from(pairs, (p) => p.presence ?? MEASURED),
    loss: withLoss ? Float64Array.from(pairs, (p) => p.loss ?? NaN) : undefined,
    baseline: withBaseline ? Float64Array.from(pairs, (p) => p.baseline ?? NaN) : undefined,
    age: Float64Array.from(pairs, (p) => p.age ?? 0),
    rows: 1,
    cols: n,
    rowPaths: [PATHS.a],
    colPaths: pairs.map((p) => PATHS[p.dst]),
    levels,
    thresholds: { warn: 10, breach: 100 },
    msToUnit: 1,
    config: config(o),
    ...extra,
  };
  return classify(input);
}

const status = (p: Pair, o?: Partial<SlaConfig>, levels?: string[]) => one([p], o, levels).status[0] as StatusCode;

describe('scopes', () => {
  it('are named by the first level that differs, or same-<innermost>', () => {
    expect(scopeKeys(LEVELS)).toEqual(['cross-region', 'cross-dc', 'cross-az', 'cross-tor', 'same-tor']);
    expect(scopeKeys([])).toEqual(['all']);
    const r = one((['b', 'c', 'd', 'e', 'f'] as const).map((dst) => ({ dst, latency: 0.1 })));
    expect([...r.scope!].map((k) => r.scopes[k])).toEqual([
      'same-tor',
      'cross-tor',
      'cross-az',
      'cross-dc',
      'cross-region',
    ]);
  });
  it('unknown level names take the default at the same depth', () => {
    const keys = scopeKeys(['site', 'rack']);
    expect(keys).toEqual(['cross-site', 'cross-rack', 'same-rack']);
    expect(slaFor('same-rack', 2, 3, {})).toEqual(DEFAULT_SCOPE_SLAS['same-tor']);
    expect(slaFor('cross-rack', 1, 3, {})).toEqual(DEFAULT_SCOPE_SLAS['cross-tor']);
    expect(slaFor('cross-site', 0, 3, {})).toEqual(DEFAULT_SCOPE_SLAS['cross-az']);
  });
});

describe('decision table: every scope × latency level', () => {
  // value just under warn, at warn, at breach, for each scope's own SLA
  for (const [dst, key] of Object.entries(SCOPE_OF)) {
    const sla = DEFAULT_SCOPE_SLAS[key];
    it(`${key}: OK below ${sla.latencyWarn} ms, warning from it, over SLA from ${sla.latencyBreach} ms`, () => {
      expect(status({ dst, latency: sla.latencyWarn * 0.99 })).toBe(Status.OK);
      expect(status({ dst, latency: sla.latencyWarn })).toBe(Status.Warning);
      expect(status({ dst, latency: sla.latencyBreach })).toBe(Status.Breach);
    });
  }
  it('a cross-region pair at 40 ms is OK while a same-ToR pair at 40 ms is over SLA', () => {
    const r = one([
      { dst: 'f', latency: 40 },
      { dst: 'b', latency: 40 },
    ]);
    expect([...r.status]).toEqual([Status.OK, Status.Breach]);
  });
});

describe('decision table: latency × loss, the worse wins', () => {
  const L = { ok: 0.1, warn: 0.6, breach: 5 }; // same-tor: 0.5 / 1 ms
  const X = { ok: 1e-5, warn: 2e-4, breach: 0.02 };
  const rank = { ok: Status.OK, warn: Status.Warning, breach: Status.Breach } as const;
  for (const lat of ['ok', 'warn', 'breach'] as const) {
    for (const loss of ['ok', 'warn', 'breach'] as const) {
      it(`latency ${lat} × loss ${loss}`, () => {
        const r = one([{ dst: 'b', latency: L[lat], loss: X[loss] }]);
        expect(r.status[0]).toBe(Math.max(rank[lat], rank[loss]));
        expect(r.lossStatus![0]).toBe(rank[loss]);
      });
    }
  }
  it('loss alone (no latency) and latency alone both work', () => {
    expect(status({ dst: 'b', loss: 0.02 })).toBe(Status.Breach);
    expect(status({ dst: 'b', loss: 1e-6 })).toBe(Status.OK);
    expect(one([{ dst: 'b', latency: 0.1 }]).lossStatus).toBeUndefined();
  });
});

describe('decision table: a status ingest decided beats measurements', () => {
  const cases: Array<[string, Pair, StatusCode]> = [
    ['self', { dst: 'b', presence: Status.Self }, Status.Self],
    ['not probed', { dst: 'b', presence: Status.NotProbed }, Status.NotProbed],
    ['no data', { dst: 'b', presence: Status.NoData }, Status.NoData],
    ['invalid', { dst: 'b', presence: Status.Invalid }, Status.Invalid],
    ['failed, even with an OK latency', { dst: 'b', presence: Status.Failed, latency: 0.1 }, Status.Failed],
    ['missing under a breach-only exporter', { dst: 'b', presence: Status.OK }, Status.OK],
    ['stale: newest sample 3 min old', { dst: 'b', latency: 0.1, age: 180_000 }, Status.Stale],
    ['stale beats a breach (the value is old)', { dst: 'b', latency: 50, age: 180_000 }, Status.Stale],
    ['fresh enough', { dst: 'b', latency: 0.1, age: 60_000 }, Status.OK],
  ];
  for (const [name, pair, want] of cases) {
    it(name, () => expect(status(pair)).toBe(want));
  }
  it('stale detection can be off', () => {
    expect(status({ dst: 'b', latency: 0.1, age: 1e9 }, { staleMs: 0 })).toBe(Status.OK);
  });
  it('counts every status', () => {
    const r = one([
      { dst: 'b', latency: 0.1 },
      { dst: 'c', latency: 9 },
      { dst: 'd', presence: Status.NoData },
      { dst: 'e', presence: Status.Failed },
      { dst: 'f', latency: 40 },
    ]);
    expect(r.counts[Status.OK]).toBe(2);
    expect(r.counts[Status.Breach]).toBe(1);
    expect(r.counts[Status.NoData]).toBe(1);
    expect(r.counts[Status.Failed]).toBe(1);
  });
});

describe('modes', () => {
  it('auto without levels uses the field thresholds (warn 10, breach 100)', () => {
    const r = one(
      [
        { dst: 'b', latency: 9 },
        { dst: 'b', latency: 10 },
        { dst: 'b', latency: 100 },
      ],
      {},
      []
    );
    expect(r.mode).toBe('thresholds');
    expect([...r.status]).toEqual([Status.OK, Status.Warning, Status.Breach]);
  });
  it('thresholds mode ignores scopes, loss uses the panel loss thresholds', () => {
    const r = one(
      [
        { dst: 'b', latency: 40, loss: 5e-4 },
        { dst: 'f', latency: 40, loss: 2e-3 },
      ],
      { mode: 'thresholds' }
    );
    expect([...r.status]).toEqual([Status.Warning, Status.Breach]);
  });
  it('scope SLAs are converted to the field unit', () => {
    // field in seconds: same-ToR breach at 1 ms = 0.001 s
    const r = one([{ dst: 'b', latency: 0.002 }], {}, LEVELS, { msToUnit: 0.001 });
    expect(r.status[0]).toBe(Status.Breach);
  });
  it('baseline mode judges the ratio to the pair’s own baseline; pairs without one fall back to the scope-free thresholds', () => {
    const r = one(
      [
        { dst: 'f', latency: 60, baseline: 50 },
        { dst: 'f', latency: 80, baseline: 50 },
        { dst: 'f', latency: 160, baseline: 50 },
        { dst: 'f', latency: 160 },
      ],
      { mode: 'baseline' }
    );
    expect([...r.status]).toEqual([Status.OK, Status.Warning, Status.Breach, Status.Breach]);
  });
});
