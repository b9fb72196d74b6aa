import { FieldType, createTheme } from '@grafana/data';

import { DEFAULT_OPTIONS } from '../types';
import { buildMatrix } from '../model/buildMatrix';
import { DEFAULT_SLA_CONFIG, Status, StatusCode } from '../model/sla';
import { SeriesSpec, tableFrame } from '../model/testFrames';
import { MatrixModel } from '../model/types';
import { classifyModel } from '../model/view';
import { Candidate, Diagnosis, diagnose } from './diagnose';

// ---------------------------------------------------------------------------------------------------------------------
// Hand-built matrices: hosts with their groups, and a status per pair.

interface Host {
  name: string;
  path: string[];
}

/** regions × DCs per region × ToRs per DC × hosts per ToR, named r1 / r1-dc1 / r1-dc1-t1 / h01… */
function hostsOf(regions: number, dcs: number, tors: number, per: number): Host[] {
  const out: Host[] = [];
  for (let r = 1; r <= regions; r++) {
    for (let d = 1; d <= dcs; d++) {
      for (let t = 1; t <= tors; t++) {
        for (let h = 1; h <= per; h++) {
          const region = `r${r}`;
          const dc = `${region}-dc${d}`;
          out.push({ name: `h${String(out.length + 1).padStart(2, '0')}`, path: [region, dc, `${dc}-t${t}`] });
        }
      }
    }
  }
  return out;
}

const LEVELS = ['region', 'dc', 'tor'];

function modelOf(hosts: Host[], levels = LEVELS, cols?: Host[]): MatrixModel {
  const rows = hosts.map((h) => h.name);
  const rowPaths = hosts.map((h) => h.path);
  const n = rows.length * (cols ?? hosts).length;
  return {
    rows,
    cols: cols ? cols.map((h) => h.name) : rows,
    levels,
    rowPaths,
    colPaths: cols ? cols.map((h) => h.path) : rowPaths,
    values: new Float64Array(n),
    states: new Uint8Array(n),
    failed: 0,
    field: { name: 'latency', type: FieldType.number, config: { unit: 'ms' }, values: [] },
    notices: [],
    pairs: n,
    duplicates: 0,
    invalid: 0,
    mapping: { source: ['src'], destination: ['dst'], detected: false },
    source: { refId: 'A', factor: 1, hostOf: (h) => h },
  };
}

type Rule = (s: Host, d: Host) => StatusCode | boolean | undefined;

/** Status per cell: Self on the diagonal, else the rule's status (true = over SLA, false / undefined = OK). */
function statusOf(model: MatrixModel, hosts: Host[], rule: Rule, cols = hosts): Uint8Array {
  const status = new Uint8Array(model.rows.length * model.cols.length);
  hosts.forEach((s, r) =>
    cols.forEach((d, c) => {
      const v = s.name === d.name ? Status.Self : rule(s, d);
      status[r * cols.length + c] = v === true ? Status.Breach : v === false || v === undefined ? Status.OK : v;
    })
  );
  return status;
}

function run(hosts: Host[], rule: Rule, options: { minBad?: number; warningWeight?: number; levels?: string[] } = {}) {
  const model = modelOf(hosts, options.levels ?? LEVELS);
  const status = statusOf(model, hosts, rule);
  return { model, status, d: diagnose({ model, status, ...options }) };
}

const top = (d: Diagnosis): Candidate => {
  expect(d.candidates.length).toBeGreaterThan(0);
  return d.candidates[0];
};

/** The bad cells the rule marks, as model indices. */
function badCells(model: MatrixModel, status: Uint8Array, keep: (r: number, c: number) => boolean): number[] {
  const out: number[] = [];
  status.forEach((st, i) => {
    const r = Math.floor(i / model.cols.length);
    if ((st === Status.Breach || st === Status.Failed) && keep(r, i % model.cols.length)) {
      out.push(i);
    }
  });
  return out;
}

// 2 regions × 2 DCs × 3 ToRs × 2 hosts = 24 hosts; 552 pairs.
const H = hostsOf(2, 2, 3, 2);
const tor = (h: Host) => h.path[2];
const dc = (h: Host) => h.path[1];
const region = (h: Host) => h.path[0];

