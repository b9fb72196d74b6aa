import { hostSortKey } from './hostOrder';

/**
 * Shorter axis labels for long host names: the prefix and the domain suffix that every host of an axis shares
 * (`node-…`, `….k8s.prod.example.com`) say nothing that tells two rows apart, and they push the distinguishing part
 * out of a truncated label. Only whole segments are dropped (a prefix ends with `-`, `_` or `.`, a suffix starts with
 * one), only segments with a letter in them (`ip-10-0-` keeps its numbers), and never from IP addresses. Tooltips,
 * search and links keep the full names: this is presentation only.
 */
export interface Affixes {
  prefix: string;
  suffix: string;
}

export const NO_AFFIXES: Affixes = { prefix: '', suffix: '' };

/** Shorter than this, an affix is not worth a difference between the label and the name. */
const MIN_AFFIX = 3;
const SEP = /[-_.]/;

export function commonAffixes(names: readonly string[]): Affixes {
  const distinct = [...new Set(names)];
  if (distinct.length < 2 || distinct.some((n) => hostSortKey(n).kind !== 2)) {
    return NO_AFFIXES;
  }
  const prefix = wholeSegments(commonPrefix(distinct), 'prefix');
  const rest = distinct.map((n) => n.slice(prefix.length));
  const suffix = wholeSegments(reverse(commonPrefix(rest.map(reverse))), 'suffix');
  // Every label keeps a letter or digit of its own.
  const keeps = (n: string) => /[\p{L}\p{N}]/u.test(n.slice(prefix.length, n.length - suffix.length));
  if (!distinct.every(keeps)) {
    return NO_AFFIXES;
  }
  return { prefix, suffix };
}

export function shortName(name: string, { prefix, suffix }: Affixes): string {
  if ((prefix === '' && suffix === '') || name.length <= prefix.length + suffix.length) {
    return name;
  }
  return name.startsWith(prefix) && name.endsWith(suffix)
    ? name.slice(prefix.length, name.length - suffix.length)
    : name;
}

/** The label of each name of an axis (full name → label), or undefined when nothing is dropped. */
export function axisLabels(names: readonly string[]): { affixes: Affixes; labels: Map<string, string> } | undefined {
  const affixes = commonAffixes(names);
  if (affixes.prefix === '' && affixes.suffix === '') {
    return undefined;
  }
  return { affixes, labels: new Map(names.map((n) => [n, shortName(n, affixes)])) };
}

/** `node-*.prod.example`: what a label leaves out, as a glob an operator reads at a glance. */
export function affixPattern({ prefix, suffix }: Affixes): string {
  return `${prefix}*${suffix}`;
}

function commonPrefix(list: string[]): string {
  let p = list[0];
  for (const s of list) {
    let i = 0;
    while (i < p.length && i < s.length && p[i] === s[i]) {
      i++;
    }
    p = p.slice(0, i);
  }
  return p;
}

/**
 * Cuts a common prefix back to whole segments ending in a separator (a suffix: starting with one), then drops
 * segments without a letter from the inner end: `ip-10-0-` → `ip-`, `-rack-3.` → ``.
 */
function wholeSegments(common: string, side: 'prefix' | 'suffix'): string {
  const s = side === 'prefix' ? common : reverse(common);
  let end = s.length;
  while (end > 0 && !SEP.test(s[end - 1])) {
    end--;
  }
  // Segments (text up to and including a separator), outermost first.
  const segments = s.slice(0, end).match(/[^-_.]*[-_.]/g) ?? [];
  let kept = 0;
  while (kept < segments.length && /\p{L}/u.test(segments[kept])) {
    kept++;
  }
  const out = segments.slice(0, kept).join('');
  const affix = side === 'prefix' ? out : reverse(out);
  return affix.length >= MIN_AFFIX ? affix : '';
}

function reverse(s: string): string {
  return [...s].reverse().join('');
}

/** Labels of both axes of a matrix; `rows === cols` (one host list on both axes) shares one map. */
export interface HostLabels {
  rows?: ReadonlyMap<string, string>;
  cols?: ReadonlyMap<string, string>;
  /** What was dropped, per axis with labels (`node-*.prod.example`), distinct. */
  patterns: string[];
}

export function hostLabelsOf(rows: readonly string[], cols: readonly string[], enabled: boolean): HostLabels {
  if (!enabled) {
    return { patterns: [] };
  }
  const r = axisLabels(rows);
  const c = cols === rows ? r : axisLabels(cols);
  const patterns = [...new Set([r, c].flatMap((a) => (a ? [affixPattern(a.affixes)] : [])))];
  return { rows: r?.labels, cols: c?.labels, patterns };
}
