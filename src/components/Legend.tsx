import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Icon, Toggletip, useStyles2 } from '@grafana/ui';
import React, { memo } from 'react';

import { LEGEND_ORDER, Status, StatusCode } from '../model/sla';
import { statusLabel } from '../text/status';
import { RAW } from '../util/i18n';
import { markFor, markSvg } from '../render/marks';
import { formatCount } from '../util/format';

export const LEGEND_HEIGHT = 20;
const SWATCH = 12;

export const LEGEND_TEST_IDS = {
  legend: 'pingmesh-legend',
  item: 'pingmesh-legend-item',
  swatch: 'pingmesh-legend-swatch',
  thresholds: 'pingmesh-legend-thresholds',
} as const;

interface LegendProps {
  /** Indexed by Status code: the number of host pairs in that status. */
  counts: ArrayLike<number>;
  colors: Record<StatusCode, string>;
  /** One line per scope or threshold, e.g. "same-tor: latency ≥ 0.5 ms warning, ≥ 1 ms over SLA · loss ≥ 0.01 % / 0.1 %". */
  thresholds: string[];
  width: number;
}

/** Always listed, even at zero: "0 over SLA" is news too. */
const ALWAYS = new Set<StatusCode>([Status.OK, Status.Breach]);

/**
 * One row: each state present with its colour, its mark and its count, then the SLA thresholds behind an info
 * button. Narrow panels cut names with an ellipsis rather than wrapping, so the height stays {@link LEGEND_HEIGHT}.
 */
export const Legend = memo(function Legend({ counts, colors, thresholds, width }: LegendProps) {
  const styles = useStyles2(getStyles);
  const shown = LEGEND_ORDER.filter((s) => ALWAYS.has(s) || (counts[s] ?? 0) > 0);
  const title = thresholds.join('\n');
  return (
    <div className={styles.root} style={{ width }} data-testid={LEGEND_TEST_IDS.legend}>
      <ul className={styles.list} role="list" aria-label={t('legend.pair-states', 'Pair states')}>
        {shown.map((s) => {
          const n = counts[s] ?? 0;
          const name = statusLabel(s);
          // Plural: English forms live in the code (defaultValue_one/_other), zh-Hans needs only _other.
          // escapeValue: false because React escapes; i18next would turn "dc1/tor" into "dc1&#x2F;tor".
          const text = t('legend.item-title', '', {
            count: n,
            name,
            formatted: formatCount(n),
            defaultValue_one: '{{name}}: {{formatted}} pair',
            defaultValue_other: '{{name}}: {{formatted}} pairs',
            ...RAW,
          });
          return (
            <li
              key={s}
              className={styles.item}
              role="listitem"
              title={text}
              data-testid={LEGEND_TEST_IDS.item}
              data-status={s}
              data-count={n}
            >
              <Swatch status={s} color={colors[s]} className={styles.swatch} />
              <span className={styles.text}>
                <span className={styles.name}>{name}</span> {formatCount(n)}
              </span>
            </li>
          );
        })}
      </ul>
      {thresholds.length > 0 && (
        <Toggletip
          title={t('legend.sla-thresholds', 'SLA thresholds')}
          placement="top-end"
          closeButton={false}
          content={
            <ul className={styles.thresholds} data-testid={LEGEND_TEST_IDS.thresholds}>
              {thresholds.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          }
        >
          <button
            type="button"
            className={styles.sla}
            title={title}
            aria-label={t('legend.sla-thresholds', 'SLA thresholds')}
          >
            <Icon name="info-circle" size="sm" />
            {t('legend.sla-button', 'SLA')}
          </button>
        </Toggletip>
      )}
    </div>
  );
});

/** The status colour with its mark, as the cells draw it. */
function Swatch({ status, color, className }: { status: StatusCode; color: string; className: string }) {
  const mark = markFor(status);
  const path = mark ? markSvg(mark, SWATCH, color) : undefined;
  return (
    <svg
      className={className}
      width={SWATCH}
      height={SWATCH}
      viewBox={`0 0 ${SWATCH} ${SWATCH}`}
      aria-hidden
      data-testid={LEGEND_TEST_IDS.swatch}
      data-color={color}
    >
      <rect width={SWATCH} height={SWATCH} fill={color} />
      {path && <path {...path} />}
    </svg>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    height: LEGEND_HEIGHT,
    overflow: 'hidden',
    fontSize: theme.typography.bodySmall.fontSize,
    lineHeight: `${LEGEND_HEIGHT}px`,
    color: theme.colors.text.secondary,
  }),
  list: css({
    display: 'flex',
    flex: '1 1 auto',
    minWidth: 0,
    gap: theme.spacing(1.5),
    margin: 0,
    padding: 0,
    listStyle: 'none',
    overflow: 'hidden',
  }),
  item: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    flex: '0 1 auto',
    minWidth: SWATCH,
    whiteSpace: 'nowrap',
  }),
  // The outline keeps swatches near the background (self, not probed) visible.
  swatch: css({
    flex: 'none',
    outline: `1px solid ${theme.colors.border.medium}`,
    outlineOffset: -1,
  }),
  text: css({ overflow: 'hidden', textOverflow: 'ellipsis', fontVariantNumeric: 'tabular-nums' }),
  name: css({ color: theme.colors.text.primary }),
  sla: css({
    all: 'unset',
    flex: 'none',
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    cursor: 'pointer',
    padding: theme.spacing(0, 0.5),
    borderRadius: theme.shape.radius.default,
    '&:hover': { color: theme.colors.text.primary, background: theme.colors.action.hover },
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  thresholds: css({
    margin: 0,
    paddingLeft: theme.spacing(2),
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'pre-wrap',
  }),
});
