import { DataFrame, GrafanaTheme2 } from '@grafana/data';
import { useEffect, useMemo, useState } from 'react';

import { BuildMatrixResult, buildMatrix, buildMatrixSteps } from '../ingest';
import { record, timed } from '../util/perf';
import { ModelOptions } from '../options/types';

const MODEL_MARK = 'pingmesh:model';
/** Below this many rows the model builds in one go (a few ms), with no flash of the previous matrix. */
export const SYNC_ROWS = 50_000;
/** Longest stretch of work before the page gets the main thread back. */
const SLICE_MS = 25;

export interface ModelState {
  result?: BuildMatrixResult;
  /** A bigger input is still being built; `result` is then the previous one (or none yet). */
  building: boolean;
  rows: number;
}

/**
 * The matrix model for the panel's frames. Small inputs build synchronously. Big ones (a 4,000-host mesh, a million table
 * rows) build in slices of ~25 ms between which the page handles input, instead of one long freeze; meanwhile the
 * previous matrix stays on screen. Not a worker: posting a million label strings to one costs more than building.
 */
export function useMatrixModel(frames: DataFrame[], options: ModelOptions, theme: GrafanaTheme2): ModelState {
  const rows = useMemo(() => frames.reduce((n, f) => n + f.length, 0), [frames]);
  const sync = rows < SYNC_ROWS;
  const syncResult = useMemo(
    () => (sync ? timed(MODEL_MARK, () => buildMatrix({ frames, options, theme })) : undefined),
    [sync, frames, options, theme]
  );
  const [done, setDone] = useState<{ frames: DataFrame[]; options: ModelOptions; result: BuildMatrixResult }>();

  useEffect(() => {
    if (sync) {
      return;
    }
    return runSliced(
      buildMatrixSteps({ frames, options, theme }),
      (result, start, busy) => {
        record(MODEL_MARK, start, busy);
        setDone({ frames, options, result });
      },
      'pingmesh:build'
    );
  }, [sync, frames, options, theme]);

  if (sync) {
    return { result: syncResult, building: false, rows };
  }
  return { result: done?.result, building: done?.frames !== frames || done?.options !== options, rows };
}

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
