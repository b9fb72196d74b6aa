import { FieldType, createTheme, toDataFrame } from '@grafana/data';

import { buildMatrix } from '../ingest';
import { DEFAULT_SLA_CONFIG, Status } from '../model/sla';
import { SeriesSpec, msThresholds, seriesFrames, tableFrame } from '../model/testFrames';
import { MatrixModel } from '../model/types';
import { classifyModel } from '../view/view';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import {
  INDEX_ROWS_PER_STEP,
  breachShare,
  changedCells,
  framesAt,
  framesAtSteps,
  indexTimes,
  indexTimesSteps,
  nearestTime,
  samplePoints,
  timelineSteps,
} from './timeline';

const theme = createTheme();
const options = DEFAULT_MODEL_OPTIONS;
const T0 = 1_700_000_000_000;
const STEP = 30_000;
const at = (i: number) => T0 + i * STEP;
// Default field thresholds: ≥ 100 ms is over SLA.
const SLOW = 250;

/** a, b, c full mesh over 6 steps; a → b goes over SLA from step 3 on, c → a stops after step 1. */
function specs(): SeriesSpec[] {
  const hosts = ['a', 'b', 'c'];
  return hosts.flatMap((s) =>
    hosts
      .filter((d) => d !== s)
      .map((d) => {
        let values: Array<number | null> = [1, 2, 3, 4, 5, 6].map((i) => (s === 'a' && d === 'b' && i > 3 ? SLOW : i));
        if (s === 'c' && d === 'a') {
          values = values.slice(0, 2);
        }
        return { labels: { src: s, dst: d }, values };
      })
  );
}

/** As Grafana hands them to the panel: the panel's field config (unit ms, thresholds 10 / 100) applied. */
function withSla<T extends { fields: Array<{ type: FieldType; config: object }> }>(frames: T[]): T[] {
  const config = msThresholds([
    [-Infinity, 'green'],
    [10, 'orange'],
    [100, 'red'],
  ]);
  frames.forEach((f) => f.fields.forEach((x) => x.type === FieldType.number && (x.config = config)));
  return frames;
}

function modelAt(frames: ReturnType<typeof seriesFrames>, t: number): MatrixModel {
  const r = buildMatrix({ frames: framesAt(indexTimes(frames), t), options, theme });
  if (!r.model) {
    throw new Error(r.warning);
  }
  return r.model;
}

function value(m: MatrixModel, src: string, dst: string): number {
  return m.values[m.rows.indexOf(src) * m.cols.length + m.cols.indexOf(dst)];
}

function judged(m: MatrixModel) {
  return { model: m, status: classifyModel(m, DEFAULT_SLA_CONFIG).status };
}

describe('indexTimes', () => {
  it('finds every step of a range query, and none in an instant query', () => {
    expect(indexTimes(seriesFrames(specs())).times).toEqual([0, 1, 2, 3, 4, 5].map(at));
    const instant = seriesFrames([{ labels: { src: 'a', dst: 'b' }, values: [3] }]);
    expect(indexTimes(instant).times).toEqual([]);
    // An instant table query: many rows, one evaluation time.
    expect(indexTimes([tableFrame([{ labels: { src: 'a', dst: 'b' }, values: [3] }])]).times).toEqual([]);
  });

  it('skips rows whose time is not a number instead of failing', () => {
    const frame = toDataFrame({
      fields: [
        { name: 'Time', type: FieldType.time, values: [at(0), 'soon', NaN, at(1)] },
        { name: 'Value', type: FieldType.number, labels: { src: 'a', dst: 'b' }, values: [1, 2, 3, 4] },
      ],
    });
    const index = indexTimes([frame]);
    expect(index.times).toEqual([at(0), at(1)]);
    expect(framesAt(index, at(1))[0].fields[1].values).toEqual([4]);
  });
});

