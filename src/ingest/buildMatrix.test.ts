import { FieldType, ReducerID, createTheme, toDataFrame } from '@grafana/data';

import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { ModelOptions } from '../options/types';
import { BuildMatrixResult, buildMatrix } from '.';
import { PRESETS } from '../model/presets';
import { mesh, seriesFrames, tableFrame } from '../model/testFrames';
import { MEASURED, Status } from '../model/sla';
import { MatrixModel } from '../model/types';

const theme = createTheme();
const opts = (o: Partial<ModelOptions> = {}): ModelOptions => ({ ...DEFAULT_MODEL_OPTIONS, ...o });

function model(result: BuildMatrixResult): MatrixModel {
  if (!result.model) {
    throw new Error(`expected a model, got warning: ${result.warning}`);
  }
  return result.model;
}

function cell(m: MatrixModel, src: string, dst: string) {
  const r = m.rows.indexOf(src);
  const c = m.cols.indexOf(dst);
  expect(r).toBeGreaterThanOrEqual(0);
  expect(c).toBeGreaterThanOrEqual(0);
  return { value: m.values[r * m.cols.length + c], state: m.presence[r * m.cols.length + c] };
}

const hosts = ['h1', 'h2', 'h10'];
const ms = (s: string, d: string) => Number(s.slice(1)) * 100 + Number(d.slice(1));

describe('frame shapes', () => {
  it('reads one frame per series (range) with the reducer and labels on the number field', () => {
    const frames = seriesFrames([
      { labels: { __name__: 'pingmesh_pair_latency_seconds', src: 'a', dst: 'b' }, values: [0.001, 0.005, 0.002] },
      { labels: { __name__: 'pingmesh_pair_latency_seconds', src: 'b', dst: 'a' }, values: [0.003, null] },
    ]);
    const m = model(buildMatrix({ frames, options: opts({ reducer: ReducerID.max }), theme }));
    expect(m.rows).toEqual(['a', 'b']);
    // seconds → ms from the metric name, max over the range
    expect(cell(m, 'a', 'b').value).toBeCloseTo(5);
    expect(cell(m, 'b', 'a').value).toBeCloseTo(3);
    expect(m.mapping.presetName).toMatch(/Generic src\/dst/);
    expect(m.notices).toContain('Values converted from s to ms.');
  });

  it('uses last non-null by default', () => {
    const frames = seriesFrames([{ labels: { src: 'a', dst: 'b' }, values: [4, 7, null] }]);
    expect(cell(model(buildMatrix({ frames, options: opts(), theme })), 'a', 'b').value).toBe(7);
  });

  it('reads instant frames (numeric-multi) named Value', () => {
    const frames = seriesFrames(mesh(hosts, ms));
    expect(frames[0].fields[1].name).toBe('Value');
    const m = model(buildMatrix({ frames, options: opts(), theme }));
    // natural order: h2 before h10
    expect(m.rows).toEqual(['h1', 'h2', 'h10']);
    expect(m.cols).toBe(m.rows);
    expect(cell(m, 'h10', 'h2')).toEqual({ value: 1002, state: MEASURED });
    expect(cell(m, 'h2', 'h2').state).toBe(Status.Self);
    expect(m.pairs).toBe(6);
  });

  it('reads the instant table format (labels as columns)', () => {
    const m = model(buildMatrix({ frames: [tableFrame(mesh(hosts, ms))], options: opts(), theme }));
    expect(cell(m, 'h1', 'h10')).toEqual({ value: 110, state: MEASURED });
    expect(m.duplicates).toBe(0);
  });

  it('reduces the range table format per series, not per row', () => {
    const frame = tableFrame([
      { labels: { src: 'a', dst: 'b' }, values: [1, 9, 3] },
      { labels: { src: 'b', dst: 'a' }, values: [2, 2, 2] },
    ]);
    const m = model(buildMatrix({ frames: [frame], options: opts({ reducer: ReducerID.mean }), theme }));
    expect(cell(m, 'a', 'b').value).toBeCloseTo(13 / 3);
    // regression guard: rows of one series are samples, not duplicate series
    expect(m.duplicates).toBe(0);
  });

  it('takes the chosen refId among several, including `Value #B` table frames', () => {
    const a = tableFrame(
      mesh(hosts, () => 1),
      'A',
      true
    );
    const b = tableFrame(
      mesh(hosts, () => 42),
      'B',
      true
    );
    const withoutRefId = { ...b, refId: undefined };
    const m = model(buildMatrix({ frames: [a, withoutRefId], options: opts({ latencyRefId: 'B' }), theme }));
    expect(cell(m, 'h1', 'h2').value).toBe(42);
    expect(model(buildMatrix({ frames: [a, b], options: opts(), theme })).values.includes(42)).toBe(false);
  });

  it('warns, naming the refIds seen, when the chosen refId is absent', () => {
    const r = buildMatrix({ frames: seriesFrames(mesh(hosts, ms), 'A'), options: opts({ latencyRefId: 'Z' }), theme });
    expect(r.warning).toBe('No frames for the latency query `Z`; queries seen: `A`.');
  });
});

