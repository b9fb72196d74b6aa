import { cx } from '@emotion/css';
import { InterpolateFunction, formattedValueToString } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Icon, useStyles2, useTheme2 } from '@grafana/ui';
import React, { useCallback, useMemo, useRef, useState } from 'react';

import { TEST_IDS } from '../testIds';
import { RAW } from '../../util/i18n';
import { PairRef } from '../../drill/pair';
import { DrillData } from '../../drill/types';
import { Rect, panelAreas } from '../../render/layout';
import { AxisEntry } from '../../view/hierarchy';
import { splitLabels } from '../../model/presets';
import { MatrixModel } from '../../model/types';
import { changedCells } from '../../insight/timeline';
import { buildView, classifyModel } from '../../view/view';
import { SlaConfig, Status } from '../../model/sla';
import { resolutionIssues, resolutionNotice } from '../../model/resolution';
import { slaLines } from '../../text/sla';
import { timed } from '../../util/perf';
import { paintCells } from '../../render/paint';
import { statusColors } from '../../render/palette';
import { worstCells } from '../../view/worst';
import { PingmeshOptions } from '../../options/types';
import { AxisLabels } from './AxisLabels';
import { Breadcrumb } from './Breadcrumb';
import { CellMenu, cellActions } from '../CellActions';
import { CellTooltip, PinnedTooltip } from './CellTooltip';
import { Crosshair, Bands } from './Crosshair';
import { useHoverStore } from './hoverStore';
import { LEGEND_HEIGHT, Legend } from '../Legend';
import { MatrixCanvas, separatorsOf } from './MatrixCanvas';
import { CellOutline } from './CellOutline';
import { DiagnosisLine, DiagnosisList } from '../Diagnosis';
import { DiagnosisEntry, useDiagnosis } from '../useDiagnosis';
import { useSearch } from './useSearch';
import { PairView } from '../PairView';
import { SearchBar } from './SearchBar';
import { usePanelUrlState } from '../usePanelUrlState';
import { useStableCallback } from '../useStableCallback';
import { useTextWidth } from '../useTextWidth';
import { WorstList } from '../WorstList';
import { focusAnnouncement, footerLines } from '../../text/matrix';
import { getStyles } from './MatrixView.styles';
import { Menu, useGridPointer } from './useGridPointer';
import { useMatrixKeys } from './useMatrixKeys';
import { useMatrixLayout } from './useMatrixLayout';

