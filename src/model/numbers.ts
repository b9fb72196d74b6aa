/**
 * What counts as a number in data: a JS number, or a string in plain decimal notation (optionally with an exponent)
 * or a wire spelling of NaN / ±Inf, as Prometheus and Grafana's JSON send them. `Number()` alone would read `true` as
 * 1, `[]` and `[null]` as 0 and `"0x1F"` as 31 — readings no probe made.
 */
const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;
/** Grafana's parseSampleValue spellings: NaN, Inf, +Inf, -Inf, Infinity, any case. */
const SPECIAL = /^\s*([+-]?)(inf(inity)?|nan)\s*$/i;

/** null for no sample (null / undefined); NaN for anything that is not a number; the number otherwise. */
export function strictNumber(v: unknown): number | null {
  if (typeof v === 'number') {
    return v;
  }
  if (v === null || v === undefined) {
    return null;
  }
  if (typeof v === 'string') {
    if (DECIMAL.test(v)) {
      return Number(v);
    }
    const special = SPECIAL.exec(v);
    if (special) {
      return special[2].toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
    }
  }
  return NaN;
}

/** Whether `strictNumber(v)` is a reading (a number, NaN/±Inf included) or no sample; false for `true`, `[]`, "0x1F"… */
export function isSample(v: unknown): boolean {
  return typeof v === 'number' || v == null || (typeof v === 'string' && (DECIMAL.test(v) || SPECIAL.test(v)));
}
