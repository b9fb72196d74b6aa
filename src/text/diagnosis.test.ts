import { Status } from '../model/sla';
import { diagnose } from '../insight/diagnosis/diagnose';
import { Host, LEVELS, Rule, flat, hostsOf, modelOf, statusOf } from '../insight/diagnosis/testMatrix';
import { describeCandidate, groupName, nameList } from './diagnosis';

// The sentences: one per candidate structure, from the same matrices as diagnose.test.ts.

function lines(hosts: Host[], rule: Rule, levels = LEVELS) {
  const model = modelOf(hosts, levels);
  const status = statusOf(model, hosts, rule);
  return diagnose({ model, status }).candidates.map((c) => describeCandidate(c, model));
}

const H = hostsOf(2, 2, 3, 2);
const tor = (h: Host) => h.path[2];
const dc = (h: Host) => h.path[1];

describe('hosts', () => {
  it('one host as source, destination, both', () => {
    expect(lines(H, (s) => s.name === 'h05')).toEqual(['Host h05 (source): 23 of 23 paths from it over SLA']);
    expect(lines(H, (_, x) => x.name === 'h18')).toEqual(['Host h18 (destination): 23 of 23 paths to it over SLA']);
    expect(lines(H, (s, x) => s.name === 'h09' || x.name === 'h09')).toEqual([
      'Host h09: 46 of 46 paths to and from it over SLA — the host or its link',
    ]);
  });

  it("the issue's case: hosts failing together without topology, and the slow source after them", () => {
    const hosts = flat(hostsOf(2, 2, 4, 4));
    const down = new Set(['h05', 'h06', 'h07', 'h08']);
    expect(
      lines(hosts, (s, x) => (down.has(s.name) || down.has(x.name) ? Status.Failed : s.name === 'h40'), [])
    ).toEqual([
      '4 hosts fail together: h05, h06, h07, h08 — 492 of 492 paths to and from them over SLA; likely one ToR, rack or node pool (add a topology query to confirm)',
      'Host h40 (source): 63 of 63 paths from it over SLA',
    ]);
  });

  it('a set inside one group says how many of its hosts; a set across groups says in how many', () => {
    const topo = hostsOf(2, 2, 4, 4);
    const three = new Set(['h05', 'h06', 'h07']);
    expect(lines(topo, (s, x) => three.has(s.name) || three.has(x.name))[0]).toMatch(
      /^3 of the 4 hosts of ToR r1-dc1-t2 fail together: h0[567], h0[567], h0[567] — \d+ of \d+ paths to and from them over SLA$/
    );
    const apart = new Set(['h01', 'h22', 'h47']);
    expect(lines(topo, (s, x) => apart.has(s.name) || apart.has(x.name))).toEqual([
      '3 hosts in 3 different ToRs fail: h01, h22, h47 — 372 of 372 paths to and from them over SLA',
    ]);
  });

  it('several sources, and a long list of names cut after six', () => {
    const slow = new Set(['h02', 'h11', 'h19']);
    expect(lines(H, (s) => slow.has(s.name))).toEqual([
      '3 hosts as sources: h02, h11, h19 — 69 of 69 paths from them over SLA',
    ]);
    expect(nameList(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])).toBe('a, b, c, d, e, f and 2 more');
  });
});

