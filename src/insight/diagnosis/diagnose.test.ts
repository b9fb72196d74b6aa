import { Status } from '../../model/sla';
import { diagnose } from './diagnose';
import { Host, LEVELS, Rule, badCells, brief, coin, flat, hostsOf, modelOf, run, top } from './testMatrix';

// Structure only: kinds, roles, members, subjects, counts, shares and cells. The sentences are words.test.ts's.

// 2 regions × 2 DCs × 3 ToRs × 2 hosts = 24 hosts; 552 pairs.
const H = hostsOf(2, 2, 3, 2);
const tor = (h: Host) => h.path[2];
const region = (h: Host) => h.path[0];

describe('healthy, scattered, everything', () => {
  it('a healthy matrix has no diagnosis', () => {
    expect(run(H, () => false).d).toEqual({ candidates: [], bad: 0, total: 24 * 23, levels: LEVELS });
  });

  it('warnings are not bad by default; with warningWeight they count at that weight', () => {
    expect(run(H, (s) => (s.name === 'h05' ? Status.Warning : Status.OK)).d.candidates).toEqual([]);
    // h05's row: over SLA to its own region (11 pairs), warnings to the other (12).
    const mixed: Rule = (s, x) => (s.name === 'h05' ? (region(x) === 'r1' ? Status.Breach : Status.Warning) : false);
    const { d } = run(H, mixed, { warningWeight: 0.5 });
    expect(d.bad).toBe(17);
    expect(top(d)).toMatchObject({ kind: 'hosts', role: 'source', hosts: ['h05'], bad: 17, judged: 23 });
    expect(top(d).cells).toHaveLength(23);
  });

  it('scattered pairs: one none with every bad cell, how many hosts, and the largest share any host explains', () => {
    const scattered = new Set(['h01>h13', 'h07>h20', 'h15>h03', 'h22>h10', 'h11>h24']);
    const { d, model, status } = run(H, (s, x) => scattered.has(`${s.name}>${x.name}`));
    expect(d.candidates).toHaveLength(1);
    const c = top(d);
    expect(c).toMatchObject({ kind: 'none', explains: 0, bad: 5, scattered: { hosts: 10 } });
    expect(c.rest).toBeUndefined();
    // Any one host is on one of the 5 pairs.
    expect(c.scattered!.maxShare).toBeCloseTo(1 / 5, 10);
    expect(c.confidence).toBe('medium');
    expect([...c.cells]).toEqual(badCells(model, status, () => true));
  });

  it('minBad: fewer bad pairs than that, no diagnosis', () => {
    const { d } = run(H, (s) => s.name === 'h05', { minBad: 50 });
    expect(d.candidates).toEqual([]);
    expect(d.bad).toBe(23);
  });

  it('every pair over SLA: one "all" candidate, never a group', () => {
    const { d } = run(H, () => true);
    expect(d.candidates.map(brief)).toEqual(['all:']);
    expect(top(d)).toMatchObject({ bad: 552, judged: 552, explains: 1 });
  });

  it('bad input: one host, all not probed, all no data — no breach line, never a throw', () => {
    const one = [{ name: 'solo', path: ['r1', 'd1', 't1'] }];
    expect(run(one, () => true).d.candidates).toEqual([]);
    expect(run(H, () => Status.NotProbed).d).toMatchObject({ candidates: [], bad: 0, total: 0 });
    // Every agent silent is no agent to single out.
    expect(run(H, () => Status.NoData).d.candidates).toEqual([]);
    const model = modelOf(H);
    expect(diagnose({ model, status: new Uint8Array(3) })).toMatchObject({ candidates: [], bad: 0, total: 0 });
  });
});