describe('framesAt: the matrix at a time', () => {
  it('one frame per series: each pair has its value at that step', () => {
    const frames = seriesFrames(specs());
    for (let i = 0; i < 6; i++) {
      const m = modelAt(frames, at(i));
      expect(value(m, 'a', 'b')).toBe(i + 1 > 3 ? SLOW : i + 1);
      expect(value(m, 'b', 'c')).toBe(i + 1);
    }
  });

  it('between steps, the latest sample within one step answers; a series that stopped is absent', () => {
    const frames = seriesFrames(specs());
    const m = modelAt(frames, at(2) + STEP / 2);
    expect(value(m, 'b', 'a')).toBe(3);
    expect(Number.isNaN(value(m, 'c', 'a')) || m.presence[m.rows.indexOf('c') * 3] !== Status.NoData).toBe(true);
    expect(value(modelAt(frames, at(1)), 'c', 'a')).toBe(2);
    // Before the first sample there is nothing at all.
    expect(buildMatrix({ frames: framesAt(indexTimes(frames), at(0) - 1), options, theme }).model).toBeUndefined();
  });

  it('a range table gives the same matrix as one frame per series, at every step', () => {
    const series = seriesFrames(specs());
    const table = [tableFrame(specs())];
    for (let i = 0; i < 6; i++) {
      const a = modelAt(series, at(i));
      const b = modelAt(table, at(i));
      expect(b.rows).toEqual(a.rows);
      expect(Array.from(b.values)).toEqual(Array.from(a.values));
      expect(Array.from(b.presence)).toEqual(Array.from(a.presence));
    }
  });

  it('keeps instant frames (one evaluation time) as they are, in the panel’s frame order', () => {
    const range = seriesFrames(specs());
    const expected = seriesFrames([{ labels: { src: 'a', dst: 'b' }, values: [1] }], 'E');
    const index = indexTimes([...expected, ...range]);
    const out = framesAt(index, at(4));
    expect(out[0]).toBe(expected[0]);
    expect(out.map((f) => f.refId)).toEqual(['E', ...range.map((f) => f.refId)]);
    expect(out[1].length).toBe(1);
  });
});

