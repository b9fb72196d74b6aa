import { hash4, hashString, mulberry32, unit4 } from './rng';

describe('rng', () => {
  it('mulberry32 is deterministic per seed and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toEqual(xs[0]);
    xs.forEach((x) => expect(x >= 0 && x < 1).toBe(true));
  });

  it('unit4 stays in [0,1) and spreads neighbouring keys', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const u = unit4(1, i, i + 1, 7);
      expect(u >= 0 && u < 1).toBe(true);
      seen.add(Math.floor(u * 10));
    }
    expect(seen.size).toBe(10);
    expect(hash4(1, 2, 3, 4)).toBe(hash4(1, 2, 3, 4));
    expect(hash4(1, 2, 3, 4)).not.toBe(hash4(1, 2, 4, 3));
  });

  it('hashString is stable', () => {
    expect(hashString('tor-down')).toBe(hashString('tor-down'));
    expect(hashString('tor-down')).not.toBe(hashString('bad-host'));
  });
});
