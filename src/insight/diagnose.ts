/**
 * Pattern diagnosis of the current matrix: which host, group or link most of the pairs over SLA point at, in one line
 * for the on-call engineer, with the cells involved. Rules over breach ratios of rows, columns, crosses and blocks at
 * every grouping level (see README.md in this folder); no learning, no randomness. Pure: no React, no DOM.
 */
import { t } from '@grafana/i18n';

import { RAW } from '../i18nText';
import { Status } from '../model/sla';
import { UNKNOWN_GROUP } from '../model/topology';
import { MatrixModel } from '../model/types';

// Status codes as plain numbers: hot loops then read module locals, not an import binding (a getter once bundled).
const OK: number = Status.OK;
const NO_DATA: number = Status.NoData;
const STALE: number = Status.Stale;
const INVALID: number = Status.Invalid;
const WARNING: number = Status.Warning;
const BREACH: number = Status.Breach;
const FAILED: number = Status.Failed;

export type CulpritKind = 'source' | 'destination' | 'group' | 'layer-above' | 'link' | 'none';

/**
 * A host or a group: a group at level `l` has `path` = its value at every level down to `l` (level = path length - 1);
 * a host has level = levels.length and path = [...its groups, host]; the whole matrix has level -1 and path [].
 */
export interface Subject {
  level: number;
  path: string[];
}

export interface Candidate {
  kind: CulpritKind;
  subject: Subject;
  /** The second group of a 'link'. */
  other?: Subject;
  /** 'link' only: true when just subject → other is bad (the way back is fine), false for both ways. */
  directed?: boolean;
  /**
   * Share of all bad pairs this candidate explains (0..1), counting only bad pairs no better-ranked candidate already
   * explained (so the shares of a diagnosis add up to at most 1).
   */
  explains: number;
  /** Bad pairs among the candidate's own judged pairs, and how many it has (46 of 47). */
  bad: number;
  total: number;
  confidence: 'high' | 'medium' | 'low';
  /** One line for the on-call engineer: "Host h017 (source): 46 of 47 paths from it over SLA". */
  text: string;
  /** The bad model cells (row * cols + col) the candidate covers, ascending, for highlighting. */
  cells: Uint32Array;
}

export interface Diagnosis {
  /** Best first; empty when nothing is over SLA (and no agent is silent). */
  candidates: Candidate[];
  /** Bad pairs in the matrix (Warning pairs add `warningWeight` each). */
  bad: number;
  /** Judged pairs: OK, Warning, over SLA or failed. Self, not probed, no data, stale and invalid are not counted. */
  total: number;
}

export interface DiagnoseInput {
  model: MatrixModel;
  /** Status per model cell (Classified.status). */
  status: Uint8Array;
  /** Fewer bad pairs than this: no breach diagnosis. Default 1. */
  minBad?: number;
  /** What a Warning pair counts as (0..1); default 0: only over-SLA and failed pairs are bad. */
  warningWeight?: number;
  /** At most this many breach candidates (each explaining what the ones before left). Default 3. */
  maxCandidates?: number;
}

/** The thresholds of the rules, in one place (README.md explains each). */
export const RULES = {
  /** A candidate must explain this share of the bad pairs… */
  minShare: 0.3,
  /**
   * …or be a clean pattern: at least cleanPurity of its pairs bad, at least cleanBad of them, and at least cleanLift
   * times denser than the rest of the matrix (a bad host's row among 1 % random noise at 1,000 hosts explains < 10 %).
   */
  cleanPurity: 0.9,
  cleanBad: 5,
  cleanLift: 10,
  /** Share of a candidate's own pairs that must be bad. */
  minPurity: 0.6,
  /** Layer above: share of the pairs inside the child groups that must be fine. */
  minInsideFine: 0.6,
  /** Bad pairs a candidate must explain: one pair is no pattern. */
  minPairs: 2,
  /**
   * Near-equal: a score within this factor of the best. A smaller near-equal candidate that is purer than the best
   * and explains at least nearExplains of its bad pairs is more specific, and wins.
   */
  nearEqual: 0.95,
  nearExplains: 0.95,
  /** Group × group counts (links) only at levels with at most this many groups. */
  linkGroups: 512,
  /** Bad pairs left unexplained after the patterns, as a share of all: listed as a trailing 'none' from this share. */
  restShare: 0.2,
  /** Silent agents listed at most. */
  maxSilent: 3,
} as const;

// ---------------------------------------------------------------------------------------------------------------------
// Groups

interface Axes {
  R: number;
  C: number;
  L: number;
  rows: string[];
  cols: string[];
  rowPaths: string[][];
  colPaths: string[][];
  levels: string[];
  /** Group id per level of every row / column host; ids are per path prefix, shared by both axes. */
  rowG: Int32Array[];
  colG: Int32Array[];
  /** Per level: each group's path (length level + 1). */
  paths: string[][][];
  /** up[k][l][a]: the level-l ancestor of level-k group a (l < k). */
  up: Int32Array[][];
  /** Hosts per group (both axes, each host once). */
  hosts: Uint32Array[];
  /** Column of each row's host (-1 when not on the column axis). */
  colOfRow: Int32Array;
  /** Deepest level with group × group counts (links at it and above), -1 for none. */
  linkLevel: number;
}

