import { DataFrame, createTheme, formattedValueToString } from '@grafana/data';

import { buildMatrix } from '../ingest';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { ModelOptions } from '../options/types';
import { resolutionNotice } from '../text/resolution';
import { resolutionIssues } from './resolution';
import { DEFAULT_SLA_CONFIG } from './sla';
import { seriesFrames, tableFrame } from './testFrames';
import { MatrixModel } from './types';
import { classifyModel } from '../view/view';

const theme = createTheme();
const build = (frames: DataFrame[], o: Partial<ModelOptions> = {}): MatrixModel =>
  buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, ...o }, theme }).model!;
const notice = (m: MatrixModel) =>
  resolutionNotice(resolutionIssues(classifyModel(m, DEFAULT_SLA_CONFIG), m.buckets), m.buckets, (v) =>
    formattedValueToString(m.field.display!(v))
  );

describe('bucket resolution', () => {
  it('says when a threshold lies inside a bucket of the query’s le buckets', () => {
    // Broke: a 0.5 ms same-ToR warning against 1 ms-wide buckets painted healthy 0.2 ms pairs (p99 ~0.99 ms) as warnings, without a word.
    const latency = seriesFrames([
      { labels: { src: 'a', dst: 'b', src_tor: 't1', dst_tor: 't1' }, values: [0.00099] },
      { labels: { src: 'b', dst: 'a', src_tor: 't1', dst_tor: 't1' }, values: [0.00099] },
    ]);
    // A second query keeps the buckets: count by (le) (x_seconds_bucket).
    const buckets = seriesFrames(
      ['0.001', '0.005', '0.01', '0.1', '+Inf'].map((le) => ({
        labels: { __name__: 'x_seconds_bucket', le },
        values: [1],
      })),
      'B'
    );
    const m = build([...latency, ...buckets], {
      inputUnit: 's',
      levels: 'tor',
      latencyRefId: 'A',
      topologyRefIds: 'B',
    });
    expect(m.buckets).toEqual({ bounds: [1, 5, 10, 100], source: 'le', preset: undefined });
    expect(notice(m)).toBe(
      'Quantiles from the query’s buckets cannot tell OK from warning at 0.500 ms (same-tor): it lies inside the bucket 0 ms–1 ms. So does 1 more threshold.'
    );
  });

  it('Goldpinger’s default buckets with the Goldpinger SLAs: nothing to say', () => {
    const frames = [
      tableFrame([
        { labels: { goldpinger_instance: 'n1', host_ip: '10.0.0.2', src_tor: 't', dst_tor: 't' }, values: [0.0049] },
      ]),
    ];
    const m = build(frames, { preset: 'goldpinger', levels: 'tor' });
    expect(m.buckets).toMatchObject({ source: 'preset', preset: 'Goldpinger' });
    expect(notice(m)).toBeUndefined();
  });

  it('the built-in sub-ms SLAs on Goldpinger’s 5 ms buckets are named', () => {
    const frames = [tableFrame([{ labels: { goldpinger_instance: 'n1', host_ip: '10.0.0.2' }, values: [0.0049] }])];
    const m = build(frames, { preset: 'goldpinger', levels: 'tor' });
    const issues = resolutionIssues(
      classifyModel(m, {
        ...DEFAULT_SLA_CONFIG,
        scopes: { 'same-tor': { latencyWarn: 0.5, latencyBreach: 1, lossWarn: 0, lossBreach: 0 } },
      }),
      m.buckets
    );
    expect(issues[0]).toEqual({ scope: 'same-tor', state: 'warning', threshold: 0.5, from: 0, to: 5 });
    expect(issues).toHaveLength(2);
  });

  it('a threshold beyond the last finite bucket is never reached', () => {
    const m = build([tableFrame([{ labels: { source_tor: 'a', target_tor: 'b' }, values: [50_000] }])], {
      preset: 'rpingmesh',
      levels: 'tor',
    });
    const issues = resolutionIssues(
      classifyModel(m, {
        ...DEFAULT_SLA_CONFIG,
        scopes: { 'same-tor': { latencyWarn: 1, latencyBreach: 200, lossWarn: 0, lossBreach: 0 } },
      }),
      m.buckets
    );
    expect(issues).toEqual([{ scope: 'same-tor', state: 'breach', threshold: 200, from: 10, to: Infinity }]);
  });

  it('warns when buckets are VictoriaMetrics vmrange', () => {
    const frames = [
      tableFrame([{ labels: { node: 'n1', type: 'path_n2' }, values: [0.004] }]),
      tableFrame(
        [
          {
            labels: {
              __name__: 'kubenurse_httpclient_request_duration_seconds_bucket',
              vmrange: '1.000e-03...1.136e-03',
            },
            values: [3],
          },
        ],
        'B'
      ),
    ];
    const m = build(frames, { topologyRefIds: 'B' });
    expect(m.notices.join(' ')).toContain('VictoriaMetrics vmrange buckets');
    expect(m.buckets!.source).toBe('vmrange');
    expect(m.buckets!.bounds.map((b) => Number(b.toFixed(3)))).toEqual([1, 1.136]);
  });
});
