import { FieldColorModeId, createTheme } from '@grafana/data';

import { DEFAULT_OPTIONS } from '../types';
import { paintCells } from '../render/paint';
import { statusColors } from '../render/palette';
import { buildMatrix } from './buildMatrix';
import { DEFAULT_SLA_CONFIG } from './sla';
import { msThresholds, seriesFrames } from './testFrames';
import { buildView, classifyModel } from './view';

const theme = createTheme();
it('scratch', () => {
  // mean with loss-only pair
  const frames = [
    ...seriesFrames([{ labels: { src: 'a', dst: 'b', src_dc: 'x', dst_dc: 'x' }, values: [10] }], 'A'),
    ...seriesFrames(
      [
        { labels: { __name__: 'x_loss_ratio', src: 'a', dst: 'b', src_dc: 'x', dst_dc: 'x' }, values: [0] },
        { labels: { __name__: 'x_loss_ratio', src: 'b', dst: 'a', src_dc: 'x', dst_dc: 'x' }, values: [0] },
      ],
      'B'
    ),
  ];
  const r = buildMatrix({ frames, options: { ...DEFAULT_OPTIONS, levels: 'dc', inputUnit: 'ms' }, theme });
  const m = r.model!;
  console.log(m.rows, m.values, m.states);
  const v = buildView({
    model: m,
    startLevel: 'dc',
    toggled: new Set(),
    zoom: [],
    aggregation: 'mean',
    sortBy: 'name',
  });
  console.log('mean', v.matrix.values, v.matrix.counts?.pairs);
  // overflow
  const f2 = seriesFrames([{ labels: { __name__: 'x_seconds', src: 'a', dst: 'b' }, values: [1e308] }]);
  const m2 = buildMatrix({ frames: f2, options: DEFAULT_OPTIONS, theme }).model!;
  console.log('overflow', m2.values, m2.states);
  // fixed colour mode
  const f3 = seriesFrames([
    { labels: { src: 'a', dst: 'b' }, values: [1] },
    { labels: { src: 'b', dst: 'a' }, values: [500] },
  ]);
  f3.forEach(
    (f) =>
      (f.fields[1].config = msThresholds(
        [
          [-Infinity, 'green'],
          [100, 'red'],
        ],
        { color: { mode: FieldColorModeId.Fixed, fixedColor: 'blue' } }
      ))
  );
  const m3 = buildMatrix({ frames: f3, options: { ...DEFAULT_OPTIONS, inputUnit: 'ms' }, theme }).model!;
  const c3 = classifyModel(m3, DEFAULT_SLA_CONFIG);
  const p = paintCells({ ...m3, status: c3.status }, theme, statusColors(theme, 'accessible'));
  console.log('fixed', c3.status, Array.from(p.rgba));
  // labels with null / number
  for (const lab of [
    { src: null, dst: 'b' },
    { src: 5, dst: 'b' },
  ]) {
    try {
      const f4 = seriesFrames([{ labels: lab as never, values: [1] }]);
      console.log(
        'labels',
        JSON.stringify(lab),
        buildMatrix({ frames: f4, options: DEFAULT_OPTIONS, theme }).warning ?? 'model'
      );
    } catch (e) {
      console.log('labels THROW', JSON.stringify(lab), String(e));
    }
  }
  for (const red of ['bogus', 'allValues', 'uniqueValues', 'p90']) {
    try {
      const f5 = seriesFrames([{ labels: { src: 'a', dst: 'b' }, values: [1, 2] }]);
      const mm = buildMatrix({ frames: f5, options: { ...DEFAULT_OPTIONS, reducer: red as never }, theme });
      console.log('reducer', red, mm.warning ?? mm.model!.values);
    } catch (e) {
      console.log('reducer THROW', red, String(e));
    }
  }
});
