import { DataFrame, ReducerID, createTheme } from '@grafana/data';

import { seriesFrames, tableFrame } from '../model/testFrames';
import { MEASURED, Status } from '../model/sla';
import { MatrixModel } from '../model/types';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { ModelOptions } from '../options/types';
import { ROWS_PER_STEP, buildMatrix, buildMatrixSteps } from '.';

const theme = createTheme();
const build = (frames: DataFrame[], o: Partial<ModelOptions> = {}): MatrixModel => {
  const r = buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms', ...o }, theme });
  if (!r.model) {
    throw new Error(r.warning);
  }
  return r.model;
};
const cell = (m: MatrixModel, s: string, d: string) => {
  const i = m.rows.indexOf(s) * m.cols.length + m.cols.indexOf(d);
  return { value: m.values[i], state: m.presence[i] };
};

/** The frame's rows reordered (a Sort by transformation): every field permuted the same way. */
function sortRows(frame: DataFrame, by: (a: number, b: number) => number): DataFrame {
  const order = Array.from({ length: frame.length }, (_, i) => i).sort(by);
  return { ...frame, fields: frame.fields.map((f) => ({ ...f, values: order.map((i) => f.values[i]) })) };
}

describe('reducers use the time field', () => {
  it('last is the newest sample in a range table sorted by value', () => {
    // Broke: "last" took the last row, so a table sorted by value showed the pair's largest sample (9), not its newest (3).
    const frame = tableFrame([
      { labels: { src: 'a', dst: 'b' }, values: [1, 9, 3] },
      { labels: { src: 'b', dst: 'a' }, values: [5, 2, 4] },
    ]);
    const value = frame.fields.find((f) => f.name === 'Value')!;
    const byValue = sortRows(frame, (i, j) => value.values[i] - value.values[j]);
    for (const reducer of [ReducerID.last, ReducerID.lastNotNull]) {
      const m = build([byValue], { reducer });
      expect(cell(m, 'a', 'b').value).toBe(3);
      expect(cell(m, 'b', 'a').value).toBe(4);
    }
    expect(cell(build([byValue], { reducer: ReducerID.first }), 'a', 'b').value).toBe(1);
  });

  it('last is the newest sample in a series frame whose rows run newest first', () => {
    // Broke: a frame sorted by time descending reduced "last" to its oldest sample.
    const [frame] = seriesFrames([{ labels: { src: 'a', dst: 'b' }, values: [1, 2, 7] }]);
    const time = frame.fields[0];
    const newestFirst = sortRows(frame, (i, j) => time.values[j] - time.values[i]);
    const m = build([newestFirst, ...seriesFrames([{ labels: { src: 'b', dst: 'a' }, values: [1] }])]);
    expect(cell(m, 'a', 'b').value).toBe(7);
    // The sample age is the same either way: a→b's newest sample is the response's newest.
    expect(m.age![m.rows.indexOf('a') * m.cols.length + m.cols.indexOf('b')]).toBe(0);
  });
});

describe("a pair's duplicates keep the worst state", () => {
  it('+Inf beside 1 ms is invalid, not 1 ms OK, and the notice counts such pairs', () => {
    // Broke: two series for one pair, one +Inf (a timeout) and one 1 ms, showed 1 ms OK.
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b', replica: '1' }, values: [Infinity] },
      { labels: { src: 'a', dst: 'b', replica: '2' }, values: [1] },
      { labels: { src: 'b', dst: 'a', replica: '1' }, values: [NaN] },
      { labels: { src: 'b', dst: 'a', replica: '2' }, values: [2] },
      { labels: { src: 'a', dst: 'c', replica: '1' }, values: [3] },
      { labels: { src: 'a', dst: 'c', replica: '2' }, values: [8] },
    ]);
    const m = build(frames);
    expect(cell(m, 'a', 'b').state).toBe(Status.Invalid);
    expect(cell(m, 'a', 'b').value).toBeNaN();
    expect(cell(m, 'b', 'a').state).toBe(Status.Invalid);
    // Finite duplicates still keep the larger value.
    expect(cell(m, 'a', 'c')).toEqual({ value: 8, state: MEASURED });
    expect(m.duplicates).toBe(3);
    expect(m.notices).toContain('3 pairs have more than one series; the worst value is shown.');
    expect(m.notices).toContain(
      '2 pairs have a NaN or ±Inf series beside finite ones: shown as invalid, as a timeout is worse than any latency.'
    );
  });

  it('the order of the duplicates does not matter', () => {
    const one = (first: number, second: number) =>
      build(
        seriesFrames([
          { labels: { src: 'a', dst: 'b', r: '1' }, values: [first] },
          { labels: { src: 'a', dst: 'b', r: '2' }, values: [second] },
        ])
      );
    expect(cell(one(1, Infinity), 'a', 'b').state).toBe(Status.Invalid);
    expect(cell(one(Infinity, 1), 'a', 'b').state).toBe(Status.Invalid);
  });
});

describe('a big range table', () => {
  // Broke: the series of a range table were reduced in one go after grouping — 30,000 series × 240 samples held the
  // page for hundreds of ms in one task.
  it('gives the page back while reducing its series too, not only while grouping its rows', () => {
    const hosts = Array.from({ length: 21 }, (_, i) => `h${i}`);
    const frame = tableFrame(
      hosts.flatMap((s) =>
        hosts.filter((d) => d !== s).map((d) => ({ labels: { src: s, dst: d }, values: new Array(200).fill(1) }))
      )
    );
    const steps = buildMatrixSteps({ frames: [frame], options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms' }, theme });
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields++;
      step = steps.next();
    }
    expect(step.value.model?.pairs).toBe(hosts.length * (hosts.length - 1));
    // Once per ROWS_PER_STEP rows grouped, and once per ROWS_PER_STEP samples reduced.
    expect(yields).toBeGreaterThanOrEqual(2 * Math.floor(frame.length / ROWS_PER_STEP));
  });
});
