import { Status } from '../../model/sla';
import { Axes } from './axes';
import { rowsPerStep } from '../../util/steps';

// Status codes as plain numbers: hot loops then read module locals, not an import binding (a getter once bundled).
const OK: number = Status.OK;
const NO_DATA: number = Status.NoData;
const STALE: number = Status.Stale;
const INVALID: number = Status.Invalid;
const WARNING: number = Status.Warning;
const BREACH: number = Status.Breach;
const FAILED: number = Status.Failed;

/** Judged statuses: the ones a diagnosis counts (OK, warning, over SLA, failed). */
export const isJudged = (st: number): boolean => st === OK || st >= WARNING;

/** Sums of one quantity (judged pairs, or bad pairs) over every set of pairs the candidates are made of. */
export interface Counts {
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

export const copyCounts = (c: Counts): Counts => ({
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

export interface Pass {
  /** Judged pairs (OK, Warning, over SLA, failed). */
  n: Counts;
  /** Bad pairs, weighted. */
  b: Counts;
  /** Indices of the bad cells, ascending. */
  badCells: Uint32Array;
  /** 1 per judged cell: the pairs a diagnosis counts (the cover's residual starts from it). */
  judged: Uint8Array;
  /** Per row: cells with no data, stale, and anything measured (judged or invalid). */
  noData: Uint32Array;
  stale: Uint32Array;
  measured: Uint32Array;
}

/**
 * The one pass over the cells. Per cell: a status histogram, and for judged cells the row, column and link-level
 * block sums; sums inside groups deeper than the link level only for pairs that share the link-level group. Every
 * other sum (groups, coarser blocks, inside coarser groups) is folded from these. O(cells), as steps: it yields every
 * few hundred thousand cells (util/steps.ts).
 */
export function* accumulateSteps(ax: Axes, status: Uint8Array, weight: Float64Array): Generator<void, Pass> {
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
  const judged = new Uint8Array(R * C);
  const step = rowsPerStep(C);
  for (let r = 0; r < R; r++) {
    if (r % step === step - 1) {
      yield;
    }
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
      judged[base + c] = 1;
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
      const judged = isJudged(st);
      n.self[r] = judged ? 1 : 0;
      b.self[r] = judged ? weight[st] : 0;
    }
    noData[r] = hist[NO_DATA];
    stale[r] = hist[STALE];
    measured[r] = hist[OK] + hist[INVALID] + hist[WARNING] + hist[BREACH] + hist[FAILED];
  }
  foldLinks(ax, n);
  foldLinks(ax, b);
  return { n, b, badCells: Uint32Array.from(bad), judged, noData, stale, measured };
}

/** Takes cell (r, c) of weight x out of the counts (it has been explained). O(levels). */
export function subtract(ax: Axes, counts: Counts, r: number, c: number, x: number): void {
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
export function groupSums(ax: Axes, counts: Counts): { src: Float64Array[]; dst: Float64Array[] } {
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
