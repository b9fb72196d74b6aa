/** Longest stretch of work before the page gets the main thread back. */
const SLICE_MS = 25;

/**
 * Runs a generator to its end in slices, yielding the main thread between them; returns a cancel function. With a
 * `mark`, `<mark>-start` and `<mark>-end` performance marks bracket the run.
 */
export function runSliced<T>(
  steps: Generator<void, T>,
  onDone: (value: T, start: number, busyMs: number) => void,
  mark?: string
) {
  const channel = new MessageChannel();
  const start = performance.now();
  if (mark) {
    performance.mark?.(`${mark}-start`);
  }
  let busy = 0;
  // Dropped as soon as it is done: the generator's scope holds every raw pair of the build (hundreds of MB at 4M
  // cells), and React keeps the cleanup function below (and so this closure) alive until the next build.
  let pending: Generator<void, T> | undefined = steps;
  const stop = () => {
    pending = undefined;
    channel.port1.onmessage = null;
    channel.port1.close();
  };
  channel.port1.onmessage = () => {
    if (!pending) {
      return;
    }
    const t0 = performance.now();
    let step = pending.next();
    while (!step.done && performance.now() - t0 < SLICE_MS) {
      step = pending.next();
    }
    busy += performance.now() - t0;
    if (step.done) {
      stop();
      if (mark) {
        performance.mark?.(`${mark}-end`);
      }
      onDone(step.value, start, busy);
    } else {
      channel.port2.postMessage(null);
    }
  };
  channel.port2.postMessage(null);
  return stop;
}
