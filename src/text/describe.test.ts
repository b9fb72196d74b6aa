import { createTheme } from '@grafana/data';

import { buildMatrix } from '../ingest';
import { buildView } from '../view/view';
import { msThresholds, seriesFrames } from '../model/testFrames';
import { DEFAULT_MODEL_OPTIONS, DEFAULT_THRESHOLD_STEPS } from '../options/defaults';
import { describeCell } from './describe';

describe('describeCell', () => {
  const frames = seriesFrames([
    { labels: { src: 'a', dst: 'b' }, values: [3.25] },
    { labels: { src: 'b', dst: 'a' }, values: [250] },
    { labels: { src: 'a', dst: 'c' }, values: [Infinity] },
  ]);
  frames.forEach((f) => {
    f.fields[1].config = msThresholds(
      DEFAULT_THRESHOLD_STEPS.map((s) => [s.value, s.color]),
      { decimals: 2 }
    );
  });
  const { model } = buildMatrix({
    frames,
    options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms' },
    theme: createTheme(),
  });
  const { matrix } = buildView({
    model: model!,
    startLevel: '',
    toggled: new Set(),
    zoom: [],
    aggregation: 'max',
    sortBy: 'name',
  });
  const at = (s: string, d: string) => describeCell(matrix, model!.rows.indexOf(s), model!.cols.indexOf(d));

  it('formats the value with unit and decimals and names the threshold reached', () => {
    expect(at('a', 'b')).toMatchObject({
      source: 'a',
      destination: 'b',
      value: '3.25 ms',
      state: 'OK',
      pairs: undefined,
    });
    expect(at('b', 'a')).toMatchObject({
      source: 'b',
      destination: 'a',
      value: '250.00 ms',
      state: 'Over SLA (≥ 100.00 ms)',
    });
  });

  it('names the non-value states', () => {
    expect(at('a', 'c').state).toBe('Invalid value (NaN, ±Inf or negative)');
    expect(at('c', 'a')).toMatchObject({ value: '—', state: 'No data' });
    expect(at('a', 'a').state).toBe('Self (not probed)');
  });
});

describe('describeCell: the unit', () => {
  const build = (inputUnit: 'auto' | 's', levels = '') => {
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b', src_tor: 't1', dst_tor: 't1' }, values: [0.003] },
      { labels: { src: 'b', dst: 'a', src_tor: 't1', dst_tor: 't1' }, values: [0.002] },
    ]);
    const { model } = buildMatrix({
      frames,
      options: { ...DEFAULT_MODEL_OPTIONS, inputUnit, levels },
      theme: createTheme(),
    });
    const view = buildView({
      model: model!,
      startLevel: '',
      toggled: new Set(),
      zoom: [],
      aggregation: 'max',
      sortBy: 'name',
    });
    return { model: model!, matrix: view.matrix };
  };

  it('says in the tooltip when the unit was guessed', () => {
    // Broke: a nameless query's seconds were read as ms and the tooltip showed "0.003 ms" as if it were known.
    const { model, matrix } = build('auto');
    const d = describeCell(matrix, model.rows.indexOf('a'), model.cols.indexOf('b'));
    expect(d.unit).toBe('Unit unknown: read as ms — set *Input unit*');
    // Set Input unit: no line.
    const known = build('s');
    expect(describeCell(known.matrix, 0, 1).unit).toBeUndefined();
    expect(describeCell(known.matrix, 0, 1).value).toBe('3 ms');
  });

  it('a group cell says so when any of its pairs was read by guess', () => {
    const { matrix } = build('auto', 'tor');
    expect(matrix.rows).toHaveLength(1);
    expect(describeCell(matrix, 0, 0).unit).toBe('Unit unknown: read as ms — set *Input unit*');
  });
});
