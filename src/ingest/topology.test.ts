import { DataFrame, createTheme } from '@grafana/data';

import { DEFAULT_SLA_CONFIG, MAX_LEVELS, Status } from '../model/sla';
import { seriesFrames, tableFrame } from '../model/testFrames';
import { MatrixModel } from '../model/types';
import { classifyModel } from '../view/view';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { ModelOptions } from '../options/types';
import { buildMatrix } from '.';

const theme = createTheme();
function model(frames: DataFrame[], o: Partial<ModelOptions> = {}): MatrixModel {
  const r = buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms', ...o }, theme });
  if (!r.model) {
    throw new Error(r.warning);
  }
  return r.model;
}
const pathOf = (m: MatrixModel, host: string) => m.rowPaths[m.rows.indexOf(host)];

// Broke: a host whose series named two groups at one level kept the first silently (ingest/topology.ts).
describe('a host in two groups of one level', () => {
  it('pingmesh-agent: a source in two pinglist groups (tor) stays in the first, and the footer names it', () => {
    const frame = tableFrame([
      { labels: { src: 'h1', dst: 'h2', tor: 'tor-a' }, values: [1] },
      { labels: { src: 'h1', dst: 'h3', tor: 'tor-b' }, values: [1] },
      { labels: { src: 'h2', dst: 'h1', tor: 'tor-a' }, values: [1] },
      { labels: { src: 'h3', dst: 'h1', tor: 'tor-b' }, values: [1] },
    ]);
    const m = model([frame], { levels: 'tor' });
    expect(pathOf(m, 'h1')).toEqual(['tor-a']);
    expect(m.notices).toContain('h1 is in two tor groups, tor-a and tor-b: it is shown in tor-a.');
  });

  it('src_ and dst_ labels that disagree about a host, counted with one example', () => {
    const frame = tableFrame([
      { labels: { src: 'h1', dst: 'h2', src_dc: 'dc1', dst_dc: 'dc2' }, values: [1] },
      { labels: { src: 'h2', dst: 'h1', src_dc: 'dc9', dst_dc: 'dc8' }, values: [1] },
    ]);
    const m = model([frame], { levels: 'dc' });
    expect([pathOf(m, 'h1'), pathOf(m, 'h2')]).toEqual([['dc1'], ['dc2']]);
    expect(m.notices).toContain(
      '2 hosts are in two groups of one level (e.g. h1 in dc dc1 and dc8): each is shown in the first seen, pair labels before the topology query.'
    );
  });

  it('the topology query disagreeing with the pair labels: the pair labels win, and it is said', () => {
    const pairs = seriesFrames([
      { labels: { src: 'n1', dst: 'n2', src_zone: 'z1' }, values: [1] },
      { labels: { src: 'n2', dst: 'n1' }, values: [1] },
    ]);
    const nodes = seriesFrames(
      [
        { labels: { node: 'n1', zone: 'z7' }, values: [1] },
        { labels: { node: 'n2', zone: 'z2' }, values: [1] },
      ],
      'B'
    );
    const m = model([...pairs, ...nodes], { levels: 'zone', topologyRefIds: 'B' });
    expect([pathOf(m, 'n1'), pathOf(m, 'n2')]).toEqual([['z1'], ['z2']]);
    expect(m.notices).toContain('n1 is in two zone groups, z1 and z7: it is shown in z1.');
  });

  it('the topology query naming two zones for one node', () => {
    const pairs = seriesFrames([
      { labels: { src: 'n1', dst: 'n2' }, values: [1] },
      { labels: { src: 'n2', dst: 'n1' }, values: [1] },
    ]);
    const nodes = seriesFrames(
      [
        { labels: { node: 'n1', zone: 'z1' }, values: [1] },
        { labels: { node: 'n1', zone: 'z3' }, values: [1] },
        { labels: { node: 'n2', zone: 'z2' }, values: [1] },
      ],
      'B'
    );
    const m = model([...pairs, ...nodes], { levels: 'zone', topologyRefIds: 'B' });
    expect(pathOf(m, 'n1')).toEqual(['z1']);
    expect(m.notices).toContain('n1 is in two zone groups, z1 and z3: it is shown in z1.');
  });

  it('says nothing when every series agrees, and fills a level a later row knows', () => {
    const frame = tableFrame([
      { labels: { src: 'h1', dst: 'h2', src_dc: 'dc1' }, values: [1] },
      { labels: { src: 'h2', dst: 'h1', src_dc: 'dc2', src_tor: 't2', dst_dc: 'dc1', dst_tor: 't1' }, values: [1] },
    ]);
    const m = model([frame], { levels: 'dc,tor' });
    expect([pathOf(m, 'h1'), pathOf(m, 'h2')]).toEqual([
      ['dc1', 't1'],
      ['dc2', 't2'],
    ]);
    expect(m.notices.filter((n) => n.includes('two'))).toEqual([]);
  });
});

describe('more grouping levels than a scope index holds', () => {
  // Broke: 300 levels wrapped the 8-bit scope index (300 → 44; 255 is "no scope"): a 50 ms pair inside one ToR was
  // judged by the cross-region SLA and showed OK.
  it('uses the first MAX_LEVELS levels, says so, and judges every pair by a scope that exists', () => {
    const names = Array.from({ length: 300 }, (_, i) => `l${i}`);
    const side = (prefix: string) => Object.fromEntries(names.map((n) => [`${prefix}${n}`, 'g']));
    const frame = tableFrame([
      { labels: { src: 'a', dst: 'b', ...side('src_'), ...side('dst_') }, values: [50] },
      { labels: { src: 'b', dst: 'a', ...side('src_'), ...side('dst_') }, values: [0.01] },
    ]);
    const m = model([frame], { levels: names.join(',') });
    expect(m.levels).toEqual(names.slice(0, MAX_LEVELS));
    expect(m.notices).toContain(`*Group by* has 300 levels; only the first ${MAX_LEVELS} are used.`);
    const classified = classifyModel(m, DEFAULT_SLA_CONFIG);
    expect(classified.scopes).toHaveLength(MAX_LEVELS + 1);
    expect(Math.max(...classified.scope!)).toBeLessThan(classified.scopes.length);
    const at = (s: string, d: string) => m.rows.indexOf(s) * m.cols.length + m.cols.indexOf(d);
    expect(classified.status[at('a', 'b')]).toBe(Status.Breach);
    expect(classified.status[at('b', 'a')]).toBe(Status.OK);
  });
});
