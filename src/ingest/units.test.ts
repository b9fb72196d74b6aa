import { DataFrame, createTheme } from '@grafana/data';

import { findPairSeries } from '../drill/pair';
import { seriesFrames, tableFrame } from '../model/testFrames';
import { MEASURED } from '../model/sla';
import { MatrixModel } from '../model/types';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { ModelOptions } from '../options/types';
import { buildMatrix } from '.';

const theme = createTheme();
const build = (frames: DataFrame[], o: Partial<ModelOptions> = {}): MatrixModel => {
  const r = buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, ...o }, theme });
  if (!r.model) {
    throw new Error(r.warning);
  }
  return r.model;
};
const at = (m: MatrixModel, s: string, d: string) => m.rows.indexOf(s) * m.cols.length + m.cols.indexOf(d);
const custom = { preset: 'custom', sourceLabel: 'from', destinationLabel: 'to' };

describe('every unit known or said', () => {
  it('a nameless aggregated query with custom labels says the unit is unknown, and that seconds read as ms look wrong', () => {
    // Broke: histogram_quantile drops the metric name; 3 s timeouts read as "3 ms" (and 0.004 s as 0.004 ms) without a word.
    const frames = seriesFrames([
      { labels: { from: 'a', to: 'b' }, values: [0.004] },
      { labels: { from: 'b', to: 'a' }, values: [0.003] },
      { labels: { from: 'a', to: 'c' }, values: [3] },
    ]);
    const m = build(frames, custom);
    expect(m.values[at(m, 'a', 'b')]).toBe(0.004);
    expect(m.units).toMatchObject({ display: 'ms', guessed: 3, implausible: 'small' });
    expect(m.notices).toContain(
      'Unit unknown for 3 series (no unit in their metric names, no preset or field unit): read as ms — set *Input unit*.'
    );
    expect(m.notices).toContain(
      'Their median, 0.004 ms, is implausibly small for a latency in ms: they look like seconds.'
    );
    expect(m.unitGuessed![at(m, 'a', 'b')]).toBe(1);
    // Set *Input unit* and the guess is gone.
    const s = build(frames, { ...custom, inputUnit: 's' });
    expect(s.values[at(s, 'a', 'c')]).toBe(3000);
    expect(s.units!.guessed).toBe(0);
    expect(s.unitGuessed).toBeUndefined();
    expect(s.notices.join(' ')).not.toContain('Unit unknown');
  });

  it('plausible ms values read by guess are still said, but not called implausible', () => {
    const m = build(seriesFrames([{ labels: { from: 'a', to: 'b' }, values: [0.4] }]), custom);
    expect(m.units).toMatchObject({ guessed: 1, implausible: undefined });
    expect(m.notices.join(' ')).toContain('Unit unknown for 1 series');
    expect(m.notices.join(' ')).not.toContain('implausibly');
  });

  it('two series of one query with different metric suffixes each get their own factor', () => {
    // Broke: probe_seconds and probe_milliseconds shared one conversion — 5 ms became 5 s (over SLA).
    const frames = seriesFrames([
      { labels: { __name__: 'probe_seconds', src: 'a', dst: 'b' }, values: [0.005] },
      { labels: { __name__: 'probe_milliseconds', src: 'b', dst: 'a' }, values: [5] },
    ]);
    const m = build(frames);
    expect(m.values[at(m, 'a', 'b')]).toBeCloseTo(5);
    expect(m.values[at(m, 'b', 'a')]).toBe(5);
    expect(m.notices).toContain('Values converted to ms, each series by its own unit: 1 series from s.');
    expect(m.source.factor).toBeNaN();
    // The pair view reads each series by the same factor as the matrix.
    const pair = findPairSeries(frames, m, { source: 'a', destination: 'b' });
    expect(pair.series.map((s) => [s.direction, s.values])).toEqual([
      ['forward', [5]],
      ['reverse', [5]],
    ]);
  });

  it('the same in one table frame with a __name__ column', () => {
    const frame = tableFrame([
      { labels: { __name__: 'probe_seconds', src: 'a', dst: 'b' }, values: [0.002] },
      { labels: { __name__: 'probe_milliseconds', src: 'b', dst: 'a' }, values: [7] },
    ]);
    const m = build([frame]);
    expect(m.values[at(m, 'a', 'b')]).toBeCloseTo(2);
    expect(m.values[at(m, 'b', 'a')]).toBe(7);
    const pair = findPairSeries([frame], m, { source: 'a', destination: 'b' });
    expect(pair.series[0].values[0]).toBeCloseTo(2);
    expect(pair.series[1].values).toEqual([7]);
  });

  it('frames with different field units are each read in their own unit', () => {
    // Broke: one frame's unit s (a field override), the others' ms: the s frame's 0.2 was shown as 0.2 ms.
    const frames = seriesFrames([
      { labels: { from: 'a', to: 'b' }, values: [0.2] },
      { labels: { from: 'b', to: 'a' }, values: [3] },
      { labels: { from: 'a', to: 'c' }, values: [4] },
    ]);
    frames[0].fields[1].config = { unit: 's' };
    frames[1].fields[1].config = { unit: 'ms' };
    frames[2].fields[1].config = { unit: 'ms' };
    const m = build(frames, { ...custom, inputUnit: 'auto' });
    expect(m.field.config.unit).toBe('ms');
    expect(m.values[at(m, 'a', 'b')]).toBe(200);
    expect(m.values[at(m, 'b', 'a')]).toBe(3);
    // Only the two ms frames were read by guess (nothing but the panel's own unit says they are ms).
    expect(m.units!.guessed).toBe(2);
    expect(m.unitGuessed![at(m, 'a', 'b')]).toBe(0);
    const pair = findPairSeries(frames, m, { source: 'a', destination: 'b' });
    expect(pair.series.map((s) => s.values)).toEqual([[200], [3]]);
  });

  it('a preset unit still applies to nameless series, and is not a guess', () => {
    const frames = seriesFrames([
      { labels: { goldpinger_instance: 'n1', host_ip: '10.0.0.2' }, values: [0.004] },
      { labels: { goldpinger_instance: 'n2', host_ip: '10.0.0.1' }, values: [0.002] },
    ]);
    const m = build(frames, { preset: 'goldpinger' });
    expect(m.values[at(m, 'n1', '10.0.0.2')]).toBeCloseTo(4);
    expect(m.units).toMatchObject({ guessed: 0, from: [{ unit: 's', source: 'preset', series: 2 }] });
    expect(m.presence[at(m, 'n1', '10.0.0.2')]).toBe(MEASURED);
  });
});
