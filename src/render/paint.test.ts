import { FieldColorModeId, createTheme, getScaleCalculator } from '@grafana/data';
import { rgb } from 'd3-color';

import { buildMatrix } from '../ingest';
import { DEFAULT_SLA_CONFIG, Status } from '../model/sla';
import { msThresholds, seriesFrames } from '../model/testFrames';
import { classifyModel } from '../view/view';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { paintCells } from './paint';
import { statusColors } from './palette';

const hex = (css: string) => rgb(css).formatHex();

describe('paintCells', () => {
  it.each([createTheme({ colors: { mode: 'dark' } }), createTheme({ colors: { mode: 'light' } })])(
    'paints each status in its palette colour, with either palette',
    (theme) => {
      const frames = seriesFrames([
        { labels: { src: 'a', dst: 'b' }, values: [5] },
        { labels: { src: 'b', dst: 'a' }, values: [500] },
        { labels: { src: 'b', dst: 'c' }, values: [50] },
        { labels: { src: 'a', dst: 'c' }, values: [NaN] },
      ]);
      frames.forEach((f) => {
        f.fields[1].config = msThresholds([
          [-Infinity, 'green'],
          [10, 'orange'],
          [100, 'red'],
        ]);
      });
      const { model } = buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms' }, theme });
      const classified = classifyModel(model!, DEFAULT_SLA_CONFIG);
      for (const palette of ['accessible', 'thresholds'] as const) {
        const colors = statusColors(theme, palette, model!.field.config.thresholds);
        const px = paintCells({ ...model!, status: classified.status }, theme, colors).rgba;
        const at = (src: string, dst: string) => {
          const i = (model!.rows.indexOf(src) * model!.cols.length + model!.cols.indexOf(dst)) * 4;
          return rgb(px[i], px[i + 1], px[i + 2]).formatHex();
        };
        expect(at('a', 'b')).toBe(hex(colors[Status.OK]));
        expect(at('b', 'c')).toBe(hex(colors[Status.Warning]));
        expect(at('b', 'a')).toBe(hex(colors[Status.Breach]));
        expect(at('a', 'c')).toBe(hex(colors[Status.Invalid]));
        expect(at('c', 'a')).toBe(hex(colors[Status.NoData]));
        expect(at('b', 'b')).toBe(hex(colors[Status.Self]));
        // no data is never the OK colour
        expect(at('c', 'a')).not.toBe(at('a', 'b'));
      }
      // The threshold palette is Grafana's threshold colours.
      const t = statusColors(theme, 'thresholds', model!.field.config.thresholds);
      expect(hex(t[Status.OK])).toBe(hex(theme.visualization.getColorByName('green')));
      expect(hex(t[Status.Breach])).toBe(hex(theme.visualization.getColorByName('red')));
    }
  );
});

describe('paintCells with a continuous colour scheme', () => {
  it('colours judged cells with Grafana’s scale calculator, and ranks worse statuses higher', () => {
    const theme = createTheme();
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b' }, values: [1] },
      { labels: { src: 'b', dst: 'a' }, values: [9] },
    ]);
    frames.forEach((f) => {
      f.fields[1].config = {
        ...msThresholds([
          [-Infinity, 'green'],
          [5, 'red'],
        ]),
        min: 0,
        max: 10,
        color: { mode: FieldColorModeId.ContinuousGrYlRd },
      };
    });
    const { model } = buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms' }, theme });
    const classified = classifyModel(model!, DEFAULT_SLA_CONFIG);
    const colors = statusColors(theme, 'accessible');
    const { rgba, rank } = paintCells({ ...model!, status: classified.status }, theme, colors);
    const scale = getScaleCalculator(model!.field, theme);
    const ab = 1; // row a, column b
    const ba = 2; // row b, column a
    expect(rgb(rgba[ab * 4], rgba[ab * 4 + 1], rgba[ab * 4 + 2]).formatHex()).toBe(rgb(scale(1).color).formatHex());
    expect(rgb(rgba[ba * 4], rgba[ba * 4 + 1], rgba[ba * 4 + 2]).formatHex()).toBe(rgb(scale(9).color).formatHex());
    expect(classified.status[ba]).toBe(Status.Breach);
    expect(rank[ba]).toBeGreaterThan(rank[ab]);
    // The diagonal keeps its own colour.
    expect(rgb(rgba[0], rgba[1], rgba[2]).formatHex()).toBe(hex(colors[Status.Self]));
  });
});