describe('presets', () => {
  const cases: Array<{
    id: string;
    labels: (s: string, d: string) => Record<string, string>;
    src: string;
    dst: string;
  }> = [
    {
      id: 'pingmesh-agent',
      labels: (s, d) => ({ __name__: 'pingmesh_duration_milliseconds', instance: `${s}:9115`, target: d, tor: 'g1' }),
      src: '10.0.0.1',
      dst: '10.0.0.2',
    },
    {
      id: 'goldpinger',
      labels: (s, d) => ({ goldpinger_instance: s, host_ip: d, call_type: 'ping' }),
      src: 'node-a',
      dst: '10.0.0.2',
    },
    {
      id: 'kube-network-monitor',
      labels: (s, d) => ({ __name__: 'network_monitor_latency', source: s, target: d }),
      src: 'node-a',
      dst: 'node-b',
    },
    {
      id: 'smokeping',
      labels: (s, d) => ({
        __name__: 'smokeping_response_duration_seconds',
        source: '',
        instance: `${s}:9374`,
        host: d,
      }),
      src: 'prober-1',
      dst: 'example.org',
    },
    {
      id: 'ping-exporter',
      labels: (s, d) => ({ __name__: 'ping_rtt_mean_seconds', source: s, target: d, ip: d }),
      src: 'site-a',
      dst: '192.0.2.1',
    },
    {
      id: 'blackbox-icmp',
      labels: (s, d) => ({ __name__: 'probe_icmp_duration_seconds', source: s, instance: d, phase: 'rtt' }),
      src: 'site-a',
      dst: '192.0.2.9',
    },
    { id: 'topology', labels: (s, d) => ({ src: s, dst: d, src_tor: 't1', dst_tor: 't2' }), src: 'h1', dst: 'h2' },
    {
      id: 'goldpinger-udp',
      labels: (s, d) => ({ __name__: 'goldpinger_peers_loss_pct', goldpinger_instance: s, host_ip: d, pod_ip: d }),
      src: 'node-a',
      dst: '10.0.0.2',
    },
    // kubenurse after histogram_quantile: no metric name, but its destinations are type="path_<node>".
    { id: 'kubenurse', labels: (s, d) => ({ node: s, type: `path_${d}` }), src: 'node-a', dst: 'node-b' },
    {
      id: 'rpingmesh',
      labels: (s, d) => ({ __name__: 'rpingmesh.network_rtt_ns_sum', source_tor: s, target_tor: d }),
      src: 'tor.r1_a',
      dst: 'tor.r1_b',
    },
    {
      id: 'tor-rules',
      labels: (s, d) => ({
        __name__: 'tor_pair:pingmesh_pair_latency_seconds:max',
        src_tor: s,
        dst_tor: d,
        src_dc: 'dc1',
        dst_dc: 'dc1',
      }),
      src: 'r1-dc1-az1-tor1',
      dst: 'r1-dc1-az1-tor2',
    },
  ];

  it.each(cases)('auto-detects $id from its labels and reads its pair', ({ id, labels, src, dst }) => {
    const frames = seriesFrames([{ labels: labels(src, dst), values: [2] }]);
    const m = model(buildMatrix({ frames, options: opts(), theme }));
    const preset = PRESETS.find((p) => p.id === id)!;
    expect(m.mapping).toMatchObject({ presetName: preset.name, detected: true });
    expect(cell(m, src, dst).state).toBe(MEASURED);
  });

  it('every preset has a case here', () => {
    expect(cases.map((c) => c.id).sort()).toEqual(PRESETS.map((p) => p.id).sort());
  });

  it('reads a chosen preset without detection', () => {
    const frames = seriesFrames([{ labels: { source: 'a', target: 'b' }, values: [0.002] }]);
    const m = model(buildMatrix({ frames, options: opts({ preset: 'kube-network-monitor' }), theme }));
    expect(m.mapping.detected).toBe(false);
    // kube-network-monitor reports seconds; shown in ms
    expect(cell(m, 'a', 'b').value).toBeCloseTo(2);
  });

  it('uses custom labels, with fallback candidates', () => {
    const frames = seriesFrames([
      { labels: { from: 'a', to: 'b' }, values: [1] },
      { labels: { from: '', via: 'c', to: 'a' }, values: [1] },
    ]);
    const m = model(
      buildMatrix({
        frames,
        options: opts({ preset: 'custom', sourceLabel: 'from, via', destinationLabel: 'to' }),
        theme,
      })
    );
    expect(cell(m, 'c', 'a').state).toBe(MEASURED);
  });

  it('asks for a choice when presets with different labels fit equally', () => {
    const frames = seriesFrames([{ labels: { source: 'a', target: 'b', ip: 'c' }, values: [1] }]);
    expect(buildMatrix({ frames, options: opts(), theme }).warning).toMatch(/Several exporter presets fit/);
  });

  it('names the labels seen when no preset fits', () => {
    const frames = seriesFrames([{ labels: { job: 'x', le: '0.1' }, values: [1] }]);
    expect(buildMatrix({ frames, options: opts(), theme }).warning).toBe(
      'No exporter preset fits these series (labels seen: `job`, `le`). Choose a preset or set the source and destination labels under Custom.'
    );
  });
});

