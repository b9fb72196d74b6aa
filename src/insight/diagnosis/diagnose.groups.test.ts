import { Status } from '../../model/sla';
import { diagnose } from './diagnose';
import { Host, LEVELS, Rule, badCells, brief, coin, flat, hostsOf, modelOf, run, statusOf, top } from './testMatrix';

// Structure only, for groups, the layer above, links, sparse meshes and silent agents (hosts and sets: diagnose.test.ts).

// 2 regions × 2 DCs × 3 ToRs × 2 hosts = 24 hosts; 552 pairs.
const H = hostsOf(2, 2, 3, 2);
const tor = (h: Host) => h.path[2];
const dc = (h: Host) => h.path[1];
const region = (h: Host) => h.path[0];

describe('groups at every level', () => {
  it('a cross at ToR level: the ToR itself', () => {
    const t = 'r1-dc2-t2';
    const { d, model, status } = run(H, (s, x) => tor(s) === t || tor(x) === t);
    const c = top(d);
    expect(c).toMatchObject({ kind: 'group', role: 'both', subject: { level: 2, path: ['r1', 'r1-dc2', t] } });
    // 2 hosts × 23 × 2 − the 2 pairs counted twice between them.
    expect(c).toMatchObject({ bad: 90, judged: 90, explains: 1, groupHosts: 2, confidence: 'high' });
    const inT = (i: number) => tor(H[i]) === t;
    expect([...c.cells]).toEqual(badCells(model, status, (r, col) => inT(r) || inT(col)));
  });

  it('a cross at DC and at region level', () => {
    expect(top(run(H, (s, x) => dc(s) === 'r2-dc2' || dc(x) === 'r2-dc2').d)).toMatchObject({
      kind: 'group',
      role: 'both',
      subject: { level: 1, path: ['r2', 'r2-dc2'] },
      groupHosts: 6,
    });
    const H3 = hostsOf(3, 2, 3, 1);
    expect(top(run(H3, (s, x) => region(s) === 'r3' || region(x) === 'r3').d)).toMatchObject({
      kind: 'group',
      subject: { level: 0, path: ['r3'] },
    });
  });

  it('all rows of a ToR: the ToR as source side; all columns of a DC: destination side', () => {
    expect(top(run(H, (s) => tor(s) === 'r2-dc1-t1').d)).toMatchObject({
      kind: 'group',
      role: 'source',
      subject: { level: 2, path: ['r2', 'r2-dc1', 'r2-dc1-t1'] },
    });
    expect(top(run(H, (_, x) => dc(x) === 'r1-dc1').d)).toMatchObject({
      kind: 'group',
      role: 'destination',
      subject: { level: 1, path: ['r1', 'r1-dc1'] },
      bad: 138,
      judged: 138,
    });
  });

  it('never blames the “unknown” group of hosts without topology', () => {
    const hosts = H.map((h, i) => (i >= 18 ? { ...h, path: ['unknown', 'unknown', 'unknown'] } : h));
    const { d } = run(hosts, (s, x) => s.path[0] === 'unknown' || x.path[0] === 'unknown');
    expect(d.candidates.length).toBeGreaterThan(0);
    for (const c of d.candidates) {
      expect(c.subject?.path ?? []).not.toContain('unknown');
      expect(c.kind).toBe('hosts');
    }
  });
});

describe('the layer above', () => {
  it('spine loss in a DC: cross-ToR pairs inside it bad, intra-ToR fine → the DC', () => {
    const { d, model, status } = run(H, (s, x) => dc(s) === 'r1-dc2' && dc(x) === 'r1-dc2' && tor(s) !== tor(x));
    const c = top(d);
    expect(c).toMatchObject({
      kind: 'layer-above',
      subject: { level: 1, path: ['r1', 'r1-dc2'] },
      childLevel: 2,
      bad: 24,
      judged: 24,
      inside: { bad: 0, judged: 6 },
      confidence: 'high',
    });
    expect([...c.cells]).toEqual(badCells(model, status, () => true));
  });

  it('a partial spine loss (a third of the cross-ToR flows of a DC): still the layer above', () => {
    const hosts = hostsOf(1, 3, 4, 5);
    const flip = coin(5, 0.35);
    const { d } = run(hosts, (s, x) => dc(s) === 'r1-dc2' && dc(x) === 'r1-dc2' && tor(s) !== tor(x) && flip());
    expect(d.candidates.map(brief)).toEqual(['layer-above:r1-dc2']);
    expect(top(d).bad / top(d).judged).toBeLessThan(0.5);
  });

  it('everything bad except the intra-DC diagonal → the layer above the DCs (whole matrix)', () => {
    const { d } = run(H, (s, x) => dc(s) !== dc(x));
    expect(top(d)).toMatchObject({ kind: 'layer-above', subject: { level: -1, path: [] }, childLevel: 1 });
  });

  it('a bad diagonal is not a layer above: the whole group is', () => {
    expect(top(run(H, (s, x) => dc(s) === 'r1-dc2' && dc(x) === 'r1-dc2').d).kind).not.toBe('layer-above');
  });

  it('with two children only, the layer above is the link between them', () => {
    const { d } = run(H, (s, x) => region(s) === 'r1' && region(x) === 'r1' && dc(s) !== dc(x));
    expect(top(d)).toMatchObject({ kind: 'link', subject: { level: 1, path: ['r1', 'r1-dc1'] }, directed: false });
  });
});

