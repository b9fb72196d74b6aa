import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import React, { useCallback, useMemo, useRef, useState } from 'react';

import { TEST_IDS } from '../constants';
import { cellAt, computeLayout } from '../layout/layout';
import { MatrixModel } from '../model/types';
import { describeCell } from '../render/describe';
import { paintCells } from '../render/paint';
import { PingmeshOptions } from '../types';
import { AxisLabels } from './AxisLabels';
import { CellTooltip } from './CellTooltip';
import { MatrixCanvas } from './MatrixCanvas';
import { useTextWidth } from './useTextWidth';

interface Props {
  model: MatrixModel;
  options: PingmeshOptions;
  width: number;
  height: number;
}

export interface Hover {
  row: number;
  col: number;
  /** Pointer position in viewport coordinates, for the tooltip. */
  clientX: number;
  clientY: number;
}

const FONT_SIZE = 11;
const FOOTER = 20;

export function MatrixView({ model, options, width, height }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const measure = useTextWidth(FONT_SIZE, theme.typography.fontFamily);

  const labelWidths = useMemo(
    () => ({ rows: maxWidth(model.rows, measure), cols: model.cols === model.rows ? null : maxWidth(model.cols, measure) }),
    [model.rows, model.cols, measure]
  );
  const footer = model.notices.length > 0 || model.mapping.presetName ? FOOTER : 0;
  const layout = useMemo(
    () =>
      computeLayout({
        width,
        height,
        rows: model.rows.length,
        cols: model.cols.length,
        rowLabelWidth: labelWidths.rows,
        colLabelWidth: labelWidths.cols ?? labelWidths.rows,
        showLabels: options.showAxisLabels,
        fontSize: FONT_SIZE,
        footer,
      }),
    [width, height, model.rows.length, model.cols.length, labelWidths, options.showAxisLabels, footer]
  );
  const pixels = useMemo(() => paintCells(model, theme), [model, theme]);

  const [hover, setHover] = useState<Hover | undefined>();
  const [focus, setFocus] = useState<{ row: number; col: number } | undefined>();
  const frame = useRef<number | undefined>(undefined);
  const pending = useRef<Hover | undefined>(undefined);
  const root = useRef<HTMLDivElement>(null);

  // At most one hover update per animation frame, however fast the pointer moves.
  const onPointerMove = useCallback(
    (e: React.PointerEvent) => {
      const box = root.current!.getBoundingClientRect();
      const hit = cellAt(layout, model.rows.length, model.cols.length, e.clientX - box.left, e.clientY - box.top);
      pending.current = hit && { ...hit, clientX: e.clientX, clientY: e.clientY };
      if (frame.current === undefined) {
        frame.current = requestAnimationFrame(() => {
          frame.current = undefined;
          setHover(pending.current);
        });
      }
    },
    [layout, model.rows.length, model.cols.length]
  );
  const onPointerLeave = useCallback(() => {
    pending.current = undefined;
    setHover(undefined);
  }, []);

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      const move: Record<string, [number, number]> = {
        ArrowUp: [-1, 0],
        ArrowDown: [1, 0],
        ArrowLeft: [0, -1],
        ArrowRight: [0, 1],
        Home: [0, -Infinity],
        End: [0, Infinity],
      };
      if (e.key === 'Escape') {
        setFocus(undefined);
        return;
      }
      const delta = move[e.key];
      if (!delta) {
        return;
      }
      e.preventDefault();
      setFocus((f) => {
        const from = f ?? { row: 0, col: 0 };
        const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
        return f === undefined
          ? from
          : { row: clamp(from.row + delta[0], model.rows.length), col: clamp(from.col + delta[1], model.cols.length) };
      });
    },
    [model.rows.length, model.cols.length]
  );

  const focusText = useMemo(() => {
    if (!focus) {
      return '';
    }
    const d = describeCell(model, focus.row, focus.col);
    return `${d.source} → ${d.destination}: ${d.value}, ${d.state}`;
  }, [focus, model]);

  const summary = `Pingmesh matrix, ${model.rows.length} sources × ${model.cols.length} destinations. Use the arrow keys to move between cells.`;

  return (
    <div ref={root} className={styles.root} data-testid={TEST_IDS.panel} style={{ width, height }}>
      <div
        className={styles.matrix}
        style={{ left: layout.x, top: layout.y, width: layout.w, height: layout.h }}
        tabIndex={0}
        role="grid"
        aria-label={summary}
        aria-rowcount={model.rows.length}
        aria-colcount={model.cols.length}
        onKeyDown={onKeyDown}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
      >
        <MatrixCanvas pixels={pixels} rows={model.rows.length} cols={model.cols.length} layout={layout} />
        {focus && (
          <div
            data-testid={TEST_IDS.focus}
            className={styles.focus}
            style={{ left: focus.col * layout.cellW, top: focus.row * layout.cellH, width: layout.cellW, height: layout.cellH }}
          />
        )}
      </div>
      <AxisLabels model={model} layout={layout} hover={hover} fontSize={FONT_SIZE} />
      <div className={styles.srOnly} aria-live="polite" data-testid={TEST_IDS.live}>
        {focusText}
      </div>
      {footer > 0 && (
        <div className={styles.footer} data-testid={TEST_IDS.notices} style={{ height: footer }}>
          {[
            model.mapping.presetName && `${model.mapping.detected ? 'Detected' : 'Preset'}: ${model.mapping.presetName}`,
            ...model.notices,
          ]
            .filter(Boolean)
            .join(' · ')}
        </div>
      )}
      {hover && <CellTooltip model={model} hover={hover} />}
    </div>
  );
}

function maxWidth(labels: string[], measure: (s: string) => number): number {
  let longest = '';
  for (const l of labels) {
    if (l.length > longest.length) {
      longest = l;
    }
  }
  return measure(longest);
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ position: 'relative', overflow: 'hidden' }),
  matrix: css({
    position: 'absolute',
    outline: 'none',
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