interface Props {
  model: MatrixModel;
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
const FOOTER = 20;

export function MatrixView({
  model,
  options,
  width,
  height,
  drill,
  panelId,
  replaceVariables,
  banner,
  stale,
  sla,
  optionNotices,
  timeline,
  changes,
}: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const measure = useTextWidth(FONT_SIZE, theme.typography.fontFamily);

  // Expansion, zoom and the selected pair are keyed by names and group ids, so they survive refreshes; zoom and the
  // selected pair are also in the URL, so a shared link opens the same view.
  const [urlState, setUrlState] = usePanelUrlState(panelId);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const zoomStack = urlState.zoom;
  const selected = urlState.selected;
  // Handlers are stable callers of the latest render (useStableCallback): a memoized closure would keep its render's
  // model and frames alive.
  const setZoom = useStableCallback((zoom: typeof zoomStack) => setUrlState((s) => ({ ...s, zoom })));
  const setSelected = useStableCallback((sel?: PairRef) => setUrlState((s) => ({ ...s, selected: sel })));

  const { grouping, display } = options;
  const { aggregation, sortBy, startLevel } = grouping;
  const hostOrder = useMemo(() => splitLabels(grouping.hostOrder), [grouping.hostOrder]);
  const worstList = { rows: display.worstPairs };
  const classified = useMemo(() => timed('pingmesh:sla', () => classifyModel(model, sla)), [model, sla]);
  const colors = useMemo(
    () => statusColors(theme, display.palette, model.field.config.thresholds),
    [theme, display.palette, model.field.config.thresholds]
  );
  const view = useMemo(
    () =>
      timed('pingmesh:view', () =>
        buildView({ model, startLevel, toggled, zoom: zoomStack, aggregation, sortBy, classified, hostOrder })
      ),
    [model, startLevel, toggled, zoomStack, aggregation, sortBy, classified, hostOrder]
  );
  const { matrix } = view;
  const nRows = matrix.rows.length;
  const nCols = matrix.cols.length;

  const insight = useDiagnosis(model, classified, display.showDiagnosis);
  const { diagnosis, entries: diagnosisEntries } = insight;
  const culprit = insight.outlined !== undefined ? diagnosisEntries[insight.outlined]?.candidate : undefined;
  const before = changes?.before;
  const changed = useMemo(
    () =>
      before
        ? changedCells(
            { model, status: classified.status },
            { model: before, status: classifyModel(before, sla).status }
          )
        : undefined,
    [model, classified, before, sla]
  );
  const hasDiagnosis = (diagnosis?.candidates.length ?? 0) > 0;
  const pairOpen = selected !== undefined;
  const areas = useMemo(
    () =>
      panelAreas({
        width,
        height,
        toolbar: display.showSearch || banner !== undefined,
        list: worstList.rows > 0,
        pair: pairOpen,
        diagnosis: hasDiagnosis,
        timeline: timeline !== undefined,
      }),
    [width, height, display.showSearch, worstList.rows, pairOpen, banner, hasDiagnosis, timeline]
  );
  const area = areas.matrix;
  const { hostLabels, layout } = useMatrixLayout({
    view,
    hosts: { rows: model.rows, cols: model.cols },
    area,
    measure,
    shortNames: display.shortNames,
    showLabels: display.showAxisLabels,
    fontSize: FONT_SIZE,
    footer: FOOTER + LEGEND_HEIGHT,
  });
  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;

  const painted = useMemo(
    () => timed('pingmesh:paint', () => paintCells(matrix, theme, colors)),
    [matrix, theme, colors]
  );
  const marks = useMemo(() => ({ status: matrix.status, lossStatus: matrix.lossStatus, colors }), [matrix, colors]);
  const legendLines = useMemo(() => slaLines(classified, model.field), [classified, model.field]);
  // A threshold finer than the histogram's buckets cannot tell OK from warning: say so (model/resolution.ts).
  const resolution = useMemo(() => {
    const fmt = (v: number) => formattedValueToString(model.field.display!(v));
    return resolutionNotice(resolutionIssues(classified, model.buckets), model.buckets, fmt);
  }, [classified, model]);
  const separators = useMemo(() => ({ rows: separatorsOf(matrix.rows), cols: separatorsOf(matrix.cols) }), [matrix]);
  const worst = useMemo(
    () => (worstList.rows > 0 ? worstCells(matrix, painted, worstList.rows) : []),
    [matrix, painted, worstList.rows]
  );

  const hovers = useHoverStore();
  const [focus, setFocus] = useState<{ row: number; col: number } | undefined>();
  const [menu, setMenu] = useState<Menu | undefined>();
  const grid = useRef<HTMLDivElement>(null);

  const toggle = useStableCallback((ids: string[]) => {
    setToggled((prev) => {
      const next = new Set(prev);
      ids.forEach((id) => (next.has(id) ? next.delete(id) : next.add(id)));
      return next;
    });
    setFocus(undefined);
  });

  /** Host cell: the pair view. Group × group: zoom in. One group side: expand that group in place. */
  const openCell = useStableCallback((row: number, col: number) => {
    const re = matrix.rows[row];
    const ce = matrix.cols[col];
    if (re.kind === 'host' && ce.kind === 'host') {
      // Folded by the cardinality guard, a "host" is a group: there is no single pair to show.
      if (!model.grouped) {
        setSelected({ source: re.label, destination: ce.label });
      }
    } else if (re.kind === 'group' && ce.kind === 'group') {
      setZoom([...view.zoom, { row: re.node.id, col: ce.node.id }]);
      setFocus(undefined);
      hovers.clear();
    } else {
      toggle([re, ce].filter((e) => e.kind === 'group').map((e) => e.node.id));
    }
  });

  const actionsFor = useCallback(
    (row: number, col: number) =>
      cellActions({
        model,
        view: matrix,
        trees: { rows: view.rowTree, cols: view.colTree },
        row,
        col,
        drill,
        options: options.drill,
        replaceVariables,
        onOpenPair: setSelected,
        onOpenGroup: openCell,
      }),
    [model, matrix, view, drill, options, replaceVariables, setSelected, openCell]
  );
  const menuFor = useCallback(
    (row: number, col: number) => ({
      title: `${matrix.rows[row].label} → ${matrix.cols[col].label}`,
      actions: actionsFor(row, col),
    }),
    [matrix, actionsFor]
  );

  // Where the selected pair is drawn (it may be hidden inside a collapsed group).
  const hostIndex = useMemo(() => ({ rows: hostPositions(matrix.rows), cols: hostPositions(matrix.cols) }), [matrix]);
  const pinned =
    selected && hostIndex.rows.has(selected.source) && hostIndex.cols.has(selected.destination)
      ? { row: hostIndex.rows.get(selected.source)!, col: hostIndex.cols.get(selected.destination)! }
      : undefined;

  // Search: matches highlighted on both axes; Enter reveals the next one (useSearch).
  const search = useSearch({
    model,
    view,
    viewInput: { startLevel, aggregation, sortBy, classified, hostOrder },
    toggled,
    setToggled,
    setZoom,
    setFocus,
  });
  const { highlight, hits, hitIndex } = search;

  const { onPointerMove, onPointerLeave, onClick, onContextMenu, menuAt } = useGridPointer({
    grid,
    layout,
    rows: nRows,
    cols: nCols,
    hovers,
    setFocus,
    openCell,
    setMenu,
    menuFor,
  });

  const closePair = useStableCallback(() => {
    setSelected(undefined);
    grid.current?.focus();
  });
  const { onGridKeyDown, onRootKeyDown } = useMatrixKeys({
    focus,
    setFocus,
    rows: nRows,
    cols: nCols,
    openCell,
    menuAt,
    menuOpen: menu !== undefined,
    pairOpen: selected !== undefined,
    closePair,
  });

  const focusText = useMemo(() => focusAnnouncement(matrix, focus), [matrix, focus]);

  const pinRow = pinned?.row;
  const pinCol = pinned?.col;
  const pinnedActions = useMemo(
    () => (pinRow !== undefined && pinCol !== undefined ? actionsFor(pinRow, pinCol) : []),
    [pinRow, pinCol, actionsFor]
  );
  const onWorst = useStableCallback((row: number, col: number) => {
    setFocus({ row, col });
    openCell(row, col);
  });

  // Props of child elements are stable callers too: React 18 keeps a host element's props object (children included)
  // from the last commit that changed one of its DOM attributes, so an inline arrow here would pin that render's
  // scope (model, drill = the response's frames) for as long as the element's attributes stay the same.
  const diagnosisBox = useRef<HTMLDivElement>(null);
  const closeDiagnosisList = useStableCallback(() => {
    insight.setOpen(false);
    diagnosisBox.current?.querySelector<HTMLElement>(`[data-testid="${TEST_IDS.diagnosisMore}"]`)?.focus();
  });
  // Go to: the list closes so the focus cell it moves onto is in view, and the keyboard is on the matrix.
  const gotoCandidate = useStableCallback((entry: DiagnosisEntry) => {
    if (entry.target) {
      insight.setOpen(false);
      search.jumpTo(entry.target);
      grid.current?.focus();
    }
  });
  const unpin = useStableCallback(() => setSelected(undefined));
  const onNavigate = useStableCallback((depth: number) => {
    setZoom(view.zoom.slice(0, depth));
    setFocus(undefined);
  });
  const closeMenu = useStableCallback(() => {
    setMenu(undefined);
    grid.current?.focus();
  });

  const pooled = layout.cellW * dpr < 1 || layout.cellH * dpr < 1;
  const footer = footerLines({
    model,
    pooled,
    rows: nRows,
    cols: nCols,
    options: [...optionNotices, resolution],
    shortened: display.showAxisLabels ? hostLabels.patterns : [],
    changes: changes && { since: changes.since, note: changes.note, count: changed?.length ?? 0 },
  });
  const summary = t(
    'matrix.aria-summary',
    'Pingmesh matrix, {{rows}} sources × {{cols}} destinations. Arrow keys move between cells; Enter opens the pair view or a group; Shift+F10 opens the cell menu.',
    { rows: nRows, cols: nCols, ...RAW }
  );

  return (
    <div className={styles.root} data-testid={TEST_IDS.panel} style={{ width, height }} onKeyDown={onRootKeyDown}>
      {areas.toolbar && (
        <div className={cx(styles.area, styles.toolbar)} style={rect(areas.toolbar)}>
          {banner && (
            <div className={styles.banner} role="alert" data-testid={TEST_IDS.dataIssue} title={banner}>
              <Icon name="exclamation-triangle" />
              <span>{banner}</span>
            </div>
          )}
          {display.showSearch && (
            <SearchBar
              query={search.query}
              hits={hits.length}
              index={Math.min(hitIndex, Math.max(0, hits.length - 1))}
              width={areas.toolbar.w}
              onQuery={search.onQuery}
              onStep={search.step}
            />
          )}
        </div>
      )}
      {areas.timeline && timeline && (
        <div className={styles.area} style={rect(areas.timeline)}>
          {timeline(areas.timeline.w, areas.timeline.h, colors[Status.Breach])}
        </div>
      )}
      {areas.diagnosis && diagnosis && (
        <div ref={diagnosisBox} className={styles.area} style={rect(areas.diagnosis)}>
          <DiagnosisLine
            entries={diagnosisEntries}
            bad={diagnosis.bad}
            outlined={insight.outlined}
            onOutline={insight.setOutlined}
            open={insight.open}
            onOpen={insight.setOpen}
            width={areas.diagnosis.w}
          />
        </div>
      )}
      <div className={cx(styles.area, stale && styles.stale)} style={rect(area)} data-stale={stale || undefined}>
        <div
          ref={grid}
          className={styles.matrix}
          style={{ left: layout.x, top: layout.y, width: layout.w, height: layout.h }}
          tabIndex={0}
          role="grid"
          aria-label={summary}
          aria-rowcount={nRows}
          aria-colcount={nCols}
          onKeyDown={onGridKeyDown}
          onPointerMove={onPointerMove}
          onPointerLeave={onPointerLeave}
          onClick={onClick}
          onContextMenu={onContextMenu}
        >
          <MatrixCanvas
            painted={painted}
            rows={nRows}
            cols={nCols}
            layout={layout}
            separators={separators}
            marks={marks}
          />
          {highlight && <Bands rows={highlight.rows} cols={highlight.cols} layout={layout} tone="search" />}
          {pinned && <Bands rows={[pinned.row]} cols={[pinned.col]} layout={layout} tone="selected" />}
          {culprit && (
            <CellOutline
              cells={culprit.cells}
              view={view}
              modelCols={model.cols.length}
              layout={layout}
              dashed
              testId={TEST_IDS.culprit}
            />
          )}
          {changed && changed.length > 0 && (
            <CellOutline
              cells={changed}
              view={view}
              modelCols={model.cols.length}
              layout={layout}
              dashed={false}
              testId={TEST_IDS.changed}
            />
          )}
          <Crosshair store={hovers} layout={layout} rows={nRows} cols={nCols} />
          {focus && focus.row < nRows && focus.col < nCols && (
            <div
              data-testid={TEST_IDS.focus}
              data-row={focus.row}
              data-col={focus.col}
              className={styles.focus}
              style={{
                left: focus.col * layout.cellW,
                top: focus.row * layout.cellH,
                width: layout.cellW,
                height: layout.cellH,
              }}
            />
          )}
          {pinned && (
            <PinnedTooltip
              view={matrix}
              painted={painted}
              row={pinned.row}
              col={pinned.col}
              layout={layout}
              bounds={{ w: area.w - layout.x, h: area.h - layout.y }}
              actions={pinnedActions.filter((a) => a.id !== 'pair')}
              onClose={unpin}
            />
          )}
        </div>
        <AxisLabels
          view={view}
          layout={layout}
          fontSize={FONT_SIZE}
          hostLabels={hostLabels}
          onToggle={toggle}
          highlight={highlight}
        />
        {view.zoom.length > 0 && <Breadcrumb zoom={view.zoom} view={view} onNavigate={onNavigate} width={layout.x} />}
        <div className={styles.legend} style={{ bottom: FOOTER }}>
          <Legend counts={classified.counts} colors={colors} thresholds={legendLines} width={area.w} />
        </div>
        {footer.length > 0 && (
          <div
            className={styles.footer}
            data-testid={TEST_IDS.notices}
            style={{ height: FOOTER }}
            title={footer.join('\n')}
          >
            {footer.join(' · ')}
          </div>
        )}
      </div>
      {areas.diagnosis && diagnosis && insight.open && (
        <div
          className={styles.area}
          style={{ left: 0, top: areas.diagnosis.y + areas.diagnosis.h, width: Math.min(areas.diagnosis.w, 720) }}
        >
          <DiagnosisList
            entries={diagnosisEntries}
            bad={diagnosis.bad}
            outlined={insight.outlined}
            onOutline={insight.setOutlined}
            onGoto={gotoCandidate}
            onClose={closeDiagnosisList}
            maxHeight={Math.max(80, height - areas.diagnosis.y - areas.diagnosis.h - 8)}
          />
        </div>
      )}
      <div className={styles.srOnly} aria-live="polite" data-testid={TEST_IDS.live}>
        {focusText}
      </div>
      {areas.list && (
        <div className={styles.area} style={rect(areas.list)}>
          <WorstList
            view={matrix}
            painted={painted}
            cells={worst}
            width={areas.list.w}
            height={areas.list.h}
            onOpen={onWorst}
          />
        </div>
      )}
      {areas.pair && selected && (
        <div className={styles.area} style={rect(areas.pair)}>
          <PairView
            model={model}
            drill={drill}
            pair={selected}
            width={areas.pair.w}
            height={areas.pair.h}
            actions={pinnedActions}
            onClose={closePair}
          />
        </div>
      )}
      {menu && <CellMenu x={menu.x} y={menu.y} title={menu.title} actions={menu.actions} onClose={closeMenu} />}
      <CellTooltip store={hovers} view={matrix} painted={painted} hidden={pinned !== undefined} />
    </div>
  );
}

const rect = (r: Rect) => ({ left: r.x, top: r.y, width: r.w, height: r.h });

function hostPositions(entries: AxisEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  entries.forEach((e, i) => e.kind === 'host' && out.set(e.label, i));
  return out;
}