describe('host identity', () => {
  it('strips ports, IPv6 included, so an agent and its target are one host', () => {
    const frames = seriesFrames([
      { labels: { instance: '[fe80::1]:9115', target: 'fe80::2' }, values: [1] },
      { labels: { instance: '[fe80::2]:9115', target: 'fe80::1' }, values: [2] },
      { labels: { instance: '10.0.0.1:9115', target: 'fe80::1' }, values: [3] },
    ]);
    const m = model(buildMatrix({ frames, options: opts({ preset: 'pingmesh-agent' }), theme }));
    expect(m.rows).toEqual(expect.arrayContaining(['fe80::1', 'fe80::2', '10.0.0.1']));
    expect(m.rows).toHaveLength(3);
    expect(cell(m, 'fe80::2', 'fe80::1').value).toBe(2);
    expect(cell(m, 'fe80::1', 'fe80::1').state).toBe(Status.Self);
  });
});

describe('breach-only exporter during an outage', () => {
  // Broke: with pingmesh-agent's duration query empty (no pair above its delay) and only pingmesh_fail rows, the
  // failure query became the latency query: every failed probe read as a 1 ms latency.
  it('an empty latency query stays the latency query; the failed pairs are the matrix', () => {
    const agent = (src: string, dst: string) => ({ instance: `[${src}]:9115`, target: dst, tor: 't1' });
    const fails = ['fd00::1', 'fd00::2', 'fd00::3'].flatMap((s) =>
      ['fd00::1', 'fd00::2', 'fd00::3', 'fd00::4']
        .filter((d) => d !== s && (s === 'fd00::2' || d === 'fd00::2'))
        .map((d) => ({ labels: { __name__: 'pingmesh_fail', ...agent(s, d) }, values: [1] }))
    );
    const empty = tableFrame([], 'A', true);
    const frames = [empty, tableFrame(fails, 'B', true)];
    const m = model(buildMatrix({ frames, options: opts(), theme }));
    expect(m.mapping.presetName).toBe('kubeservice pingmesh-agent');
    expect(m.source.refId).toBe('A');
    expect(cell(m, 'fd00::2', 'fd00::1').state).toBe(Status.Failed);
    expect(cell(m, 'fd00::1', 'fd00::2').state).toBe(Status.Failed);
    expect(cell(m, 'fd00::2', 'fd00::4').state).toBe(Status.Failed);
    // Every other pair has no series: healthy, for a breach-only exporter.
    expect(cell(m, 'fd00::1', 'fd00::3').state).toBe(Status.OK);
    expect(m.failed).toBe(5);
  });

  // Broke: the same outage with one frame per series — Grafana sends the empty duration query as one frame with no
  // fields, which did not count as answered, so every failed probe again read as a 1 ms latency.
  it('an empty result as Grafana sends it (one frame, no fields) also stays the latency query', () => {
    const agent = (src: string, dst: string) => ({ instance: `${src}:9115`, target: dst, tor: 't1' });
    const fails = ['h2', 'h3'].map((d) => ({ labels: { __name__: 'pingmesh_fail', ...agent('h1', d) }, values: [1] }));
    const frames = [toDataFrame({ refId: 'A', fields: [] }), ...seriesFrames(fails, 'B')];
    const m = model(buildMatrix({ frames, options: opts(), theme }));
    expect(m.source.refId).toBe('A');
    expect(cell(m, 'h1', 'h2').state).toBe(Status.Failed);
    expect(cell(m, 'h1', 'h3').state).toBe(Status.Failed);
    expect(m.failed).toBe(2);
  });

  // Broke: a configured failure query that answered with nothing (no failures: one frame, no fields) was named in
  // the footer as "No frames for the probe failure query" on every healthy refresh.
  it('a configured query that answered empty is not named as missing; one that sent nothing is', () => {
    const latency = seriesFrames([{ labels: { __name__: 'lat_ms', src: 'a', dst: 'b' }, values: [1] }]);
    const empty = toDataFrame({ refId: 'C', fields: [] });
    const answered = model(buildMatrix({ frames: [...latency, empty], options: opts({ failRefId: 'C' }), theme }));
    expect(answered.notices.filter((n) => n.startsWith('No frames'))).toEqual([]);
    const typo = model(buildMatrix({ frames: [...latency, empty], options: opts({ failRefId: 'D' }), theme }));
    expect(typo.notices).toContain('No frames for the probe failure query `D`.');
  });

  it('no rows in any pair query is still "no data", not a matrix', () => {
    const frames = [tableFrame([], 'A', true), tableFrame([], 'B', true)];
    expect(buildMatrix({ frames, options: opts(), theme }).warning).toMatch(/^No data/);
  });
});

