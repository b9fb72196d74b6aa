import { CELLS_PER_STEP, finish, inChunks, rowsPerStep, timedSteps } from './steps';

function* counting(n: number): Generator<void, number> {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += i;
    yield;
  }
  return sum;
}

describe('steps', () => {
  it('finish runs every step and returns the value', () => {
    expect(finish(counting(5))).toBe(10);
    expect(finish(counting(0))).toBe(0);
  });

  it('inChunks covers [0, n) once, in chunks of at most `per`, with one yield between chunks', () => {
    for (const n of [0, 1, 9, 10, 11, 25]) {
      const seen: Array<[number, number]> = [];
      const steps = inChunks(n, (from, to) => seen.push([from, to]), 5);
      let yields = 0;
      for (let step = steps.next(); !step.done; step = steps.next()) {
        yields++;
      }
      const expected = Array.from({ length: Math.ceil(n / 5) }, (_, k) => [k * 5, Math.min(n, k * 5 + 5)]);
      expect(seen).toEqual(expected);
      expect(yields).toBe(Math.max(0, expected.length - 1));
    }
  });

  it('rowsPerStep covers about CELLS_PER_STEP cells, never less than one row', () => {
    expect(rowsPerStep(4080) * 4080).toBeLessThanOrEqual(CELLS_PER_STEP);
    expect((rowsPerStep(4080) + 1) * 4080).toBeGreaterThan(CELLS_PER_STEP);
    expect(rowsPerStep(CELLS_PER_STEP * 4)).toBe(1);
    expect(rowsPerStep(0)).toBe(CELLS_PER_STEP);
  });

  it('timedSteps keeps the steps and their value, and records one measure at the end', () => {
    const measure = jest.fn();
    const original = performance.measure;
    Object.defineProperty(performance, 'measure', { value: measure, configurable: true, writable: true });
    try {
      const steps = timedSteps('steps-test', counting(3));
      let yields = 0;
      let step = steps.next();
      while (!step.done) {
        yields++;
        expect(measure).not.toHaveBeenCalled();
        step = steps.next();
      }
      expect(step.value).toBe(3);
      expect(yields).toBe(3);
      expect(measure).toHaveBeenCalledTimes(1);
      expect(measure.mock.calls[0][0]).toBe('steps-test');
      expect(measure.mock.calls[0][1].duration).toBeGreaterThanOrEqual(0);
    } finally {
      Object.defineProperty(performance, 'measure', { value: original, configurable: true, writable: true });
    }
  });
});
