import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import React, { memo } from 'react';

import { TEST_IDS } from './testIds';
import { RAW } from '../util/i18n';
import { ViewMatrix } from '../view/aggregate';
import { describeCell } from '../text/describe';
import { Painted } from '../render/paint';
import { RankedCell } from '../view/worst';

interface Props {
  view: ViewMatrix;
  painted: Painted;
  cells: RankedCell[];
  width: number;
  height: number;
  onOpen: (row: number, col: number) => void;
}

/**
 * The worst pairs (or group pairs) of what is drawn, worst first: a table of text, so it is also the matrix for screen
 * readers and keyboard users. A row opens the same drill-down as a click on its cell.
 */
export const WorstList = memo(function WorstList({ view, painted, cells, width, height, onOpen }: Props) {
  const styles = useStyles2(getStyles);
  const px = painted.rgba;
  // The value column takes at most this share of the list, so a long unit (a custom suffix) cannot squeeze the pair
  // column to nothing: the value is cut with an ellipsis instead, its full text in the cell's title.
  const valueWidth = Math.max(MIN_VALUE_WIDTH, Math.floor(width * VALUE_SHARE));
  return (
    <div className={styles.root} style={{ width, height }}>
      <table className={styles.table} data-testid={TEST_IDS.worstList}>
        <caption className={styles.caption}>
          {t('worst.caption', '', {
            count: cells.length,
            n: String(cells.length),
            defaultValue_one: 'Worst pair',
            defaultValue_other: 'Worst {{n}} pairs',
            ...RAW,
          })}
        </caption>
        <tbody>
          {cells.map(({ row, col }) => {
            const d = describeCell(view, row, col);
            const pair = t('worst.pair', '{{source}} → {{destination}}', {
              source: d.source,
              destination: d.destination,
              ...RAW,
            });
            const i = (row * view.cols.length + col) * 4;
            const colour = `rgba(${px[i]}, ${px[i + 1]}, ${px[i + 2]}, ${px[i + 3] / 255})`;
            return (
              <tr
                key={`${row}:${col}`}
                data-testid={TEST_IDS.worstItem}
                data-source={d.source}
                data-destination={d.destination}
              >
                <td className={styles.swatchCell}>
                  <span className={styles.swatch} style={{ background: colour }} aria-hidden />
                </td>
                <th scope="row" className={styles.pair}>
                  <button type="button" className={styles.button} title={pair} onClick={() => onOpen(row, col)}>
                    {pair}
                  </button>
                </th>
                <td className={styles.value} title={[d.value, d.state, d.pairs].filter(Boolean).join(' · ')}>
                  <span className={styles.valueText} style={{ maxWidth: valueWidth }}>
                    {d.value}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});

const VALUE_SHARE = 0.4;
const MIN_VALUE_WIDTH = 48;

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({
    overflow: 'auto',
    borderLeft: `1px solid ${theme.colors.border.weak}`,
    paddingLeft: theme.spacing(1),
  }),
  table: css({ width: '100%', borderCollapse: 'collapse', fontSize: theme.typography.bodySmall.fontSize }),
  caption: css({
    captionSide: 'top',
    textAlign: 'left',
    fontWeight: theme.typography.fontWeightMedium,
    color: theme.colors.text.secondary,
    padding: theme.spacing(0.5, 0),
  }),
  swatchCell: css({ width: 14, padding: '2px 0' }),
  swatch: css({ display: 'block', width: 10, height: 10, borderRadius: theme.shape.radius.default }),
  pair: css({ fontWeight: 'normal', textAlign: 'left', maxWidth: 0, width: '100%' }),
  button: css({
    all: 'unset',
    display: 'block',
    // A button shrinks to its text even as a block: the whole pair column is the row's target.
    width: '100%',
    boxSizing: 'border-box',
    cursor: 'pointer',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    unicodeBidi: 'isolate',
    padding: '2px 4px',
    borderRadius: theme.shape.radius.default,
    '&:hover': { background: theme.colors.action.hover },
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  value: css({ textAlign: 'right', whiteSpace: 'nowrap', paddingLeft: theme.spacing(1) }),
  // A block with a max width bounds the column's width in the table's automatic layout.
  valueText: css({ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' }),
});
