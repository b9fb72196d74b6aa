import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, Icon, IconButton, useStyles2 } from '@grafana/ui';
import React, { useEffect, useRef } from 'react';

import { TEST_IDS } from './testIds';
import { RAW } from '../util/i18n';
import { Candidate } from '../insight/diagnosis';
import { DiagnosisEntry } from './useDiagnosis';
import { formatCount } from '../util/format';

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

/** "likely, explains 52% of 120 pairs over SLA"; a 'none' or a silent agent explains no breach: no share. */
function meta(c: Candidate, bad: number): string {
  if (c.kind === 'none' || c.kind === 'silent') {
    return confidenceLabel(c.confidence);
  }
  return t('diagnosis-line.explains', '{{confidence}}, explains {{share}}% of {{bad}} pairs over SLA', {
    confidence: confidenceLabel(c.confidence),
    share: Math.round(c.explains * 100),
    bad: formatCount(bad),
    ...RAW,
  });
}

const LIST_ID = 'pingmesh-diagnosis-list';

interface LineProps {
  entries: DiagnosisEntry[];
  bad: number;
  /** Rank of the entry whose cells are outlined. */
  outlined?: number;
  onOutline: (rank: number | undefined) => void;
  open: boolean;
  onOpen: (open: boolean) => void;
  width: number;
}

/** The diagnosis in one line above the matrix: the best candidate, how sure, and "+N more" opening the ranked list. */
export function DiagnosisLine({ entries, bad, outlined, onOutline, open, onOpen, width }: LineProps) {
  const styles = useStyles2(getStyles);
  const [best, ...rest] = entries;
  if (!best) {
    return null;
  }
  const c = best.candidate;
  return (
    <div className={styles.line} style={{ width }} data-testid={TEST_IDS.diagnosis} data-kind={c.kind}>
      <Icon name="bolt" className={styles.icon} />
      <span className={styles.text} title={best.text}>
        <span data-testid={TEST_IDS.diagnosisText}>{best.text}</span>
        <span className={styles.meta}> · {meta(c, bad)}</span>
      </span>
      {rest.length > 0 && (
        <Button
          size="sm"
          variant="secondary"
          fill="text"
          icon={open ? 'angle-up' : 'angle-down'}
          aria-expanded={open}
          aria-controls={LIST_ID}
          onClick={() => onOpen(!open)}
          data-testid={TEST_IDS.diagnosisMore}
        >
          {t('diagnosis-line.more', '+{{n}} more', { n: rest.length, ...RAW })}
        </Button>
      )}
      {c.cells.length > 0 && (
        <OutlineToggle
          shown={outlined === 0}
          onToggle={() => onOutline(outlined === 0 ? undefined : 0)}
          testId={TEST_IDS.diagnosisToggle}
        />
      )}
    </div>
  );
}

function OutlineToggle({ shown, onToggle, testId }: { shown: boolean; onToggle: () => void; testId: string }) {
  return (
    <Button
      size="sm"
      variant="secondary"
      fill="text"
      icon={shown ? 'eye-slash' : 'eye'}
      aria-pressed={shown}
      onClick={onToggle}
      data-testid={testId}
    >
      {shown ? t('diagnosis-line.hide-cells', 'Hide cells') : t('diagnosis-line.show-cells', 'Show cells')}
    </Button>
  );
}

interface ListProps {
  entries: DiagnosisEntry[];
  bad: number;
  outlined?: number;
  onOutline: (rank: number | undefined) => void;
  onGoto: (entry: DiagnosisEntry) => void;
  onClose: () => void;
  maxHeight: number;
}

/**
 * Every candidate, ranked by how much of the breach it explains: its sentence, how sure, its cells on request and, for
 * a host or a group, "Go to" (the search box finds it and the focus cell moves there). Esc closes it.
 */
export function DiagnosisList({ entries, bad, outlined, onOutline, onGoto, onClose, maxHeight }: ListProps) {
  const styles = useStyles2(getStyles);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      ref={box}
      id={LIST_ID}
      className={styles.list}
      style={{ maxHeight }}
      tabIndex={-1}
      role="region"
      aria-label={t('diagnosis-list.label', 'Diagnosis: every candidate, ranked')}
      data-testid={TEST_IDS.diagnosisList}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className={styles.listHead}>
        <span>{t('diagnosis-list.title', 'Ranked by the share of the breach each explains')}</span>
        <IconButton name="times" size="sm" aria-label={t('diagnosis-list.close', 'Close')} onClick={onClose} />
      </div>
      <ol className={styles.items}>
        {entries.map((entry, rank) => (
          <li
            key={rank}
            className={cx(styles.item, outlined === rank && styles.itemShown)}
            data-testid={TEST_IDS.diagnosisItem}
            data-kind={entry.candidate.kind}
          >
            <div className={styles.itemText}>{entry.text}</div>
            <div className={styles.itemMeta}>
              <span>{meta(entry.candidate, bad)}</span>
              {entry.candidate.cells.length > 0 && (
                <OutlineToggle
                  shown={outlined === rank}
                  onToggle={() => onOutline(outlined === rank ? undefined : rank)}
                  testId={TEST_IDS.diagnosisItemToggle}
                />
              )}
              {entry.target && (
                <Button
                  size="sm"
                  variant="secondary"
                  fill="text"
                  icon="search"
                  onClick={() => onGoto(entry)}
                  data-testid={TEST_IDS.diagnosisItemGoto}
                >
                  {t('diagnosis-list.go-to', 'Go to {{name}}', { name: entry.target.name, ...RAW })}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
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
  list: css({
    position: 'absolute',
    left: 0,
    right: 0,
    zIndex: 2,
    overflowY: 'auto',
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z3,
    fontSize: theme.typography.bodySmall.fontSize,
    outline: 'none',
  }),
  listHead: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: theme.spacing(0.5, 1),
    color: theme.colors.text.secondary,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  items: css({ listStyle: 'decimal inside', margin: 0, padding: 0 }),
  item: css({
    padding: theme.spacing(0.5, 1),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    '&::marker': { color: theme.colors.text.secondary },
  }),
  itemShown: css({ background: theme.colors.action.selected }),
  itemText: css({ display: 'inline', unicodeBidi: 'isolate', overflowWrap: 'anywhere' }),
  itemMeta: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
    color: theme.colors.text.secondary,
  }),
});
