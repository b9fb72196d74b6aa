import { FieldType, createTheme, toDataFrame } from '@grafana/data';

import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { ModelOptions } from '../options/types';
import { quantileOf } from '../view/aggregate';
import { buildMatrix } from '../ingest';
import { SeriesSpec, mesh, seriesFrames, tableFrame } from '../model/testFrames';
import { MatrixModel } from '../model/types';
import { findPairSeries, pairStats } from './pair';

const theme = createTheme();
const T0 = 1_700_000_000_000;
const STEP = 30_000;
const at = (...steps: number[]) => steps.map((i) => T0 + i * STEP);

function model(frames: ReturnType<typeof seriesFrames>, o: Partial<ModelOptions> = {}): MatrixModel {
  const r = buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, ...o }, theme });
  if (!r.model) {
    throw new Error(r.warning);
  }
  return r.model;
}

/** h1, h2, h3 full mesh, three samples each, in seconds: value = (10·src + dst + step/10) ms. */
const HOSTS = ['h1', 'h2', 'h3'];
const rangeMesh = (metric = 'pingmesh_pair_latency_seconds'): SeriesSpec[] =>
  mesh(HOSTS, () => 0).map(({ labels }) => {
    const base = Number(labels.src.slice(1)) * 10 + Number(labels.dst.slice(1));
    return { labels: { __name__: metric, ...labels }, values: [0, 1, 2].map((i) => (base + i / 10) / 1000) };
  });

