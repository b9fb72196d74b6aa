import { optionNoticeText, shownValue } from './options';

describe('optionNoticeText', () => {
  it('names the option as the editor does, the value, what was expected and what is used', () => {
    expect(
      optionNoticeText({
        kind: 'invalid',
        path: 'display.worstPairs',
        value: 'abc',
        expected: { kind: 'wholeNumber', min: 0, max: 50 },
        fallback: 0,
      })
    ).toBe('Worst pairs list `abc` is not valid (a whole number from 0 to 50): using 0.');
    expect(
      optionNoticeText({
        kind: 'scope',
        path: 'sla.scopes',
        scope: 'same-tor',
        problem: { kind: 'negative', field: 'lossWarn', value: -1 },
      })
    ).toBe('SLA for same-tor: Loss warning -1 is negative — using the defaults for same-tor.');
  });
});

describe('shownValue', () => {
  it('shows any JSON value briefly', () => {
    expect(shownValue('abc')).toBe('abc');
    expect(shownValue(null)).toBe('null');
    expect(shownValue({ a: 1 })).toBe('{"a":1}');
    expect(shownValue('x'.repeat(60))).toHaveLength(40);
    expect(shownValue('x'.repeat(1_000_000))).toHaveLength(40);
  });
});
