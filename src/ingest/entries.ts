/**
 * Growable typed columns for gathered entries (source id, destination id, value, newest sample time). A JS array
 * pushed to 16 M entries copies itself as it grows — single copies of ~100 ms, in one slice of the build — and boxes
 * every value; these grow by doubling with one memcpy per column, and hold a value as 8 bytes.
 */
export class EntryColumns {
  length = 0;
  src: Int32Array;
  dst: Int32Array;
  /** NaN where `hasValue` is 0. */
  value: Float64Array;
  /** 0 = a null sample (no value), 1 = a value (possibly NaN or ±Inf: invalid). */
  hasValue: Uint8Array;
  /** Allocated on the first known time; NaN = unknown. */
  newest?: Float64Array;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.src = new Int32Array(c);
    this.dst = new Int32Array(c);
    this.value = new Float64Array(c);
    this.hasValue = new Uint8Array(c);
  }

  /** Room for `n` entries in all, at once (an instant table: one entry per row, known before reading them). */
  reserve(n: number) {
    if (n > this.src.length) {
      this.grow(n);
    }
  }

  push(s: number, d: number, v: number | null, newest: number) {
    if (this.length === this.src.length) {
      this.grow(this.src.length * 2);
    }
    const k = this.length++;
    this.src[k] = s;
    this.dst[k] = d;
    this.value[k] = v === null ? NaN : v;
    this.hasValue[k] = v === null ? 0 : 1;
    if (newest === newest && !this.newest) {
      this.newest = new Float64Array(this.src.length).fill(NaN);
    }
    if (this.newest) {
      this.newest[k] = newest;
    }
  }

  private grow(c: number) {
    const more = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T, fill = 0): T => {
      const b = make(c);
      b.set(a);
      if (fill !== 0) {
        b.fill(fill, a.length);
      }
      return b;
    };
    this.src = more(this.src, (n) => new Int32Array(n));
    this.dst = more(this.dst, (n) => new Int32Array(n));
    this.value = more(this.value, (n) => new Float64Array(n));
    this.hasValue = more(this.hasValue, (n) => new Uint8Array(n));
    if (this.newest) {
      this.newest = more(this.newest, (n) => new Float64Array(n), NaN);
    }
  }
}