describe('hosts', () => {
  it('a bad row: the host as source, with its cells', () => {
    const { d, model, status } = run(H, (s) => s.name === 'h05');
    expect(d.candidates).toHaveLength(1);
    const c = top(d);
    expect(c).toMatchObject({ kind: 'hosts', role: 'source', hosts: ['h05'], explains: 1, bad: 23, judged: 23 });
    expect(c.confidence).toBe('high');
    expect([...c.cells]).toEqual(badCells(model, status, (r) => r === 4));
  });

  it('a bad row with a few good pairs: still the host, "21 of 23"', () => {
    const { d } = run(H, (s, x) => s.name === 'h05' && x.name !== 'h09' && x.name !== 'h10');
    expect(top(d)).toMatchObject({ kind: 'hosts', role: 'source', hosts: ['h05'], bad: 21, judged: 23 });
  });

  it('a bad column: the host as destination', () => {
    const { d, model, status } = run(H, (_, x) => x.name === 'h18');
    expect(top(d)).toMatchObject({ kind: 'hosts', role: 'destination', hosts: ['h18'] });
    expect([...top(d).cells]).toEqual(badCells(model, status, (_, col) => col === 17));
  });

  it('row and column of one host: the host itself, both ways', () => {
    const { d } = run(H, (s, x) => s.name === 'h09' || x.name === 'h09');
    expect(top(d)).toMatchObject({ kind: 'hosts', role: 'both', hosts: ['h09'], bad: 46, judged: 46 });
  });

  it('failed probes are bad like breaches; no data is not judged', () => {
    const { d } = run(H, (s, x) => (s.name === 'h05' ? (x.name === 'h06' ? Status.NoData : Status.Failed) : false));
    expect(top(d)).toMatchObject({ kind: 'hosts', role: 'source', bad: 22, judged: 22 });
  });

  it('a host alone in its ToR: the host, not its one-host ToR (same pairs)', () => {
    const hosts = [...H, { name: 'h99', path: ['r2', 'r2-dc2', 'r2-dc2-solo'] }];
    const { d } = run(hosts, (s) => s.name === 'h99');
    expect(top(d)).toMatchObject({ kind: 'hosts', role: 'source', hosts: ['h99'] });
  });

  it('a host among noisy neighbours: the host, not its ToR', () => {
    const { d } = run(H, (s, x) => s.name === 'h03' || (s.name === 'h04' && x.name === 'h20'));
    expect(top(d)).toMatchObject({ kind: 'hosts', role: 'source', hosts: ['h03'] });
  });
});