describe('links', () => {
  it('a block both ways between two DCs: the link', () => {
    const pair = new Set(['r1-dc1', 'r2-dc2']);
    const { d } = run(H, (s, x) => dc(s) !== dc(x) && pair.has(dc(s)) && pair.has(dc(x)));
    expect(top(d)).toMatchObject({
      kind: 'link',
      subject: { level: 1, path: ['r1', 'r1-dc1'] },
      other: { level: 1, path: ['r2', 'r2-dc2'] },
      directed: false,
      bad: 72,
      judged: 72,
      explains: 1,
    });
  });

  it('one way only (a block on one side of the diagonal): a directed link, with the way back counted', () => {
    const { d } = run(H, (s, x) => tor(s) === 'r1-dc1-t1' && tor(x) === 'r2-dc1-t2');
    expect(top(d)).toMatchObject({
      kind: 'link',
      directed: true,
      subject: { level: 2, path: ['r1', 'r1-dc1', 'r1-dc1-t1'] },
      other: { level: 2, path: ['r2', 'r2-dc1', 'r2-dc1-t2'] },
      bad: 4,
      judged: 4,
      reverse: { bad: 0, judged: 4 },
    });
  });
});

describe('sparse meshes and separate axes', () => {
  // Pingmesh's three levels: all pairs inside a ToR; across ToRs of a DC only the ToRs' first hosts; across DCs only
  // the DCs' first hosts.
  const S = hostsOf(1, 3, 3, 3);
  const first = (h: Host, key: (x: Host) => string) => S.find((x) => key(x) === key(h)) === h;
  const probed = (s: Host, x: Host) =>
    tor(s) === tor(x) || (dc(s) === dc(x) ? first(s, tor) && first(x, tor) : first(s, dc) && first(x, dc));
  const sparse =
    (rule: Rule): Rule =>
    (s, x) =>
      probed(s, x) ? rule(s, x) : Status.NotProbed;

  it('totals count only probed pairs', () => {
    expect(
      run(
        S,
        sparse(() => false)
      ).d
    ).toMatchObject({ candidates: [], bad: 0, total: 54 + 18 + 6 });
  });

  it('a non-representative bad as source: its 2 probed paths are too few to name it; listed as pairs', () => {
    const { d } = run(
      S,
      sparse((s) => s.name === 'h05')
    );
    expect(d.candidates.map(brief)).toEqual(['none:']);
    expect(top(d)).toMatchObject({ bad: 2, judged: 78 });
  });

  it('a representative bad as source: "6 of 6 probed paths" — not "6 of 26"', () => {
    expect(
      top(
        run(
          S,
          sparse((s) => s.name === 'h01')
        ).d
      )
    ).toMatchObject({
      kind: 'hosts',
      role: 'source',
      hosts: ['h01'],
      bad: 6,
      judged: 6,
    });
  });

  it('a DC link seen only through the DC representatives is named by the DCs', () => {
    const { d } = run(
      S,
      sparse((s, x) => [dc(s), dc(x)].sort().join() === 'r1-dc1,r1-dc3')
    );
    expect(top(d)).toMatchObject({ kind: 'link', directed: false, subject: { level: 1 }, other: { level: 1 } });
  });

  it('spine loss seen through the ToR representatives only', () => {
    const { d } = run(
      S,
      sparse((s, x) => dc(s) === 'r1-dc2' && dc(x) === 'r1-dc2' && tor(s) !== tor(x))
    );
    expect(top(d)).toMatchObject({ kind: 'layer-above', subject: { level: 1, path: ['r1', 'r1-dc2'] }, bad: 6 });
  });

  it('a k-neighbour mesh without topology: the hosts that fail, counted over their probed paths', () => {
    const hosts = flat(hostsOf(1, 1, 6, 8));
    // Each host probes the next 6 (a ring), the rest is not probed.
    const index = new Map(hosts.map((h, i) => [h.name, i]));
    const near = (s: Host, x: Host) => (index.get(x.name)! - index.get(s.name)! + hosts.length) % hosts.length <= 6;
    const dead = new Set(['h10', 'h11', 'h30']);
    const { d } = run(hosts, (s, x) => (!near(s, x) ? Status.NotProbed : dead.has(s.name) || dead.has(x.name)), {
      levels: [],
    });
    expect(top(d)).toMatchObject({ kind: 'hosts', role: 'both' });
    expect(new Set(top(d).hosts)).toEqual(dead);
    // Each dead host's 6 probes and the 6 probing it; h10 → h11 is in both (h11 does not probe h10).
    expect(top(d)).toMatchObject({ bad: 3 * 12 - 1, judged: 3 * 12 - 1 });
  });

  it('separate source and destination axes (agents vs targets)', () => {
    const agents = hostsOf(1, 1, 2, 3);
    const targets = agents.map((h) => ({ name: `ip-${h.name}`, path: h.path }));
    const model = modelOf(agents, LEVELS, targets);
    const status = statusOf(model, agents, (_, x) => x.name === 'ip-h02', targets);
    const d = diagnose({ model, status });
    expect(top(d)).toMatchObject({ kind: 'hosts', role: 'destination', hosts: ['ip-h02'] });
    expect(d.total).toBe(36);
  });
});

