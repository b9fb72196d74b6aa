import { EntryColumns } from './entries';

describe('EntryColumns', () => {
  it('keeps every entry across growth, a null as no value, and times only once one is known', () => {
    const e = new EntryColumns(1);
    for (let k = 0; k < 100; k++) {
      e.push(k, k + 1, k % 10 === 0 ? null : k / 2, k < 40 ? NaN : 1000 + k);
    }
    expect(e.length).toBe(100);
    expect(e.src.length).toBeGreaterThanOrEqual(100);
    expect(Array.from(e.src.subarray(0, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(e.dst.subarray(95, 100))).toEqual([96, 97, 98, 99, 100]);
    expect(e.hasValue[10]).toBe(0);
    expect(e.value[10]).toBeNaN();
    expect(e.hasValue[11]).toBe(1);
    expect(e.value[11]).toBe(5.5);
    // Times before the first known one are unknown (NaN), after it each entry's own, through growth.
    expect(e.newest![39]).toBeNaN();
    expect(e.newest![40]).toBe(1040);
    expect(e.newest![99]).toBe(1099);
  });

  it('has no times when none is known, and reserve makes room at once', () => {
    const e = new EntryColumns(16);
    e.reserve(1000);
    expect(e.src.length).toBe(1000);
    e.push(1, 2, 3, NaN);
    expect(e.newest).toBeUndefined();
    expect(e.value[0]).toBe(3);
  });
});
