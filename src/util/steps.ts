/**
 * Work written as steps (a generator that yields between chunks), so the panel can run it at once for small inputs or
 * in slices (runSliced) for huge ones, with one code path for both.
 */

/** Cells of a row-major grid per step: a few ms of work in the hot loops (a typed-array read and write per cell). */
export const CELLS_PER_STEP = 1 << 18;

/** Rows per step for a grid `cols` wide, so each step covers about CELLS_PER_STEP cells (at least one row). */
export function rowsPerStep(cols: number): number {
  return Math.max(1, Math.floor(CELLS_PER_STEP / Math.max(1, cols)));
}

/**
 * `run(from, to)` over [0, n) in chunks of `per` (default CELLS_PER_STEP), yielding between them. Hot loops go in `run`,
 * a plain function: V8 optimises a long loop inside a generator less well (no on-stack replacement in generators).
 */
export function* inChunks(n: number, run: (from: number, to: number) => void, per = CELLS_PER_STEP): Generator<void> {
  for (let from = 0; from < n; from += per) {
    if (from > 0) {
      yield;
    }
    run(from, Math.min(n, from + per));
  }
}

/** Runs the steps to their end at once and returns their value. */
export function finish<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) {
    step = steps.next();
  }
  return step.value;
}

/**
 * The same steps, with the main-thread time spent in them (not the waits between slices) recorded as one user-timing
 * measure `name` when they end, so the benchmark reads a stage's cost whether it ran at once or in slices.
 */
export function* timedSteps<T>(name: string, steps: Generator<void, T>): Generator<void, T> {
  const start = performance.now();
  let busy = 0;
  for (;;) {
    const t0 = performance.now();
    const step = steps.next();
    busy += performance.now() - t0;
    if (step.done) {
      performance.measure?.(name, { start, duration: busy });
      return step.value;
    }
    yield;
  }
}
