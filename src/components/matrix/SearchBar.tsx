import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Icon, IconButton, Input, useStyles2 } from '@grafana/ui';
import React from 'react';

import { TEST_IDS } from '../testIds';
import { RAW } from '../../util/i18n';

interface Props {
  query: string;
  /** Number of hosts and groups matching, and which one is shown (0-based). */
  hits: number;
  index: number;
  width: number;
  onQuery: (query: string) => void;
  /** Show the next (+1) or previous (-1) match. */
  onStep: (step: 1 | -1) => void;
}

/** "Find host or group": matches are highlighted on both axes; Enter reveals the next one (expanding its groups). */
export function SearchBar({ query, hits, index, width, onQuery, onStep }: Props) {
  const styles = useStyles2(getStyles);
  const status =
    query.trim() === ''
      ? ''
      : hits === 0
        ? t('search.no-match', 'No match')
        : t('search.position', '{{current}} / {{total}}', { current: index + 1, total: hits, ...RAW });
  return (
    <div className={styles.bar} style={{ width }}>
      <Input
        width={32}
        value={query}
        placeholder={t('search.placeholder', 'Find host or group')}
        aria-label={t('search.placeholder', 'Find host or group')}
        data-testid={TEST_IDS.search}
        prefix={<Icon name="search" />}
        suffix={
          <span className={styles.status} data-testid={TEST_IDS.searchStatus} aria-live="polite">
            {status}
          </span>
        }
        onChange={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape' && query !== '') {
            e.stopPropagation();
            onQuery('');
          }
        }}
      />
      {hits > 1 && (
        <>
          <IconButton
            name="arrow-up"
            tooltip={t('search.previous', 'Previous match (Shift+Enter)')}
            onClick={() => onStep(-1)}
          />
          <IconButton name="arrow-down" tooltip={t('search.next', 'Next match (Enter)')} onClick={() => onStep(1)} />
        </>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(0.5), height: '100%' }),
  status: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'nowrap',
  }),
});
