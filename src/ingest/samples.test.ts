import { FieldType, ReducerID, createTheme, toDataFrame } from '@grafana/data';

import { seriesFrames, tableFrame } from '../model/testFrames';
import { MEASURED, Status } from '../model/sla';
import { MatrixModel } from '../model/types';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { buildMatrix } from '.';

const theme = createTheme();
const build = (frames: Parameters<typeof buildMatrix>[0]['frames'], reducer = ReducerID.lastNotNull) => {
  const r = buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms', reducer }, theme });
  if (!r.model) {
    throw new Error(r.warning);
  }
  return r.model;
};
const cell = (m: MatrixModel, s: string, d: string) => {
  const i = m.rows.indexOf(s) * m.cols.length + m.cols.indexOf(d);
  return { value: m.values[i], state: m.presence[i] };
};

/** A table frame whose value column holds what a broken transformation or data source may put in a number field. */
function oddTable(values: unknown[]) {
  const frame = tableFrame(values.map((_, i) => ({ labels: { src: 'a', dst: `d${i}` }, values: [0] })));
  const value = frame.fields.find((f) => f.type === FieldType.number)!;
  value.values = values;
  return frame;
}

describe('samples that are no number', () => {
  // Broke: toNumber was Number(v), so a number field holding true, [], [null], "0x1F" read 1, 0, 0 and 31 ms.
  it('in an instant table: true, [], [null], "0x1F" are invalid pairs, counted in the footer', () => {
    const m = build([oddTable([true, [], [null], '0x1F', '12', 5])]);
    for (const d of ['d0', 'd1', 'd2', 'd3']) {
      expect(cell(m, 'a', d)).toEqual({ value: NaN, state: Status.Invalid });
    }
    // A numeric string in plain decimal notation is still the number it says.
    expect(cell(m, 'a', 'd4')).toEqual({ value: 12, state: MEASURED });
    expect(cell(m, 'a', 'd5')).toEqual({ value: 5, state: MEASURED });
    expect(m.notices).toContain('4 samples are not numbers (such as true): read as invalid values.');
  });

  it('in a range series, the reducer skips them: the newest real sample is the value', () => {
    const [frame] = seriesFrames([{ labels: { src: 'a', dst: 'b' }, values: [3, 4, 5] }]);
    frame.fields[1].values = [3, 4, true as unknown as number];
    const other = seriesFrames([{ labels: { src: 'b', dst: 'a' }, values: [1] }]);
    for (const reducer of [ReducerID.lastNotNull, ReducerID.max, ReducerID.mean]) {
      const m = build([frame, ...other], reducer);
      expect(cell(m, 'a', 'b').value).toBe(reducer === ReducerID.mean ? 3.5 : 4);
      expect(m.notices).toContain('1 sample is not a number (true): read as an invalid value.');
    }
  });

  it('a series of nothing but non-numbers is invalid, not 0 ms', () => {
    const frame = toDataFrame({
      refId: 'A',
      fields: [
        { name: 'Time', type: FieldType.time, values: [1, 2] },
        { name: 'Value', type: FieldType.number, labels: { src: 'a', dst: 'b' }, values: [[], '0x1F'] },
      ],
    });
    const m = build([frame, ...seriesFrames([{ labels: { src: 'b', dst: 'a' }, values: [1] }])]);
    expect(cell(m, 'a', 'b').state).toBe(Status.Invalid);
    expect(m.notices).toContain('2 samples are not numbers (such as []): read as invalid values.');
  });
});

describe('a host name of only spaces', () => {
  // Broke: hostIdentity trimmed "   " to '', which became a row and a column of its own with no name.
  it('names no host: its series are skipped like a missing label, and the footer says how many', () => {
    const frame = tableFrame([
      { labels: { src: 'a', dst: 'b' }, values: [1] },
      { labels: { src: 'b', dst: 'a' }, values: [2] },
      { labels: { src: '   ', dst: 'a' }, values: [3] },
      { labels: { src: 'a', dst: '\t' }, values: [4] },
    ]);
    const m = build([frame]);
    expect(m.rows).toEqual(['a', 'b']);
    expect(m.pairs).toBe(2);
    expect(m.notices).toContain('2 series have a src or dst of only spaces (no host) and were skipped.');
  });

  it('in one frame per series too', () => {
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b' }, values: [1, 2] },
      { labels: { src: ' ', dst: 'b' }, values: [1, 2] },
    ]);
    const m = build(frames);
    expect([m.rows, m.cols]).toEqual([['a'], ['b']]);
    expect(m.notices).toContain('1 series has a src or dst of only spaces (no host) and was skipped.');
  });
});