describe('timeline: share of pairs over SLA at each step', () => {
  it('is 0 of 6 until a → b breaks, then 1 of 6 (the stopped pair is judged: no data)', () => {
    const index = indexTimes(withSla(seriesFrames(specs())));
    const steps = timelineSteps({ index, options, theme, sla: DEFAULT_SLA_CONFIG });
    let r = steps.next();
    while (!r.done) {
      r = steps.next();
    }
    expect(r.value.map((p) => p.time)).toEqual(index.times);
    expect(r.value.map((p) => p.bad)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(r.value.map((p) => p.judged)).toEqual([6, 6, 6, 6, 6, 6]);
  });

  it('breachShare counts failed probes as bad and leaves self and not-probed pairs out', () => {
    const counts = new Uint32Array(9);
    counts[Status.Self] = 3;
    counts[Status.NotProbed] = 4;
    counts[Status.OK] = 5;
    counts[Status.Breach] = 2;
    counts[Status.Failed] = 1;
    counts[Status.NoData] = 1;
    expect(breachShare(counts)).toEqual({ bad: 3, judged: 9 });
  });

  it('samplePoints keeps the first and the last, at most max points', () => {
    const times = Array.from({ length: 1000 }, (_, i) => i);
    const p = samplePoints(times, 50);
    expect(p).toHaveLength(50);
    expect(p[0]).toBe(0);
    expect(p[49]).toBe(999);
    expect([...p].sort((a, b) => a - b)).toEqual(p);
    expect(samplePoints([1, 2, 3], 50)).toEqual([1, 2, 3]);
  });

  it('nearestTime snaps to the closest step', () => {
    expect(nearestTime([10, 20, 30], 14)).toBe(10);
    expect(nearestTime([10, 20, 30], 16)).toBe(20);
    expect(nearestTime([10, 20, 30], -5)).toBe(10);
    expect(nearestTime([10, 20, 30], 99)).toBe(30);
    expect(nearestTime([], 1)).toBeUndefined();
  });
});

describe('changedCells', () => {
  it('is exactly the pair whose status changed between two times', () => {
    const frames = withSla(seriesFrames(specs()));
    const now = modelAt(frames, at(3));
    const changed = changedCells(judged(now), judged(modelAt(frames, at(2))));
    expect(changed.map((k) => `${now.rows[Math.floor(k / 3)]}→${now.cols[k % 3]}`)).toEqual(['a→b']);
    expect(changedCells(judged(now), judged(modelAt(frames, at(3))))).toEqual([]);
  });

  it('a pair missing before counts as having had no data; the diagonal never changes', () => {
    const frames = seriesFrames(specs());
    const now = modelAt(frames, at(0));
    const before = buildMatrix({
      frames: seriesFrames([{ labels: { src: 'a', dst: 'b' }, values: [1] }]),
      options,
      theme,
    }).model!;
    const changed = changedCells(judged(now), judged(before));
    const names = changed.map((k) => `${now.rows[Math.floor(k / 3)]}→${now.cols[k % 3]}`).sort();
    expect(names).toEqual(['a→c', 'b→a', 'b→c', 'c→a', 'c→b']);
  });
});

describe('indexing a big range table', () => {
  // Broke: the index was built in one go inside a render (useMemo): a 7.2 M-row range table held the page 0.7–2.4 s.
  it('yields at least once every INDEX_ROWS_PER_STEP rows, and gives the index indexTimes gives', () => {
    const hosts = Array.from({ length: 24 }, (_, i) => `h${i}`);
    const steps = 400;
    const big = hosts.flatMap((s) =>
      hosts.filter((d) => d !== s).map((d) => ({ labels: { src: s, dst: d }, values: new Array(steps).fill(1) }))
    );
    const frame = tableFrame(big);
    expect(frame.length).toBeGreaterThan(3 * INDEX_ROWS_PER_STEP);
    const gen = indexTimesSteps([frame]);
    let yields = 0;
    let step = gen.next();
    while (!step.done) {
      yields++;
      step = gen.next();
    }
    // Three passes over the rows (buckets, counts, placing), each giving the page back every INDEX_ROWS_PER_STEP.
    expect(yields).toBeGreaterThanOrEqual(3 * Math.floor(frame.length / INDEX_ROWS_PER_STEP));
    const once = indexTimes([frame]);
    expect(step.value.times).toEqual(once.times);
    expect(step.value.times).toHaveLength(steps);
    expect(Array.from(step.value.timed[0].rows)).toEqual(Array.from(once.timed[0].rows));
  });

  // Broke: one step of the timeline gathered a step's rows out of every field of a 7 M-row table in one go.
  it('gathers the rows of one time in steps too, giving what framesAt gives', () => {
    const hosts = Array.from({ length: 130 }, (_, i) => `h${i}`);
    const frame = tableFrame(
      hosts.flatMap((s) => hosts.filter((d) => d !== s).map((d) => ({ labels: { src: s, dst: d }, values: [1, 2, 3] })))
    );
    const index = indexTimes([frame]);
    const gen = framesAtSteps(index, index.times[1]);
    let yields = 0;
    let step = gen.next();
    while (!step.done) {
      yields++;
      step = gen.next();
    }
    const [picked] = step.value;
    // Four fields (Time, dst, src, Value) of 16,770 rows each.
    expect(picked.length).toBe(hosts.length * (hosts.length - 1));
    expect(yields).toBeGreaterThanOrEqual(Math.floor((4 * picked.length) / INDEX_ROWS_PER_STEP));
    expect(yields).toBeGreaterThan(0);
    expect(picked.fields.map((f) => f.values)).toEqual(framesAt(index, index.times[1])[0].fields.map((f) => f.values));
  });
});
