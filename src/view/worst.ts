import { ViewMatrix } from './aggregate';
import { Status } from '../model/sla';

export interface RankedCell {
  row: number;
  col: number;
}

/**
 * The n worst cells of what is drawn, worst first: by the painted severity (the same rank that keeps breaches visible
 * when pixels are pooled), then by value. Self and not-probed cells are left out.
 * One pass over the cells keeping a small sorted list, so it costs about one comparison per cell.
 */
export function worstCells(view: ViewMatrix, painted: { rank: ArrayLike<number> }, n: number): RankedCell[] {
  const { status, values } = view;
  const cols = view.cols.length;
  const rank = painted.rank;
  const top: number[] = [];
  const worse = (a: number, b: number) =>
    rank[a] !== rank[b] ? rank[a] > rank[b] : (values[a] || 0) !== (values[b] || 0) ? values[a] > values[b] : a < b;
  if (n <= 0) {
    return [];
  }
  for (let i = 0; i < status.length; i++) {
    if (status[i] === Status.Self || status[i] === Status.NotProbed) {
      continue;
    }
    if (top.length === n && !worse(i, top[n - 1])) {
      continue;
    }
    let at = top.length === n ? n - 1 : top.length;
    while (at > 0 && worse(i, top[at - 1])) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = i;
  }
  return top.map((i) => ({ row: Math.floor(i / cols), col: i % cols }));
}
