// The oracle of the diagnosis evaluation: which pairs each true culprit and each candidate claims, read from the
// candidate's structure (names and group paths, as the user reads them) — not from the diagnosis' own code.
import { Candidate, Diagnosis } from '../../src/insight/diagnosis';
import { Status } from '../../src/model/sla';
import { MatrixModel } from '../../src/model/types';
import { Truth } from './faults';
import { MeshTopology } from './topology';

const judged = (st: number) => st === Status.OK || st >= Status.Warning;
const bad = (st: number) => st === Status.Breach || st === Status.Failed;
const silentState = (st: number) => st === Status.NoData || st === Status.Stale;

export interface Verdict {
  hit: boolean;
  /** Culprits the panel could name (enough bad pairs it can see, and topology when the culprit needs it). */
  detectable: number;
  /** Of those, named by a top-3 candidate. */
  named: number;
  /** Top-3 culprit candidates that claim pairs no true culprit explains. */
  falseCandidates: number;
  /** Any culprit line at all (not a 'none'). */
  culpritLines: number;
  why: string[];
}

/** Judge the top 3 candidates against the truths. */
export function judge(
  model: MatrixModel,
  status: Uint8Array,
  topo: MeshTopology,
  truths: Truth[],
  diagnosis: Diagnosis,
  topologyShown: boolean
): Verdict {
  const R = model.rows.length;
  const C = model.cols.length;
  const index = new Map<string, number>();
  topo.hosts.forEach((h, i) => {
    index.set(h.name, i);
    index.set(h.ip, i);
    index.set(h.node, i);
  });
  const rowHost = model.rows.map((n) => index.get(n) ?? -1);
  const colHost = model.cols.map((n) => index.get(n) ?? -1);
  const why: string[] = [];

  const cellsOf = (inside: (r: number, c: number) => boolean, keep: (st: number) => boolean): Set<number> => {
    const out = new Set<number>();
    for (let r = 0; r < R; r++) {
      for (let c = 0; c < C; c++) {
        const i = r * C + c;
        if (keep(status[i]) && inside(r, c)) {
          out.add(i);
        }
      }
    }
    return out;
  };
  const truthCells = truths.map((t) =>
    cellsOf(truthRegion(t, topo, rowHost, colHost), t.type === 'silent' ? silentState : judged)
  );
  // A culprit is detectable when the panel can see it: topology when it needs it, and enough bad pairs of its own —
  // not shared with another culprit (a slow host's paths to dead hosts are explained by the dead hosts).
  const detectable = truths.map((t, k) => {
    if (t.needsTopology && !topologyShown) {
      return false;
    }
    const own = [...truthCells[k]].filter((i) => truthCells.every((other, j) => j === k || !other.has(i)));
    return t.type === 'silent' ? own.length >= 2 : own.filter((i) => bad(status[i])).length >= 3;
  });

  // A candidate is true when (nearly) every pair it claims belongs to some true culprit; a culprit is named when the
  // true candidates together claim (nearly) all of its pairs — one candidate or several (a set of hosts named as two
  // sets, or a host and its rack when the rack's other host only ever probed it).
  const top = diagnosis.candidates.filter((c) => c.kind !== 'none').slice(0, 3);
  const claimed = new Set<number>();
  const inSomeTruth = new Set<number>();
  truthCells.forEach((cells) => cells.forEach((i) => inSomeTruth.add(i)));
  let falseCandidates = 0;
  for (const c of top) {
    const cells = cellsOf(candidateRegion(c, model), c.kind === 'silent' ? silentState : judged);
    let outside = 0;
    cells.forEach((i) => inSomeTruth.has(i) || outside++);
    if (cells.size === 0 || outside > 0.1 * cells.size) {
      falseCandidates++;
      why.push(
        `false: ${c.kind}/${c.role ?? ''} ${(c.hosts ?? c.subject?.path ?? []).join(',')} (${outside} of ${cells.size} cells outside the truth)`
      );
    } else {
      cells.forEach((i) => claimed.add(i));
    }
  }
  const named = new Set<number>();
  truthCells.forEach((cells, k) => {
    if (cells.size > 0 && overlap(cells, claimed) >= 0.9 * cells.size) {
      named.add(k);
    }
  });
  let detectableCount = 0;
  let namedCount = 0;
  truths.forEach((t, k) => {
    if (detectable[k]) {
      detectableCount++;
      if (named.has(k)) {
        namedCount++;
      } else {
        why.push(`missed: ${t.label}`);
      }
    }
  });
  const culpritLines = diagnosis.candidates.filter((c) => c.kind !== 'none').length;
  const healthy = truths.length === 0;
  const hit = healthy ? culpritLines === 0 : falseCandidates === 0 && namedCount === detectableCount;
  return { hit, detectable: detectableCount, named: namedCount, falseCandidates, culpritLines, why };
}

