/**
 * The host's own stages as user-timing measures (`host:frames`, `host:field-overrides`), for `npm run bench`'s
 * breakdown of one refresh beside the panel's `pingmesh:*` measures.
 */
export function timedHost<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure?.(name, { start, end: performance.now() });
  }
}
