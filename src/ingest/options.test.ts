import { ReducerID, createTheme } from '@grafana/data';

import { seriesFrames } from '../model/testFrames';
import { DEFAULT_OPTIONS, ModelOptions } from '../options/types';
import { buildMatrix } from '.';
import { checkModelOptions } from './options';

const frames = seriesFrames([
  { labels: { src: 'a', dst: 'b' }, values: [1, 5] },
  { labels: { src: 'b', dst: 'a' }, values: [2, 3] },
]);
const build = (o: Record<string, unknown>) =>
  buildMatrix({ frames, options: { ...DEFAULT_OPTIONS, inputUnit: 'ms', ...o } as ModelOptions, theme: createTheme() });

describe('model options from the editor or dashboard JSON', () => {
  it('Max hosts `abc` is named and the default used', () => {
    // Broke: Max hosts "abc" was ignored without a word.
    const m = build({ maxHosts: 'abc' }).model!;
    expect(m.notices).toContain('Max hosts `abc` is not valid (a whole number from 0 to 4,096): using 2,500.');
  });

  it.each([
    [{ maxHosts: -3 }, 'Max hosts `-3` is not valid'],
    [{ maxHosts: null }, 'Max hosts `null` is not valid'],
    [{ maxHosts: 2.5 }, 'Max hosts `2.5` is not valid'],
    [{ maxHosts: 100000 }, 'Max hosts 100,000 is above what the panel draws one by one: using 4,096.'],
    [
      { reducer: 'nope' },
      'Value per pair `nope` is not valid (a Grafana reducer such as lastNotNull): using lastNotNull.',
    ],
    [{ inputUnit: 'minutes' }, 'Input unit `minutes` is not valid (auto, s, ms, us, ns): using auto.'],
    [{ missingMeans: 'maybe' }, 'A pair with no series is `maybe` is not valid'],
    [{ levels: 5 }, 'Group by `5` is not valid (text): using ``.'],
  ])('%j is named', (o, text) => {
    const m = build(o).model!;
    expect(m.notices.some((n) => n.startsWith(text))).toBe(true);
  });

  it('a reducer of the wrong kind falls back to last non-null instead of no data', () => {
    const m = build({ reducer: 'nope' }).model!;
    expect(m.values[1]).toBe(5);
  });

  it('a numeric string from provisioned JSON is its number, without a notice', () => {
    const { options, notices } = checkModelOptions({ ...DEFAULT_OPTIONS, maxHosts: '300' as unknown as number });
    expect(options.maxHosts).toBe(300);
    expect(notices).toEqual([]);
  });

  it('valid options say nothing', () => {
    expect(checkModelOptions({ ...DEFAULT_OPTIONS, reducer: ReducerID.max, maxHosts: 0 }).notices).toEqual([]);
    expect(checkModelOptions(undefined).options).toEqual(expect.objectContaining({ preset: 'auto' }));
  });
});
