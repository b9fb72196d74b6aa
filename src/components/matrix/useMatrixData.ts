import { GrafanaTheme2, formattedValueToString } from '@grafana/data';
import { useMemo } from 'react';

import { changedCells } from '../../insight/timeline';
import { splitLabels } from '../../model/presets';
import { resolutionIssues } from '../../model/resolution';
import { SlaConfig } from '../../model/sla';
import { MatrixModel } from '../../model/types';
import { PingmeshOptions } from '../../options/types';
import { drawableThresholds, statusColors } from '../../render/palette';
import { unusableColorNotice } from '../../text/matrix';
import { resolutionNotice } from '../../text/resolution';
import { slaLines } from '../../text/sla';
import { Zoom, classifyModel } from '../../view/view';
import { worstCells } from '../../view/worst';
import { separatorsOf } from './MatrixCanvas';
import { Shown, useViewJob } from './useViewJob';

export interface MatrixDataInput {
  model: MatrixModel;
  options: Pick<PingmeshOptions, 'grouping' | 'display'>;
  sla: SlaConfig;
  toggled: ReadonlySet<string>;
  zoom: Zoom[];
  theme: GrafanaTheme2;
  /** "Highlight changes": the matrix some minutes before, to outline the cells whose state changed since. */
  before?: MatrixModel;
}

/**
 * Everything the matrix view derives from the model, each memoized on what it reads: judged cells, colours, the view
 * (groups, zoom, order), painted pixels, legend lines, the worst cells and the changed ones. A huge view is built in
 * slices (useViewJob): meanwhile everything here is of the previous model and view, drawn together; `undefined` when
 * there is none yet.
 */
export function useMatrixData(input: MatrixDataInput): MatrixData | undefined {
  const { model, options, sla, toggled, zoom, theme } = input;
  const { grouping, display } = options;
  const { startLevel, aggregation, sortBy } = grouping;
  const hostOrder = useMemo(() => splitLabels(grouping.hostOrder), [grouping.hostOrder]);
  const thresholds = model.field.config.thresholds;
  const colors = useMemo(() => statusColors(theme, display.palette, thresholds), [theme, display.palette, thresholds]);
  // A threshold colour the canvas cannot draw ("redd") is drawn in the palette's colour of its state, and said.
  const colorNotice = useMemo(
    () =>
      display.palette === 'thresholds'
        ? unusableColorNotice(drawableThresholds(theme, display.palette, thresholds).unusable)
        : undefined,
    [theme, display.palette, thresholds]
  );
  const job = useViewJob({
    model,
    sla,
    startLevel,
    toggled,
    zoom,
    aggregation,
    sortBy,
    hostOrder,
    theme,
    colors,
  });
  const derived = useDerived(job.shown, input, colors);
  return job.shown && derived && { ...job.shown, ...derived, colors, colorNotice, drawing: job.drawing };
}

/** What the shown model and view give: marks, separators, legend lines, resolution notice, worst and changed cells. */
function useDerived(shown: Shown | undefined, { sla, options, before }: MatrixDataInput, colors: Colors) {
  const model = shown?.model;
  const classified = shown?.classified;
  const matrix = shown?.view.matrix;
  const painted = shown?.painted;
  const marks = useMemo(
    () => matrix && { status: matrix.status, lossStatus: matrix.lossStatus, colors },
    [matrix, colors]
  );
  const separators = useMemo(
    () => matrix && { rows: separatorsOf(matrix.rows), cols: separatorsOf(matrix.cols) },
    [matrix]
  );
  const legendLines = useMemo(() => classified && model && slaLines(classified, model.field), [classified, model]);
  // A threshold finer than the histogram's buckets cannot tell OK from warning: say so (model/resolution.ts).
  const resolution = useMemo(() => {
    if (!classified || !model) {
      return undefined;
    }
    const fmt = (v: number) => formattedValueToString(model.field.display!(v));
    return resolutionNotice(resolutionIssues(classified, model.buckets), model.buckets, fmt);
  }, [classified, model]);
  const worstRows = options.display.worstPairs;
  const worst = useMemo(
    () => (matrix && painted && worstRows > 0 ? worstCells(matrix, painted, worstRows) : []),
    [matrix, painted, worstRows]
  );
  const changed = useMemo(
    () =>
      before &&
      model &&
      classified &&
      changedCells({ model, status: classified.status }, { model: before, status: classifyModel(before, sla).status }),
    [model, classified, before, sla]
  );
  if (!shown || !matrix || !marks || !separators || !legendLines) {
    return undefined;
  }
  return { matrix, marks, separators, legendLines, resolution, worst, changed };
}

type Colors = ReturnType<typeof statusColors>;

export interface MatrixData extends Shown, NonNullable<ReturnType<typeof useDerived>> {
  colors: Colors;
  colorNotice?: string;
  /** A huge view is being built in slices: what is here is the previous one. */
  drawing: boolean;
}
