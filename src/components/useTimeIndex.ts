import { DataFrame } from '@grafana/data';
import { useEffect, useMemo, useState } from 'react';

import { TimeIndex, indexTimes, indexTimesSteps } from '../insight/timeline';
import { runSliced } from '../util/runSliced';
import { SYNC_ROWS } from './useMatrixModel';

export interface TimeIndexState {
  /** The index of `frames`, or — while a new one is built — the previous frames' (`pending`), or none yet. */
  index?: TimeIndex;
  pending: boolean;
}

/**
 * The time index of the panel's frames (insight/timeline.ts), for the timeline and "Highlight changes". Small inputs
 * index at once; a big range table (millions of rows) is indexed in slices between which the page answers, the
 * previous index standing in meanwhile so the strip does not jump.
 */
export function useTimeIndex(frames: DataFrame[], enabled: boolean): TimeIndexState {
  const rows = useMemo(() => frames.reduce((n, f) => n + f.length, 0), [frames]);
  const sync = enabled && rows < SYNC_ROWS;
  const syncIndex = useMemo(() => (sync ? indexTimes(frames) : undefined), [sync, frames]);
  const [done, setDone] = useState<{ frames: DataFrame[]; index: TimeIndex }>();
  // Nothing held from a big input that is gone (its frames are hundreds of MB); React re-renders at once.
  if ((!enabled || sync) && done !== undefined) {
    setDone(undefined);
  }

  useEffect(() => {
    if (!enabled || sync) {
      return;
    }
    return runSliced(indexTimesSteps(frames), (index) => setDone({ frames, index }), 'pingmesh:time-index');
  }, [enabled, sync, frames]);

  if (!enabled) {
    return { pending: false };
  }
  if (sync) {
    return { index: syncIndex, pending: false };
  }
  return { index: done?.index, pending: done?.frames !== frames };
}
