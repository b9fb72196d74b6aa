import { Role } from './types';

/**
 * How a candidate is scored: a likelihood ratio. The bad pairs not yet explained are one Bernoulli background; a
 * candidate claims a set of pairs with a bad rate of its own. Its gain is how much more likely the breach is with that
 * split than without (nats, the G-statistic / 2); its penalty is what naming it costs — the log of how many candidates
 * of its family there are (a multiple-comparison price) plus a base. Accepted when the gain pays the penalty, the
 * pairs are bad enough (purity) and clearly denser than the rest (lift). README.md in the folder above has the rules.
 */
export const RULES = {
  /** Nats a candidate must gain beyond the log of its family's size. */
  base: 6,
  /** Bad pairs a candidate must explain: one pair is no pattern. */
  minPairs: 2,
  /** Share of a host's or group's own (unexplained) pairs that must be bad. */
  minPurity: 0.5,
  /** For links and the layer above, which may lose only a share of their paths (a spine dropping 30 % of flows)… */
  minPurityWide: 0.1,
  /** …with at least this many bad pairs when under minPurity: a few bad pairs among many are no interconnect. */
  minPairsWide: 6,
  /** The candidate's bad rate must be this many times the rest's. */
  minLift: 1,
  /** One host is a culprit when this share of its own pairs (row, column or both) is bad… */
  hostPurity: 0.7,
  /** …and joins a set of hosts failing together only when this share is. */
  memberPurity: 0.8,
  /** At most this many hosts are tried in one set. */
  maxSet: 512,
  /** Layer above: share of the pairs inside the child groups that must be fine. */
  minInsideFine: 0.6,
  /** Bad share of all judged pairs from which the diagnosis is "everything" rather than any part of it. */
  allShare: 0.9,
  /** …or, when no candidate qualifies, from this share. */
  allShareFallback: 0.8,
  /** A group fails as a whole (its rows, columns or both) only when each of its hosts does, at least this much. */
  groupMemberPurity: 0.8,
  /** Bad pairs left unexplained after the patterns, as a share of all: listed as a trailing 'none' from this share. */
  restShare: 0.2,
} as const;

const xlogy = (x: number, y: number) => (x > 0 ? x * Math.log(y) : 0);

/** Log-likelihood of b bad among n pairs at their own rate. */
export function ll(b: number, n: number): number {
  if (n <= 0) {
    return 0;
  }
  const p = Math.min(1, Math.max(0, b / n));
  return xlogy(b, p) + xlogy(n - b, 1 - p);
}

/** Gain (nats) of splitting (b of n) off the background (B of N). */
export function gain(b: number, n: number, B: number, N: number): number {
  return ll(b, n) + ll(B - b, N - n) - ll(B, N);
}

/** ln C(n, k). */
export function lnChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) {
    s += Math.log((n - k + i) / i);
  }
  return s;
}

export type RawKind = 'hosts' | 'group' | 'layer-above' | 'link';

/** A scored candidate on the pairs not yet explained, before it has words and cells. */
export interface Raw {
  kind: RawKind;
  role: Role;
  /** Subject level: -1 the whole matrix, 0..L-1 a group, L hosts. */
  level: number;
  /** Group id at `level` ('group', 'layer-above', 'link'). */
  id: number;
  /** 'hosts': host ids (axes.ts), strongest first. */
  members: number[];
  /** 'link': the other group; 'layer-above': the level of the child groups. */
  other: number;
  directed: boolean;
  /** Judged and bad pairs not yet explained. */
  n: number;
  b: number;
  /** Layer above: judged and bad pairs inside the child groups. */
  insideN: number;
  insideB: number;
  gain: number;
  penalty: number;
}

export const net = (raw: Raw): number => raw.gain - raw.penalty;

/**
 * Collects the candidates of one round: the accepted ones, and what the best rejected ones looked like (for the words
 * of a 'none').
 */
export class Sink {
  accepted: Raw[] = [];

  constructor(
    /** Bad and judged pairs not yet explained. */
    readonly B: number,
    readonly N: number
  ) {}

  /** The cheap checks, before a candidate object is made (hot: links are tried for every pair of groups). */
  worth(wide: boolean, n: number, b: number): boolean {
    if (n <= 0 || b < RULES.minPairs) {
      return false;
    }
    const purity = b / n;
    if (
      purity < (wide ? RULES.minPurityWide : RULES.minPurity) ||
      (purity < RULES.minPurity && b < RULES.minPairsWide)
    ) {
      return false;
    }
    const outside = this.N > n ? Math.max(0, this.B - b) / (this.N - n) : 0;
    return purity >= RULES.minLift * outside;
  }

  consider(raw: Omit<Raw, 'gain'>): void {
    const { n, b, B, N } = { n: raw.n, b: raw.b, B: this.B, N: this.N };
    if (!this.worth(raw.kind === 'link' || raw.kind === 'layer-above', n, b)) {
      return;
    }
    if (raw.insideN > 0 && 1 - raw.insideB / raw.insideN < RULES.minInsideFine) {
      return;
    }
    const g = gain(b, n, B, N);
    if (g < raw.penalty) {
      return;
    }
    this.accepted.push({ ...raw, gain: g });
  }
}

/** How sure: purity of the claimed pairs, how far the gain clears its penalty, and how many pairs. */
export function confidenceOf(raw: Raw): 'high' | 'medium' | 'low' {
  const purity = raw.b / raw.n;
  const wide = raw.kind === 'link' || raw.kind === 'layer-above';
  const q = raw.gain / raw.penalty;
  if (raw.b >= 4 && q >= 3 && purity >= (wide ? 0.6 : 0.9)) {
    return 'high';
  }
  if (q >= 1.5 && purity >= (wide ? 0.25 : 0.6)) {
    return 'medium';
  }
  return 'low';
}