describe('duplicates, invalid values, no data', () => {
  it('keeps the worst of duplicate series and says so', () => {
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b', instance: 'p1' }, values: [3] },
      { labels: { src: 'a', dst: 'b', instance: 'p2' }, values: [80] },
      { labels: { src: 'b', dst: 'a' }, values: [1] },
    ]);
    const m = model(buildMatrix({ frames, options: opts({ preset: 'topology', inputUnit: 'ms' }), theme }));
    // A NaN/±Inf duplicate outranks finite ones (reduce.test.ts); among finite ones the largest wins.
    expect(cell(m, 'a', 'b')).toEqual({ value: 80, state: MEASURED });
    expect(m.duplicates).toBe(1);
    expect(m.notices).toContain('1 pair has more than one series; the worst value is shown.');
  });

  it.each([NaN, Infinity, -Infinity, -1])('marks %p as invalid, never a value', (v) => {
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b' }, values: [v] },
      { labels: { src: 'b', dst: 'a' }, values: [1] },
    ]);
    const m = model(buildMatrix({ frames, options: opts(), theme }));
    expect(cell(m, 'a', 'b').state).toBe(Status.Invalid);
    expect(m.invalid).toBe(1);
  });

  it('a pair without series, or with only nulls, is no data', () => {
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b' }, values: [1] },
      { labels: { src: 'b', dst: 'c' }, values: [null, null] },
      { labels: { src: 'c', dst: 'a' }, values: [1] },
    ]);
    const m = model(buildMatrix({ frames, options: opts(), theme }));
    expect(cell(m, 'b', 'a').state).toBe(Status.NoData);
    expect(cell(m, 'b', 'c').state).toBe(Status.NoData);
    expect(cell(m, 'a', 'b').state).toBe(MEASURED);
  });

  it('warns on no frames and on frames without numbers', () => {
    expect(buildMatrix({ frames: [], options: opts(), theme }).warning).toMatch(/^No data/);
    const strings = toDataFrame({ refId: 'A', fields: [{ name: 'x', type: FieldType.string, values: ['a'] }] });
    expect(buildMatrix({ frames: [strings], options: opts(), theme }).warning).toBe(
      'Query `A` has no numeric field: a latency query must return numbers.'
    );
  });

  it('names the missing label and the labels seen', () => {
    const frames = seriesFrames([{ labels: { instance: 'a:9115', job: 'pingmesh' }, values: [1] }]);
    expect(buildMatrix({ frames, options: opts({ preset: 'pingmesh-agent' }), theme }).warning).toBe(
      'No series has label `target`; labels seen: `instance`, `job`.'
    );
  });

  it('skips series missing a label and counts them', () => {
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b' }, values: [1] },
      { labels: { src: 'a' }, values: [1] },
    ]);
    const m = model(buildMatrix({ frames, options: opts({ preset: 'topology' }), theme }));
    expect(m.notices).toContain('1 series without a src or dst label were skipped.');
  });
});

