import { cx } from '@emotion/css';
import { InterpolateFunction } from '@grafana/data';
import { t } from '@grafana/i18n';
import { LoadingBar, useStyles2, useTheme2 } from '@grafana/ui';
import React, { useRef } from 'react';

import { DrillData } from '../../drill/types';
import { SlaConfig, Status } from '../../model/sla';
import { MatrixModel } from '../../model/types';
import { PingmeshOptions } from '../../options/types';
import { minCellArea } from '../../render/layout';
import { focusAnnouncement, footerLines, gridSummary, tooSmallText } from '../../text/matrix';
import { CellMenu } from '../CellActions';
import { DiagnosisLine, DiagnosisList } from '../Diagnosis';
import { LEGEND_HEIGHT } from '../Legend';
import { PairView } from '../PairView';
import { TEST_IDS } from '../testIds';
import { RAW } from '../../util/i18n';
import { formatCount } from '../../util/format';
import { useDiagnosis } from '../useDiagnosis';
import { useTextWidth } from '../useTextWidth';
import { WorstList } from '../WorstList';
import { Area } from './Area';
import { AxisLabels } from './AxisLabels';
import { Breadcrumb } from './Breadcrumb';
import { CellTooltip } from './CellTooltip';
import { focusCell } from './focus';
import { FOOTER_HEIGHT, Footer } from './Footer';
import { useHoverStore } from './hoverStore';
import { MatrixGrid } from './MatrixGrid';
import { getStyles } from './MatrixView.styles';
import { useDiagnosisList } from './useDiagnosisList';
import { useGridPointer } from './useGridPointer';
import { useMatrixActions } from './useMatrixActions';
import { MatrixData, useMatrixData } from './useMatrixData';
import { useMatrixKeys } from './useMatrixKeys';
import { useMatrixLayout } from './useMatrixLayout';
import { MatrixState, useMatrixState } from './useMatrixState';
import { useSearch } from './useSearch';
import { Toolbar } from './Toolbar';

interface Props {
  model: MatrixModel;
  /** Normalised (useOptions). */
  options: PingmeshOptions;
  width: number;
  height: number;
  drill: DrillData;
  panelId: number;
  replaceVariables: InterpolateFunction;
  /** A data problem to show above the matrix (failed or partial query). */
  banner?: string;
  /** The matrix is the last good one after a failed refresh: drawn dimmed. */
  stale?: boolean;
  /** The panel's SLA, from the SLA options. */
  sla: SlaConfig;
  /** Why option values were not used (footer lines). */
  optionNotices: string[];
  /** The breach timeline strip, drawn in its area above the matrix (range queries). */
  timeline?: (width: number, height: number, breachColor: string) => React.ReactNode;
  /** "Highlight changes": the matrix some minutes before the shown one, or why there is none. */
  changes?: { before?: MatrixModel; since: string; note?: string };
}

const FONT_SIZE = 11;

/**
 * The matrix and everything around it. Its view state (zoom, open groups, selection) and derived data come first: a
 * huge view is built in slices, drawn when ready (the previous one meanwhile, a message before the first).
 */
export function MatrixView(props: Props) {
  const { width, height } = props;
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const state = useMatrixState(props.panelId, props.model);
  const data = useMatrixData({
    model: props.model,
    options: props.options,
    sla: props.sla,
    toggled: state.toggled,
    zoom: state.zoom,
    theme,
    before: props.changes?.before,
  });
  if (!data) {
    const cells = props.model.rows.length * props.model.cols.length;
    return (
      <div className={styles.drawing} data-testid={TEST_IDS.message} role="status" style={{ width, height }}>
        <div>
          <LoadingBar width={Math.min(240, width)} />
          {t('panel.drawing', 'Drawing {{cells}} cells…', { cells: formatCount(cells), ...RAW })}
        </div>
      </div>
    );
  }
  return <MatrixBody {...props} model={data.model} state={state} data={data} />;
}

