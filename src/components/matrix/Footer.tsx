import { useStyles2 } from '@grafana/ui';
import React from 'react';

import { Legend } from '../Legend';
import { TEST_IDS } from '../testIds';
import { getStyles } from './MatrixView.styles';
import { MatrixData } from './useMatrixData';

export const FOOTER_HEIGHT = 20;

interface Props {
  data: Pick<MatrixData, 'classified' | 'colors' | 'legendLines'>;
  /** What the panel detected, guessed or could not use (text/matrix.ts footerLines). */
  lines: string[];
  width: number;
}

/** Under the matrix: the legend (counts per state, the SLA lines), then one line of notices. */
export function Footer({ data, lines, width }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <>
      <div className={styles.legend} style={{ bottom: FOOTER_HEIGHT }}>
        <Legend counts={data.classified.counts} colors={data.colors} thresholds={data.legendLines} width={width} />
      </div>
      {lines.length > 0 && (
        <div
          className={styles.footer}
          data-testid={TEST_IDS.notices}
          style={{ height: FOOTER_HEIGHT }}
          title={lines.join('\n')}
        >
          {lines.join(' · ')}
        </div>
      )}
    </>
  );
}
