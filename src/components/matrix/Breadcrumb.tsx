import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import { TEST_IDS } from '../testIds';
import { View, Zoom } from '../../view/view';

interface Props {
  zoom: Zoom[];
  view: View;
  /** Go back to this many zoom levels (0 = the whole matrix). */
  onNavigate: (depth: number) => void;
  width: number;
}

/** Where the zoom is, and the way back: "All › dc-1 × dc-2". */
export function Breadcrumb({ zoom, view, onNavigate, width }: Props) {
  const styles = useStyles2(getStyles);
  const name = (z: Zoom) =>
    `${view.rowTree.byId.get(z.row)?.name ?? z.row} × ${view.colTree.byId.get(z.col)?.name ?? z.col}`;
  return (
    <nav
      className={styles.bar}
      aria-label={t('breadcrumb.zoom', 'Zoom')}
      data-testid={TEST_IDS.breadcrumb}
      style={{ maxWidth: Math.max(width, 160) }}
    >
      <button type="button" className={styles.link} onClick={() => onNavigate(0)}>
        {t('breadcrumb.all', 'All')}
      </button>
      {zoom.map((z, i) => (
        <React.Fragment key={i}>
          <span className={styles.sep}>›</span>
          {i === zoom.length - 1 ? (
            <span aria-current="location">{name(z)}</span>
          ) : (
            <button type="button" className={styles.link} onClick={() => onNavigate(i + 1)}>
              {name(z)}
            </button>
          )}
        </React.Fragment>
      ))}
    </nav>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    position: 'absolute',
    left: 0,
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    alignItems: 'center',
    padding: theme.spacing(0.25, 0.5),
    fontSize: theme.typography.bodySmall.fontSize,
    background: theme.colors.background.primary,
    borderRadius: theme.shape.radius.default,
    overflowWrap: 'anywhere',
  }),
  link: css({
    background: 'none',
    border: 'none',
    padding: 0,
    color: theme.colors.text.link,
    cursor: 'pointer',
  }),
  sep: css({ color: theme.colors.text.secondary }),
});