function overlap(a: Set<number>, b: Set<number>): number {
  let n = 0;
  a.forEach((i) => b.has(i) && n++);
  return n;
}

function truthRegion(
  t: Truth,
  topo: MeshTopology,
  rowHost: number[],
  colHost: number[]
): (r: number, c: number) => boolean {
  const set = (xs: number[] | undefined) => new Set(xs ?? []);
  switch (t.type) {
    case 'hosts': {
      const S = set(t.hosts);
      return t.role === 'source'
        ? (r) => S.has(rowHost[r])
        : t.role === 'destination'
          ? (_, c) => S.has(colHost[c])
          : (r, c) => S.has(rowHost[r]) || S.has(colHost[c]);
    }
    case 'silent': {
      const S = set(t.hosts);
      return (r) => S.has(rowHost[r]);
    }
    case 'link': {
      const A = set(t.a);
      const B = set(t.b);
      return (r, c) =>
        (A.has(rowHost[r]) && B.has(colHost[c])) || (!t.directed && B.has(rowHost[r]) && A.has(colHost[c]));
    }
    case 'layer': {
      const G = set(t.group);
      const k = t.childLevel ?? 0;
      const child = (h: number) => topo.hosts[h].path.slice(0, k + 1).join('/');
      return (r, c) => {
        const s = rowHost[r];
        const d = colHost[c];
        return G.has(s) && G.has(d) && child(s) !== child(d);
      };
    }
  }
}

/** The pairs a candidate claims, from its names and group paths as the panel shows them. */
export function candidateRegion(c: Candidate, model: MatrixModel): (r: number, c: number) => boolean {
  const within = (path: string[] | undefined, prefix: string[]) => !!path && prefix.every((p, i) => path[i] === p);
  const rowIn = (prefix: string[]) => model.rowPaths.map((p) => within(p, prefix));
  const colIn = (prefix: string[]) => model.colPaths.map((p) => within(p, prefix));
  switch (c.kind) {
    case 'hosts':
    case 'silent': {
      const S = new Set(c.hosts ?? []);
      const rows = model.rows.map((h) => S.has(h));
      const cols = model.cols.map((h) => S.has(h));
      if (c.kind === 'silent' || c.role === 'source') {
        return (r) => rows[r];
      }
      return c.role === 'destination' ? (_, k) => cols[k] : (r, k) => rows[r] || cols[k];
    }
    case 'group': {
      const rows = rowIn(c.subject!.path);
      const cols = colIn(c.subject!.path);
      return c.role === 'source'
        ? (r) => rows[r]
        : c.role === 'destination'
          ? (_, k) => cols[k]
          : (r, k) => rows[r] || cols[k];
    }
    case 'layer-above': {
      const rows = rowIn(c.subject!.path);
      const cols = colIn(c.subject!.path);
      const k = c.childLevel ?? 0;
      const key = (p: string[]) => p.slice(0, k + 1).join('\u001f');
      return (r, col) => rows[r] && cols[col] && key(model.rowPaths[r]) !== key(model.colPaths[col]);
    }
    case 'link': {
      const a = { rows: rowIn(c.subject!.path), cols: colIn(c.subject!.path) };
      const b = { rows: rowIn(c.other!.path), cols: colIn(c.other!.path) };
      return (r, k) => (a.rows[r] && b.cols[k]) || (!c.directed && b.rows[r] && a.cols[k]);
    }
    case 'all':
      return () => true;
    case 'none':
      return () => false;
  }
}