describe('axes', () => {
  it('keeps separate axes when sources and destinations are different hosts (names vs IPs)', () => {
    const frames = seriesFrames([
      { labels: { goldpinger_instance: 'node-a', host_ip: '10.0.0.2' }, values: [0.001] },
      { labels: { goldpinger_instance: 'node-b', host_ip: '10.0.0.1' }, values: [0.001] },
    ]);
    const m = model(buildMatrix({ frames, options: opts(), theme }));
    expect(m.rows).toEqual(['node-a', 'node-b']);
    expect(m.cols).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(m.presence.includes(Status.Self)).toBe(false);
  });
});

describe('display', () => {
  it('formats with the field unit and colours with the thresholds', () => {
    const frames = seriesFrames([{ labels: { src: 'a', dst: 'b' }, values: [250] }]);
    frames[0].fields[1].config = {
      unit: 'ms',
      decimals: 1,
      thresholds: {
        mode: 'absolute' as never,
        steps: [
          { value: -Infinity, color: 'green' },
          { value: 100, color: 'red' },
        ],
      },
      color: { mode: 'thresholds' as never },
    };
    const m = model(buildMatrix({ frames, options: opts({ inputUnit: 'ms' }), theme }));
    const shown = m.field.display!(250);
    expect(shown.text).toBe('250.0');
    expect(shown.suffix).toBe(' ms');
    expect(shown.color).toBe(theme.visualization.getColorByName('red'));
  });
});
