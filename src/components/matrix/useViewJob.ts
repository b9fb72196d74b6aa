import { GrafanaTheme2 } from '@grafana/data';
import { useEffect, useMemo, useState } from 'react';

import { Classified, SlaConfig, StatusCode } from '../../model/sla';
import { MatrixModel } from '../../model/types';
import { Painted, paintCells, paintCellsSteps } from '../../render/paint';
import { timed } from '../../util/perf';
import { runSliced } from '../../util/runSliced';
import { timedSteps } from '../../util/steps';
import { View, ViewInput, buildView, buildViewSteps, classifyModel, classifyModelSteps } from '../../view/view';

/**
 * Above this many model cells (about 1,000 hosts) the SLA judging, the view and its paint run in slices of ~25 ms
 * (util/runSliced): sorting 4,080 hosts by breaches is ~600 ms of work, which in one task froze the page. Below it
 * they run at once, with no frame of the previous matrix.
 */
export const SYNC_CELLS = 1 << 20;

export type ViewJobInput = Required<Omit<ViewInput, 'hostOrder' | 'classified'>> &
  Pick<ViewInput, 'hostOrder'> & {
    sla: SlaConfig;
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
  i.sla,
  i.startLevel,
  i.toggled,
  i.zoom,
  i.aggregation,
  i.sortBy,
  i.hostOrder,
  i.theme,
  i.colors,
];

/** The judged cells, view (groups, zoom, order) and painted pixels of the model: at once when small, else in slices. */
export function useViewJob(input: ViewJobInput): ViewJob {
  const { model, sla, theme, colors } = input;
  const sync = model.rows.length * model.cols.length <= (input.syncCells ?? SYNC_CELLS);
  const deps = depsOf(input);
  const { startLevel, toggled, zoom, aggregation, sortBy, hostOrder } = input;
  const classified = useMemo(
    () => (sync ? timed('pingmesh:sla', () => classifyModel(model, sla)) : undefined),
    [sync, model, sla]
  );
  const view = useMemo(
    () =>
      classified &&
      timed('pingmesh:view', () =>
        buildView({ model, classified, startLevel, toggled, zoom, aggregation, sortBy, hostOrder })
      ),
    [model, classified, startLevel, toggled, zoom, aggregation, sortBy, hostOrder]
  );
  const painted = useMemo(
    () => view && timed('pingmesh:paint', () => paintCells(view.matrix, theme, colors)),
    [view, theme, colors]
  );
  const [done, setDone] = useState<{ deps: unknown[]; shown: Shown }>();
  // Nothing held from a big model that is gone; React re-renders at once.
  if (sync && done !== undefined) {
    setDone(undefined);
  }

  useEffect(() => {
    if (sync) {
      return;
    }
    // The same model and SLA as the shown view (a sort, a zoom, a palette): its judged cells are reused.
    const judged = done && done.shown.model === model && done.deps[1] === sla ? done.shown.classified : undefined;
    function* steps(): Generator<void, Shown> {
      const c = judged ?? (yield* timedSteps('pingmesh:sla', classifyModelSteps(model, sla)));
      const v = yield* timedSteps(
        'pingmesh:view',
        buildViewSteps({ model, classified: c, startLevel, toggled, zoom, aggregation, sortBy, hostOrder })
      );
      const p = yield* timedSteps('pingmesh:paint', paintCellsSteps(v.matrix, theme, colors));
      return { model, classified: c, view: v, painted: p };
    }
    return runSliced(steps(), (shown) => setDone({ deps, shown }), 'pingmesh:view-job');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deps lists every input; `done` is read, not awaited
  }, [sync, ...deps]);

  if (sync) {
    return { shown: { model, classified: classified!, view: view!, painted: painted! }, drawing: false };
  }
  const current = done !== undefined && done.deps.every((d, k) => d === deps[k]);
  return { shown: done?.shown, drawing: !current };
}
