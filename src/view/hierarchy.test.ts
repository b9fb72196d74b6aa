import { createTheme } from '@grafana/data';

import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { Aggregation, ModelOptions } from '../options/types';
import { aggregateView, quantileOf } from './aggregate';
import { buildMatrix } from '../ingest';
import { buildAxisTree, visibleEntries } from './hierarchy';
import { msThresholds, seriesFrames, tableFrame } from '../model/testFrames';
import { DEFAULT_SLA_CONFIG, Status } from '../model/sla';
import { MatrixModel } from '../model/types';
import { classifyModel } from './view';

const theme = createTheme();
const opts = (o: Partial<ModelOptions> = {}): ModelOptions => ({ ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms', ...o });

/** 2 DCs × 2 ToRs × 2 hosts; host names h1..h8; ToRs named so natural order matters (tor-2 < tor-10). */
const HOSTS = [
  { name: 'h1', dc: 'dc-a', tor: 'tor-2' },
  { name: 'h2', dc: 'dc-a', tor: 'tor-2' },
  { name: 'h3', dc: 'dc-a', tor: 'tor-10' },
  { name: 'h4', dc: 'dc-a', tor: 'tor-10' },
  { name: 'h5', dc: 'dc-b', tor: 'tor-3' },
  { name: 'h6', dc: 'dc-b', tor: 'tor-3' },
  { name: 'h7', dc: 'dc-b', tor: 'tor-4' },
  { name: 'h8', dc: 'dc-b', tor: 'tor-4' },
];

/** Latency = 1 ms inside a DC, 10 ms across, except h3 whose every pair is 200 ms; h8 → h1 has no series. */
function meshFrame() {
  const specs = HOSTS.flatMap((s) =>
    HOSTS.filter((d) => d !== s && !(s.name === 'h8' && d.name === 'h1')).map((d) => ({
      labels: { src: s.name, dst: d.name, src_dc: s.dc, dst_dc: d.dc, src_tor: s.tor, dst_tor: d.tor },
      values: [s.name === 'h3' || d.name === 'h3' ? 200 : s.dc === d.dc ? 1 : 10],
    }))
  );
  const frame = tableFrame(specs);
  frame.fields.find((f) => f.name === 'Value')!.config = msThresholds([
    [-Infinity, 'green'],
    [100, 'red'],
  ]);
  return frame;
}

function model(o: Partial<ModelOptions> = {}, frames = [meshFrame()]): MatrixModel {
  const r = buildMatrix({ frames, options: opts({ levels: 'dc,tor', ...o }), theme });
  if (!r.model) {
    throw new Error(r.warning);
  }
  return r.model;
}

function view(m: MatrixModel, startLevel: number, toggled: string[] = [], aggregation: Aggregation = 'max') {
  const rowTree = buildAxisTree({ names: m.rows, paths: m.rowPaths, depth: m.levels.length });
  const state = { startLevel, toggled: new Set(toggled) };
  const rows = visibleEntries(rowTree, state, m.rows);
  const classified = classifyModel(m, { ...DEFAULT_SLA_CONFIG, mode: 'thresholds' });
  return aggregateView({ model: m, rowTree, colTree: rowTree, rows, cols: rows, aggregation, classified });
}

const cellOf = (v: ReturnType<typeof view>, row: string, col: string) => {
  const r = v.rows.findIndex((e) => e.label === row);
  const c = v.cols.findIndex((e) => e.label === col);
  const i = r * v.cols.length + c;
  const n = v.counts;
  return {
    value: v.values[i],
    status: v.status[i],
    pairs: n?.pairs[i],
    expected: n?.expected[i],
    breached: n?.breached[i],
    noData: n?.noData[i],
  };
};

describe('topology from pair labels', () => {
  it('gives each host its DC and ToR', () => {
    const m = model();
    expect(m.levels).toEqual(['dc', 'tor']);
    expect(m.rowPaths[m.rows.indexOf('h3')]).toEqual(['dc-a', 'tor-10']);
    expect(m.rowPaths[m.rows.indexOf('h8')]).toEqual(['dc-b', 'tor-4']);
  });
});

describe('DC × DC', () => {
  const v = view(model(), 0);

  it('shows one entry per DC', () => {
    expect(v.rows.map((e) => [e.kind, e.label])).toEqual([
      ['group', 'dc-a'],
      ['group', 'dc-b'],
    ]);
  });

  it('aggregates exactly: worst value, pairs, breaches and no data', () => {
    // dc-a × dc-a: 4 hosts → 12 pairs, 6 involve h3 (200 ms, over the 100 ms SLA)
    expect(cellOf(v, 'dc-a', 'dc-a')).toEqual({
      value: 200,
      status: Status.Breach,
      pairs: 12,
      expected: 12,
      breached: 6,
      noData: 0,
    });
    // dc-b × dc-a: 16 pairs, h8 → h1 missing, h3 column breached (4 pairs)
    expect(cellOf(v, 'dc-b', 'dc-a')).toEqual({
      value: 200,
      status: Status.Breach,
      pairs: 15,
      expected: 16,
      breached: 4,
      noData: 1,
    });
    expect(cellOf(v, 'dc-b', 'dc-b')).toMatchObject({ value: 1, breached: 0, pairs: 12 });
  });

  it('mean and percentiles are of pair values', () => {
    const mean = view(model(), 0, [], 'mean');
    expect(cellOf(mean, 'dc-a', 'dc-a').value).toBeCloseTo((6 * 200 + 6 * 1) / 12);
    const p50 = view(model(), 0, [], 'p50');
    expect(cellOf(p50, 'dc-a', 'dc-a').value).toBeCloseTo(100.5);
  });
});

describe('expand and collapse', () => {
  it('expanding dc-a shows its ToRs in natural order, dc-b stays one entry', () => {
    const v = view(model(), 0, ['dc-a']);
    expect(v.rows.map((e) => e.label)).toEqual(['tor-2', 'tor-10', 'dc-b']);
    expect(cellOf(v, 'tor-10', 'tor-10')).toMatchObject({ value: 200, pairs: 2, breached: 2 });
    expect(cellOf(v, 'tor-2', 'tor-2')).toMatchObject({ value: 1, breached: 0 });
  });

  it('startLevel 1 starts at ToR × ToR; collapsing a DC again is a toggle', () => {
    expect(view(model(), 1).rows.map((e) => e.label)).toEqual(['tor-2', 'tor-10', 'tor-3', 'tor-4']);
    expect(view(model(), 1, ['dc-b']).rows.map((e) => e.label)).toEqual(['tor-2', 'tor-10', 'dc-b']);
  });

  it('an expanded ToR shows hosts; a host × host cell is the pair itself', () => {
    const m = model();
    const v = view(m, 2);
    expect(v.rows).toHaveLength(8);
    expect(cellOf(v, 'h8', 'h1').status).toBe(Status.NoData);
    expect(cellOf(v, 'h1', 'h1').status).toBe(Status.Self);
    expect(cellOf(v, 'h3', 'h1')).toMatchObject({ status: Status.Breach, value: 200 });
    // all hosts in model order: the view shares the model's cells instead of copying them
    expect(v.values).toBe(m.values);
  });

  it('with one DC expanded to hosts beside a collapsed DC, host cells still count as one pair each', () => {
    const v = view(model(), 1, ['dc-a\u001ftor-2']);
    expect(v.rows.map((e) => e.label)).toEqual(['h1', 'h2', 'tor-10', 'tor-3', 'tor-4']);
    expect(cellOf(v, 'h1', 'h2')).toMatchObject({ value: 1, pairs: 1, expected: 1, breached: 0 });
    expect(cellOf(v, 'h1', 'tor-10')).toMatchObject({ value: 200, pairs: 2, expected: 2, breached: 1 });
  });

  it('a breach in any pair is visible at every level', () => {
    for (const level of [0, 1, 2]) {
      const v = view(model(), level);
      expect(Math.max(...Array.from(v.values).filter(Number.isFinite))).toBe(200);
    }
  });
});

describe('sorting', () => {
  const m = model();
  const at = (r: number, c: number) => m.values[r * m.cols.length + c];
  // Pairs over SLA in each host's row and column.
  const breaches = Float64Array.from(m.rows, (_, h) =>
    m.rows.reduce((n, _x, o) => n + (at(h, o) >= 100 ? 1 : 0) + (at(o, h) >= 100 ? 1 : 0), 0)
  );

  it('by breaches puts the worst group first within its parent, and the worst host first within its group', () => {
    const tree = buildAxisTree({ names: m.rows, paths: m.rowPaths, depth: 2, score: breaches, combine: 'sum' });
    const rows = visibleEntries(tree, { startLevel: 2, toggled: new Set() }, m.rows);
    expect(rows.map((e) => e.label)).toEqual(['h3', 'h4', 'h1', 'h2', 'h5', 'h6', 'h7', 'h8']);
  });

  it('by name keeps natural order when no score is given', () => {
    const tree = buildAxisTree({ names: m.rows, paths: m.rowPaths, depth: 2 });
    expect(visibleEntries(tree, { startLevel: 1, toggled: new Set() }, m.rows).map((e) => e.label)).toEqual([
      'tor-2',
      'tor-10',
      'tor-3',
      'tor-4',
    ]);
  });

  // What broke: Intl.Collator's numeric order put fd00::10 before fd00::a (digits before letters) and split the
  // IPv6 rack 0xa between 0x10 and 0xb.
  it('orders address hosts by address, so a rack of IPv6 hosts is one run', () => {
    const names = [
      'fd00:0:b::1',
      'fd00:0:a::10',
      'fd00:0:10::1',
      'fd00:0:a::2',
      'fd00:0:a:0:0:0:0:a',
      '10.0.0.10',
      '10.0.0.9',
    ];
    const tree = buildAxisTree({ names, paths: names.map(() => []), depth: 0 });
    expect(visibleEntries(tree, { startLevel: 0, toggled: new Set() }, names).map((e) => e.label)).toEqual([
      '10.0.0.9',
      '10.0.0.10',
      'fd00:0:a::2',
      'fd00:0:a:0:0:0:0:a',
      'fd00:0:a::10',
      'fd00:0:b::1',
      'fd00:0:10::1',
    ]);
  });
});

describe('unknown topology and joins', () => {
  it('hosts without topology go to an "unknown" group, counted in a notice', () => {
    const frame = tableFrame([
      { labels: { src: 'h1', dst: 'x9', src_dc: 'dc-a' }, values: [1] },
      { labels: { src: 'x9', dst: 'h1' }, values: [1] },
    ]);
    const m = model({ levels: 'dc' }, [frame]);
    expect(m.rowPaths[m.rows.indexOf('x9')]).toEqual(['unknown']);
    expect(m.notices).toContain('1 host has no topology (grouped as “unknown”).');
  });

  it('joins a topology query by node name (kube_node_labels)', () => {
    const pairs = seriesFrames([
      { labels: { source: 'n1', target: 'n2' }, values: [1] },
      { labels: { source: 'n2', target: 'n1' }, values: [1] },
    ]);
    const nodes = seriesFrames(
      [
        { labels: { __name__: 'kube_node_labels', node: 'n1', label_topology_kubernetes_io_zone: 'z1' }, values: [1] },
        { labels: { __name__: 'kube_node_labels', node: 'n2', label_topology_kubernetes_io_zone: 'z2' }, values: [1] },
      ],
      'B'
    );
    const m = model(
      { preset: 'kube-network-monitor', levels: 'zone=label_topology_kubernetes_io_zone', topologyRefIds: 'B' },
      [...pairs, ...nodes]
    );
    expect(m.rowPaths).toEqual([['z1'], ['z2']]);
  });

  it('joins Goldpinger IP destinations through kube_node_info, so both axes are node names', () => {
    const pairs = seriesFrames([
      { labels: { goldpinger_instance: 'n1', host_ip: '10.0.0.2' }, values: [0.001] },
      { labels: { goldpinger_instance: 'n2', host_ip: '10.0.0.1' }, values: [0.002] },
    ]);
    const info = seriesFrames(
      [
        { labels: { __name__: 'kube_node_info', node: 'n1', internal_ip: '10.0.0.1' }, values: [1] },
        { labels: { __name__: 'kube_node_info', node: 'n2', internal_ip: '10.0.0.2' }, values: [1] },
      ],
      'B'
    );
    const labels = seriesFrames(
      [
        { labels: { node: 'n1', label_zone: 'z1' }, values: [1] },
        { labels: { node: 'n2', label_zone: 'z2' }, values: [1] },
      ],
      'C'
    );
    const m = model({ preset: 'goldpinger', inputUnit: 'auto', levels: 'zone=label_zone', topologyRefIds: 'B,C' }, [
      ...pairs,
      ...info,
      ...labels,
    ]);
    expect(m.rows).toEqual(['n1', 'n2']);
    expect(m.cols).toBe(m.rows);
    expect(m.values[1]).toBeCloseTo(1); // n1 → n2 (10.0.0.2), seconds → ms
    expect(m.rowPaths).toEqual([['z1'], ['z2']]);
  });
});

describe('quantileOf', () => {
  it('interpolates like Prometheus quantile()', () => {
    expect(quantileOf([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOf([1, 2, 3, 4], 0.99)).toBeCloseTo(3.97);
    expect(quantileOf([5], 0.9)).toBe(5);
    expect(Number.isNaN(quantileOf([], 0.5))).toBe(true);
  });
});