describe('findPairSeries', () => {
  it('finds both directions in one-frame-per-series range data, converted with the factor (s → ms)', () => {
    const frames = seriesFrames(rangeMesh());
    const m = model(frames);
    expect(m.source).toMatchObject({ refId: 'A', factor: 1000 });
    const data = findPairSeries(frames, m, { source: 'h1', destination: 'h2' });
    expect(data.isRange).toBe(true);
    expect(data.series.map((s) => [s.direction, s.name, s.refId])).toEqual([
      ['forward', 'h1 → h2', 'A'],
      ['reverse', 'h2 → h1', 'A'],
    ]);
    const [fwd, rev] = data.series;
    expect(fwd.times).toEqual(at(0, 1, 2));
    expect(fwd.values[0]).toBeCloseTo(12);
    expect(fwd.values[1]).toBeCloseTo(12.1);
    expect(fwd.values[2]).toBeCloseTo(12.2);
    expect(rev.values[2]).toBeCloseTo(21.2);
    expect(fwd.labels).toEqual({ src: 'h1', dst: 'h2' });
    expect(data.match).toEqual({
      sourceLabel: 'src',
      destinationLabel: 'dst',
      forward: { source: 'h1', destination: 'h2' },
      reverse: { source: 'h2', destination: 'h1' },
    });
  });

  it('keeps null and NaN samples as null, in place', () => {
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b' }, values: [5, null, NaN, Infinity, 7] },
      { labels: { src: 'b', dst: 'a' }, values: [1, 2] },
    ]);
    const data = findPairSeries(frames, model(frames, { inputUnit: 'ms' }), { source: 'a', destination: 'b' });
    expect(data.series[0].values).toEqual([5, null, null, null, 7]);
    expect(data.series[0].times).toEqual(at(0, 1, 2, 3, 4));
  });

  it('groups the rows of the range table format into one series per label set', () => {
    const frame = tableFrame([
      { labels: { src: 'h1', dst: 'h2', probe: 'x' }, values: [1, 2, null] },
      { labels: { src: 'h1', dst: 'h3' }, values: [9, 9, 9] },
      { labels: { src: 'h2', dst: 'h1' }, values: [4, NaN, 6] },
      { labels: { src: 'h3', dst: 'h2' }, values: [9, 9, 9] },
    ]);
    const m = model([frame], { inputUnit: 'ms' });
    const data = findPairSeries([frame], m, { source: 'h2', destination: 'h1' });
    expect(data.isRange).toBe(true);
    expect(data.series).toEqual([
      {
        direction: 'forward',
        refId: 'A',
        name: 'h2 → h1',
        labels: { src: 'h2', dst: 'h1' },
        times: at(0, 1, 2),
        values: [4, null, 6],
      },
      {
        direction: 'reverse',
        refId: 'A',
        name: 'h1 → h2',
        labels: { src: 'h1', dst: 'h2', probe: 'x' },
        times: at(0, 1, 2),
        values: [1, 2, null],
      },
    ]);
  });

  it('sorts table rows by time when they do not come in order', () => {
    const frame = toDataFrame({
      refId: 'A',
      fields: [
        { name: 'Time', type: FieldType.time, values: at(2, 0, 1) },
        { name: 'dst', type: FieldType.string, values: ['b', 'b', 'b'] },
        { name: 'src', type: FieldType.string, values: ['a', 'a', 'a'] },
        { name: 'Value', type: FieldType.number, values: [30, 10, 20] },
      ],
    });
    const data = findPairSeries([frame], model([frame], { inputUnit: 'ms' }), { source: 'a', destination: 'b' });
    expect(data.series[0]).toMatchObject({ times: at(0, 1, 2), values: [10, 20, 30] });
  });

  it('reads the instant table format: one sample per series, not a range', () => {
    const frame = tableFrame(mesh(HOSTS, (s, d) => Number(s.slice(1)) * 100 + Number(d.slice(1))));
    const m = model([frame], { inputUnit: 'ms' });
    const data = findPairSeries([frame], m, { source: 'h3', destination: 'h1' });
    expect(data.isRange).toBe(false);
    expect(data.series.map((s) => [s.name, s.times, s.values])).toEqual([
      ['h3 → h1', at(0), [301]],
      ['h1 → h3', at(0), [103]],
    ]);
  });

  it('reads instant per-series frames', () => {
    const frames = seriesFrames(mesh(HOSTS, () => 0.004).map((s) => ({ ...s, labels: { ...s.labels, job: 'pm' } })));
    const m = model(frames, { inputUnit: 's' });
    const data = findPairSeries(frames, m, { source: 'h1', destination: 'h3' });
    expect(data.isRange).toBe(false);
    expect(data.series.map((s) => [s.direction, s.times, s.values])).toEqual([
      ['forward', at(0), [4]],
      ['reverse', at(0), [4]],
    ]);
    expect(data.series[0].labels).toEqual({ src: 'h1', dst: 'h3', job: 'pm' });
  });

  it('reads range frames fetched for a matrix built from an instant table (same refId, same factor)', () => {
    const instant = tableFrame(rangeMesh().map((s) => ({ ...s, values: [s.values[2]] })));
    const m = model([instant]);
    expect(findPairSeries([instant], m, { source: 'h2', destination: 'h3' }).isRange).toBe(false);
    const fetched = seriesFrames(rangeMesh().filter((s) => s.labels.src !== 'h1' && s.labels.dst !== 'h1'));
    const data = findPairSeries(fetched, m, { source: 'h2', destination: 'h3' });
    expect(data.isRange).toBe(true);
    expect(data.series.map((s) => [s.name, s.times])).toEqual([
      ['h2 → h3', at(0, 1, 2)],
      ['h3 → h2', at(0, 1, 2)],
    ]);
    expect(data.series[1].values[1]).toBeCloseTo(32.1);
  });

  it('copes with an instant table without a Time column', () => {
    const frame = toDataFrame({
      refId: 'A',
      fields: [
        { name: 'dst', type: FieldType.string, values: ['b', 'a'] },
        { name: 'src', type: FieldType.string, values: ['a', 'b'] },
        { name: 'Value', type: FieldType.number, values: [3, 4] },
      ],
    });
    const data = findPairSeries([frame], model([frame], { inputUnit: 'ms' }), { source: 'a', destination: 'b' });
    expect(data.isRange).toBe(false);
    expect(data.series.map((s) => [s.direction, s.times, s.values])).toEqual([
      ['forward', [], [3]],
      ['reverse', [], [4]],
    ]);
  });

  it('merges the range and instant frames of one series (both query types selected)', () => {
    const range = seriesFrames([{ labels: { src: 'a', dst: 'b' }, values: [1, 2, 3] }]);
    const instant = seriesFrames([{ labels: { src: 'a', dst: 'b' }, values: [4] }]);
    instant[0].fields[0].values[0] = T0 + 3 * STEP;
    const frames = [...range, ...instant];
    const data = findPairSeries(frames, model(frames, { inputUnit: 'ms' }), { source: 'a', destination: 'b' });
    expect(data.series).toHaveLength(1);
    expect(data.series[0]).toMatchObject({ name: 'a → b', times: at(0, 1, 2, 3), values: [1, 2, 3, 4] });
  });

  it('finds IP destinations aliased to node names through a topology query', () => {
    const pairs = seriesFrames([
      { labels: { goldpinger_instance: 'n1', host_ip: '10.0.0.2' }, values: [0.001, 0.003] },
      { labels: { goldpinger_instance: 'n2', host_ip: '10.0.0.1' }, values: [0.002, 0.004] },
      { labels: { goldpinger_instance: 'n2', host_ip: '10.0.0.3' }, values: [0.009, 0.009] },
    ]);
    const info = seriesFrames(
      [
        { labels: { __name__: 'kube_node_info', node: 'n1', internal_ip: '10.0.0.1' }, values: [1] },
        { labels: { __name__: 'kube_node_info', node: 'n2', internal_ip: '10.0.0.2' }, values: [1] },
      ],
      'B'
    );
    const frames = [...pairs, ...info];
    const m = model(frames, { preset: 'goldpinger', topologyRefIds: 'B' });
    // 10.0.0.3 has no node: it stays an IP on the (shared) axes.
    expect(m.rows).toEqual(['10.0.0.3', 'n1', 'n2']);
    expect(m.source.hostOf('10.0.0.2')).toBe('n2');
    expect(m.source.hostOf('10.0.0.2:8080')).toBe('n2');
    expect(m.source.hostOf('10.9.9.9')).toBe('10.9.9.9');

    const data = findPairSeries(frames, m, { source: 'n1', destination: 'n2' });
    expect(data.series.map((s) => [s.name, s.times])).toEqual([
      ['n1 → n2', at(0, 1)],
      ['n2 → n1', at(0, 1)],
    ]);
    expect(data.series[0].values[1]).toBeCloseTo(3);
    expect(data.series[1].values[0]).toBeCloseTo(2);
    expect(data.match).toEqual({
      sourceLabel: 'goldpinger_instance',
      destinationLabel: 'host_ip',
      forward: { source: 'n1', destination: '10.0.0.2' },
      reverse: { source: 'n2', destination: '10.0.0.1' },
    });
  });

  it('returns the one direction there is, and nothing for a pair without series', () => {
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b' }, values: [1, 2] },
      { labels: { src: 'b', dst: 'c' }, values: [1, 2] },
    ]);
    const m = model(frames, { inputUnit: 'ms' });
    const data = findPairSeries(frames, m, { source: 'b', destination: 'a' });
    expect(data.series.map((s) => [s.direction, s.name, s.values])).toEqual([['reverse', 'a → b', [1, 2]]]);
    expect(data.match).toEqual({
      sourceLabel: 'src',
      destinationLabel: 'dst',
      reverse: { source: 'a', destination: 'b' },
    });

    const none = findPairSeries(frames, m, { source: 'c', destination: 'a' });
    expect(none).toEqual({ series: [], isRange: false, match: { sourceLabel: 'src', destinationLabel: 'dst' } });
  });

  it('gives a self pair its one direction', () => {
    const frames = seriesFrames([
      { labels: { instance: 'h1:9115', target: 'h1' }, values: [0.5, 0.6] },
      { labels: { instance: 'h1:9115', target: 'h2' }, values: [1, 1] },
      { labels: { instance: 'h2:9115', target: 'h1' }, values: [2, 2] },
    ]);
    const m = model(frames, { preset: 'pingmesh-agent' });
    const data = findPairSeries(frames, m, { source: 'h1', destination: 'h1' });
    expect(data.series).toEqual([
      {
        direction: 'forward',
        refId: 'A',
        name: 'h1 → h1',
        labels: { instance: 'h1:9115', target: 'h1' },
        times: at(0, 1),
        values: [0.5, 0.6],
      },
    ]);
    expect(data.match.reverse).toBeUndefined();
  });

  it('matches ports stripped (h1:9100 is host h1) and reports the raw values and the labels used', () => {
    const frame = tableFrame([
      { labels: { __name__: 'pingmesh_duration_milliseconds', instance: 'h1:9100', target: 'h2' }, values: [7, 8] },
      { labels: { __name__: 'pingmesh_duration_milliseconds', instance: 'h2:9100', target: 'h1' }, values: [5, 6] },
      { labels: { __name__: 'pingmesh_duration_milliseconds', instance: 'h2:9100', target: 'h3' }, values: [1, 1] },
    ]);
    const m = model([frame]);
    expect(m.source.factor).toBe(1);
    expect(m.source.scaleOf!({ refId: 'A', field: frame.fields[frame.fields.length - 1] })).toBe(1);
    const data = findPairSeries([frame], m, { source: 'h1', destination: 'h2' });
    expect(data.series.map((s) => [s.name, s.values])).toEqual([
      ['h1 → h2', [7, 8]],
      ['h2 → h1', [5, 6]],
    ]);
    expect(data.match).toEqual({
      sourceLabel: 'instance',
      destinationLabel: 'target',
      forward: { source: 'h1:9100', destination: 'h2' },
      reverse: { source: 'h2:9100', destination: 'h1' },
    });
  });

  it('names the candidate label that actually carried the value (smokeping: empty source, then instance)', () => {
    const frames = seriesFrames([
      { labels: { __name__: 'smokeping_x_seconds', source: '', instance: 'p1:9374', host: 'p2' }, values: [1, 2] },
      { labels: { __name__: 'smokeping_x_seconds', source: '', instance: 'p2:9374', host: 'p1' }, values: [1, 2] },
    ]);
    const data = findPairSeries(frames, model(frames), { source: 'p1', destination: 'p2' });
    expect(data.match).toMatchObject({
      sourceLabel: 'instance',
      destinationLabel: 'host',
      forward: { source: 'p1:9374', destination: 'p2' },
    });
  });

  it('adds series of extra refIds (loss), without the latency factor, named by metric or refId', () => {
    const latency = seriesFrames([
      { labels: { __name__: 'pingmesh_pair_latency_seconds', src: 'a', dst: 'b' }, values: [0.001, 0.002] },
      { labels: { __name__: 'pingmesh_pair_latency_seconds', src: 'b', dst: 'a' }, values: [0.003, 0.004] },
    ]);
    const loss = tableFrame(
      [
        { labels: { src: 'a', dst: 'b' }, values: [0.5, 0] },
        { labels: { src: 'a', dst: 'c' }, values: [1, 1] },
      ],
      'B',
      true
    );
    const frames = [loss, ...latency];
    const m = model(frames, { latencyRefId: 'A' });
    expect(m.source).toMatchObject({ refId: 'A', factor: 1000 });
    expect(findPairSeries(frames, m, { source: 'a', destination: 'b' }).series).toHaveLength(2);

    const data = findPairSeries(frames, m, { source: 'a', destination: 'b' }, ['B']);
    expect(data.series.map((s) => [s.direction, s.refId, s.name])).toEqual([
      ['forward', 'A', 'a → b (pingmesh_pair_latency_seconds)'],
      ['forward', 'B', 'a → b (B)'],
      ['reverse', 'A', 'b → a'],
    ]);
    expect(data.series[0].values[1]).toBeCloseTo(2);
    expect(data.series[1]).toMatchObject({ times: at(0, 1), values: [0.5, 0] });
  });

  it('tells duplicate series of one direction apart by their differing labels', () => {
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b', prober: 'p1', job: 'x' }, values: [1, 2] },
      { labels: { src: 'a', dst: 'b', prober: 'p2', job: 'x' }, values: [3, 4] },
    ]);
    const data = findPairSeries(frames, model(frames, { inputUnit: 'ms' }), { source: 'a', destination: 'b' });
    expect(data.series.map((s) => [s.name, s.values])).toEqual([
      ['a → b {prober="p1"}', [1, 2]],
      ['a → b {prober="p2"}', [3, 4]],
    ]);
  });

  it('finds both directions in a large table (its scan time is in npm run bench, not here)', () => {
    const hosts = Array.from({ length: 300 }, (_, i) => `h${i}`);
    const specs = mesh(hosts, () => 1);
    const frame = tableFrame(specs);
    const m = model([frame], { inputUnit: 'ms' });
    const data = findPairSeries([frame], m, { source: 'h7', destination: 'h250' });
    expect(data.series.map((s) => s.name)).toEqual(['h7 → h250', 'h250 → h7']);
  });
});

describe('pairStats', () => {
  it('ignores null and NaN; percentiles interpolate like quantileOf; last is the last value present', () => {
    const values = [null, 3, NaN, 1, 10, 2, null];
    expect(pairStats(values)).toEqual({
      p50: 2.5,
      p99: quantileOf([3, 1, 10, 2], 0.99),
      max: 10,
      last: 2,
      count: 4,
    });
    expect(pairStats(values).p99).toBeCloseTo(9.79);
  });

  it('is empty-handed without values', () => {
    expect(pairStats([])).toEqual({ count: 0 });
    expect(pairStats([null, NaN])).toEqual({ count: 0 });
  });
});
