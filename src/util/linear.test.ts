import { linear } from './linear';

describe('linear', () => {
  it('maps the domain onto the range, clamped, and back', () => {
    const x = linear([1000, 2000], [0, 100]);
    expect(x(1500)).toBe(50);
    expect(x(500)).toBe(0);
    expect(x(3000)).toBe(100);
    expect(x.invert(25)).toBe(1250);
    expect(x.invert(-10)).toBe(1000);
  });

  it('a reversed range (y grows down) and an empty domain', () => {
    const y = linear([0, 0.5], [99, 1]);
    expect(y(0)).toBe(99);
    expect(y(0.5)).toBe(1);
    expect(linear([5, 5], [0, 10])(5)).toBe(5);
  });
});