describe('groups, layers and links', () => {
  it('a ToR down, a ToR as source side, a DC as destination side', () => {
    expect(lines(H, (s, x) => tor(s) === 'r1-dc2-t2' || tor(x) === 'r1-dc2-t2')).toEqual([
      'ToR r1-dc2-t2: 90 of 90 paths to and from its 2 hosts over SLA — the ToR itself (down or failing)',
    ]);
    expect(lines(H, (s) => tor(s) === 'r2-dc1-t1')).toEqual([
      'ToR r2-dc1-t1 (source side): 46 of 46 paths from its 2 hosts over SLA',
    ]);
    expect(lines(H, (_, x) => dc(x) === 'r1-dc1')).toEqual([
      'DC r1-dc1 (destination side): 138 of 138 paths to its 6 hosts over SLA',
    ]);
  });

  it('the layer above inside a DC, and above all DCs', () => {
    expect(lines(H, (s, x) => dc(s) === 'r1-dc2' && dc(x) === 'r1-dc2' && tor(s) !== tor(x))).toEqual([
      'DC r1-dc2: 24 of 24 paths between its ToRs over SLA, 0 of 6 inside them — the layer above the ToRs (spine / interconnect)',
    ]);
    expect(lines(H, (s, x) => dc(s) !== dc(x))[0]).toBe(
      'All DCs: 432 of 432 paths between them over SLA, 0 of 120 inside them — the layer above the DCs (spine / interconnect)'
    );
  });

  it('links both ways and one way, with the way back', () => {
    const pair = new Set(['r1-dc1', 'r2-dc2']);
    expect(lines(H, (s, x) => dc(s) !== dc(x) && pair.has(dc(s)) && pair.has(dc(x)))).toEqual([
      'Link DC r1-dc1 ↔ r2-dc2: 72 of 72 paths between them over SLA (both ways)',
    ]);
    expect(lines(H, (s, x) => tor(s) === 'r1-dc1-t1' && tor(x) === 'r2-dc1-t2')).toEqual([
      'Link ToR r1-dc1-t1 → r2-dc1-t2: 4 of 4 paths over SLA, this way only (0 of 4 the other way)',
    ]);
  });

  it('a group name that repeats under several parents is shown as its path', () => {
    const hosts = [
      { name: 'a', path: ['dc1', 'tor1'] },
      { name: 'b', path: ['dc2', 'tor1'] },
    ];
    const model = modelOf(hosts, ['dc', 'tor']);
    expect(groupName(model, { level: 1, path: ['dc1', 'tor1'] })).toBe('dc1/tor1');
    expect(groupName(model, { level: 0, path: ['dc2'] })).toBe('dc2');
  });
});

describe('nothing in common, everything, silence', () => {
  it('few scattered pairs are listed; many are counted, with how scattered they are', () => {
    expect(lines(H, (s, x) => s.name === 'h02' && x.name === 'h17')).toEqual([
      'No common cause: 1 scattered pair over SLA: h02 → h17',
    ]);
    const scattered = new Set(['h01>h13', 'h07>h20', 'h15>h03', 'h22>h10', 'h11>h24']);
    expect(lines(H, (s, x) => scattered.has(`${s.name}>${x.name}`))).toEqual([
      'No common cause: 5 pairs over SLA spread over 10 hosts; no host is on more than 20% of them',
    ]);
    expect(lines(flat(H), (s, x) => scattered.has(`${s.name}>${x.name}`), [])).toEqual([
      'No common cause: 5 pairs over SLA spread over 10 hosts; no host is on more than 20% of them — a topology query may show a group or link behind them',
    ]);
  });

  it('every pair over SLA', () => {
    expect(lines(H, () => true)).toEqual([
      'Every pair: 552 of 552 paths over SLA — a cause above all groups, or the probes / SLA themselves',
    ]);
  });

  it('silent agents: one, stale, several', () => {
    expect(lines(H, (s) => (s.name === 'h11' ? Status.NoData : Status.OK))).toEqual([
      'Agent h11 reports nothing: none of its 23 paths has data',
    ]);
    expect(lines(H, (s) => (s.name === 'h11' ? Status.Stale : Status.OK))).toEqual([
      'Agent h11 reports nothing new: all 23 of its paths are stale',
    ]);
    expect(lines(H, (s) => (s.name === 'h11' || s.name === 'h12' ? Status.NoData : Status.OK))).toEqual([
      '2 agents report nothing current: h11, h12 — none of their 46 paths has fresh data',
    ]);
  });

  it('label values are text: markup and bidi marks come back as they went in', () => {
    const hosts = [...H.slice(0, 23), { name: '<b>x</b>\u202e&', path: H[23].path }];
    expect(lines(hosts, (s) => s.name === '<b>x</b>\u202e&')).toEqual([
      'Host <b>x</b>\u202e& (source): 23 of 23 paths from it over SLA',
    ]);
  });
});