describe('sets of hosts that fail together', () => {
  // The issue's case: no topology, one rack's 4 hosts fail every probe (4 full crosses), one host slow as a source.
  const hosts = flat(hostsOf(2, 2, 4, 4));
  const down = new Set(['h05', 'h06', 'h07', 'h08']);
  const issue: Rule = (s, x) => (down.has(s.name) || down.has(x.name) ? Status.Failed : s.name === 'h40');

  it('4 crosses + 1 row, no topology: one set of the 4, then the slow source; 100 % explained', () => {
    const { d } = run(hosts, issue, { levels: [] });
    expect(d.candidates.map(brief)).toEqual(['hosts/both:h05,h06,h07,h08', 'hosts/source:h40']);
    const [set, slow] = d.candidates;
    expect(set).toMatchObject({ groups: 0, confidence: 'high' });
    expect(set.subject).toBeUndefined();
    // 4 × 63 × 2 − 12 between two of them.
    expect(set).toMatchObject({ bad: 492, judged: 492 });
    // The slow host's row keeps its own count; it explains what the set left (59 of its 63 paths).
    expect(slow).toMatchObject({ bad: 63, judged: 63, confidence: 'high' });
    expect(set.explains + slow.explains).toBeCloseTo(1, 10);
    expect(slow.explains).toBeCloseTo(59 / d.bad, 10);
  });

  it('only the 4 failed hosts in the data (no slow source): the set', () => {
    const { d } = run(hosts, (s, x) => (down.has(s.name) || down.has(x.name) ? Status.Failed : false), { levels: [] });
    expect(d.candidates.map(brief)).toEqual(['hosts/both:h05,h06,h07,h08']);
  });

  it("with topology: 3 of a ToR's 4 hosts are a set inside that ToR, not the ToR", () => {
    const topo = hostsOf(2, 2, 4, 4);
    const three = new Set(['h05', 'h06', 'h07']);
    const { d } = run(topo, (s, x) => three.has(s.name) || three.has(x.name));
    expect(top(d)).toMatchObject({ kind: 'hosts', role: 'both', groups: 1, groupHosts: 4 });
    expect(new Set(top(d).hosts)).toEqual(three);
    expect(top(d).subject).toEqual({ level: 2, path: ['r1', 'r1-dc1', 'r1-dc1-t2'] });
  });

  it('with topology: hosts down in different ToRs are one set across those ToRs', () => {
    const topo = hostsOf(2, 2, 4, 4);
    const apart = new Set(['h01', 'h22', 'h47']);
    const { d } = run(topo, (s, x) => apart.has(s.name) || apart.has(x.name));
    expect(d.candidates.map(brief)).toEqual(['hosts/both:h01,h22,h47']);
    expect(top(d)).toMatchObject({ groups: 3 });
    expect(top(d).subject).toBeUndefined();
  });

  it('a whole ToR down is the ToR, not the set of its hosts', () => {
    const topo = hostsOf(2, 2, 4, 4);
    const { d } = run(topo, (s, x) => tor(s) === 'r1-dc2-t3' || tor(x) === 'r1-dc2-t3');
    expect(d.candidates.map(brief)).toEqual(['group/both:r1-dc2-t3']);
    expect(top(d)).toMatchObject({ groupHosts: 4 });
  });

  it('a slow host beside two dead ones in a 3-host ToR: the two, then the slow source — not the ToR', () => {
    const topo = hostsOf(1, 2, 4, 3);
    const dead = new Set(['h04', 'h05']);
    const { d } = run(topo, (s, x) => dead.has(s.name) || dead.has(x.name) || s.name === 'h06');
    expect(d.candidates.map(brief)).toEqual(['hosts/both:h04,h05', 'hosts/source:h06']);
  });

  it('a down host and a slow source: a cross and a row, not two rows of "sources"', () => {
    const { d } = run(flat(H), (s, x) => s.name === 'h03' || x.name === 'h03' || s.name === 'h17', { levels: [] });
    expect(d.candidates.map(brief)).toEqual(['hosts/both:h03', 'hosts/source:h17']);
  });

  it('several slow sources are one set of sources', () => {
    const slow = new Set(['h02', 'h11', 'h19']);
    const { d } = run(H, (s) => slow.has(s.name));
    expect(top(d)).toMatchObject({ kind: 'hosts', role: 'source' });
    expect(new Set(top(d).hosts)).toEqual(slow);
  });
});

describe('several culprits at once, ranked', () => {
  it('two faults: ranked by what each explains, shares add up to 1', () => {
    const t = 'r1-dc1-t2';
    const { d } = run(H, (s, x) => tor(s) === t || tor(x) === t || x.name === 'h21');
    expect(d.candidates.map(brief)).toEqual([`group/both:${t}`, 'hosts/destination:h21']);
    const [a, b] = d.candidates;
    expect(a.explains).toBeGreaterThan(b.explains);
    expect(a.explains + b.explains).toBeCloseTo(1, 10);
    expect(b).toMatchObject({ bad: 23, judged: 23 });
    expect(b.explains).toBeCloseTo(21 / d.bad, 10);
  });

  it('a clean row among random noise: the host, then a trailing none for the scattered rest', () => {
    const hosts = hostsOf(2, 2, 3, 10);
    const flip = coin(11, 0.03);
    const { d } = run(hosts, (s) => s.name === 'h37' || flip());
    const [host, rest] = d.candidates;
    expect(host).toMatchObject({ kind: 'hosts', role: 'source', hosts: ['h37'], bad: 119, judged: 119 });
    expect(host.explains).toBeLessThan(0.3);
    expect(rest).toMatchObject({ kind: 'none', rest: true, explains: 0 });
    expect(rest.cells.length + host.cells.length).toBe(d.bad);
  });

  it('random noise alone (3 %) names no culprit', () => {
    const hosts = hostsOf(2, 2, 3, 10);
    for (const seed of [1, 2, 3, 4, 5]) {
      const flip = coin(seed, 0.03);
      const { d } = run(hosts, () => flip());
      expect(d.candidates.map((c) => c.kind)).toEqual(['none']);
    }
  });

  it('is deterministic', () => {
    const rule: Rule = (s, x) => tor(s) === 'r2-dc1-t3' || (s.name === 'h01' && x.name === 'h12');
    expect(run(H, rule).d).toEqual(run(H, rule).d);
  });
});
