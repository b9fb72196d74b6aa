import { DataFrame, FieldType, createTheme, standardTransformers } from '@grafana/data';
import { firstValueFrom, of } from 'rxjs';

import { findPairSeries } from '../drill/pair';
import { DEFAULT_SLA_CONFIG, MEASURED, Status } from '../model/sla';
import { SeriesSpec, tableFrame } from '../model/testFrames';
import { MatrixModel } from '../model/types';
import { classifyModel } from '../view/view';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { ModelOptions } from '../options/types';
import { buildMatrix } from '.';
import { splitMergedFrames } from './merged';

const theme = createTheme();

/** Grafana's own Merge transformation over the frames, as the panel receives its output. */
async function merge(frames: DataFrame[]): Promise<DataFrame[]> {
  const operator = standardTransformers.mergeTransformer.operator({}, { interpolate: (v: string) => v });
  return firstValueFrom(of(frames).pipe(operator));
}

/**
 * Two table-format queries as Grafana's Prometheus result_transformer shapes them when several queries use Format =
 * Table: `[Time, <labels sorted>, Value #A]` and `[Time, <labels sorted>, Value #B]`.
 */
const latency: SeriesSpec[] = [
  { labels: { src: 'a', dst: 'b' }, values: [1] },
  { labels: { src: 'b', dst: 'a' }, values: [2] },
  { labels: { src: 'a', dst: 'c' }, values: [3] },
];
const loss: SeriesSpec[] = [
  { labels: { src: 'a', dst: 'b' }, values: [0.5] },
  { labels: { src: 'b', dst: 'a' }, values: [0] },
  // Loss only: the merged row has no latency.
  { labels: { src: 'c', dst: 'a' }, values: [0] },
];

function build(frames: DataFrame[], o: Partial<ModelOptions> = {}): MatrixModel {
  const r = buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms', ...o }, theme });
  if (!r.model) {
    throw new Error(r.warning);
  }
  return r.model;
}
const at = (m: MatrixModel, s: string, d: string) => m.rows.indexOf(s) * m.cols.length + m.cols.indexOf(d);

describe('merged tables (Merge transformation)', () => {
  it('the fixture is what Grafana hands the panel: one frame, Value #A and Value #B columns', async () => {
    const [merged, ...rest] = await merge([tableFrame(latency, 'A', true), tableFrame(loss, 'B', true)]);
    expect(rest).toEqual([]);
    expect(merged.refId).toBe('merge-A-B');
    expect(merged.fields.map((f) => f.name)).toEqual(['Time', 'dst', 'src', 'Value #A', 'Value #B']);
    // The loss-only row holds no latency (and the latency-only row no loss).
    expect(merged.fields[3].values).toEqual([1, 2, 3, undefined]);
    expect(merged.fields[4].values).toEqual([0.5, 0, undefined, 0]);
  });

  // Broke: the whole frame was one query and both number columns latency series, so 50 % loss read as a second
  // "latency" of 0.5 ms beside 1 ms: "1 ms / OK".
  it('maps Value #B to the loss query: 50 % loss is over SLA, the latency is 1 ms', async () => {
    const frames = await merge([tableFrame(latency, 'A', true), tableFrame(loss, 'B', true)]);
    const m = build(frames, { latencyRefId: 'A', lossRefId: 'B' });
    expect(m.values[at(m, 'a', 'b')]).toBe(1);
    expect(m.loss![at(m, 'a', 'b')]).toBe(0.5);
    expect(m.duplicates).toBe(0);
    // Only the rows with a latency are latency series; the loss-only pair is measured by its loss alone.
    expect(m.presence[at(m, 'c', 'a')]).toBe(MEASURED);
    expect(m.values[at(m, 'c', 'a')]).toBeNaN();
    expect(m.loss![at(m, 'a', 'c')]).toBeNaN();
    const { status } = classifyModel(m, DEFAULT_SLA_CONFIG);
    expect(status[at(m, 'a', 'b')]).toBe(Status.Breach);
    expect(status[at(m, 'b', 'a')]).toBe(Status.OK);
  });

  it('finds each role by its metric name when the tables carry __name__', async () => {
    const named = (specs: SeriesSpec[], name: string) =>
      specs.map((s) => ({ ...s, labels: { __name__: name, ...s.labels } }));
    const frames = await merge([
      tableFrame(named(latency, 'pingmesh_duration_milliseconds'), 'A', true),
      tableFrame(named(loss, 'pingmesh_loss_ratio'), 'B', true),
    ]);
    expect(frames).toHaveLength(1);
    const m = build(frames, { inputUnit: 'auto' });
    expect(m.source).toMatchObject({ refId: 'A', lossRefId: 'B' });
    expect(m.values[at(m, 'a', 'b')]).toBe(1);
    expect(m.loss![at(m, 'a', 'b')]).toBe(0.5);
  });

  it('the pair view finds the loss series of a merged table under its own query', async () => {
    const frames = await merge([tableFrame(latency, 'A', true), tableFrame(loss, 'B', true)]);
    const m = build(frames, { latencyRefId: 'A', lossRefId: 'B' });
    const data = findPairSeries(frames, m, { source: 'a', destination: 'b' }, ['B']);
    expect(data.series.map((s) => [s.direction, s.refId, s.values])).toEqual([
      ['forward', 'A', [1]],
      ['forward', 'B', [0.5]],
      ['reverse', 'A', [2]],
      ['reverse', 'B', [0]],
    ]);
  });

  it('leaves frames with one value column as they are, the same array when none is merged', () => {
    const frames = [tableFrame(latency, 'A', true), tableFrame(loss, 'B', true)];
    expect(splitMergedFrames(frames)).toBe(frames);
    const [a, b] = splitMergedFrames([
      {
        refId: 'x',
        length: 1,
        fields: [
          { name: 'src', type: FieldType.string, config: {}, values: ['a'] },
          { name: 'Value #A', type: FieldType.number, config: {}, values: [1] },
          { name: 'Value #B', type: FieldType.number, config: {}, values: [2] },
        ],
      },
    ]);
    expect([a.refId, a.length, a.fields.map((f) => f.name)]).toEqual(['A', 1, ['src', 'Value #A']]);
    expect([b.refId, b.length, b.fields.map((f) => f.name)]).toEqual(['B', 1, ['src', 'Value #B']]);
  });
});