/** The matrix drawn from one consistent model + view, composed from hooks (search, keys, pointer, layout). */
function MatrixBody(props: Props & { state: MatrixState; data: MatrixData }) {
  const { model, options, width, height, drill, banner, stale, timeline, changes, state, data } = props;
  const { display } = options;
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const measure = useTextWidth(FONT_SIZE, theme.typography.fontFamily);
  const { selected } = state;
  const { view, matrix, classified, colors } = data;
  const nRows = matrix.rows.length;
  const nCols = matrix.cols.length;
  const focus = focusCell(state.focusTarget, view, model);

  const insight = useDiagnosis(model, classified, display.showDiagnosis);
  const { diagnosis, entries } = insight;
  const { areas, hostLabels, layout, fits } = useMatrixLayout({
    view,
    hosts: { rows: model.rows, cols: model.cols },
    panel: {
      width,
      height,
      toolbar: display.showSearch || banner !== undefined,
      list: display.worstPairs > 0,
      pair: selected !== undefined,
      diagnosis: (diagnosis?.candidates.length ?? 0) > 0,
      timeline: timeline !== undefined,
    },
    measure,
    shortNames: display.shortNames,
    showLabels: display.showAxisLabels,
    fontSize: FONT_SIZE,
    footer: FOOTER_HEIGHT + LEGEND_HEIGHT,
  });
  const area = areas.matrix;

  const hovers = useHoverStore();
  const grid = useRef<HTMLDivElement>(null);
  const variables = options.drill;
  const { replaceVariables } = props;
  const actions = useMatrixActions({ model, view, state, drill, variables, replaceVariables, hovers, grid });
  const search = useSearch({ model, view, startLevel: options.grouping.startLevel, ...state });
  const pointer = useGridPointer({ grid, layout, rows: nRows, cols: nCols, hovers, ...state, ...actions });
  const keys = useMatrixKeys({
    ...state,
    ...actions,
    focus,
    rows: nRows,
    cols: nCols,
    menuAt: pointer.menuAt,
  });
  const list = useDiagnosisList({ insight, search, grid });

  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
  const footer = footerLines({
    model,
    pooled: layout.cellW * dpr < 1 || layout.cellH * dpr < 1,
    rows: nRows,
    cols: nCols,
    options: [...props.optionNotices, data.resolution, data.colorNotice],
    shortened: display.showAxisLabels ? hostLabels.patterns : [],
    changes: changes && { since: changes.since, note: changes.note, count: data.changed?.length ?? 0 },
    linked: state.linked,
  });

  if (!fits) {
    const small = tooSmallText(width, height, minCellArea(FONT_SIZE));
    return (
      <div
        className={styles.tooSmall}
        data-testid={TEST_IDS.tooSmall}
        role="status"
        title={small.title}
        style={{ width, height }}
      >
        {small.text}
      </div>
    );
  }

  return (
    <div
      className={styles.root}
      data-testid={TEST_IDS.panel}
      data-drawing={data.drawing || undefined}
      style={{ width, height }}
      onKeyDown={keys.onRootKeyDown}
    >
      {data.drawing && (
        <div className={styles.drawingBar}>
          <LoadingBar width={width} />
        </div>
      )}
      {areas.toolbar && (
        <Area rect={areas.toolbar} className={styles.toolbar}>
          <Toolbar banner={banner} search={display.showSearch ? search : undefined} width={areas.toolbar.w} />
        </Area>
      )}
      {areas.timeline && timeline && (
        <Area rect={areas.timeline}>{timeline(areas.timeline.w, areas.timeline.h, colors[Status.Breach])}</Area>
      )}
      {areas.diagnosis && diagnosis && (
        <Area rect={areas.diagnosis} boxRef={list.box}>
          <DiagnosisLine
            entries={entries}
            bad={diagnosis.bad}
            outlined={insight.outlined}
            onOutline={insight.setOutlined}
            open={insight.open}
            onOpen={insight.setOpen}
            width={areas.diagnosis.w}
          />
        </Area>
      )}
      <Area rect={area} className={cx(stale && styles.stale)} data-stale={stale || undefined}>
        <MatrixGrid
          gridRef={grid}
          model={model}
          data={data}
          layout={layout}
          area={area}
          hovers={hovers}
          focus={focus}
          highlight={search.highlight}
          pinned={actions.pinned}
          pinnedActions={actions.pinnedActions}
          onUnpin={actions.unpin}
          culprit={insight.outlined !== undefined ? entries[insight.outlined]?.candidate : undefined}
          summary={gridSummary(nRows, nCols)}
          handlers={{ ...pointer, onKeyDown: keys.onGridKeyDown }}
        />
        <AxisLabels
          view={view}
          layout={layout}
          fontSize={FONT_SIZE}
          hostLabels={hostLabels}
          onToggle={state.toggle}
          highlight={search.highlight}
        />
        {view.zoom.length > 0 && (
          <Breadcrumb zoom={view.zoom} view={view} onNavigate={actions.onNavigate} width={layout.x} />
        )}
        <Footer data={data} lines={footer} width={area.w} />
      </Area>
      {areas.diagnosis && diagnosis && insight.open && (
        <Area rect={{ x: 0, y: areas.diagnosis.y + areas.diagnosis.h, w: Math.min(areas.diagnosis.w, 720) }}>
          <DiagnosisList
            entries={entries}
            bad={diagnosis.bad}
            outlined={insight.outlined}
            onOutline={insight.setOutlined}
            onGoto={list.gotoCandidate}
            onClose={list.close}
            maxHeight={Math.max(80, height - areas.diagnosis.y - areas.diagnosis.h - 8)}
          />
        </Area>
      )}
      <div className={styles.srOnly} aria-live="polite" data-testid={TEST_IDS.live}>
        {focusAnnouncement(matrix, focus)}
      </div>
      {areas.list && (
        <Area rect={areas.list}>
          <WorstList
            view={matrix}
            painted={data.painted}
            cells={data.worst}
            width={areas.list.w}
            height={areas.list.h}
            onOpen={actions.onWorst}
          />
        </Area>
      )}
      {areas.pair && selected && (
        <Area rect={areas.pair}>
          <PairView
            model={model}
            drill={drill}
            pair={selected}
            width={areas.pair.w}
            height={areas.pair.h}
            actions={actions.pinnedActions}
            onClose={actions.closePair}
          />
        </Area>
      )}
      {state.menu && <CellMenu {...state.menu} onClose={actions.closeMenu} />}
      <CellTooltip store={hovers} view={matrix} painted={data.painted} hidden={actions.pinned !== undefined} />
    </div>
  );
}
