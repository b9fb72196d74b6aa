import { ThresholdsConfig, ThresholdsMode, createTheme } from '@grafana/data';

import { buildMatrix } from '../ingest';
import { statusColors } from '../render/palette';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { DEFAULT_SLA_CONFIG, Status } from './sla';
import { msThresholds, seriesFrames } from './testFrames';
import { sortedThresholds } from './thresholds';
import { classifyModel } from '../view/view';

const theme = createTheme();

describe('sortedThresholds', () => {
  it('orders steps ascending, the saved null base first, without changing the input', () => {
    const saved = {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: 25, color: 'red' },
        { value: 10, color: 'orange' },
        { value: null, color: 'green' },
      ],
    } as unknown as ThresholdsConfig;
    const copy = JSON.parse(JSON.stringify(saved));
    expect(sortedThresholds(saved).steps).toEqual([
      { value: -Infinity, color: 'green' },
      { value: 10, color: 'orange' },
      { value: 25, color: 'red' },
    ]);
    expect(saved).toEqual(copy);
  });

  it('drops steps that are no object and reads numeric strings as numbers', () => {
    const saved = { mode: ThresholdsMode.Absolute, steps: [null, { value: '50', color: 'red' }, 7] };
    expect(sortedThresholds(saved as unknown as ThresholdsConfig).steps).toEqual([{ value: 50, color: 'red' }]);
  });
});

describe('thresholds stored in descending order', () => {
  // Broke: the breach level followed the array order (the last step, 10 ms) while the colours sorted the steps, so
  // 15 ms showed "Over SLA (≥ 10 ms)" in the warning band's neighbour colour.
  it('judge and colour a cell by the same sorted steps: 15 ms between 10 and 25 ms is a warning', () => {
    const config = msThresholds([
      [25, 'red'],
      [10, 'orange'],
      [-Infinity, 'green'],
    ]);
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b' }, values: [15] },
      { labels: { src: 'b', dst: 'a' }, values: [30] },
    ]);
    frames.forEach((f) => (f.fields[1].config = config));
    const model = buildMatrix({ frames, options: DEFAULT_MODEL_OPTIONS, theme }).model!;
    const { status } = classifyModel(model, { ...DEFAULT_SLA_CONFIG, mode: 'thresholds' });
    const at = (s: string, d: string) => status[model.rows.indexOf(s) * model.cols.length + model.cols.indexOf(d)];
    expect(at('a', 'b')).toBe(Status.Warning);
    expect(at('b', 'a')).toBe(Status.Breach);
    const colors = statusColors(theme, 'thresholds', model.field.config.thresholds);
    const byName = (n: string) => theme.visualization.getColorByName(n);
    expect([colors[Status.OK], colors[Status.Warning], colors[Status.Breach]]).toEqual([
      byName('green'),
      byName('orange'),
      byName('red'),
    ]);
  });
});