describe('healthy and scattered', () => {
  it('a healthy matrix has no diagnosis', () => {
    const { d } = run(H, () => false);
    expect(d).toEqual({ candidates: [], bad: 0, total: 24 * 23 });
  });

  it('warnings are not bad by default; with warningWeight they count at that weight', () => {
    expect(run(H, (s) => (s.name === 'h05' ? Status.Warning : Status.OK)).d.candidates).toEqual([]);
    // h05's row: over SLA to its own region (11 pairs), warnings to the other (12): 11 of 23 alone is no pattern.
    const mixed: Rule = (s, x) => (s.name === 'h05' ? (region(x) === 'r1' ? Status.Breach : Status.Warning) : false);
    expect(top(run(H, mixed).d).kind).toBe('none');
    const { d } = run(H, mixed, { warningWeight: 0.5 });
    expect(d.bad).toBe(17);
    expect(top(d)).toMatchObject({ kind: 'source', bad: 17, total: 23 });
    expect(top(d).text).toBe('Host h05 (source): 17 of 23 paths from it over SLA');
    expect(top(d).cells).toHaveLength(23);
  });

  it('scattered pairs: no common cause, all bad cells listed', () => {
    const scattered = new Set(['h01>h13', 'h07>h20', 'h15>h03', 'h22>h10', 'h11>h24']);
    const { d, model, status } = run(H, (s, x) => scattered.has(`${s.name}>${x.name}`));
    expect(d.candidates).toHaveLength(1);
    const c = top(d);
    expect(c.kind).toBe('none');
    expect(c.subject).toEqual({ level: -1, path: [] });
    expect(c.text).toMatch(/^No common cause: 5 scattered pairs over SLA \(densest: .*\)$/);
    expect([...c.cells]).toEqual(badCells(model, status, () => true));
    expect(c.explains).toBe(0);
  });

  it('one bad pair is no pattern: the pair is named', () => {
    const { d } = run(H, (s, x) => s.name === 'h02' && x.name === 'h17');
    expect(d.candidates).toHaveLength(1);
    expect(top(d)).toMatchObject({ kind: 'none', text: 'No common cause: 1 scattered pair over SLA: h02 → h17' });
  });

  it('minBad: fewer bad pairs than that, no diagnosis', () => {
    const { d } = run(H, (s) => s.name === 'h05', { minBad: 50 });
    expect(d.candidates).toEqual([]);
    expect(d.bad).toBe(23);
  });
});

describe('hosts', () => {
  it('a bad row: the host as source, with the exact wording and cells', () => {
    const { d, model, status } = run(H, (s) => s.name === 'h05');
    const c = top(d);
    expect(c).toMatchObject({
      kind: 'source',
      subject: { level: 3, path: ['r1', 'r1-dc1', 'r1-dc1-t3', 'h05'] },
      explains: 1,
      bad: 23,
      total: 23,
      confidence: 'high',
      text: 'Host h05 (source): 23 of 23 paths from it over SLA',
    });
    expect([...c.cells]).toEqual(badCells(model, status, (r) => r === 4));
    expect(d.candidates).toHaveLength(1);
  });

  it('a bad row with a few good pairs: still the host, "46 of 47"-style counts', () => {
    const { d } = run(H, (s, x) => s.name === 'h05' && x.name !== 'h09' && x.name !== 'h10');
    expect(top(d)).toMatchObject({ kind: 'source', bad: 21, total: 23, confidence: 'high' });
    expect(top(d).text).toBe('Host h05 (source): 21 of 23 paths from it over SLA');
  });

  it('a bad column: the host as destination', () => {
    const { d, model, status } = run(H, (_, x) => x.name === 'h18');
    const c = top(d);
    expect(c).toMatchObject({ kind: 'destination', subject: { level: 3, path: ['r2', 'r2-dc1', 'r2-dc1-t3', 'h18'] } });
    expect(c.text).toBe('Host h18 (destination): 23 of 23 paths to it over SLA');
    expect([...c.cells]).toEqual(badCells(model, status, (_, col) => col === 17));
  });

  it('row and column of one host: the host itself (kind group at host level)', () => {
    const { d } = run(H, (s, x) => s.name === 'h09' || x.name === 'h09');
    expect(top(d)).toMatchObject({ kind: 'group', subject: { level: 3 }, bad: 46, total: 46 });
    expect(top(d).text).toBe('Host h09: 46 of 46 paths to and from it over SLA — the host or its link');
  });

  it('failed probes are bad like breaches; no data is not', () => {
    const { d } = run(H, (s, x) => (s.name === 'h05' ? (x.name === 'h06' ? Status.NoData : Status.Failed) : false));
    expect(top(d)).toMatchObject({ kind: 'source', bad: 22, total: 22 });
  });
});

