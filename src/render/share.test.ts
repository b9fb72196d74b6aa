import { createTheme } from '@grafana/data';
import { rgb } from 'd3-color';

import { buildMatrix } from '../ingest';
import { DEFAULT_SLA_CONFIG, Status } from '../model/sla';
import { SeriesSpec, tableFrame } from '../model/testFrames';
import { buildView, classifyModel } from '../view/view';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { Aggregation } from '../options/types';
import { describeCell } from '../text/describe';
import { paintCells, shareRamp } from './paint';
import { statusColors } from './palette';

// Group cells coloured by the share of their pairs over SLA: during a rack outage a region view shows where the breach
// concentrates instead of painting every region cell red.

const theme = createTheme();
const hosts: Array<{ name: string; path: string[] }> = [];
for (const region of ['r1', 'r2']) {
  for (const dc of ['dc1', 'dc2']) {
    for (const tor of ['t1', 't2', 't3']) {
      for (const h of [1, 2]) {
        const d = `${region}-${dc}`;
        hosts.push({ name: `${d}-${tor}-h${h}`, path: [region, d, `${d}-${tor}`] });
      }
    }
  }
}
const down = 'r1-dc1-t1';
const specs: SeriesSpec[] = hosts.flatMap((s) =>
  hosts
    .filter((x) => x !== s)
    .map((x) => ({
      labels: {
        src: s.name,
        dst: x.name,
        src_region: s.path[0],
        src_dc: s.path[1],
        src_tor: s.path[2],
        dst_region: x.path[0],
        dst_dc: x.path[1],
        dst_tor: x.path[2],
      },
      // The down ToR: every path to or from it at 500 ms; the rest well within every scope's SLA.
      values: [s.path[2] === down || x.path[2] === down ? 500 : 0.2],
    }))
);
const { model } = buildMatrix({
  frames: [tableFrame(specs)],
  options: { ...DEFAULT_MODEL_OPTIONS, preset: 'custom', inputUnit: 'ms', levels: 'region,dc,tor' },
  theme,
});
const classified = classifyModel(model!, DEFAULT_SLA_CONFIG);
const colors = statusColors(theme, 'accessible', model!.field.config.thresholds);
const viewAt = (aggregation: Aggregation, startLevel: string) =>
  buildView({ model: model!, startLevel, toggled: new Set(), zoom: [], aggregation, sortBy: 'name', classified })
    .matrix;
const cell = (m: ReturnType<typeof viewAt>, row: string, col: string) =>
  m.rows.findIndex((e) => e.label === row) * m.cols.length + m.cols.findIndex((e) => e.label === col);

describe('share of pairs over SLA', () => {
  it('worst pair paints every region cell touching the down ToR over SLA; share tells them apart', () => {
    const worst = viewAt('max', 'region');
    expect([...worst.status]).toEqual([Status.Breach, Status.Breach, Status.Breach, Status.OK]);
    const m = viewAt('share', 'region');
    // r1 × r1: 132 pairs, 22 + 22 − 2 = 42 through the ToR → 32 %; r1 × r2 and r2 × r1: 2 × 12 of 144 → 17 %.
    expect(m.share![cell(m, 'r1', 'r1')]).toBeCloseTo(42 / 132, 6);
    expect(m.share![cell(m, 'r1', 'r2')]).toBeCloseTo(24 / 144, 6);
    expect(m.share![cell(m, 'r2', 'r2')]).toBe(0);
    expect([...m.status]).toEqual([Status.Warning, Status.Warning, Status.Warning, Status.OK]);
    // Group cells keep their counts and say the share in the tooltip.
    const d = describeCell(m, 0, 1);
    expect(d.value).toBe('Over SLA: 17%');
    expect(d.pairs).toBe('24 of 144 pairs over SLA');
  });

  it('at DC level the DC holding the ToR stands out from its region', () => {
    const m = viewAt('share', 'dc');
    const own = m.share![cell(m, 'r1-dc1', 'r1-dc1')];
    const sameRegion = m.share![cell(m, 'r1-dc2', 'r1-dc2')];
    // Inside r1-dc1: 30 pairs, 10 + 10 − 2 = 18 through the ToR → 60 %: over SLA; a DC without it has none.
    expect(own).toBeCloseTo(18 / 30, 6);
    expect(m.status[cell(m, 'r1-dc1', 'r1-dc1')]).toBe(Status.Breach);
    expect(sameRegion).toBe(0);
  });

  it('paints the ramp: OK colour at none, warning colour at 10 %, over-SLA colour from 50 %, a tint in between', () => {
    const ramp = shareRamp(colors);
    const hex = (px: number[]) => rgb(px[0], px[1], px[2]).formatHex();
    expect(hex(ramp(0))).toBe(rgb(colors[Status.OK]).formatHex());
    expect(hex(ramp(0.1))).toBe(rgb(colors[Status.Warning]).formatHex());
    expect(hex(ramp(0.5))).toBe(rgb(colors[Status.Breach]).formatHex());
    expect(hex(ramp(0.9))).toBe(rgb(colors[Status.Breach]).formatHex());
    const tint = ramp(0.02);
    expect(hex(tint)).not.toBe(hex(ramp(0)));
    expect(hex(tint)).not.toBe(hex(ramp(0.1)));

    const m = viewAt('share', 'region');
    const px = paintCells(m, theme, colors).rgba;
    const at = (i: number) => rgb(px[i * 4], px[i * 4 + 1], px[i * 4 + 2]).formatHex();
    expect(at(cell(m, 'r1', 'r1'))).toBe(hex(ramp(42 / 132)));
    expect(at(cell(m, 'r2', 'r2'))).toBe(rgb(colors[Status.OK]).formatHex());
  });

  it('host cells are their own pair, whatever the aggregation', () => {
    const m = viewAt('share', 'host');
    expect(m.share).toBeUndefined();
    expect(m.status[cell(m, `${down}-h1`, 'r2-dc2-t3-h2')]).toBe(Status.Breach);
  });
});
