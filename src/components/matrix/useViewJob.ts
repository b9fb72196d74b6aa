import { GrafanaTheme2 } from '@grafana/data';
import { useEffect, useMemo, useState } from 'react';

import { Classified, StatusCode } from '../../model/sla';
import { MatrixModel } from '../../model/types';
import { Painted, paintCells, paintCellsSteps } from '../../render/paint';
import { timed } from '../../util/perf';
import { runSliced } from '../../util/runSliced';
import { timedSteps } from '../../util/steps';
import { View, ViewInput, buildView, buildViewSteps } from '../../view/view';

/**
 * Above this many model cells (about 1,000 hosts) the view and its paint run in slices of ~25 ms (util/runSliced):
 * sorting 4,080 hosts by breaches is ~600 ms of work, which in one task froze the page. Below it they run at once,
 * with no frame of the previous matrix.
 */
export const SYNC_CELLS = 1 << 20;

export type ViewJobInput = Required<Omit<ViewInput, 'hostOrder'>> &
  Pick<ViewInput, 'hostOrder'> & {
    theme: GrafanaTheme2;
    colors: Record<StatusCode, string>;
    /** Tests: the size from which it slices (default SYNC_CELLS). */
    syncCells?: number;
  };

/** A model with its judged cells, the view of it and the painted pixels: always drawn together. */
export interface Shown {
  model: MatrixModel;
  classified: Classified;
  view: View;
  painted: Painted;
}

export interface ViewJob {
  /** What to draw: the current inputs' view, or while a huge one is in slices, the previous one (none at first). */
  shown?: Shown;
  /** A huge view is being built in slices; `shown` is then the previous one, if any. */
  drawing: boolean;
}

const depsOf = (i: ViewJobInput) => [
  i.model,
  i.classified,
  i.startLevel,
  i.toggled,
  i.zoom,
  i.aggregation,
  i.sortBy,
  i.hostOrder,
  i.theme,
  i.colors,
];

/** The view (groups, zoom, order) and painted pixels of the model: at once when small, in slices when huge. */
export function useViewJob(input: ViewJobInput): ViewJob {
  const { model, classified, theme, colors } = input;
  const sync = model.rows.length * model.cols.length <= (input.syncCells ?? SYNC_CELLS);
  const deps = depsOf(input);
  const { startLevel, toggled, zoom, aggregation, sortBy, hostOrder } = input;
  const viewInput: ViewInput = { model, classified, startLevel, toggled, zoom, aggregation, sortBy, hostOrder };
  const view = useMemo(
    () => (sync ? timed('pingmesh:view', () => buildView(viewInput)) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- viewInput is these values
    [sync, model, classified, startLevel, toggled, zoom, aggregation, sortBy, hostOrder]
  );
  const painted = useMemo(
    () => (view ? timed('pingmesh:paint', () => paintCells(view.matrix, theme, colors)) : undefined),
    [view, theme, colors]
  );
  const [done, setDone] = useState<{ deps: unknown[]; shown: Shown }>();

  useEffect(() => {
    if (sync) {
      return;
    }
    function* steps(): Generator<void, Shown> {
      const v = yield* timedSteps('pingmesh:view', buildViewSteps(viewInput));
      const p = yield* timedSteps('pingmesh:paint', paintCellsSteps(v.matrix, theme, colors));
      return { model, classified, view: v, painted: p };
    }
    return runSliced(steps(), (shown) => setDone({ deps, shown }), 'pingmesh:view-job');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deps lists every input
  }, [sync, ...deps]);

  if (sync) {
    return { shown: { model, classified, view: view!, painted: painted! }, drawing: false };
  }
  const current = done !== undefined && done.deps.every((d, k) => d === deps[k]);
  return { shown: done?.shown, drawing: !current };
}
