import { DataFrame, GrafanaTheme2 } from '@grafana/data';
import { useEffect, useMemo, useState } from 'react';

import { BuildMatrixResult, buildMatrix, buildMatrixSteps } from '../ingest';
import { record, timed } from '../util/perf';
import { runSliced } from '../util/runSliced';
import { ModelOptions } from '../options/types';

const MODEL_MARK = 'pingmesh:model';
/** Below this many rows the model builds in one go (a few ms), with no flash of the previous matrix. */
export const SYNC_ROWS = 50_000;

export interface ModelState {
  result?: BuildMatrixResult;
  /** A bigger input is still being built; `result` is then the previous one (or none yet). */
  building: boolean;
  rows: number;
}

/**
 * The matrix model for the panel's frames. Small inputs build synchronously. Big ones (a 4,000-host mesh, a million table
 * rows) build in slices of ~25 ms between which the page handles input, instead of one long freeze; meanwhile the
 * previous matrix stays on screen. Not a worker: posting a million label strings to one costs more than building
 * (~200 ms of structured clone for a 1 M-row frame's label columns), and typed arrays for it would come from reading
 * those strings into host ids, which is over half the build. Bench, 2026-12-07, 1,008 hosts (1 M rows): 91 ms of
 * work in slices, no task over 50 ms, data → pixels 137 ms.
 */
export function useMatrixModel(frames: DataFrame[], options: ModelOptions, theme: GrafanaTheme2): ModelState {
  const rows = useMemo(() => frames.reduce((n, f) => n + f.length, 0), [frames]);
  const sync = rows < SYNC_ROWS;
  const syncResult = useMemo(
    () => (sync ? timed(MODEL_MARK, () => buildMatrix({ frames, options, theme })) : undefined),
    [sync, frames, options, theme]
  );
  const [done, setDone] = useState<{ frames: DataFrame[]; options: ModelOptions; result: BuildMatrixResult }>();
  // Nothing held from a big input that is gone (its frames and model are hundreds of MB); React re-renders at once.
  if (sync && done !== undefined) {
    setDone(undefined);
  }

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
