import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, Icon, useStyles2, useTheme2 } from '@grafana/ui';
import React, { memo, useEffect, useMemo, useRef } from 'react';

import { TEST_IDS } from '../constants';
import { RAW } from '../i18nText';
import { Candidate, Diagnosis } from '../insight/diagnose';
import { Layout } from '../layout/layout';
import { View } from '../model/view';

interface LineProps {
  diagnosis: Diagnosis;
  shown: boolean;
  onToggle: () => void;
  width: number;
}

/** How sure the diagnosis is, in a word. */
function confidenceLabel(confidence: Candidate['confidence']): string {
  switch (confidence) {
    case 'high':
      return t('diagnosis-line.confidence.high', 'likely');
    case 'medium':
      return t('diagnosis-line.confidence.medium', 'possible');
    case 'low':
      return t('diagnosis-line.confidence.low', 'weak guess');
  }
}

/** The diagnosis in one line above the matrix: the best candidate, how sure, and the others on hover. */
export function DiagnosisLine({ diagnosis, shown, onToggle, width }: LineProps) {
  const styles = useStyles2(getStyles);
  const [best, ...rest] = diagnosis.candidates;
  if (!best) {
    return null;
  }
  const share = Math.round(best.explains * 100);
  const others = rest.map((c) => c.text).join('\n');
  const meta = t('diagnosis-line.explains', '{{confidence}}, explains {{share}}% of {{bad}} pairs over SLA', {
    confidence: confidenceLabel(best.confidence),
    share,
    bad: diagnosis.bad,
    ...RAW,
  });
  const more = rest.length > 0 ? t('diagnosis-line.more', '+{{n}} more', { n: rest.length, ...RAW }) : undefined;
  return (
    <div className={styles.line} style={{ width }} data-testid={TEST_IDS.diagnosis} data-kind={best.kind}>
      <Icon name="bolt" className={styles.icon} />
      <span className={styles.text} title={[best.text, others].filter(Boolean).join('\n')}>
        <span data-testid={TEST_IDS.diagnosisText}>{best.text}</span>
        <span className={styles.meta}>
          {' '}
          · {meta}
          {more && ` · ${more}`}
        </span>
      </span>
      {best.cells.length > 0 && (
        <Button
          size="sm"
          variant="secondary"
          fill="text"
          icon={shown ? 'eye-slash' : 'eye'}
          aria-pressed={shown}
          onClick={onToggle}
          data-testid={TEST_IDS.diagnosisToggle}
        >
          {shown ? t('diagnosis-line.hide-cells', 'Hide cells') : t('diagnosis-line.show-cells', 'Show cells')}
        </Button>
      )}
    </div>
  );
}

interface OutlineProps {
  /** Model cell indices (row × model columns + column). */
  cells: ArrayLike<number>;
  view: View;
  modelCols: number;
  layout: Layout;
  /** Dashed: a diagnosis' cells; solid: cells that changed. */
  dashed: boolean;
  testId: string;
}

/** Outlines the drawn cells holding these model cells (group cells hold many): one small canvas, no DOM per cell. */
export const CellOutline = memo(function CellOutline({
  cells: modelCells,
  view,
  modelCols,
  layout,
  dashed,
  testId,
}: OutlineProps) {
  const theme = useTheme2();
  const canvas = useRef<HTMLCanvasElement>(null);
  const { rows, cols } = view.matrix;
  const cells = useMemo(() => {
    const rowOf = positions(rows, view.rowTree.order);
    const colOf = positions(cols, view.colTree.order);
    const out = new Set<number>();
    for (let i = 0; i < modelCells.length; i++) {
      const c = modelCells[i];
      const r = rowOf.get(Math.floor(c / modelCols));
      const k = colOf.get(c % modelCols);
      if (r !== undefined && k !== undefined) {
        out.add(r * cols.length + k);
      }
    }
    return out;
  }, [modelCells, rows, cols, view, modelCols]);
  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) {
      return;
    }
    el.width = Math.max(1, Math.round(layout.w * dpr));
    el.height = Math.max(1, Math.round(layout.h * dpr));
    ctx.clearRect(0, 0, el.width, el.height);
    ctx.strokeStyle = theme.colors.text.primary;
    ctx.lineWidth = Math.max(1, Math.round(2 * dpr));
    ctx.setLineDash(dashed && layout.cellW >= 8 ? [3 * dpr, 2 * dpr] : []);
    ctx.beginPath();
    const n = cols.length;
    for (const i of cells) {
      const r = Math.floor(i / n);
      const c = i % n;
      ctx.rect(c * layout.cellW * dpr + 1, r * layout.cellH * dpr + 1, layout.cellW * dpr - 2, layout.cellH * dpr - 2);
    }
    ctx.stroke();
  }, [cells, cols.length, layout, dpr, theme, dashed]);

  return (
    <canvas
      ref={canvas}
      data-testid={testId}
      data-cells={cells.size}
      style={{ position: 'absolute', left: 0, top: 0, width: layout.w, height: layout.h, pointerEvents: 'none' }}
    />
  );
});

/** Model host index → the drawn row (or column) holding it. */
function positions(entries: View['matrix']['rows'], order: Int32Array): Map<number, number> {
  const out = new Map<number, number>();
  entries.forEach((e, i) => {
    for (let p = e.start; p < e.end; p++) {
      out.set(order[p], i);
    }
  });
  return out;
}

const getStyles = (theme: GrafanaTheme2) => ({
  line: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    height: '100%',
    fontSize: theme.typography.bodySmall.fontSize,
    overflow: 'hidden',
  }),
  icon: css({ color: theme.colors.warning.text, flex: 'none' }),
  text: css({
    flex: 1,
    minWidth: 0,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    unicodeBidi: 'isolate',
  }),
  meta: css({ color: theme.colors.text.secondary }),
});
