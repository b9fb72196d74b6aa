import { DataQueryRequest, FieldType, TimeRange, dateTime, toDataFrame } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { of } from 'rxjs';

import { PairData } from './pair';
import { escapePromString, fetchPairRange, pairExpr, pairTarget } from './pairQuery';

jest.mock('@grafana/runtime', () => ({ getDataSourceSrv: jest.fn() }));

type Match = PairData['match'];

const both: Match = {
  sourceLabel: 'instance',
  destinationLabel: 'target',
  forward: { source: 'h1:9115', destination: 'h2' },
  reverse: { source: 'h2:9115', destination: 'h1' },
};
const pair = { source: 'h1', destination: 'h2' };

/** Go/PromQL double-quoted literal at `at` (the opening quote) → decoded value and the index after the closing quote. */
function readLiteral(s: string, at: number): { value: string; end: number } {
  expect(s[at]).toBe('"');
  let value = '';
  let i = at + 1;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      return { value, end: i + 1 };
    }
    if (ch === '\n') {
      throw new Error('raw newline in a string literal');
    }
    if (ch !== '\\') {
      value += ch;
      i++;
      continue;
    }
    const e = s[i + 1];
    const simple: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t' };
    if (e in simple) {
      value += simple[e];
      i += 2;
    } else if (e === 'x') {
      value += String.fromCharCode(parseInt(s.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (e === 'u') {
      value += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      throw new Error(`unknown escape \\${e}`);
    }
  }
  throw new Error('unterminated string literal');
}

/** The expression with every literal replaced by `"…"`, and the decoded literals in order. */
function tokenize(expr: string): { skeleton: string; literals: string[] } {
  let skeleton = '';
  const literals: string[] = [];
  for (let i = 0; i < expr.length;) {
    if (expr[i] === '"') {
      const { value, end } = readLiteral(expr, i);
      literals.push(value);
      skeleton += '"…"';
      i = end;
    } else {
      skeleton += expr[i++];
    }
  }
  return { skeleton, literals };
}

describe('escapePromString', () => {
  it.each([
    ['plain', 'plain'],
    ['a"b', 'a\\"b'],
    ['back\\slash', 'back\\\\slash'],
    ['line\nbreak\r\ttab', 'line\\nbreak\\r\\ttab'],
    ['$var ${x}', '\\x24var \\x24{x}'],
    ['bell\u0007', 'bell\\u0007'],
    ['ünï', 'ünï'],
  ])('%j → %j', (input, escaped) => {
    expect(escapePromString(input)).toBe(escaped);
    expect(readLiteral(`"${escaped}"`, 0).value).toBe(input);
  });
});

describe('pairExpr', () => {
  it('keeps both directions with their raw values', () => {
    expect(pairExpr('max by (instance, target) (pingmesh_duration_milliseconds)', both, pair)).toBe(
      '(max by (instance, target) (pingmesh_duration_milliseconds)) and on(instance, target) (' +
        'label_replace(label_replace(vector(1), "instance", "h1:9115", "", ""), "target", "h2", "", "") or ' +
        'label_replace(label_replace(vector(1), "instance", "h2:9115", "", ""), "target", "h1", "", ""))'
    );
  });

  it('swaps the direction it has for the one it lacks, and uses host names when it has none', () => {
    const onlyReverse: Match = {
      sourceLabel: 'src',
      destinationLabel: 'dst',
      reverse: { source: 'b', destination: 'a' },
    };
    const { literals } = tokenize(pairExpr('up', onlyReverse, { source: 'a', destination: 'b' })!);
    expect(literals).toEqual(['src', 'a', '', '', 'dst', 'b', '', '', 'src', 'b', '', '', 'dst', 'a', '', '']);

    const onlyForward: Match = { ...both, reverse: undefined };
    expect(tokenize(pairExpr('up', onlyForward, pair)!).literals.filter((l, i) => i % 4 === 1)).toEqual([
      'h1:9115',
      'h2',
      'h2',
      'h1:9115',
    ]);

    const none: Match = { sourceLabel: 'src', destinationLabel: 'dst' };
    expect(tokenize(pairExpr('up', none, pair)!).literals.filter((l, i) => i % 4 === 1)).toEqual([
      'h1',
      'h2',
      'h2',
      'h1',
    ]);
  });

  it('filters a self pair on its one direction', () => {
    const self: Match = { sourceLabel: 'src', destinationLabel: 'dst', forward: { source: 'a', destination: 'a' } };
    expect(pairExpr('x', self, { source: 'a', destination: 'a' })).toBe(
      '(x) and on(src, dst) (label_replace(label_replace(vector(1), "src", "a", "", ""), "dst", "a", "", ""))'
    );
  });

  it.each(['a"b\\c}', 'x") or vector(1) or ("', 'multi\nline', '${__user.login}', 'cost$1', '\\"', '"'])(
    'keeps the hostile value %j inside its string literal',
    (hostile) => {
      const match: Match = { ...both, forward: { source: hostile, destination: 'h2' } };
      const expr = pairExpr('up', match, pair)!;
      const benign = pairExpr('up', { ...both, forward: { source: 'safe', destination: 'h2' } }, pair)!;
      const { skeleton, literals } = tokenize(expr);
      // Same structure as with a harmless value: nothing leaked out of the literal.
      expect(skeleton).toBe(tokenize(benign).skeleton);
      // label_replace expands `$`: a literal `$` is written `$$`, so the label value is exactly the raw value.
      expect(literals[1].replace(/\$\$/g, '$')).toBe(hostile);
      expect(expr).not.toContain('$');
      expect(expr).not.toContain('\n');
    }
  );

  it.each([
    ['instance-name', 'target'],
    ['instance', '0target'],
    ['', 'target'],
    ['a b', 'target'],
    ['same', 'same'],
  ])('refuses label names %j / %j', (sourceLabel, destinationLabel) => {
    expect(pairExpr('up', { ...both, sourceLabel, destinationLabel }, pair)).toBeUndefined();
  });
});

describe('pairTarget', () => {
  it('turns the panel target into a range time series query for the pair, refId kept, legend dropped', () => {
    const target = {
      refId: 'A',
      datasource: { type: 'prometheus', uid: 'prom' },
      expr: 'up',
      instant: true,
      range: false,
      format: 'table',
      legendFormat: '{{instance}}',
      interval: '1m',
    };
    const q = pairTarget(target, both, pair);
    expect(q).toEqual({
      refId: 'A',
      datasource: { type: 'prometheus', uid: 'prom' },
      expr: pairExpr('up', both, pair),
      instant: false,
      range: true,
      format: 'time_series',
      exemplar: false,
      interval: '1m',
    });
    expect(q).not.toHaveProperty('legendFormat');
    // the panel's target is not touched
    expect(target.expr).toBe('up');
    expect(target.legendFormat).toBe('{{instance}}');
  });

  it('gives up on targets without expr, and on invalid label names', () => {
    expect(pairTarget({ refId: 'A' }, both, pair)).toBeUndefined();
    expect(pairTarget({ refId: 'A', expr: ' ' }, both, pair)).toBeUndefined();
    expect(pairTarget({ refId: 'A', expr: 'up' }, { ...both, sourceLabel: 'bad-name' }, pair)).toBeUndefined();
  });
});

describe('fetchPairRange', () => {
  const timeRange: TimeRange = {
    from: dateTime(1_700_000_000_000),
    to: dateTime(1_700_003_600_000),
    raw: { from: 'now-1h', to: 'now' },
  };
  const promDs = { type: 'prometheus', uid: 'prom' };
  const panelRequest = {
    requestId: 'Q100',
    app: 'dashboard',
    interval: '15s',
    intervalMs: 15_000,
    maxDataPoints: 1200,
    range: { ...timeRange, raw: { from: 'now-6h', to: 'now' } },
    scopedVars: { __interval: { text: '15s', value: '15s' } },
    timezone: 'utc',
    startTime: 1,
    targets: [
      { refId: 'A', datasource: promDs, expr: 'max by (instance, target) (m)', instant: true, format: 'table' },
      { refId: 'B', datasource: promDs, expr: 'loss' },
      { refId: 'C', datasource: { type: 'loki', uid: 'l' } },
    ],
  } as unknown as DataQueryRequest;
  const frame = toDataFrame({
    refId: 'A',
    fields: [
      { name: 'Time', type: FieldType.time, values: [1, 2] },
      { name: 'Value', type: FieldType.number, labels: { instance: 'h1:9115', target: 'h2' }, values: [3, 4] },
    ],
  });
  const query = jest.fn();
  const get = jest.fn();
  beforeEach(() => {
    query.mockReset();
    get.mockReset().mockResolvedValue({ query });
    jest.mocked(getDataSourceSrv).mockReturnValue({ get } as unknown as ReturnType<typeof getDataSourceSrv>);
  });
  const args = (o: Partial<Parameters<typeof fetchPairRange>[0]> = {}) => ({
    request: panelRequest,
    refId: 'A',
    match: both,
    pair,
    timeRange,
    maxDataPoints: 640,
    ...o,
  });

  it('sends the pair range query to the panel data source and returns its frames', async () => {
    query.mockReturnValue(of({ data: [frame] }));
    const before = Date.now();
    const frames = await fetchPairRange(args());
    expect(frames).toEqual([frame]);
    expect(get).toHaveBeenCalledWith(promDs, panelRequest.scopedVars);
    expect(query).toHaveBeenCalledTimes(1);
    const sent = query.mock.calls[0][0] as DataQueryRequest;
    expect(sent).toEqual({
      requestId: 'pingmesh-pair',
      startTime: expect.any(Number),
      app: 'dashboard',
      range: timeRange,
      rangeRaw: timeRange.raw,
      timezone: 'utc',
      scopedVars: panelRequest.scopedVars,
      interval: '15s',
      intervalMs: 15_000,
      maxDataPoints: 640,
      targets: [
        {
          refId: 'A',
          datasource: promDs,
          expr: pairExpr('max by (instance, target) (m)', both, pair),
          instant: false,
          range: true,
          format: 'time_series',
          exemplar: false,
        },
      ],
    });
    expect(sent.startTime).toBeGreaterThanOrEqual(before);
  });

  it('accepts a Promise from the data source, the default data source, and DataFrameJSON frames', async () => {
    const json = {
      schema: {
        refId: 'A',
        fields: [
          { name: 'Time', type: FieldType.time },
          { name: 'Value', type: FieldType.number, labels: { instance: 'h1:9115', target: 'h2' } },
        ],
      },
      data: {
        values: [
          [1, 2],
          [5, 6],
        ],
      },
    };
    query.mockResolvedValue({ data: [json] });
    const request = {
      ...panelRequest,
      targets: [{ refId: 'A', expr: 'up' }],
    } as unknown as DataQueryRequest;
    const frames = await fetchPairRange(args({ request, maxDataPoints: undefined }));
    expect(get).toHaveBeenCalledWith(undefined, panelRequest.scopedVars);
    expect(query.mock.calls[0][0].maxDataPoints).toBe(1200);
    expect(frames).toHaveLength(1);
    expect(frames[0].refId).toBe('A');
    expect(frames[0].fields.map((f) => f.values)).toEqual([
      [1, 2],
      [5, 6],
    ]);
  });

  it('takes the data source of the first target when the latency target has none', async () => {
    query.mockReturnValue(of({ data: [] }));
    const request = {
      ...panelRequest,
      targets: [
        { refId: 'Z', datasource: promDs, expr: 'x' },
        { refId: 'A', expr: 'up' },
      ],
    } as unknown as DataQueryRequest;
    await expect(fetchPairRange(args({ request }))).resolves.toEqual([]);
    expect(get).toHaveBeenCalledWith(promDs, panelRequest.scopedVars);
  });

  it.each([
    ['no request', { request: undefined }, /no query request/],
    ['no such target', { refId: 'Q' }, /Query Q is not among the panel's queries/],
    ['no expr', { refId: 'C' }, /Query C has no PromQL expression/],
    ['invalid label names', { match: { ...both, sourceLabel: 'src-host' } }, /label names "src-host" and "target"/],
  ])('rejects on %s without querying', async (_, o, message) => {
    await expect(fetchPairRange(args(o as Partial<Parameters<typeof fetchPairRange>[0]>))).rejects.toThrow(message);
    expect(query).not.toHaveBeenCalled();
  });

  it('rejects with the data source errors', async () => {
    const error = { message: 'bad_data: parse error', status: 400 };
    query.mockReturnValue(of({ data: [], error, errors: [error, { status: 503 }] }));
    await expect(fetchPairRange(args())).rejects.toThrow(
      "The pair's range query failed: bad_data: parse error; HTTP 503"
    );
  });

  it('passes a failing data source on', async () => {
    query.mockRejectedValue(new Error('network down'));
    await expect(fetchPairRange(args())).rejects.toThrow('network down');
  });
});
