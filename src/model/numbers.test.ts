import { isSample, strictNumber } from './numbers';

describe('strictNumber', () => {
  it('keeps numbers, reads plain decimals and the wire spellings of NaN / ±Inf', () => {
    expect([1.5, -0, 0.001].map(strictNumber)).toEqual([1.5, -0, 0.001]);
    expect(['12', ' 0.5 ', '-3', '+.25', '1e-3', '2.5E2'].map(strictNumber)).toEqual([12, 0.5, -3, 0.25, 0.001, 250]);
    expect(['+Inf', '-Inf', 'inf', 'Infinity', '-infinity'].map(strictNumber)).toEqual([
      Infinity,
      -Infinity,
      Infinity,
      Infinity,
      -Infinity,
    ]);
    expect(strictNumber('NaN')).toBeNaN();
    expect([null, undefined].map(strictNumber)).toEqual([null, null]);
  });

  // Broke: Number(v) read true as 1, [] and [null] as 0 and "0x1F" as 31 ms.
  it('reads anything else as NaN, never as the number Number() would make of it', () => {
    for (const v of [true, false, [], [null], [5], '0x1F', '0b11', '', ' ', '1,5', '5ms', {}, { valueOf: () => 3 }]) {
      expect(strictNumber(v)).toBeNaN();
      expect(isSample(v)).toBe(false);
    }
    for (const v of [3, NaN, null, undefined, '7', '+Inf']) {
      expect(isSample(v)).toBe(true);
    }
  });
});