describe('levels with more groups than block counts take', () => {
  // 2 DCs, 530 ToRs of one host, one ToR (dc1-big) of 3: the ToR level has no block counts; its inside sums come from
  // the cells.
  const hosts: Host[] = [];
  for (let i = 0; i < 530; i++) {
    const dcName = i < 265 ? 'dc1' : 'dc2';
    hosts.push({ name: `h${String(i).padStart(3, '0')}`, path: [dcName, `${dcName}-t${i}`] });
  }
  hosts.push(...['x1', 'x2', 'x3'].map((name) => ({ name, path: ['dc1', 'dc1-big'] })));
  const levels = ['dc', 'tor'];

  it('spine loss: the layer above the ToRs, the big ToR inside fine', () => {
    const { d } = run(hosts, (s, x) => s.path[0] === 'dc1' && x.path[0] === 'dc1' && s.path[1] !== x.path[1], {
      levels,
    });
    expect(top(d)).toMatchObject({ kind: 'layer-above', subject: { level: 0, path: ['dc1'] }, inside: { bad: 0 } });
  });

  it('a ToR down at that level: its cross', () => {
    const { d } = run(hosts, (s, x) => s.path[1] === 'dc1-big' || x.path[1] === 'dc1-big', { levels });
    const n = 3 * 532 * 2 - 6;
    expect(top(d)).toMatchObject({ kind: 'group', subject: { level: 1, path: ['dc1', 'dc1-big'] }, bad: n, judged: n });
  });
});

describe('silent agents', () => {
  it('a row with no data at all: one silent candidate after any breach, with its no-data cells', () => {
    const { d, model } = run(H, (s) => (s.name === 'h11' ? Status.NoData : Status.OK));
    expect(d.bad).toBe(0);
    expect(d.candidates).toHaveLength(1);
    expect(top(d)).toMatchObject({
      kind: 'silent',
      hosts: ['h11'],
      explains: 0,
      silentPaths: { noData: 23, stale: 0 },
    });
    expect([...top(d).cells]).toEqual(
      Array.from({ length: 24 }, (_, col) => 10 * model.cols.length + col).filter((i) => i !== 10 * 24 + 10)
    );
  });

  it('several silent agents are one candidate; a breach comes first', () => {
    const { d } = run(H, (s) => (s.name === 'h11' || s.name === 'h12' ? Status.Stale : s.name === 'h02'));
    expect(d.candidates.map(brief)).toEqual(['hosts/source:h02', 'silent:h11,h12']);
    expect(d.candidates[1].silentPaths).toEqual({ noData: 0, stale: 46 });
  });
});
