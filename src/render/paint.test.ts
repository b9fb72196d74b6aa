import { FieldColorModeId, createTheme, getScaleCalculator } from '@grafana/data';
import { rgb } from 'd3-color';

import { buildMatrix } from '../model/buildMatrix';
import { msThresholds, seriesFrames } from '../model/testFrames';
import { DEFAULT_OPTIONS } from '../types';
import { paintCells } from './paint';
import { stateColors } from './palette';

describe('paintCells', () => {
  it.each([createTheme({ colors: { mode: 'dark' } }), createTheme({ colors: { mode: 'light' } })])(
    'paints values by threshold and other states in their own colours',
    (theme) => {
      const frames = seriesFrames([
        { labels: { src: 'a', dst: 'b' }, values: [5] },
        { labels: { src: 'b', dst: 'a' }, values: [500] },
        { labels: { src: 'a', dst: 'c' }, values: [NaN] },
      ]);
      frames.forEach((f) => {
        f.fields[1].config = msThresholds([
          [-Infinity, 'green'],
          [100, 'red'],
        ]);
      });
      const { model } = buildMatrix({ frames, options: { ...DEFAULT_OPTIONS, inputUnit: 'ms' }, theme });
      const px = paintCells(model!, theme).rgba;
      const at = (src: string, dst: string) => {
        const i = (model!.rows.indexOf(src) * model!.cols.length + model!.cols.indexOf(dst)) * 4;
        return rgb(px[i], px[i + 1], px[i + 2]).formatHex();
      };
      const hex = (css: string) => rgb(css).formatHex();
      expect(at('a', 'b')).toBe(hex(theme.visualization.getColorByName('green')));
      expect(at('b', 'a')).toBe(hex(theme.visualization.getColorByName('red')));
      expect(at('a', 'c')).toBe(hex(stateColors(theme)[2]));
      expect(at('c', 'a')).toBe(hex(stateColors(theme)[0]));
      expect(at('b', 'b')).toBe(hex(stateColors(theme)[3]));
      // no data is never the OK colour
      expect(at('c', 'a')).not.toBe(at('a', 'b'));
    }
  );
});

describe('paintCells with a continuous colour scheme', () => {
  it('uses Grafana’s scale calculator, and ranks higher values as worse', () => {
    const theme = createTheme();
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b' }, values: [1] },
      { labels: { src: 'b', dst: 'a' }, values: [9] },
    ]);
    frames.forEach((f) => {
      f.fields[1].config = { unit: 'ms', min: 0, max: 10, color: { mode: FieldColorModeId.ContinuousGrYlRd } };
    });
    const { model } = buildMatrix({ frames, options: { ...DEFAULT_OPTIONS, inputUnit: 'ms' }, theme });
    const { rgba, rank } = paintCells(model!, theme);
    const scale = getScaleCalculator(model!.field, theme);
    const ab = 1; // row a, column b
    const ba = 2; // row b, column a
    expect(rgb(rgba[ab * 4], rgba[ab * 4 + 1], rgba[ab * 4 + 2]).formatHex()).toBe(rgb(scale(1).color).formatHex());
    expect(rgb(rgba[ba * 4], rgba[ba * 4 + 1], rgba[ba * 4 + 2]).formatHex()).toBe(rgb(scale(9).color).formatHex());
    expect(rank[ba]).toBeGreaterThan(rank[ab]);
  });
});
