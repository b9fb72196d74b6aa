import { DataFrame, FieldType, LoadingState, getFieldDisplayName } from '@grafana/data';

import { frameFromInput, frameToJSON } from './frameJson';
import { legendName, parsePromValue, toBackendResponse, toQueryResponse } from './promFrames';
import { ExecutedPromQuery, PromTarget } from './promRequest';

const T0 = 1_700_000_000; // seconds, as Prometheus sends them

function query(over: Partial<ExecutedPromQuery> = {}): ExecutedPromQuery {
  return {
    refId: 'A',
    expr: 'pingmesh_pair_latency_seconds',
    kind: 'range',
    stepMs: 15_000,
    startMs: 0,
    endMs: 0,
    ...over,
  };
}

function matrix(series: Array<{ metric: Record<string, string>; values: Array<[number, string]> }>) {
  return JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: series } });
}

function vector(series: Array<{ metric: Record<string, string>; value: [number, string] }>) {
  return JSON.stringify({ status: 'success', data: { resultType: 'vector', result: series } });
}

/** Runs the whole backend + frontend pipeline for one target. */
function run(body: string, target: PromTarget, q: ExecutedPromQuery = query({ refId: target.refId }), status = 200) {
  return toQueryResponse({ [q.refId]: toBackendResponse(body, status, q) }, [q], [target]);
}

const pair = (src: string, dst: string) => ({ __name__: 'pingmesh_pair_latency_seconds', src, dst });

describe('range query (time_series)', () => {
  const body = matrix([
    {
      metric: pair('a', 'b'),
      values: [
        [T0, '0.001'],
        [T0 + 15, '0.002'],
      ],
    },
    {
      metric: pair('b', 'a'),
      values: [
        [T0, '0.003'],
        [T0 + 15.5, '0.004'],
      ],
    },
  ]);
  const { data, state } = run(body, { refId: 'A', expr: 'pingmesh_pair_latency_seconds' });

  it('returns one [Time, number] frame per series', () => {
    expect(state).toBe(LoadingState.Done);
    expect(data).toHaveLength(2);
    for (const frame of data) {
      expect(frame.refId).toBe('A');
      expect(frame.fields.map((f) => f.type)).toEqual([FieldType.time, FieldType.number]);
      expect(frame.length).toBe(2);
    }
  });

  it('names the number field after __name__ and keeps all labels, __name__ included (dataplane)', () => {
    const value = data[0].fields[1];
    expect(value.name).toBe('pingmesh_pair_latency_seconds');
    expect(value.labels).toEqual({ __name__: 'pingmesh_pair_latency_seconds', dst: 'b', src: 'a' });
  });

  it('sets frame meta, Time interval and the default legend as displayNameFromDS', () => {
    expect(data[0].meta).toMatchObject({
      type: 'timeseries-multi',
      typeVersion: [0, 1],
      custom: { resultType: 'matrix' },
      executedQueryString: 'Expr: pingmesh_pair_latency_seconds\nStep: 15s',
      preferredVisualisationType: 'graph',
    });
    // Only the first frame of a response carries the executed query.
    expect(data[1].meta?.executedQueryString).toBeUndefined();
    expect(data[0].fields[0].config.interval).toBe(15_000);
    expect(data[0].fields[1].config.displayNameFromDS).toBe('pingmesh_pair_latency_seconds{dst="b", src="a"}');
  });

  it('converts seconds to integer milliseconds and parses values', () => {
    expect(data[1].fields[0].values).toEqual([T0 * 1000, (T0 + 15.5) * 1000]);
    expect(data[1].fields[1].values).toEqual([0.003, 0.004]);
  });
});

describe('special values', () => {
  it('parses Prometheus NaN/+Inf/-Inf strings like Go does', () => {
    expect(parsePromValue('NaN')).toBeNaN();
    expect(parsePromValue('+Inf')).toBe(Infinity);
    expect(parsePromValue('-Inf')).toBe(-Infinity);
    expect(parsePromValue('1e-3')).toBe(0.001);
    expect(() => parsePromValue('abc')).toThrow('invalid syntax');
  });

  it('carries NaN/±Inf through the wire entities into the frame values', () => {
    const q = query();
    const backend = toBackendResponse(
      matrix([
        {
          metric: pair('a', 'b'),
          values: [
            [T0, 'NaN'],
            [T0 + 15, '+Inf'],
            [T0 + 30, '-Inf'],
            [T0 + 45, '1'],
          ],
        },
      ]),
      200,
      q
    );
    expect(backend.frames[0].data?.values[1]).toEqual([null, null, null, 1]);
    expect(backend.frames[0].data?.entities?.[1]).toEqual({ NaN: [0], Inf: [1], NegInf: [2] });
    const { data } = toQueryResponse({ A: backend }, [q], [{ refId: 'A', expr: 'x' }]);
    expect(data[0].fields[1].values).toEqual([NaN, Infinity, -Infinity, 1]);
  });

  it('round-trips frames through the harness JSON encoding', () => {
    const { data } = run(
      matrix([
        {
          metric: pair('a', 'b'),
          values: [
            [T0, 'NaN'],
            [T0 + 15, '2'],
          ],
        },
      ]),
      { refId: 'A', expr: 'x' }
    );
    const back = frameFromInput(JSON.parse(JSON.stringify(frameToJSON(data[0]))));
    expect(back.fields[1].values).toEqual([NaN, 2]);
    expect(back.fields[1].labels).toEqual(data[0].fields[1].labels);
  });
});

