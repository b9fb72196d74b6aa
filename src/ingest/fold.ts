import { inChunks } from '../util/steps';
import { Gathered } from './gather';

/** One entry per pair: the worst of its series. */
export interface PairAcc {
  src: Int32Array;
  dst: Int32Array;
  value: Float64Array;
  /** 0 = no sample, 1 = valid, 2 = invalid (NaN, ±Inf, negative). */
  kind: Uint8Array;
  series: Uint32Array;
  /** 1 where any of the pair's series had a guessed unit; empty when none had. */
  guessed: Uint8Array;
  /** Pairs whose series had both valid values and invalid ones (NaN, ±Inf, negative). */
  mixed: number;
  /** Time of the newest sample per pair (when gathered with times; empty otherwise); NaN when unknown. */
  newest: Float64Array;
  length: number;
}

/** The fold's running state: what `foldRange` reads and writes. */
interface Folding {
  raw: Gathered;
  hosts: number;
  invalidWins: boolean;
  index: Int32Array;
  acc: PairAcc;
  /** Pairs already counted as mixed (valid and invalid series), allocated on the first such pair. */
  mixed?: Uint8Array;
  /** Where the scan of `raw.guessed` runs is. */
  run: number;
}

/**
 * One entry per (source, destination), keeping the worst series, through a dense hosts² index. With `invalidWins`
 * (latency), a NaN/±Inf/negative series outranks every finite one — a timeout is worse than any latency; otherwise
 * (loss, failures, baseline, sample times) a valid value outranks an invalid one. As steps: it yields every
 * CELLS_PER_STEP entries (16 M series at 4,096 hosts fold in slices). The loop is a plain function called per step:
 * V8 optimises a long loop inside a generator less well (no on-stack replacement there).
 */
export function* foldPairsSteps(raw: Gathered, hosts: number, invalidWins = false): Generator<void, PairAcc> {
  const { length: n, src, dst, value, hasValue, newest } = raw.entries;
  // In place: pair k is written where entry k was, and k never passes the entry being read (k ≤ i), so the gathered
  // columns become the pairs' — no second set of arrays the size of the input (17 MB at a million series). The
  // gathered entries are read by nothing after this.
  const f: Folding = {
    raw,
    hosts,
    invalidWins,
    index: new Int32Array(hosts * hosts).fill(-1),
    acc: {
      src,
      dst,
      value,
      kind: hasValue,
      series: new Uint32Array(n),
      mixed: 0,
      guessed: new Uint8Array(raw.guessed.length > 0 ? n : 0),
      newest: newest ?? new Float64Array(0),
      length: 0,
    },
    run: 0,
  };
  yield* inChunks(n, (from, to) => foldRange(f, from, to));
  // Views of the pairs alone (the columns have room beyond them).
  const { acc } = f;
  const k = acc.length;
  return {
    ...acc,
    src: src.subarray(0, k),
    dst: dst.subarray(0, k),
    value: value.subarray(0, k),
    kind: hasValue.subarray(0, k),
    series: acc.series.subarray(0, k),
    guessed: acc.guessed.subarray(0, Math.min(k, acc.guessed.length)),
    newest: acc.newest.subarray(0, Math.min(k, acc.newest.length)),
  };
}

function foldRange(f: Folding, from: number, to: number) {
  const { src, dst, value, hasValue, newest } = f.raw.entries;
  const { acc, index, hosts, invalidWins } = f;
  // Locals, not acc's fields: the loop's stores into typed arrays would make V8 reload every field each time.
  const { src: pairSrc, dst: pairDst, value: pairValue, kind: pairKind, series, guessed: pairGuessed } = acc;
  const pairNewest = acc.newest;
  let length = acc.length;
  const runs = f.raw.guessed;
  const anyGuessed = runs.length > 0;
  let run = f.run;
  for (let i = from; i < to; i++) {
    const v = value[i];
    let guessed = false;
    if (anyGuessed) {
      while (run < runs.length && runs[run + 1] <= i) {
        run += 2;
      }
      guessed = run < runs.length && runs[run] <= i;
    }
    const kind = hasValue[i] === 0 ? 0 : Number.isFinite(v) && v >= 0 ? 1 : 2;
    const key = src[i] * hosts + dst[i];
    const at = index[key];
    if (at < 0) {
      const k = length++;
      index[key] = k;
      pairSrc[k] = src[i];
      pairDst[k] = dst[i];
      pairValue[k] = kind === 1 ? v : NaN;
      pairKind[k] = kind;
      series[k] = 1;
      if (guessed) {
        pairGuessed[k] = 1;
      }
      if (newest) {
        pairNewest[k] = newest[i];
      }
      continue;
    }
    series[at]++;
    if (guessed) {
      pairGuessed[at] = 1;
    }
    if (newest && !(newest[i] <= pairNewest[at])) {
      pairNewest[at] = newest[i];
    }
    // Keep the worst: a larger value beats a smaller one; invalid beats valid (invalidWins) or the other way round.
    const held = pairKind[at];
    if (kind !== 0 && held !== 0 && kind !== held) {
      f.mixed ??= new Uint8Array(f.raw.entries.length);
      if (f.mixed[at] === 0) {
        f.mixed[at] = 1;
        acc.mixed++;
      }
    }
    if (kind === 1 && (held === 0 || (held === 2 && !invalidWins) || (held === 1 && v > pairValue[at]))) {
      pairValue[at] = v;
      pairKind[at] = 1;
    } else if (kind === 2 && (held === 0 || (held === 1 && invalidWins))) {
      pairValue[at] = NaN;
      pairKind[at] = 2;
    }
  }
  acc.length = length;
  f.run = run;
}

/** Host ids → group ids, in place (cardinality guard). */
export function remapHosts(raw: Gathered, groupOf: number[]) {
  const { src, dst, length } = raw.entries;
  for (const ids of [src, dst]) {
    for (let k = 0; k < length; k++) {
      ids[k] = groupOf[ids[k]];
    }
  }
}
