import { shownValue, worstPairsOf } from './options';

describe('view options', () => {
  it('Worst pairs list `abc` is named, and means no list', () => {
    expect(worstPairsOf('abc')).toEqual({
      rows: 0,
      notice: 'Worst pairs list `abc` is not valid (a whole number from 0 to 50): using 0.',
    });
    expect(worstPairsOf(5)).toEqual({ rows: 5 });
  });
});

describe('shownValue', () => {
  it('shows any JSON value briefly', () => {
    expect(shownValue('abc')).toBe('abc');
    expect(shownValue(null)).toBe('null');
    expect(shownValue({ a: 1 })).toBe('{"a":1}');
    expect(shownValue('x'.repeat(60))).toHaveLength(40);
  });
});
