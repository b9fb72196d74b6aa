/**
 * Runs fn and records a user-timing measure, so the benchmark can read stage times from the real bundle
 * (performance.getEntriesByName). Costs two clock reads.
 */
export function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  performance.measure?.(name, { start, end: performance.now() });
  return result;
}

/** A user-timing measure for work done in slices: its start and the time actually spent working. */
export function record(name: string, start: number, busyMs: number): void {
  performance.measure?.(name, { start, duration: busyMs });
}
