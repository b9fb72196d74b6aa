import { cx } from '@emotion/css';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import { Rect } from '../../render/layout';
import { getStyles } from './MatrixView.styles';

interface Props extends Omit<React.HTMLAttributes<HTMLDivElement>, 'style'> {
  /** Where in the panel (panelAreas); without a height it grows with its content. */
  rect: Omit<Rect, 'h'> & { h?: number };
  /** The element itself (React 18 passes no `ref` prop to a function component). */
  boxRef?: React.Ref<HTMLDivElement>;
  children?: React.ReactNode;
}

/** One positioned area of the panel: toolbar, timeline, diagnosis, matrix, worst list, pair view. */
export function Area({ rect, className, boxRef, children, ...rest }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div
      ref={boxRef}
      className={cx(styles.area, className)}
      style={{ left: rect.x, top: rect.y, width: rect.w, height: rect.h }}
      {...rest}
    >
      {children}
    </div>
  );
}
