import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';

import { LEGEND_HEIGHT } from '../Legend';
import { srOnly } from '../styles';

export const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ position: 'relative', overflow: 'hidden' }),
  area: css({ position: 'absolute' }),
  toolbar: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), flexDirection: 'row-reverse' }),
  stale: css({ opacity: 0.55, filter: 'saturate(0.6)' }),
  banner: css({
    flex: 1,
    minWidth: 0,
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.colors.warning.text,
    fontSize: theme.typography.bodySmall.fontSize,
    '& > span': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  }),
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
  legend: css({ position: 'absolute', left: 0, right: 0, height: LEGEND_HEIGHT }),
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
  srOnly: css(srOnly),
  tooSmall: css({
    width: '100%',
    height: '100%',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    overflow: 'hidden',
    textAlign: 'center',
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  drawing: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    textAlign: 'center',
    color: theme.colors.text.secondary,
  }),
  /** Over the previous matrix while a huge view is drawn in slices. */
  drawingBar: css({ position: 'absolute', top: 0, left: 0, right: 0, zIndex: 2 }),
});