describe('groups at every level', () => {
  it('a cross at ToR level: the ToR itself', () => {
    const t = 'r1-dc2-t2';
    const { d, model, status } = run(H, (s, x) => tor(s) === t || tor(x) === t);
    const c = top(d);
    expect(c).toMatchObject({ kind: 'group', subject: { level: 2, path: ['r1', 'r1-dc2', t] }, confidence: 'high' });
    // 2 hosts × 23 × 2 − the 2 pairs counted twice between them.
    expect(c).toMatchObject({ bad: 90, total: 90, explains: 1 });
    expect(c.text).toBe(`ToR ${t}: 90 of 90 paths to and from its 2 hosts over SLA — the ToR itself (down or failing)`);
    const inT = (i: number) => tor(H[i]) === t;
    expect([...c.cells]).toEqual(badCells(model, status, (r, col) => inT(r) || inT(col)));
  });

  it('a cross at DC level: the DC itself', () => {
    const { d } = run(H, (s, x) => dc(s) === 'r2-dc2' || dc(x) === 'r2-dc2');
    expect(top(d)).toMatchObject({ kind: 'group', subject: { level: 1, path: ['r2', 'r2-dc2'] } });
    expect(top(d).text).toMatch(/^DC r2-dc2: \d+ of \d+ paths to and from its 6 hosts over SLA — the DC itself/);
  });

  it('a cross at region level: the region', () => {
    const H3 = hostsOf(3, 2, 3, 1);
    const { d } = run(H3, (s, x) => region(s) === 'r3' || region(x) === 'r3');
    expect(top(d)).toMatchObject({ kind: 'group', subject: { level: 0, path: ['r3'] } });
  });

  it('all rows of a ToR: the ToR as source side; all columns of a DC: destination side', () => {
    const src = run(H, (s) => tor(s) === 'r2-dc1-t1').d;
    expect(top(src)).toMatchObject({ kind: 'source', subject: { level: 2, path: ['r2', 'r2-dc1', 'r2-dc1-t1'] } });
    expect(top(src).text).toBe('ToR r2-dc1-t1 (source side): 46 of 46 paths from its 2 hosts over SLA');
    const dst = run(H, (_, x) => dc(x) === 'r1-dc1').d;
    expect(top(dst)).toMatchObject({ kind: 'destination', subject: { level: 1, path: ['r1', 'r1-dc1'] } });
    expect(top(dst).text).toBe('DC r1-dc1 (destination side): 138 of 138 paths to its 6 hosts over SLA');
  });
});

describe('the layer above', () => {
  it('spine loss in a DC: cross-ToR pairs inside it bad, intra-ToR fine → the DC', () => {
    const spine: Rule = (s, x) => dc(s) === 'r1-dc2' && dc(x) === 'r1-dc2' && tor(s) !== tor(x);
    const { d, model, status } = run(H, spine);
    const c = top(d);
    expect(c).toMatchObject({ kind: 'layer-above', subject: { level: 1, path: ['r1', 'r1-dc2'] }, bad: 24, total: 24 });
    expect(c.text).toBe(
      'DC r1-dc2: 24 of 24 paths between its ToRs over SLA, 0 of 6 inside them — the layer above the ToRs (spine / interconnect)'
    );
    expect([...c.cells]).toEqual(badCells(model, status, () => true));
    expect(c.confidence).toBe('high');
  });

  it('everything bad except the intra-DC diagonal → the layer above the DCs (whole matrix)', () => {
    const { d } = run(H, (s, x) => dc(s) !== dc(x));
    expect(top(d)).toMatchObject({ kind: 'layer-above', subject: { level: -1, path: [] } });
    expect(top(d).text).toMatch(/^All DCs: 432 of 432 paths between them over SLA, 0 of 120 inside them — the layer/);
  });

  it('a bad diagonal is not a layer above: the whole group is', () => {
    const { d } = run(H, (s, x) => dc(s) === 'r1-dc2' && dc(x) === 'r1-dc2');
    expect(top(d).kind).not.toBe('layer-above');
  });

  it('with two children only, the layer above is the link between them', () => {
    // Region r1 has two DCs: pairs between them are the link r1-dc1 ↔ r1-dc2.
    const { d } = run(H, (s, x) => region(s) === 'r1' && region(x) === 'r1' && dc(s) !== dc(x));
    expect(top(d)).toMatchObject({ kind: 'link', subject: { level: 1, path: ['r1', 'r1-dc1'] }, directed: false });
  });
});

