import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { useStyles2, useTheme2 } from '@grafana/ui';
import React, { useMemo } from 'react';

import { TEST_IDS } from '../constants';
import { buildMatrix } from '../model/buildMatrix';
import { timed } from '../perf';
import { ModelOptions, PingmeshOptions, pickModelOptions } from '../types';
import { MatrixView } from './MatrixView';
import { DrillData } from './PairView';

const MODEL_MARK = 'pingmesh:model';

export function PingmeshPanel(props: PanelProps<PingmeshOptions>) {
  const { data, options, width, height, id, fieldConfig, timeRange, timeZone, replaceVariables } = props;
  const theme = useTheme2();
  const styles = useStyles2(getStyles);

  // Only the options that shape the model rebuild it; view options (start level, aggregation, sort) regroup it.
  const modelKey = JSON.stringify(pickModelOptions(options));
  const modelOptions = useMemo(() => JSON.parse(modelKey) as ModelOptions, [modelKey]);
  // On the main thread on purpose: 1M table rows build in ~125 ms, while merely posting their label columns to a
  // worker blocks the sender for ~200 ms (structured clone), so a worker would not shorten the freeze.
  const result = useMemo(
    () => timed(MODEL_MARK, () => buildMatrix({ frames: data.series, options: modelOptions, theme })),
    [data.series, modelOptions, theme]
  );

  const drill = useMemo<DrillData>(
    () => ({ frames: data.series, request: data.request, timeRange, timeZone }),
    [data.series, data.request, timeRange, timeZone]
  );

  if (data.series.length === 0) {
    return (
      <div data-testid={TEST_IDS.message} className={styles.message}>
        <PanelDataErrorView panelId={id} data={data} fieldConfig={fieldConfig} needsNumberField needsStringField />
      </div>
    );
  }
  if (result.warning !== undefined) {
    return (
      <div data-testid={TEST_IDS.message} className={styles.message} role="status">
        <PanelDataErrorView panelId={id} data={data} fieldConfig={fieldConfig} message={result.warning} />
      </div>
    );
  }
  return (
    <MatrixView
      model={result.model}
      options={options}
      width={width}
      height={height}
      drill={drill}
      panelId={id}
      replaceVariables={replaceVariables}
    />
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  message: css({
    width: '100%',
    height: '100%',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: theme.spacing(2),
    color: theme.colors.text.secondary,
    textAlign: 'center',
    overflow: 'auto',
  }),
});
