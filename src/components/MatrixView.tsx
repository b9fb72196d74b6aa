import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { TEST_IDS } from '../constants';
import { cellAt, computeLayout } from '../layout/layout';
import { AxisEntry } from '../model/hierarchy';
import { MatrixModel } from '../model/types';
import { Zoom, buildView } from '../model/view';
import { timed } from '../perf';
import { describeCell } from '../render/describe';
import { paintCells } from '../render/paint';
import { PingmeshOptions } from '../types';
import { AxisLabels, BAND } from './AxisLabels';
import { Breadcrumb } from './Breadcrumb';
import { CellTooltip } from './CellTooltip';
import { Crosshair } from './Crosshair';
import { HoverStore } from './hoverStore';
import { MatrixCanvas, separatorsOf } from './MatrixCanvas';
import { useTextWidth } from './useTextWidth';

interface Props {
  model: MatrixModel;
  options: PingmeshOptions;
  width: number;
  height: number;
}

const FONT_SIZE = 11;
const FOOTER = 20;
const GROUP_PREFIX = '▸ ';

export function MatrixView({ model, options, width, height }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const measure = useTextWidth(FONT_SIZE, theme.typography.fontFamily);

  // Expansion and zoom are keyed by group ids, so they survive refreshes that bring new data.
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const [zoomStack, setZoom] = useState<Zoom[]>([]);
  const { aggregation, sortBy, startLevel } = options;
  const view = useMemo(
    () => timed('pingmesh:view', () => buildView({ model, startLevel, toggled, zoom: zoomStack, aggregation, sortBy })),
    [model, startLevel, toggled, zoomStack, aggregation, sortBy]
  );
  const { matrix } = view;
  const nRows = matrix.rows.length;
  const nCols = matrix.cols.length;

  const labelWidths = useMemo(
    () => ({ rows: maxLabelWidth(matrix.rows, measure), cols: maxLabelWidth(matrix.cols, measure) }),
    [matrix, measure]
  );
  const bands = useMemo(() => ({ rows: bandCount(view.rowHeaders), cols: bandCount(view.colHeaders) }), [view]);
  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
  const layout = useMemo(
    () =>
      computeLayout({
        width,
        height,
        rows: nRows,
        cols: nCols,
        rowLabelWidth: labelWidths.rows + bands.rows * BAND,
        colLabelWidth: labelWidths.cols + bands.cols * BAND,
        showLabels: options.showAxisLabels,
        fontSize: FONT_SIZE,
        footer: FOOTER,
      }),
    [width, height, nRows, nCols, labelWidths, bands.rows, bands.cols, options.showAxisLabels]
  );
  const painted = useMemo(() => timed('pingmesh:paint', () => paintCells(matrix, theme)), [matrix, theme]);
  const separators = useMemo(() => ({ rows: separatorsOf(matrix.rows), cols: separatorsOf(matrix.cols) }), [matrix]);

  const [hovers] = useState(() => new HoverStore());
  useEffect(() => () => hovers.dispose(), [hovers]);
  const [focus, setFocus] = useState<{ row: number; col: number } | undefined>();
  const root = useRef<HTMLDivElement>(null);

  const toggle = useCallback((ids: string[]) => {
    setToggled((prev) => {
      const next = new Set(prev);
      ids.forEach((id) => (next.has(id) ? next.delete(id) : next.add(id)));
      return next;
    });
    setFocus(undefined);
  }, []);

  /** A group cell zooms into row group × column group; a cell with one group side expands that group in place. */
  const openCell = useCallback(
    (row: number, col: number) => {
      const re = matrix.rows[row];
      const ce = matrix.cols[col];
      if (re.kind === 'group' && ce.kind === 'group') {
        setZoom([...view.zoom, { row: re.node.id, col: ce.node.id }]);
        setFocus(undefined);
        hovers.clear();
      } else if (re.kind === 'group' || ce.kind === 'group') {
        toggle([re, ce].filter((e) => e.kind === 'group').map((e) => e.node.id));
      }
    },
    [matrix, view.zoom, toggle, hovers]
  );

  const hitTest = useCallback(
    (e: React.PointerEvent | React.MouseEvent) => {
      const box = root.current!.getBoundingClientRect();
      return cellAt(layout, nRows, nCols, e.clientX - box.left, e.clientY - box.top);
    },
    [layout, nRows, nCols]
  );

  // At most one hover update per animation frame, however fast the pointer moves (HoverStore).
  const onPointerMove = useCallback(
    (e: React.PointerEvent) => {
      const hit = hitTest(e);
      hovers.set(hit && { ...hit, clientX: e.clientX, clientY: e.clientY });
    },
    [hitTest, hovers]
  );
  const onPointerLeave = useCallback(() => hovers.clear(), [hovers]);
  const onClick = useCallback(
    (e: React.MouseEvent) => {
      const hit = hitTest(e);
      if (hit) {
        openCell(hit.row, hit.col);
      }
    },
    [hitTest, openCell]
  );

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') {
        setFocus(undefined);
        return;
      }
      if (e.key === 'Enter' && focus) {
        openCell(focus.row, focus.col);
        return;
      }
      const delta = MOVES[e.key];
      if (!delta) {
        return;
      }
      e.preventDefault();
      setFocus((f) => {
        const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
        return f === undefined
          ? { row: 0, col: 0 }
          : { row: clamp(f.row + delta[0], nRows), col: clamp(f.col + delta[1], nCols) };
      });
    },
    [focus, openCell, nRows, nCols]
  );

  const focusText = useMemo(() => {
    if (!focus || focus.row >= nRows || focus.col >= nCols) {
      return '';
    }
    const d = describeCell(matrix, focus.row, focus.col);
    return [`${d.source} → ${d.destination}: ${d.value}, ${d.state}`, d.pairs].filter(Boolean).join('. ');
  }, [focus, matrix, nRows, nCols]);

  const pooled = layout.cellW * dpr < 1 || layout.cellH * dpr < 1;
  const footer = [
    model.mapping.presetName && `${model.mapping.detected ? 'Detected' : 'Preset'}: ${model.mapping.presetName}`,
    pooled && `${nRows} × ${nCols} cells on fewer pixels: each pixel shows the worst of its cells`,
    ...model.notices,
  ].filter(Boolean);
  const summary = `Pingmesh matrix, ${nRows} sources × ${nCols} destinations. Arrow keys move between cells; Enter opens a group.`;

  return (
    <div ref={root} className={styles.root} data-testid={TEST_IDS.panel} style={{ width, height }}>
      <div
        className={styles.matrix}
        style={{ left: layout.x, top: layout.y, width: layout.w, height: layout.h }}
        tabIndex={0}
        role="grid"
        aria-label={summary}
        aria-rowcount={nRows}
        aria-colcount={nCols}
        onKeyDown={onKeyDown}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onClick={onClick}
      >
        <MatrixCanvas painted={painted} rows={nRows} cols={nCols} layout={layout} separators={separators} />
        <Crosshair store={hovers} layout={layout} rows={nRows} cols={nCols} />
        {focus && (
          <div
            data-testid={TEST_IDS.focus}
            className={styles.focus}
            style={{
              left: focus.col * layout.cellW,
              top: focus.row * layout.cellH,
              width: layout.cellW,
              height: layout.cellH,
            }}
          />
        )}
      </div>
      <AxisLabels view={view} layout={layout} fontSize={FONT_SIZE} bands={bands} onToggle={toggle} />
      {view.zoom.length > 0 && (
        <Breadcrumb
          zoom={view.zoom}
          view={view}
          onNavigate={(depth) => setZoom(view.zoom.slice(0, depth))}
          width={layout.x}
        />
      )}
      <div className={styles.srOnly} aria-live="polite" data-testid={TEST_IDS.live}>
        {focusText}
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
      <CellTooltip store={hovers} view={matrix} painted={painted} />
    </div>
  );
}

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  Home: [0, -Infinity],
  End: [0, Infinity],
};

function maxLabelWidth(entries: AxisEntry[], measure: (s: string) => number): number {
  let longest = '';
  for (const e of entries) {
    const text = e.kind === 'group' ? GROUP_PREFIX + e.label : e.label;
    if (text.length > longest.length) {
      longest = text;
    }
  }
  return measure(longest);
}

/** Header bands: one per level that has an expanded group. */
function bandCount(headers: Array<{ level: number }>): number {
  return new Set(headers.map((h) => h.level)).size;
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ position: 'relative', overflow: 'hidden' }),
  matrix: css({
    position: 'absolute',
    outline: 'none',
    cursor: 'pointer',
    '&:focus-visible': { boxShadow: `0 0 0 2px ${theme.colors.primary.main}` },
  }),
  focus: css({
    position: 'absolute',
    pointerEvents: 'none',
    outline: `2px solid ${theme.colors.text.primary}`,
    outlineOffset: -1,
  }),
  footer: css({
    position: 'absolute',
    left: 0,
    right: 0,
    bottom: 0,
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    lineHeight: '20px',
  }),
  srOnly: css({
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  }),
});