describe('links', () => {
  it('a block both ways between two DCs: the link', () => {
    const pair = new Set(['r1-dc1', 'r2-dc2']);
    const { d, model, status } = run(H, (s, x) => dc(s) !== dc(x) && pair.has(dc(s)) && pair.has(dc(x)));
    const c = top(d);
    expect(c).toMatchObject({
      kind: 'link',
      subject: { level: 1, path: ['r1', 'r1-dc1'] },
      other: { level: 1, path: ['r2', 'r2-dc2'] },
      directed: false,
      bad: 72,
      total: 72,
      explains: 1,
    });
    expect(c.text).toBe('Link DC r1-dc1 ↔ r2-dc2: 72 of 72 paths between them over SLA (both ways)');
    expect([...c.cells]).toEqual(badCells(model, status, () => true));
  });

  it('one way only: a directed link, with the way back counted', () => {
    const { d } = run(H, (s, x) => tor(s) === 'r1-dc1-t1' && tor(x) === 'r2-dc1-t2');
    expect(top(d)).toMatchObject({
      kind: 'link',
      directed: true,
      subject: { level: 2, path: ['r1', 'r1-dc1', 'r1-dc1-t1'] },
      other: { level: 2, path: ['r2', 'r2-dc1', 'r2-dc1-t2'] },
    });
    expect(top(d).text).toBe(
      'Link ToR r1-dc1-t1 → r2-dc1-t2: 4 of 4 paths over SLA, this way only (0 of 4 the other way)'
    );
  });
});

