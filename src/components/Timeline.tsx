import { css, cx } from '@emotion/css';
import { GrafanaTheme2, dateTimeFormat } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, useStyles2 } from '@grafana/ui';
import React, { useCallback, useEffect, useMemo, useState } from 'react';

import { TEST_IDS } from './testIds';
import { RAW } from '../util/i18n';
import { TimeIndex, TimelinePoint, nearestTime, timelineSteps } from '../insight/timeline';
import { SlaConfig } from '../model/sla';
import { ModelOptions } from '../options/types';
import { record } from '../util/perf';
import { linear } from '../util/linear';
import { runSliced } from '../util/runSliced';
import { formatCount } from '../util/format';

const TIMELINE_MARK = 'pingmesh:timeline';
/** Most points on the strip. */
const MAX_POINTS = 120;
/** Rows rebuilt for the whole strip at most (points × rows per step): about half a second of background work. */
const MAX_TIMELINE_ROWS = 3_000_000;
const MIN_POINTS = 8;

export interface TimelineState {
  points?: TimelinePoint[];
  /** Being (re)computed for new data; `points` are then the previous ones, if any. */
  computing: boolean;
}

/**
 * Share of pairs over SLA at each step of a range query, built in the background in slices (the same pipeline as the
 * matrix, once per step), so a long range never freezes the panel.
 */
export function useTimeline(
  index: TimeIndex | undefined,
  options: ModelOptions,
  theme: GrafanaTheme2,
  sla: SlaConfig,
  /** Wait (the matrix itself is still building: it goes first). */
  paused = false
): TimelineState {
  const [done, setDone] = useState<{
    index: TimeIndex;
    sla: SlaConfig;
    options: ModelOptions;
    points: TimelinePoint[];
  }>();
  const ranged = index !== undefined && index.times.length >= 2;

  useEffect(() => {
    if (!index || index.times.length < 2 || paused) {
      return;
    }
    const rows = index.timed.reduce((n, t) => n + t.rows.length, 0);
    const perStep = rows / index.times.length;
    const maxPoints = Math.max(MIN_POINTS, Math.min(MAX_POINTS, Math.floor(MAX_TIMELINE_ROWS / Math.max(1, perStep))));
    return runSliced(
      timelineSteps({ index, options, theme, sla, maxPoints }),
      (points, start, busy) => {
        record(TIMELINE_MARK, start, busy);
        setDone({ index, sla, options, points });
      },
      TIMELINE_MARK
    );
  }, [index, options, theme, sla, paused]);

  if (!ranged) {
    return { computing: false };
  }
  const current = done?.index === index && done.sla === sla && done.options === options;
  return { points: done?.points, computing: !current };
}

interface StripProps {
  state: TimelineState;
  /** Every step of the range query: the strip snaps to them. */
  times: number[];
  /** The time the matrix shows; undefined = the latest (live). */
  at?: number;
  onSelect: (t: number | undefined) => void;
  width: number;
  height: number;
  color: string;
  timeZone?: string;
}

const LABEL_W = 128;
const TIME_W = 112;