function indexAxes(model: MatrixModel): Axes {
  const { rows, cols, rowPaths, colPaths, levels } = model;
  const R = rows.length;
  const C = cols.length;
  const L = levels.length;
  const shared = rows === cols;
  const maps = levels.map(() => new Map<string, number>());
  const paths: string[][][] = levels.map(() => []);
  const parent: number[][] = levels.map(() => []);
  const hostCount: number[][] = levels.map(() => []);
  const idsOf = (p: string[] | undefined, out: Int32Array[], h: number, count: boolean) => {
    let key = '';
    let prev = -1;
    for (let l = 0; l < L; l++) {
      const name = p?.[l] ?? UNKNOWN_GROUP;
      key = l === 0 ? name : `${key}\u001f${name}`;
      let id = maps[l].get(key);
      if (id === undefined) {
        id = paths[l].length;
        maps[l].set(key, id);
        paths[l].push(l === 0 ? [name] : [...paths[l - 1][prev], name]);
        parent[l].push(prev);
        hostCount[l].push(0);
      }
      if (count) {
        hostCount[l][id]++;
      }
      out[l][h] = id;
      prev = id;
    }
  };
  const rowG = levels.map(() => new Int32Array(R));
  rowPaths.forEach((p, r) => idsOf(p, rowG, r, true));
  let colG = rowG;
  const colOfRow = new Int32Array(R).fill(-1);
  if (shared) {
    for (let r = 0; r < R; r++) {
      colOfRow[r] = r;
    }
  } else {
    colG = levels.map(() => new Int32Array(C));
    const rowOf = new Map(rows.map((h, r) => [h, r]));
    colPaths.forEach((p, c) => {
      const r = rowOf.get(cols[c]);
      if (r !== undefined) {
        colOfRow[r] = c;
      }
      idsOf(p, colG, c, r === undefined);
    });
  }
  const up: Int32Array[][] = levels.map((_, k) => {
    const out: Int32Array[] = [];
    for (let l = k - 1; l >= 0; l--) {
      const below = l === k - 1 ? Int32Array.from(parent[k]) : out[l + 1].map((a) => parent[l + 1][a]);
      out[l] = below;
    }
    return out;
  });
  let linkLevel = -1;
  while (linkLevel + 1 < L && paths[linkLevel + 1].length <= RULES.linkGroups) {
    linkLevel++;
  }
  return {
    R,
    C,
    L,
    rows,
    cols,
    rowPaths,
    colPaths,
    levels,
    rowG,
    colG,
    paths,
    up,
    hosts: hostCount.map((c) => Uint32Array.from(c)),
    colOfRow,
    linkLevel,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Accumulators: one pass over the cells fills every sum the rules need.

interface Counts {
  row: Float64Array;
  col: Float64Array;
  /** The cell (r, column of r's host): subtracted once from a host's row + column. */
  self: Float64Array;
  /** Per level: pairs with both hosts in the group. */
  inside: Float64Array[];
  all: number;
  /** Per level 0..linkLevel: G × G pairs from group a to group b. */
  links: Float64Array[];
}

function emptyCounts(ax: Axes): Counts {
  const G = ax.linkLevel >= 0 ? ax.paths[ax.linkLevel].length : 0;
  return {
    row: new Float64Array(ax.R),
    col: new Float64Array(ax.C),
    self: new Float64Array(ax.R),
    inside: ax.paths.map((p) => new Float64Array(p.length)),
    all: 0,
    links: ax.linkLevel >= 0 ? [new Float64Array(G * G)] : [],
  };
}

const copyCounts = (c: Counts): Counts => ({
  row: c.row.slice(),
  col: c.col.slice(),
  self: c.self.slice(),
  inside: c.inside.map((x) => x.slice()),
  all: c.all,
  links: c.links.map((x) => x.slice()),
});

/**
 * After the pass: the link matrix (filled at the link level only, in slot 0) folded up to every coarser level, and the
 * inside sums of those levels read off their diagonals.
 */
function foldLinks(ax: Axes, counts: Counts): void {
  const { linkLevel } = ax;
  if (linkLevel < 0) {
    return;
  }
  const fine = counts.links[0];
  const G = ax.paths[linkLevel].length;
  const links: Float64Array[] = [];
  links[linkLevel] = fine;
  for (let l = linkLevel - 1; l >= 0; l--) {
    const g = ax.paths[l].length;
    const map = ax.up[linkLevel][l];
    const out = new Float64Array(g * g);
    for (let a = 0; a < G; a++) {
      const base = map[a] * g;
      for (let b = 0; b < G; b++) {
        out[base + map[b]] += fine[a * G + b];
      }
    }
    links[l] = out;
  }
  for (let l = 0; l <= linkLevel; l++) {
    const g = ax.paths[l].length;
    for (let a = 0; a < g; a++) {
      counts.inside[l][a] = links[l][a * g + a];
    }
  }
  counts.links = links;
}

interface Pass {
  /** Judged pairs (OK, Warning, over SLA, failed). */
  n: Counts;
  /** Bad pairs, weighted. */
  b: Counts;
  /** Indices of the bad cells, ascending. */
  badCells: Uint32Array;
  /** Per row: cells with no data, stale, and anything measured (judged or invalid). */
  noData: Uint32Array;
  stale: Uint32Array;
  measured: Uint32Array;
}

/**
 * The one pass over the cells. Per cell: a status histogram, and for judged cells the row, column and link-level
 * block sums; sums inside groups deeper than the link level only for pairs that share the link-level group. Every
 * other sum (groups, coarser blocks, inside coarser groups) is folded from these. O(cells).
 */
function accumulate(ax: Axes, status: Uint8Array, weight: Float64Array): Pass {
  const { R, C, L, rowG, colG, colOfRow, linkLevel } = ax;
  const n = emptyCounts(ax);
  const b = emptyCounts(ax);
  const G = linkLevel >= 0 ? ax.paths[linkLevel].length : 0;
  const nLink = n.links[0];
  const bLink = b.links[0];
  const linkCol = linkLevel >= 0 ? colG[linkLevel] : new Int32Array(C);
  const linkRow = linkLevel >= 0 ? rowG[linkLevel] : new Int32Array(R);
  // Levels whose inside sums are counted cell by cell: the ones below the link level.
  const deep = linkLevel + 1;
  const rg = new Int32Array(L);
  const hist = new Uint32Array(256);
  const noData = new Uint32Array(R);
  const stale = new Uint32Array(R);
  const measured = new Uint32Array(R);
  const bad: number[] = [];
  for (let r = 0; r < R; r++) {
    for (let l = 0; l < L; l++) {
      rg[l] = rowG[l][r];
    }
    const lr = linkRow[r];
    const linkBase = lr * G;
    const base = r * C;
    hist.fill(0, 0, 16);
    let nSum = 0;
    let bSum = 0;
    for (let c = 0; c < C; c++) {
      const st = status[base + c];
      hist[st]++;
      if (st < WARNING && st !== OK) {
        continue;
      }
      const x = weight[st];
      nSum++;
      n.col[c]++;
      if (G > 0) {
        nLink[linkBase + linkCol[c]]++;
      }
      if (x > 0) {
        bSum += x;
        b.col[c] += x;
        bad.push(base + c);
        if (G > 0) {
          bLink[linkBase + linkCol[c]] += x;
        }
      }
      if (deep < L && (G === 0 || linkCol[c] === lr)) {
        for (let l = deep; l < L; l++) {
          const g = rg[l];
          if (colG[l][c] !== g) {
            break;
          }
          n.inside[l][g]++;
          if (x > 0) {
            b.inside[l][g] += x;
          }
        }
      }
    }
    n.row[r] = nSum;
    b.row[r] = bSum;
    n.all += nSum;
    b.all += bSum;
    const sc = colOfRow[r];
    if (sc >= 0) {
      const st = status[base + sc];
      const judged = st === OK || st >= WARNING;
      n.self[r] = judged ? 1 : 0;
      b.self[r] = judged ? weight[st] : 0;
    }
    noData[r] = hist[NO_DATA];
    stale[r] = hist[STALE];
    measured[r] = hist[OK] + hist[INVALID] + hist[WARNING] + hist[BREACH] + hist[FAILED];
  }
  foldLinks(ax, n);
  foldLinks(ax, b);
  return { n, b, badCells: Uint32Array.from(bad), noData, stale, measured };
}

/** Takes cell (r, c) of weight x out of the counts (it has been explained). O(levels). */
function subtract(ax: Axes, counts: Counts, r: number, c: number, x: number): void {
  const { L, rowG, colG } = ax;
  counts.row[r] -= x;
  counts.col[c] -= x;
  counts.all -= x;
  if (ax.colOfRow[r] === c) {
    counts.self[r] -= x;
  }
  for (let l = 0; l < L; l++) {
    const a = rowG[l][r];
    const b = colG[l][c];
    if (l <= ax.linkLevel) {
      counts.links[l][a * ax.paths[l].length + b] -= x;
    }
    if (a === b) {
      counts.inside[l][a] -= x;
    }
  }
}

/** Per level and group: the sums of its hosts' rows (as sources) and columns (as destinations). */
function groupSums(ax: Axes, counts: Counts) {
  const src = ax.paths.map((p) => new Float64Array(p.length));
  const dst = ax.paths.map((p) => new Float64Array(p.length));
  for (let l = 0; l < ax.L; l++) {
    for (let r = 0; r < ax.R; r++) {
      src[l][ax.rowG[l][r]] += counts.row[r];
    }
    for (let c = 0; c < ax.C; c++) {
      dst[l][ax.colG[l][c]] += counts.col[c];
    }
  }
  return { src, dst };
}

// ---------------------------------------------------------------------------------------------------------------------
// Candidates

/** A candidate before it has words and cells: which set of pairs, and its counts. */
interface Raw {
  kind: Exclude<CulpritKind, 'none'>;
  /** Subject level: -1 the whole matrix, 0..L-1 a group, L a host. */
  level: number;
  /** Group id at `level`; for hosts the row ('source', 'group') or column ('destination') index. */
  id: number;
  /** 'link': the other group; 'layer-above': the level of the groups inside which pairs are fine. */
  other: number;
  directed: boolean;
  /** Judged pairs, bad pairs, bad pairs not yet explained. */
  n: number;
  b: number;
  res: number;
  /** Layer above: judged and bad pairs inside the child groups. */
  insideN: number;
  insideB: number;
  score: number;
}

const KIND_ORDER: Record<Raw['kind'], number> = {
  source: 0,
  destination: 1,
  group: 2,
  link: 3,
  'layer-above': 4,
};

class Sink {
  accepted: Raw[] = [];
  /** Best score that fell short (the whole matrix aside), for the confidence of a 'none'. */
  rejectedScore = 0;
  /** The densest pattern that fell short (highest share of its own pairs bad), for the words of a 'none'. */
  densest?: Raw;

  constructor(
    private readonly bad: number,
    /** Bad pairs not yet explained by earlier candidates, and all judged pairs. */
    private readonly remaining: number,
    private readonly total: number,
    private readonly skip: (level: number, id: number) => boolean
  ) {}

  consider(
    kind: Raw['kind'],
    level: number,
    id: number,
    other: number,
    directed: boolean,
    n: number,
    b: number,
    res: number,
    insideN = 0,
    insideB = 0
  ) {
    if (n <= 0 || res <= 0 || this.skip(level, id) || (kind === 'link' && this.skip(level, other))) {
      return;
    }
    const explains = res / this.bad;
    const purity = b / n;
    const insideFine = insideN > 0 ? 1 - insideB / insideN : 1;
    const score = explains * purity * purity * insideFine;
    // Unexplained bad share outside the candidate: the background it must stand out from.
    const outside = this.total > n ? Math.max(0, this.remaining - res) / (this.total - n) : 0;
    const ok =
      res >= RULES.minPairs &&
      purity >= RULES.minPurity &&
      insideFine >= RULES.minInsideFine &&
      (explains >= RULES.minShare ||
        (purity >= RULES.cleanPurity && res >= RULES.cleanBad && purity >= RULES.cleanLift * outside));
    if (ok) {
      this.accepted.push({ kind, level, id, other, directed, n, b, res, insideN, insideB, score });
      return;
    }
    if (level < 0) {
      return;
    }
    this.rejectedScore = Math.max(this.rejectedScore, score);
    const d = this.densest;
    if (res >= RULES.minPairs && (!d || purity > d.b / d.n || (purity === d.b / d.n && res > d.res))) {
      this.densest = { kind, level, id, other, directed, n, b, res, insideN, insideB, score };
    }
  }
}

/** Every candidate of every rule at every level, scored into the sink. O(hosts · levels + groups² at link levels). */
function enumerate(ax: Axes, n: Counts, b: Counts, res: Counts, sink: Sink): void {
  const { R, C, L, colOfRow } = ax;
  // Hosts: a row (source), a column (destination), both (the host or its link).
  for (let r = 0; r < R; r++) {
    sink.consider('source', L, r, -1, false, n.row[r], b.row[r], res.row[r]);
  }
  for (let c = 0; c < C; c++) {
    sink.consider('destination', L, c, -1, false, n.col[c], b.col[c], res.col[c]);
  }
  for (let r = 0; r < R; r++) {
    const c = colOfRow[r];
    if (c >= 0) {
      const both = (x: Counts) => x.row[r] + x.col[c] - x.self[r];
      sink.consider('group', L, r, -1, false, both(n), both(b), both(res));
    }
  }
  // Groups: their rows, their columns, the cross of both.
  const nS = groupSums(ax, n);
  const bS = groupSums(ax, b);
  const rS = groupSums(ax, res);
  for (let l = 0; l < L; l++) {
    for (let g = 0; g < ax.paths[l].length; g++) {
      sink.consider('source', l, g, -1, false, nS.src[l][g], bS.src[l][g], rS.src[l][g]);
      sink.consider('destination', l, g, -1, false, nS.dst[l][g], bS.dst[l][g], rS.dst[l][g]);
      const cross = (s: typeof nS, x: Counts) => s.src[l][g] + s.dst[l][g] - x.inside[l][g];
      sink.consider('group', l, g, -1, false, cross(nS, n), cross(bS, b), cross(rS, res));
    }
  }
  sink.consider('group', -1, 0, -1, false, n.all, b.all, res.all);
  // Layer above: pairs inside G between its level-k groups bad, pairs inside each level-k group fine. G = the whole
  // matrix (l = -1) or a group; k any deeper group level. Two children only: that is the link between them.
  for (let l = -1; l < L - 1; l++) {
    const G = l < 0 ? 1 : ax.paths[l].length;
    for (let k = l + 1; k < L; k++) {
      const children = new Uint32Array(G);
      const inN = new Float64Array(G);
      const inB = new Float64Array(G);
      const inR = new Float64Array(G);
      const map = l < 0 ? undefined : ax.up[k][l];
      for (let a = 0; a < ax.paths[k].length; a++) {
        const g = map ? map[a] : 0;
        children[g]++;
        inN[g] += n.inside[k][a];
        inB[g] += b.inside[k][a];
        inR[g] += res.inside[k][a];
      }
      for (let g = 0; g < G; g++) {
        if (children[g] < 3) {
          continue;
        }
        const within = (x: Counts) => (l < 0 ? x.all : x.inside[l][g]);
        sink.consider(
          'layer-above',
          l,
          g,
          k,
          false,
          within(n) - inN[g],
          within(b) - inB[g],
          within(res) - inR[g],
          inN[g],
          inB[g]
        );
      }
    }
  }
  // Links: the block between two groups of one level, both ways or one way.
  for (let l = 0; l <= ax.linkLevel; l++) {
    const g = ax.paths[l].length;
    const mN = n.links[l];
    const mB = b.links[l];
    const mR = res.links[l];
    for (let x = 0; x < g; x++) {
      for (let y = 0; y < g; y++) {
        if (x === y) {
          continue;
        }
        const xy = x * g + y;
        const yx = y * g + x;
        sink.consider('link', l, x, y, true, mN[xy], mB[xy], mR[xy]);
        if (x < y) {
          sink.consider('link', l, x, y, false, mN[xy] + mN[yx], mB[xy] + mB[yx], mR[xy] + mR[yx]);
        }
      }
    }
  }
}

/**
 * The best accepted candidate: the highest score, unless a more specific one is as good — among near-equal scores,
 * the smallest candidate (fewest pairs) that is purer than the best and explains nearly as much (a host's row inside
 * its ToR's noisy rows), or the same pairs exactly. Same pairs exactly → the deeper subject (a host before its
 * one-host ToR), except links: those are named by the coarser groups, since with Pingmesh's three-level probing
 * cross-group pairs are probes between representatives that stand for the coarser groups.
 */
function pickBest(accepted: Raw[]): Raw | undefined {
  let best: Raw | undefined;
  for (const c of accepted) {
    if (!best || c.score > best.score) {
      best = c;
    }
  }
  if (!best) {
    return undefined;
  }
  const top = best;
  const purity = top.b / top.n;
  const near = accepted.filter(
    (c) =>
      (c.n === top.n && c.b === top.b) ||
      (c.score >= top.score * RULES.nearEqual &&
        c.n < top.n &&
        c.b / c.n > purity &&
        c.res >= top.res * RULES.nearExplains)
  );
  near.sort((p, q) => {
    if (p.n !== q.n) {
      return p.n - q.n;
    }
    if (p.b !== q.b) {
      return q.b - p.b;
    }
    if (p.level !== q.level) {
      return p.kind === 'link' && q.kind === 'link' ? p.level - q.level : q.level - p.level;
    }
    if (p.kind !== q.kind) {
      return KIND_ORDER[p.kind] - KIND_ORDER[q.kind];
    }
    return q.other - p.other || p.id - q.id;
  });
  return near[0];
}

/** Does the candidate's pair set hold cell (r, c)? */
function member(ax: Axes, raw: Raw): (r: number, c: number) => boolean {
  const { L, rowG, colG } = ax;
  const { level: l, id } = raw;
  if (l === L) {
    const c0 = ax.colOfRow[id];
    return raw.kind === 'source'
      ? (r) => r === id
      : raw.kind === 'destination'
        ? (_, c) => c === id
        : (r, c) => r === id || c === c0;
  }
  if (raw.kind === 'layer-above') {
    const k = raw.other;
    return l < 0
      ? (r, c) => rowG[k][r] !== colG[k][c]
      : (r, c) => rowG[l][r] === id && colG[l][c] === id && rowG[k][r] !== colG[k][c];
  }
  if (l < 0) {
    return () => true;
  }
  const rg = rowG[l];
  const cg = colG[l];
  const o = raw.other;
  switch (raw.kind) {
    case 'source':
      return (r) => rg[r] === id;
    case 'destination':
      return (_, c) => cg[c] === id;
    case 'group':
      return (r, c) => rg[r] === id || cg[c] === id;
    case 'link':
      return raw.directed
        ? (r, c) => rg[r] === id && cg[c] === o
        : (r, c) => (rg[r] === id && cg[c] === o) || (rg[r] === o && cg[c] === id);
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Words

/** A known level's word in the user's language ("ToR", "DC"); any other level name is data, shown as it is. */
function levelWord(name: string): string {
  switch (name.toLowerCase()) {
    case 'region':
      return t('diagnosis.level.region', 'region');
    case 'dc':
      return t('diagnosis.level.dc', 'DC');
    case 'az':
      return t('diagnosis.level.az', 'AZ');
    case 'zone':
      return t('diagnosis.level.zone', 'zone');
    case 'tor':
      return t('diagnosis.level.tor', 'ToR');
    case 'rack':
      return t('diagnosis.level.rack', 'rack');
    case 'pod':
      return t('diagnosis.level.pod', 'pod');
    case 'podset':
      return t('diagnosis.level.podset', 'podset');
    case 'cluster':
      return t('diagnosis.level.cluster', 'cluster');
    case 'node':
      return t('diagnosis.level.node', 'node');
    case 'host':
      return t('diagnosis.level.host', 'host');
    default:
      return name;
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/**
 * The words of the candidates. Every line is one whole sentence with placeholders (a translation orders them its own
 * way); placeholders: `level` the level word as is, `Level` capitalised (English sentence starts), `name` the group,
 * `kid` the level of the groups inside (English adds the plural "s" in the sentence), `bad` / `total` the counts.
 */
class Words {
  private readonly ambiguous: Array<Set<string>>;

  constructor(private readonly ax: Axes) {
    // A group's own name when it is unique at its level (r1-dc1-az1-tor2), else its path (dc1/az1/tor2).
    this.ambiguous = ax.paths.map((ps) => {
      const seen = new Set<string>();
      const twice = new Set<string>();
      for (const p of ps) {
        const name = p[p.length - 1];
        (seen.has(name) ? twice : seen).add(name);
      }
      return twice;
    });
  }

  level(l: number): string {
    return l >= this.ax.L ? levelWord('host') : levelWord(this.ax.levels[l]);
  }

  group(l: number, id: number): string {
    const p = this.ax.paths[l][id];
    const name = p[p.length - 1];
    return this.ambiguous[l].has(name) ? p.join('/') : name;
  }

  host(raw: Raw): string {
    return raw.kind === 'destination' ? this.ax.cols[raw.id] : this.ax.rows[raw.id];
  }

  subject(raw: Raw): Subject {
    const { ax } = this;
    if (raw.level < 0) {
      return { level: -1, path: [] };
    }
    if (raw.level === ax.L) {
      const path = raw.kind === 'destination' ? ax.colPaths[raw.id] : ax.rowPaths[raw.id];
      return { level: ax.L, path: [...path.slice(0, ax.L), this.host(raw)] };
    }
    return { level: raw.level, path: [...ax.paths[raw.level][raw.id]] };
  }

  /** Short name of a pattern that fell short, for the words of a 'none'. */
  short(raw: Raw): string {
    const { L } = this.ax;
    if (raw.kind === 'link') {
      return t('diagnosis.short.link', 'link {{level}} {{from}} {{arrow}} {{to}}', { ...this.link(raw), ...RAW });
    }
    if (raw.kind === 'layer-above') {
      const kid = this.level(raw.other);
      return raw.level < 0
        ? t('diagnosis.short.layer-above-all', 'the layer above the {{kid}}s', { kid, ...RAW })
        : t('diagnosis.short.layer-above', '{{level}} {{name}}: the layer above its {{kid}}s', {
            ...this.named(raw),
            kid,
            ...RAW,
          });
    }
    if (raw.level === L) {
      const host = this.host(raw);
      switch (raw.kind) {
        case 'source':
          return t('diagnosis.short.host-source', 'host {{host}} as source', { host, ...RAW });
        case 'destination':
          return t('diagnosis.short.host-destination', 'host {{host}} as destination', { host, ...RAW });
        default:
          return t('diagnosis.short.host', 'host {{host}}', { host, ...RAW });
      }
    }
    if (raw.level < 0) {
      // The whole matrix is only ever a 'group' (or 'layer-above', above).
      return t('diagnosis.short.every-group', 'every group');
    }
    const named = { ...this.named(raw), ...RAW };
    switch (raw.kind) {
      case 'source':
        return t('diagnosis.short.group-source', '{{level}} {{name}} as source', named);
      case 'destination':
        return t('diagnosis.short.group-destination', '{{level}} {{name}} as destination', named);
      default:
        return t('diagnosis.short.group', '{{level}} {{name}}', named);
    }
  }

  private named(raw: Raw) {
    return { level: this.level(raw.level), name: this.group(raw.level, raw.id) };
  }

  private link(raw: Raw) {
    return {
      level: this.level(raw.level),
      from: this.group(raw.level, raw.id),
      arrow: raw.directed ? '→' : '↔',
      to: this.group(raw.level, raw.other),
    };
  }

  /** The one line; `reverse` = the way back of a one-way link. */
  text(raw: Raw, reverse?: { n: number; b: number }): string {
    const { L } = this.ax;
    const counts = { bad: num(raw.b), total: num(raw.n) };
    if (raw.level === L) {
      const v = { host: this.host(raw), ...counts, ...RAW };
      switch (raw.kind) {
        case 'source':
          return t('diagnosis.host.source', 'Host {{host}} (source): {{bad}} of {{total}} paths from it over SLA', v);
        case 'destination':
          return t(
            'diagnosis.host.destination',
            'Host {{host}} (destination): {{bad}} of {{total}} paths to it over SLA',
            v
          );
        default:
          return t(
            'diagnosis.host.both',
            'Host {{host}}: {{bad}} of {{total}} paths to and from it over SLA — the host or its link',
            v
          );
      }
    }
    if (raw.level < 0 && raw.kind === 'group') {
      return t(
        'diagnosis.every-group',
        'Every group: {{bad}} of {{total}} paths over SLA — a cause above all groups, or the probes / SLA themselves',
        { ...counts, ...RAW }
      );
    }
    const level = raw.level < 0 ? '' : this.level(raw.level);
    const name = raw.level < 0 ? '' : this.group(raw.level, raw.id);
    const hosts = raw.level < 0 ? 0 : this.ax.hosts[raw.level][raw.id];
    const group = { level, Level: capital(level), name, ...counts, ...RAW };
    // Plural by the group's host count: "its 1 host", "its 3 hosts".
    const withHosts = { ...group, hosts: String(hosts) };
    switch (raw.kind) {
      case 'source':
        return t('diagnosis.group.source', '', {
          ...withHosts,
          count: hosts,
          defaultValue_one:
            '{{Level}} {{name}} (source side): {{bad}} of {{total}} paths from its {{hosts}} host over SLA',
          defaultValue_other:
            '{{Level}} {{name}} (source side): {{bad}} of {{total}} paths from its {{hosts}} hosts over SLA',
        });
      case 'destination':
        return t('diagnosis.group.destination', '', {
          ...withHosts,
          count: hosts,
          defaultValue_one:
            '{{Level}} {{name}} (destination side): {{bad}} of {{total}} paths to its {{hosts}} host over SLA',
          defaultValue_other:
            '{{Level}} {{name}} (destination side): {{bad}} of {{total}} paths to its {{hosts}} hosts over SLA',
        });
      case 'group':
        return t('diagnosis.group.both', '', {
          ...withHosts,
          count: hosts,
          defaultValue_one:
            '{{Level}} {{name}}: {{bad}} of {{total}} paths to and from its {{hosts}} host over SLA — the {{level}} itself (down or failing)',
          defaultValue_other:
            '{{Level}} {{name}}: {{bad}} of {{total}} paths to and from its {{hosts}} hosts over SLA — the {{level}} itself (down or failing)',
        });
      case 'link': {
        const link = { ...this.link(raw), ...counts, ...RAW };
        if (!raw.directed) {
          return t(
            'diagnosis.link.both-ways',
            'Link {{level}} {{from}} ↔ {{to}}: {{bad}} of {{total}} paths between them over SLA (both ways)',
            link
          );
        }
        return reverse
          ? t(
              'diagnosis.link.one-way-with-back',
              'Link {{level}} {{from}} → {{to}}: {{bad}} of {{total}} paths over SLA, this way only ({{backBad}} of {{backTotal}} the other way)',
              { ...link, backBad: num(reverse.b), backTotal: num(reverse.n) }
            )
          : t(
              'diagnosis.link.one-way',
              'Link {{level}} {{from}} → {{to}}: {{bad}} of {{total}} paths over SLA, this way only',
              link
            );
      }
      case 'layer-above': {
        const layer = {
          ...group,
          kid: this.level(raw.other),
          insideBad: num(raw.insideB),
          insideTotal: num(raw.insideN),
        };
        return raw.level < 0
          ? t(
              'diagnosis.layer-above.all',
              'All {{kid}}s: {{bad}} of {{total}} paths between them over SLA, {{insideBad}} of {{insideTotal}} inside them — the layer above the {{kid}}s (spine / interconnect)',
              layer
            )
          : t(
              'diagnosis.layer-above.group',
              '{{Level}} {{name}}: {{bad}} of {{total}} paths between its {{kid}}s over SLA, {{insideBad}} of {{insideTotal}} inside them — the layer above the {{kid}}s (spine / interconnect)',
              layer
            );
      }
    }
  }
}

function confidence(share: number, purity: number, insideFine: number, bad: number): Candidate['confidence'] {
  if (bad >= 4 && share >= 0.8 && purity >= 0.9 && insideFine >= 0.9) {
    return 'high';
  }
  if (bad >= 2 && share >= 0.5 && purity >= 0.75 && insideFine >= 0.75) {
    return 'medium';
  }
  return 'low';
}

// ---------------------------------------------------------------------------------------------------------------------

/**
 * Diagnose the matrix: candidates best first, each explaining what the ones before left. One pass over the cells,
 * then per candidate O(bad cells · levels) plus O(groups²) at the levels with block counts.
 */
export function diagnose(input: DiagnoseInput): Diagnosis {
  const { model, status } = input;
  const minBad = input.minBad ?? 1;
  const warningWeight = Math.min(1, Math.max(0, input.warningWeight ?? 0));
  const maxCandidates = input.maxCandidates ?? 3;
  const weight = new Float64Array(256);
  weight[BREACH] = 1;
  weight[FAILED] = 1;
  weight[WARNING] = warningWeight;

  const ax = indexAxes(model);
  if (status.length !== ax.R * ax.C) {
    return { candidates: [], bad: 0, total: 0 };
  }
  const pass = accumulate(ax, status, weight);
  const { n, b, badCells } = pass;
  const bad = b.all;
  const total = n.all;
  const candidates: Candidate[] = [];
  const words = new Words(ax);
  const skip = (level: number, id: number) =>
    level >= 0 && level < ax.L && ax.paths[level][id][level] === UNKNOWN_GROUP;

  if (bad > 0 && bad >= minBad) {
    const explained = new Uint8Array(badCells.length);
    let remaining = bad;
    const res = copyCounts(b);
    let densest: Raw | undefined;
    let rejectedScore = 0;
    for (let round = 0; round < maxCandidates && remaining >= RULES.minPairs; round++) {
      const sink = new Sink(bad, remaining, total, skip);
      enumerate(ax, n, b, res, sink);
      if (round === 0) {
        densest = sink.densest;
        rejectedScore = sink.rejectedScore;
      }
      const top = pickBest(sink.accepted);
      if (!top) {
        break;
      }
      const inside = member(ax, top);
      const list: number[] = [];
      for (let k = 0; k < badCells.length; k++) {
        const i = badCells[k];
        const r = (i / ax.C) | 0;
        const c = i - r * ax.C;
        if (inside(r, c)) {
          list.push(i);
          if (explained[k] === 0) {
            explained[k] = 1;
            subtract(ax, res, r, c, weight[status[i]]);
          }
        }
      }
      const reverse =
        top.kind === 'link' && top.directed
          ? {
              n: n.links[top.level][top.other * ax.paths[top.level].length + top.id],
              b: b.links[top.level][top.other * ax.paths[top.level].length + top.id],
            }
          : undefined;
      const insideFine = top.insideN > 0 ? 1 - top.insideB / top.insideN : 1;
      const candidate: Candidate = {
        kind: top.kind,
        subject: words.subject(top),
        explains: top.res / bad,
        bad: top.b,
        total: top.n,
        confidence: confidence(top.res / remaining, top.b / top.n, insideFine, top.res),
        text: words.text(top, reverse),
        cells: Uint32Array.from(list),
      };
      if (top.kind === 'link') {
        candidate.other = { level: top.level, path: [...ax.paths[top.level][top.other]] };
        candidate.directed = top.directed;
      }
      candidates.push(candidate);
      remaining -= top.res;
    }
    if (candidates.length === 0) {
      candidates.push(none(ax, badCells, words, bad, total, densest, rejectedScore));
    } else if (remaining >= RULES.minPairs && remaining >= RULES.restShare * bad) {
      // What the patterns leave: scattered, said so, so the shares and the rest add up to the whole breach.
      const rest = badCells.filter((_, k) => explained[k] === 0);
      candidates.push({
        kind: 'none',
        subject: { level: -1, path: [] },
        explains: 0,
        bad: remaining,
        total,
        confidence: 'low',
        text: t('diagnosis.none.rest', 'No common cause for the other {{bad}} pairs over SLA (scattered)', {
          bad: num(remaining),
          ...RAW,
        }),
        cells: rest,
      });
    }
  }
  candidates.push(...silentAgents(ax, status, pass));
  return { candidates, bad, total };
}

/** No rule explains enough: the bad pairs are scattered. */
function none(
  ax: Axes,
  badCells: Uint32Array,
  words: Words,
  bad: number,
  total: number,
  densest: Raw | undefined,
  rejectedScore: number
): Candidate {
  const count = badCells.length;
  let text: string;
  if (count <= 3) {
    const pair = (i: number) => `${ax.rows[Math.floor(i / ax.C)]} → ${ax.cols[i % ax.C]}`;
    text = t('diagnosis.none.scattered-list', '', {
      count,
      bad: num(bad),
      pairs: Array.from(badCells, pair).join(', '),
      defaultValue_one: 'No common cause: {{bad}} scattered pair over SLA: {{pairs}}',
      defaultValue_other: 'No common cause: {{bad}} scattered pairs over SLA: {{pairs}}',
      ...RAW,
    });
  } else if (densest) {
    // More than 3 pairs from here on: always "pairs".
    text = t(
      'diagnosis.none.scattered-densest',
      'No common cause: {{bad}} scattered pairs over SLA (densest: {{densest}}, {{densestBad}} of {{densestTotal}} paths)',
      { bad: num(bad), densest: words.short(densest), densestBad: num(densest.b), densestTotal: num(densest.n), ...RAW }
    );
  } else {
    text = t('diagnosis.none.scattered', 'No common cause: {{bad}} scattered pairs over SLA', {
      bad: num(bad),
      ...RAW,
    });
  }
  return {
    kind: 'none',
    subject: { level: -1, path: [] },
    explains: 0,
    bad,
    total,
    confidence: rejectedScore < 0.1 ? 'high' : rejectedScore < 0.2 ? 'medium' : 'low',
    text,
    cells: badCells.slice(),
  };
}

/**
 * Agents that report nothing: a row whose expected pairs all have no data or stale data (and no judged pair), while
 * most other rows do report. Listed after the breach candidates, at most RULES.maxSilent.
 */
function silentAgents(ax: Axes, status: Uint8Array, pass: Pass): Candidate[] {
  const { R, C, L } = ax;
  const silent: number[] = [];
  let reporting = 0;
  for (let r = 0; r < R; r++) {
    if (pass.measured[r] > 0) {
      reporting++;
    } else if (pass.noData[r] + pass.stale[r] >= RULES.minPairs) {
      silent.push(r);
    }
  }
  if (silent.length === 0 || silent.length >= reporting) {
    return [];
  }
  const paths = (r: number) => pass.noData[r] + pass.stale[r];
  silent.sort((p, q) => paths(q) - paths(p) || p - q);
  return silent.slice(0, RULES.maxSilent).map((r) => {
    const noData = pass.noData[r];
    const stale = pass.stale[r];
    const h = ax.rows[r];
    const v = { host: h, paths: String(paths(r)), noData: String(noData), stale: String(stale), ...RAW };
    const text =
      stale === 0
        ? t('diagnosis.silent.no-data', 'Agent {{host}} reports nothing: none of its {{paths}} paths has data', v)
        : noData === 0
          ? t('diagnosis.silent.stale', 'Agent {{host}} reports nothing new: all {{paths}} of its paths are stale', v)
          : t(
              'diagnosis.silent.mixed',
              'Agent {{host}} reports nothing current: its {{paths}} paths have no data ({{noData}}) or stale data ({{stale}})',
              v
            );
    const list: number[] = [];
    for (let c = 0; c < C; c++) {
      const st = status[r * C + c];
      if (st === NO_DATA || st === STALE) {
        list.push(r * C + c);
      }
    }
    return {
      kind: 'source' as const,
      subject: { level: L, path: [...ax.rowPaths[r].slice(0, L), h] },
      explains: 0,
      bad: 0,
      total: paths(r),
      confidence: paths(r) >= 4 ? ('high' as const) : ('medium' as const),
      text,
      cells: Uint32Array.from(list),
    };
  });
}
