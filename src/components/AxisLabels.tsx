import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React, { memo } from 'react';

import { TEST_IDS } from '../constants';
import { Layout, labelIndices } from '../layout/layout';
import { MatrixModel } from '../model/types';
import { Hover } from './MatrixView';

interface Props {
  model: MatrixModel;
  layout: Layout;
  hover?: Hover;
  fontSize: number;
}

/**
 * Host names as DOM text (React escapes them: label values are untrusted). Only labels that fit are drawn,
 * so this is O(rows + cols) elements at most.
 */
export const AxisLabels = memo(function AxisLabels({ model, layout, hover, fontSize }: Props) {
  const styles = useStyles2(getStyles);
  const rows = labelIndices(model.rows.length, layout.rowLabelEvery);
  const cols = labelIndices(model.cols.length, layout.colLabelEvery);
  return (
    <>
      {rows.map((r) => (
        <div
          key={r}
          data-testid={TEST_IDS.rowLabel}
          data-index={r}
          className={cx(styles.label, styles.row, hover?.row === r && styles.hot)}
          style={{ top: layout.y + r * layout.cellH + layout.cellH / 2, width: layout.rowGutter - 6, fontSize }}
          title={model.rows[r]}
        >
          {model.rows[r]}
        </div>
      ))}
      {cols.map((c) => (
        <div
          key={c}
          data-testid={TEST_IDS.colLabel}
          data-index={c}
          className={cx(styles.label, styles.col, hover?.col === c && styles.hot)}
          style={{ left: layout.x + c * layout.cellW + layout.cellW / 2, height: layout.colGutter - 6, fontSize }}
          title={model.cols[c]}
        >
          {model.cols[c]}
        </div>
      ))}
    </>
  );
});

const getStyles = (theme: GrafanaTheme2) => ({
  label: css({
    position: 'absolute',
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    lineHeight: 1,
    pointerEvents: 'none',
    unicodeBidi: 'isolate',
  }),
  row: css({ left: 0, textAlign: 'right', transform: 'translateY(-50%)' }),
  col: css({
    top: 0,
    writingMode: 'vertical-rl',
    transform: 'translateX(-50%) rotate(180deg)',
    textAlign: 'left',
  }),
  hot: css({ color: theme.colors.text.primary, fontWeight: theme.typography.fontWeightMedium }),
});