describe('specificity and ranking', () => {
  it('a host alone in its ToR: the host, not the ToR (same pairs, the deeper subject)', () => {
    const hosts = [...H, { name: 'h99', path: ['r2', 'r2-dc2', 'r2-dc2-solo'] }];
    const { d } = run(hosts, (s) => s.name === 'h99');
    expect(top(d)).toMatchObject({
      kind: 'source',
      subject: { level: 3, path: ['r2', 'r2-dc2', 'r2-dc2-solo', 'h99'] },
    });
  });

  it('a host among noisy neighbours: the host, not its ToR', () => {
    // h03's row all bad; its ToR mate h04 has one bad pair.
    const { d } = run(H, (s, x) => s.name === 'h03' || (s.name === 'h04' && x.name === 'h20'));
    expect(top(d)).toMatchObject({ kind: 'source', subject: { level: 3 } });
    expect(top(d).subject.path[3]).toBe('h03');
  });

  it('two faults: ranked by what each explains, shares add up to at most 1', () => {
    const t = 'r1-dc1-t2';
    const { d } = run(H, (s, x) => tor(s) === t || tor(x) === t || x.name === 'h21');
    expect(d.candidates.map((c) => [c.kind, c.subject.path[c.subject.path.length - 1]])).toEqual([
      ['group', t],
      ['destination', 'h21'],
    ]);
    const [a, b] = d.candidates;
    expect(a.explains).toBeGreaterThan(b.explains);
    expect(a.explains + b.explains).toBeCloseTo(1, 10);
    // The second keeps its own counts (all 23 paths to h21), but explains only those the first left.
    expect(b).toMatchObject({ bad: 23, total: 23 });
    expect(b.explains).toBeCloseTo(21 / d.bad, 10);
  });

  it('a clean row among random noise: the host, though it explains < 30 %; the rest is said to be scattered', () => {
    const hosts = hostsOf(2, 2, 3, 10);
    const noisy = (rate: number): Rule => {
      let seed = 11;
      return (s) => s.name === 'h37' || ((seed = (seed * 1103515245 + 12345) >>> 0) & 0xffff) < 0xffff * rate;
    };
    const { d } = run(hosts, noisy(0.03));
    const [host, rest] = d.candidates;
    expect(host).toMatchObject({ kind: 'source', bad: 119, total: 119 });
    expect(host.explains).toBeLessThan(0.3);
    expect(rest.kind).toBe('none');
    expect(rest.text).toBe(`No common cause for the other ${d.bad - 119} pairs over SLA (scattered)`);
    expect(rest.cells.length + host.cells.length).toBe(d.bad);
    // Against a 20 % background the same row is not ten times denser than the rest: no pattern.
    expect(top(run(hosts, noisy(0.2)).d).kind).toBe('none');
  });

  it('is deterministic', () => {
    const rule: Rule = (s, x) => tor(s) === 'r2-dc1-t3' || (s.name === 'h01' && x.name === 'h12');
    const a = run(H, rule).d;
    const b = run(H, rule).d;
    expect(a).toEqual(b);
  });

  it('never blames the “unknown” group of hosts without topology', () => {
    const hosts = H.map((h, i) => (i >= 18 ? { ...h, path: ['unknown', 'unknown', 'unknown'] } : h));
    const { d } = run(hosts, (s, x) => s.path[0] === 'unknown' || x.path[0] === 'unknown');
    for (const c of d.candidates) {
      expect(c.subject.path[c.subject.path.length - 1]).not.toBe('unknown');
      expect(c.subject.level === 3 || c.kind === 'none' || c.subject.level === -1).toBe(true);
    }
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
    const { d } = run(
      S,
      sparse(() => false)
    );
    // 9 ToRs × 3 × 2 + 3 DCs × 3 × 2 + 3 × 2.
    expect(d).toEqual({ candidates: [], bad: 0, total: 54 + 18 + 6 });
  });

  it('a non-representative bad as source: "2 of 2 paths"', () => {
    const { d } = run(
      S,
      sparse((s) => s.name === 'h05')
    );
    expect(top(d)).toMatchObject({ kind: 'source', bad: 2, total: 2 });
    expect(top(d).text).toBe('Host h05 (source): 2 of 2 paths from it over SLA');
  });

  it('a DC link seen only through the DC representatives is named by the DCs', () => {
    const { d } = run(
      S,
      sparse((s, x) => [dc(s), dc(x)].sort().join() === 'r1-dc1,r1-dc3')
    );
    expect(top(d)).toMatchObject({ kind: 'link', directed: false, subject: { level: 1 }, other: { level: 1 } });
    expect(top(d).text).toBe('Link DC r1-dc1 ↔ r1-dc3: 2 of 2 paths between them over SLA (both ways)');
  });

  it('spine loss seen through the ToR representatives only', () => {
    const { d } = run(
      S,
      sparse((s, x) => dc(s) === 'r1-dc2' && dc(x) === 'r1-dc2' && tor(s) !== tor(x))
    );
    expect(top(d)).toMatchObject({ kind: 'layer-above', subject: { level: 1, path: ['r1', 'r1-dc2'] }, bad: 6 });
  });

  it('separate source and destination axes (agents vs targets)', () => {
    const agents = hostsOf(1, 1, 2, 3);
    const targets = agents.map((h) => ({ name: `ip-${h.name}`, path: h.path }));
    const model = modelOf(agents, LEVELS, targets);
    const status = statusOf(model, agents, (_, x) => x.name === 'ip-h02', targets);
    const d = diagnose({ model, status });
    expect(top(d)).toMatchObject({ kind: 'destination', subject: { level: 3, path: [...agents[1].path, 'ip-h02'] } });
    expect(d.total).toBe(36);
  });

  it('without grouping levels: hosts only', () => {
    const flat = H.map((h) => ({ name: h.name, path: [] }));
    const { d } = run(flat, (s) => s.name === 'h07', { levels: [] });
    expect(top(d)).toMatchObject({ kind: 'source', subject: { level: 0, path: ['h07'] } });
  });
});

describe('levels with more groups than the block counts take (RULES.linkGroups)', () => {
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
    expect(top(d)).toMatchObject({ kind: 'layer-above', subject: { level: 0, path: ['dc1'] } });
    expect(top(d).text).toMatch(/0 of 6 inside them/);
  });

  it('a ToR down at that level: its cross', () => {
    const { d } = run(hosts, (s, x) => s.path[1] === 'dc1-big' || x.path[1] === 'dc1-big', { levels });
    const n = 3 * 532 * 2 - 6;
    expect(top(d)).toMatchObject({ kind: 'group', subject: { level: 1, path: ['dc1', 'dc1-big'] }, bad: n, total: n });
  });
});

