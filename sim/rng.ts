// Seeded randomness for the simulator. Pure: no Node or DOM APIs (the core is also bundled into a browser page).

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for picking culprits, not for cryptography. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// murmur3 finaliser: spreads every input bit over the output so nearby keys (pair 3→4 vs 3→5) look unrelated.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Stateless hash of four integers to a uint32. Samples are keyed by (seed, pair, timestamp) instead of drawn from a
 * stream so any cell at any time can be computed independently and in any order (live scrape, backfill, browser).
 * Fixed arity on purpose: it runs millions of times per file and a rest array would allocate.
 */
export function hash4(a: number, b: number, c: number, d: number): number {
  let h = 0x9e3779b9;
  h = fmix32(h ^ Math.imul(a | 0, 0xcc9e2d51));
  h = fmix32(h ^ Math.imul(b | 0, 0x1b873593));
  h = fmix32(h ^ Math.imul(c | 0, 0xe6546b64));
  h = fmix32(h ^ Math.imul(d | 0, 0x85ebca6b));
  return h;
}

/** hash4 mapped to [0, 1). */
export function unit4(a: number, b: number, c: number, d: number): number {
  return hash4(a, b, c, d) / 4294967296;
}

/** FNV-1a of a string, to turn names (scenario families) into hash keys. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Linear interpolation of u ∈ [0,1) into [lo, hi). */
export function lerp(lo: number, hi: number, u: number): number {
  return lo + (hi - lo) * u;
}