describe('field naming and legends', () => {
  it('names the field "Value" when the result has no __name__ (aggregations)', () => {
    const { data } = run(matrix([{ metric: { src: 'a', dst: 'b' }, values: [[T0, '1']] }]), {
      refId: 'A',
      expr: 'sum by (src, dst) (x)',
    });
    expect(data[0].fields[1].name).toBe('Value');
    expect(data[0].fields[1].labels).toEqual({ dst: 'b', src: 'a' });
  });

  it('applies {{label}} legend templates, empty for missing labels', () => {
    expect(legendName({ expr: 'x', legendFormat: '{{ src }} -> {{dst}} {{zone}}' }, { src: 'a', dst: 'b' })).toBe(
      'a -> b '
    );
  });

  it('uses the expression when a series has no labels at all', () => {
    expect(legendName({ expr: 'vector(1)' }, {})).toBe('vector(1)');
  });

  it('__auto: the backend sets no name, the frontend fills in the pre-dataplane display name', () => {
    const target: PromTarget = { refId: 'A', expr: 'x', legendFormat: '__auto' };
    const { data } = run(matrix([{ metric: pair('a', 'b'), values: [[T0, '1']] }]), target);
    const field = data[0].fields[1];
    expect(field.config.displayNameFromDS).toBe(
      getFieldDisplayName({ ...field, name: 'Value', state: undefined }, data[0], data)
    );
    expect(field.config.displayNameFromDS).toContain('src="a"');
  });
});

describe('instant query', () => {
  it('gives numeric-multi frames with resultType vector', () => {
    const q = query({ kind: 'instant' });
    const { data } = run(
      vector([{ metric: pair('a', 'b'), value: [T0, '0.5'] }]),
      { refId: 'A', expr: 'x', instant: true },
      q
    );
    expect(data[0].meta).toMatchObject({ type: 'numeric-multi', custom: { resultType: 'vector' } });
    expect(data[0].fields[1].values).toEqual([0.5]);
  });
});

describe('Format: Table', () => {
  const series = [
    { metric: pair('a', 'b'), value: [T0, '1'] as [number, string] },
    { metric: pair('a', 'c'), value: [T0, '2'] as [number, string] },
  ];

  it('merges all series of a refId into one frame with sorted label columns', () => {
    const q = query({ kind: 'instant' });
    const { data } = run(vector(series), { refId: 'A', expr: 'x', format: 'table', instant: true }, q);
    expect(data).toHaveLength(1);
    const frame = data[0];
    expect(frame.fields.map((f) => f.name)).toEqual(['Time', '__name__', 'dst', 'src', 'Value']);
    expect(frame.fields.map((f) => f.type)).toEqual(['time', 'string', 'string', 'string', 'number']);
    expect(frame.fields[2].values).toEqual(['b', 'c']);
    expect(frame.fields[4].values).toEqual([1, 2]);
    expect(frame.fields[1].config.filterable).toBe(true);
    expect(frame.meta?.preferredVisualisationType).toBe('rawPrometheus');
  });

  it('names value columns "Value #<refId>" when several targets are tables', () => {
    const qa = query({ refId: 'A', kind: 'instant' });
    const qb = query({ refId: 'B', kind: 'instant' });
    const targets: PromTarget[] = [
      { refId: 'A', expr: 'x', format: 'table', instant: true },
      { refId: 'B', expr: 'y', format: 'table', instant: true },
    ];
    const { data } = toQueryResponse(
      { A: toBackendResponse(vector(series), 200, qa), B: toBackendResponse(vector(series), 200, qb) },
      [qa, qb],
      targets
    );
    expect(data.map((f: DataFrame) => f.fields[f.fields.length - 1].name)).toEqual(['Value #A', 'Value #B']);
  });

  it('sorts a range table by time when series interleave', () => {
    const body = matrix([
      {
        metric: pair('a', 'b'),
        values: [
          [T0, '1'],
          [T0 + 15, '2'],
        ],
      },
      {
        metric: pair('a', 'c'),
        values: [
          [T0, '3'],
          [T0 + 15, '4'],
        ],
      },
    ]);
    const { data } = run(body, { refId: 'A', expr: 'x', format: 'table' });
    expect(data[0].fields[0].values).toEqual([T0 * 1000, T0 * 1000, (T0 + 15) * 1000, (T0 + 15) * 1000]);
    expect(data[0].fields[0].config.interval).toBe(15_000);
  });
});

describe('empty and error responses', () => {
  it('an empty result still yields one empty frame with the executed query', () => {
    const { data, state } = run(matrix([]), { refId: 'A', expr: 'x' });
    expect(state).toBe(LoadingState.Done);
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ refId: 'A', length: 0, fields: [] });
    expect(data[0].meta?.executedQueryString).toContain('Expr: pingmesh_pair_latency_seconds');
  });

  it('a Prometheus error sets state Error with the errorType and HTTP status', () => {
    const body = JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error at char 5' });
    const res = run(body, { refId: 'A', expr: 'x{' }, query(), 400);
    expect(res.state).toBe(LoadingState.Error);
    expect(res.errors).toEqual([{ refId: 'A', message: 'bad_data: parse error at char 5', status: 400 }]);
    expect(res.error).toEqual(res.errors?.[0]);
    expect(res.data).toHaveLength(1);
  });

  it('a non-JSON body (proxy failure) becomes an error too', () => {
    const res = run('upstream down', { refId: 'A', expr: 'x' }, query(), 502);
    expect(res.errors?.[0].message).toContain('HTTP 502');
  });

  it('Prometheus warnings become frame notices', () => {
    const body = JSON.stringify({
      status: 'success',
      warnings: ['partial'],
      data: { resultType: 'matrix', result: [] },
    });
    const { data } = run(body, { refId: 'A', expr: 'x' });
    expect(data[0].name).toBe('Warnings');
    expect(data[0].meta?.notices).toEqual([{ severity: 'warning', text: 'partial' }]);
  });
});