/** The breach timeline: an area of the share of pairs over SLA, with the shown time marked; click, drag or arrows. */
export function TimelineStrip({ state, times, at, onSelect, width, height, color, timeZone }: StripProps) {
  const styles = useStyles2(getStyles);
  const points = state.points;
  // Hover belongs to the steps it was over: after a refresh it is forgotten.
  const [hovered, setHovered] = useState<{ times: number[]; t: number }>();
  const hover = hovered?.times === times ? hovered.t : undefined;
  const setHover = (t: number | undefined) => setHovered(t === undefined ? undefined : { times, t });
  const chartW = Math.max(40, width - LABEL_W - TIME_W);
  const chartH = height - 8;
  const first = times[0];
  const last = times[times.length - 1];
  const x = useMemo(() => linear([first, last], [0, chartW]), [first, last, chartW]);
  const maxShare = useMemo(() => Math.max(0.05, ...(points ?? []).map(shareOf)), [points]);
  const y = useMemo(() => linear([0, maxShare], [chartH - 1, 1]), [maxShare, chartH]);
  const path = useMemo(() => {
    if (!points || points.length === 0) {
      return '';
    }
    const line = points.map((p) => `${x(p.time).toFixed(1)},${y(shareOf(p)).toFixed(1)}`).join('L');
    return `M${x(points[0].time).toFixed(1)},${chartH}L${line}L${x(points[points.length - 1].time).toFixed(1)},${chartH}Z`;
  }, [points, x, y, chartH]);

  const shown = at ?? last;
  const focusTime = hover ?? shown;
  const focusPoint = points && pointNear(points, focusTime);
  const fmt = (t: number) => dateTimeFormat(t, { timeZone, format: 'HH:mm:ss' });

  const select = useCallback(
    (t: number | undefined) => {
      const snapped = t === undefined ? undefined : nearestTime(times, t);
      onSelect(snapped === undefined || snapped >= last ? undefined : snapped);
    },
    [times, last, onSelect]
  );
  const timeAt = (e: React.PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return x.invert(e.clientX - box.left);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = Math.max(0, times.indexOf(nearestTime(times, shown)!));
    const next: Record<string, number> = {
      ArrowLeft: i - 1,
      ArrowRight: i + 1,
      PageUp: i - 10,
      PageDown: i + 10,
      Home: 0,
      End: times.length - 1,
    };
    if (e.key in next) {
      e.preventDefault();
      select(times[Math.max(0, Math.min(times.length - 1, next[e.key]))]);
    } else if (e.key === 'Escape' && at !== undefined) {
      e.preventDefault();
      e.stopPropagation();
      select(undefined);
    }
  };

  const share = focusPoint && !hover ? describeShare(focusPoint) : undefined;
  const valueText =
    at === undefined
      ? share
        ? t('timeline.value-latest-share', '{{time}} (latest), {{share}}', { time: fmt(shown), share, ...RAW })
        : t('timeline.value-latest', '{{time}} (latest)', { time: fmt(shown), ...RAW })
      : share
        ? t('timeline.value-share', '{{time}}, {{share}}', { time: fmt(shown), share, ...RAW })
        : fmt(shown);

  return (
    <div
      className={styles.root}
      style={{ width, height }}
      data-testid={TEST_IDS.timeline}
      data-at={at ?? ''}
      data-points={points?.length ?? 0}
      data-computing={state.computing || undefined}
    >
      <div
        className={styles.label}
        title={t('timeline.label-title', 'Share of pairs over SLA (or failing) at this time')}
      >
        {focusPoint ? (
          <>
            <span className={styles.share}>
              {t('timeline.share-over-sla', '{{share}} over SLA', { share: percent(focusPoint), ...RAW })}
            </span>
            <span className={styles.sub}>
              {t('timeline.pairs', '{{bad}} of {{total}} pairs', {
                bad: formatCount(focusPoint.bad),
                total: formatCount(focusPoint.judged),
                ...RAW,
              })}
            </span>
          </>
        ) : (
          <span className={styles.sub}>
            {state.computing ? t('timeline.reading', 'Reading the time range…') : t('timeline.no-steps', 'No steps')}
          </span>
        )}
      </div>
      <div
        className={styles.chart}
        role="slider"
        tabIndex={0}
        aria-label={t('timeline.slider-label', 'Time the matrix shows')}
        aria-valuemin={first}
        aria-valuemax={last}
        aria-valuenow={shown}
        aria-valuetext={valueText}
        onKeyDown={onKeyDown}
      >
        <svg
          width={chartW}
          height={chartH}
          className={cx(styles.svg, state.computing && styles.computing)}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture?.(e.pointerId);
            select(timeAt(e));
          }}
          onPointerMove={(e) => {
            const t = timeAt(e);
            setHover(nearestTime(times, t));
            if (e.buttons & 1) {
              select(t);
            }
          }}
          onPointerLeave={() => setHover(undefined)}
        >
          <line x1={0} x2={chartW} y1={chartH - 0.5} y2={chartH - 0.5} className={styles.axis} />
          {path && <path d={path} fill={color} fillOpacity={0.35} stroke={color} strokeWidth={1} />}
          {hover !== undefined && <line x1={x(hover)} x2={x(hover)} y1={0} y2={chartH} className={styles.hover} />}
          <line x1={x(shown)} x2={x(shown)} y1={0} y2={chartH} className={styles.cursor} />
        </svg>
      </div>
      <div className={styles.time}>
        <span data-testid={TEST_IDS.timelineTime} className={at === undefined ? styles.sub : styles.past}>
          {hover !== undefined ? fmt(hover) : at === undefined ? t('timeline.latest', 'Latest') : fmt(at)}
        </span>
        {at !== undefined && (
          <Button
            size="sm"
            variant="secondary"
            fill="text"
            onClick={() => select(undefined)}
            data-testid={TEST_IDS.timelineNow}
            tooltip={t('timeline.back-to-latest', 'Back to the latest data (Esc)')}
          >
            {t('timeline.now', 'Now')}
          </Button>
        )}
      </div>
    </div>
  );
}

const shareOf = (p: TimelinePoint) => (p.judged > 0 ? p.bad / p.judged : 0);

function percent(p: TimelinePoint): string {
  const s = shareOf(p) * 100;
  return `${s === 0 ? '0' : s < 0.1 ? '<0.1' : s.toFixed(s < 10 ? 1 : 0)}%`;
}

function describeShare(p: TimelinePoint): string {
  return t('timeline.share-of-pairs', '{{share}} of pairs over SLA ({{bad}} of {{total}})', {
    share: percent(p),
    bad: p.bad,
    total: p.judged,
    ...RAW,
  });
}

function pointNear(points: TimelinePoint[], t: number): TimelinePoint | undefined {
  const time = nearestTime(
    points.map((p) => p.time),
    t
  );
  return points.find((p) => p.time === time);
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
    lineHeight: 1.2,
  }),
  label: css({ width: LABEL_W - 8, flex: 'none', display: 'flex', flexDirection: 'column', overflow: 'hidden' }),
  share: css({ fontWeight: theme.typography.fontWeightMedium, whiteSpace: 'nowrap' }),
  sub: css({ color: theme.colors.text.secondary, whiteSpace: 'nowrap' }),
  past: css({ color: theme.colors.warning.text, fontWeight: theme.typography.fontWeightMedium }),
  chart: css({
    flex: 'none',
    outline: 'none',
    borderRadius: theme.shape.radius.default,
    '&:focus-visible': { boxShadow: `0 0 0 2px ${theme.colors.primary.main}` },
  }),
  svg: css({ display: 'block', cursor: 'col-resize', touchAction: 'none' }),
  computing: css({ opacity: 0.5 }),
  axis: css({ stroke: theme.colors.border.medium }),
  hover: css({ stroke: theme.colors.text.secondary, strokeDasharray: '2 2' }),
  cursor: css({ stroke: theme.colors.text.primary, strokeWidth: 2 }),
  time: css({ width: TIME_W - 8, flex: 'none', display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) }),
});
