import { GrafanaTheme2, formattedValueToString } from '@grafana/data';
import { useMemo } from 'react';

import { changedCells } from '../../insight/timeline';
import { splitLabels } from '../../model/presets';
import { resolutionIssues } from '../../model/resolution';
import { SlaConfig } from '../../model/sla';
import { MatrixModel } from '../../model/types';
import { PingmeshOptions } from '../../options/types';
import { paintCells } from '../../render/paint';
import { drawableThresholds, statusColors } from '../../render/palette';
import { unusableColorNotice } from '../../text/matrix';
import { resolutionNotice } from '../../text/resolution';
import { slaLines } from '../../text/sla';
import { timed } from '../../util/perf';
import { Zoom, buildView, classifyModel } from '../../view/view';
import { worstCells } from '../../view/worst';
import { separatorsOf } from './MatrixCanvas';

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
 * (groups, zoom, order), painted pixels, legend lines, the worst cells and the changed ones.
 */
export function useMatrixData({ model, options, sla, toggled, zoom, theme, before }: MatrixDataInput) {
  const { grouping, display } = options;
  const { startLevel, aggregation, sortBy } = grouping;
  const hostOrder = useMemo(() => splitLabels(grouping.hostOrder), [grouping.hostOrder]);
  const classified = useMemo(() => timed('pingmesh:sla', () => classifyModel(model, sla)), [model, sla]);
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
  const view = useMemo(
    () =>
      timed('pingmesh:view', () =>
        buildView({ model, startLevel, toggled, zoom, aggregation, sortBy, classified, hostOrder })
      ),
    [model, startLevel, toggled, zoom, aggregation, sortBy, classified, hostOrder]
  );
  const { matrix } = view;
  const painted = useMemo(
    () => timed('pingmesh:paint', () => paintCells(matrix, theme, colors)),
    [matrix, theme, colors]
  );
  const marks = useMemo(() => ({ status: matrix.status, lossStatus: matrix.lossStatus, colors }), [matrix, colors]);
  const separators = useMemo(() => ({ rows: separatorsOf(matrix.rows), cols: separatorsOf(matrix.cols) }), [matrix]);
  const legendLines = useMemo(() => slaLines(classified, model.field), [classified, model.field]);
  // A threshold finer than the histogram's buckets cannot tell OK from warning: say so (model/resolution.ts).
  const resolution = useMemo(() => {
    const fmt = (v: number) => formattedValueToString(model.field.display!(v));
    return resolutionNotice(resolutionIssues(classified, model.buckets), model.buckets, fmt);
  }, [classified, model]);
  const worstRows = display.worstPairs;
  const worst = useMemo(
    () => (worstRows > 0 ? worstCells(matrix, painted, worstRows) : []),
    [matrix, painted, worstRows]
  );
  const changed = useMemo(
    () =>
      before &&
      changedCells({ model, status: classified.status }, { model: before, status: classifyModel(before, sla).status }),
    [model, classified, before, sla]
  );
  return {
    classified,
    colors,
    colorNotice,
    view,
    matrix,
    painted,
    marks,
    separators,
    legendLines,
    resolution,
    worst,
    changed,
  };
}

export type MatrixData = ReturnType<typeof useMatrixData>;