describe('silent agents', () => {
  it('a row with no data at all: "agent … reports nothing", after any breach candidate', () => {
    const { d, model } = run(H, (s) => (s.name === 'h11' ? Status.NoData : Status.OK));
    expect(d.bad).toBe(0);
    expect(d.candidates).toHaveLength(1);
    const c = top(d);
    expect(c).toMatchObject({ kind: 'source', subject: { level: 3 }, explains: 0, bad: 0, total: 23 });
    expect(c.text).toBe('Agent h11 reports nothing: none of its 23 paths has data');
    expect([...c.cells]).toEqual(
      Array.from({ length: 24 }, (_, col) => 10 * model.cols.length + col).filter((i) => i !== 10 * 24 + 10)
    );
  });

  it('stale rows are worded as stale', () => {
    const { d } = run(H, (s) => (s.name === 'h11' ? Status.Stale : s.name === 'h02'));
    expect(d.candidates.map((c) => c.text)).toEqual([
      'Host h02 (source): 23 of 23 paths from it over SLA',
      'Agent h11 reports nothing new: all 23 of its paths are stale',
    ]);
  });
});

describe('end to end: frames → buildMatrix → classifyModel → diagnose', () => {
  it('a slow source host under the per-scope SLA', () => {
    const hosts = hostsOf(1, 2, 2, 3);
    const specs: SeriesSpec[] = [];
    for (const s of hosts) {
      for (const x of hosts) {
        if (s !== x) {
          const labels = {
            src: s.name,
            dst: x.name,
            src_region: s.path[0],
            src_dc: s.path[1],
            src_tor: s.path[2],
            dst_region: x.path[0],
            dst_dc: x.path[1],
            dst_tor: x.path[2],
          };
          // Healthy: 0.2 ms inside a ToR, 0.8 ms across; h04 as source: 40 ms everywhere.
          specs.push({ labels, values: [s.name === 'h04' ? 40 : tor(s) === tor(x) ? 0.2 : 0.8] });
        }
      }
    }
    const result = buildMatrix({
      frames: [tableFrame(specs)],
      options: { ...DEFAULT_OPTIONS, preset: 'custom', inputUnit: 'ms', levels: 'region,dc,tor' },
      theme: createTheme(),
    });
    const model = result.model!;
    expect(model.levels).toEqual(['region', 'dc', 'tor']);
    const { status } = classifyModel(model, DEFAULT_SLA_CONFIG);
    const d = diagnose({ model, status });
    expect(top(d).text).toBe('Host h04 (source): 11 of 11 paths from it over SLA');
    expect(d.candidates).toHaveLength(1);
  });
});

describe('timing', () => {
  it('~1,000 hosts, four levels, a ToR down plus noise: well under a second (bench has the real target)', () => {
    // 3 regions × 2 DCs × 2 AZs × 4 ToRs × 21 hosts = 1,008 hosts, 1,016,064 cells.
    const hosts: Host[] = [];
    for (let r = 1; r <= 3; r++) {
      for (let d = 1; d <= 2; d++) {
        for (let a = 1; a <= 2; a++) {
          for (let t = 1; t <= 4; t++) {
            for (let h = 0; h < 21; h++) {
              const dcName = `r${r}-dc${d}`;
              const az = `${dcName}-az${a}`;
              hosts.push({
                name: `h${String(hosts.length + 1).padStart(4, '0')}`,
                path: [`r${r}`, dcName, az, `${az}-t${t}`],
              });
            }
          }
        }
      }
    }
    const levels = ['region', 'dc', 'az', 'tor'];
    const model = modelOf(hosts, levels);
    const down = 'r2-dc1-az2-t3';
    let seed = 7;
    const noise = () => ((seed = (seed * 1103515245 + 12345) >>> 0) & 0xffff) < 0xffff * 0.01;
    const status = statusOf(model, hosts, (s, x) => s.path[3] === down || x.path[3] === down || noise());
    const times: number[] = [];
    let d: Diagnosis | undefined;
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      d = diagnose({ model, status });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[3];
    console.log(`diagnose: ${hosts.length} hosts, median ${median.toFixed(1)} ms (min ${times[0].toFixed(1)} ms)`);
    expect(median).toBeLessThan(1000);
    expect(top(d!)).toMatchObject({ kind: 'group', subject: { level: 3 } });
    expect(top(d!).subject.path[3]).toBe(down);
  });
});
