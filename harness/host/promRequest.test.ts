import {
  alignToStep,
  buildExecutedQueries,
  computeStepMs,
  goDuration,
  interpolateBuiltins,
  promApiPath,
  splitTargets,
} from './promRequest';

describe('splitTargets', () => {
  it('splits "Both" into a range query and an instant query with refId suffix -Instant', () => {
    const split = splitTargets([{ refId: 'A', expr: 'x', instant: true, range: true }]);
    expect(split.map((t) => [t.refId, t.kind])).toEqual([
      ['A', 'range'],
      ['A-Instant', 'instant'],
    ]);
  });

  it('defaults to a range query and drops hidden or empty targets', () => {
    const split = splitTargets([
      { refId: 'A', expr: 'x' },
      { refId: 'B', expr: 'y', hide: true },
      { refId: 'C', expr: '' },
    ]);
    expect(split.map((t) => t.kind)).toEqual(['range']);
  });
});

describe('step', () => {
  it('is at least the 15s min interval', () => {
    expect(computeStepMs({ refId: 'A', expr: 'x' }, 30 * 60_000)).toBe(15_000);
  });

  it('rounds range / maxDataPoints to a nice interval for long ranges', () => {
    // 24h / 1000 = 86.4s -> 1m (Grafana's roundInterval)
    expect(computeStepMs({ refId: 'A', expr: 'x' }, 24 * 3_600_000)).toBe(60_000);
  });

  it('honours an explicit step in seconds and a min interval', () => {
    expect(computeStepMs({ refId: 'A', expr: 'x', step: 30 }, 60_000)).toBe(30_000);
    expect(computeStepMs({ refId: 'A', expr: 'x', interval: '1m' }, 60_000)).toBe(60_000);
  });

  it('aligns range bounds down to the step', () => {
    expect(alignToStep(1_700_000_007_123, 15_000)).toBe(1_699_999_995_000);
  });
});

describe('goDuration', () => {
  it('formats like Go time.Duration.String()', () => {
    expect(goDuration(15_000)).toBe('15s');
    expect(goDuration(90_000)).toBe('1m30s');
    expect(goDuration(3_600_000)).toBe('1h0m0s');
    expect(goDuration(1_500)).toBe('1.5s');
    expect(goDuration(500)).toBe('500ms');
  });
});

describe('interpolateBuiltins', () => {
  it('replaces Grafana built-ins in both $x and ${x} forms', () => {
    const expr = 'rate(x[$__rate_interval]) / ${__interval_ms} + $__interval + $__range + $__range_s + $unknown';
    expect(interpolateBuiltins(expr, 15_000, 1_800_000)).toBe('rate(x[1m0s]) / 15000 + 15s + 1800s + 1800 + $unknown');
  });
});

describe('buildExecutedQueries / promApiPath', () => {
  const opts = { fromMs: 1_700_000_000_000, toMs: 1_700_001_800_000, replace: (s: string) => s.replace('$src', 'a') };

  it('builds a range query with aligned start/end and seconds', () => {
    const [q] = buildExecutedQueries([{ refId: 'A', expr: 'x{src="$src"}' }], opts);
    expect(q).toMatchObject({ refId: 'A', expr: 'x{src="a"}', kind: 'range', stepMs: 15_000 });
    const params = new URLSearchParams(promApiPath(q).split('?')[1]);
    expect(promApiPath(q)).toMatch(/^\/api\/v1\/query_range\?/);
    expect(params.get('query')).toBe('x{src="a"}');
    expect(params.get('step')).toBe('15');
    expect(Number(params.get('start')) % 15).toBe(0);
  });

  it('builds an instant query evaluated at the end of the range', () => {
    const [q] = buildExecutedQueries([{ refId: 'A', expr: 'x', instant: true }], opts);
    expect(promApiPath(q)).toBe(`/api/v1/query?query=x&time=${opts.toMs / 1000}`);
  });
});
