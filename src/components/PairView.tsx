import { css } from '@emotion/css';
import {
  FieldConfigSource,
  FieldType,
  GrafanaTheme2,
  LoadingState,
  PanelData,
  formattedValueToString,
} from '@grafana/data';
import { t } from '@grafana/i18n';
import { PanelRenderer } from '@grafana/runtime';
import { Alert, IconButton, LoadingBar, useStyles2 } from '@grafana/ui';
import React, { useEffect, useMemo, useState } from 'react';

import { TEST_IDS } from './testIds';
import { PairData, PairRef, PairSeries, findPairSeries, pairStats } from '../drill/pair';
import { fetchPairRange } from '../drill/pairQuery';
import { DrillData } from '../drill/types';
import { RAW } from '../util/i18n';
import { MatrixModel } from '../model/types';
import { formatLoss } from '../model/lossFormat';
import { ActionButtons, CellAction } from './CellActions';

interface Props {
  model: MatrixModel;
  drill: DrillData;
  pair: PairRef;
  width: number;
  height: number;
  actions: CellAction[];
  onClose: () => void;
}

type Fetched = { key: string; pairKey: string; data?: PairData; error?: string };

const HEADER = 32;
const STATS_ROW = 22;

/**
 * The drill-down of one host pair: A→B and B→A over the dashboard's time range, drawn by Grafana's time series
 * panel, with p50 / p99 / max / last. Range data already in the panel is used as is; an instant or table query is
 * re-issued as a range query for just this pair through the panel's data source (see README "Pair view").
 */
export function PairView({ model, drill, pair, width, height, actions, onClose }: Props) {
  const styles = useStyles2(getStyles);
  const extra = useMemo(() => (model.source.lossRefId ? [model.source.lossRefId] : []), [model.source.lossRefId]);
  const local = useMemo(() => findPairSeries(drill.frames, model, pair, extra), [drill.frames, model, pair, extra]);
  const pairKey = `${pair.source}\u001f${pair.destination}`;
  const key = `${pairKey}\u001f${drill.timeRange.from.valueOf()}\u001f${drill.timeRange.to.valueOf()}`;
  const [fetched, setFetched] = useState<Fetched | undefined>();

  useEffect(() => {
    if (local.isRange) {
      return;
    }
    let current = true;
    const fetch = (refId: string) =>
      fetchPairRange({ request: drill.request, refId, match: local.match, pair, timeRange: drill.timeRange });
    // Latency must come back; loss is a bonus (its query may not be Prometheus-like).
    Promise.all([fetch(model.source.refId), ...extra.map((r) => fetch(r).catch(() => []))]).then(
      (frames) => current && setFetched({ key, pairKey, data: findPairSeries(frames.flat(), model, pair, extra) }),
      (e: unknown) => current && setFetched({ key, pairKey, error: e instanceof Error ? e.message : String(e) })
    );
    return () => {
      current = false;
    };
    // `key` covers the pair and the time range.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [local, key, model, extra, drill.request]);

  // A refresh moves a relative time range: until the new fetch is in, the same pair's last series stay on screen.
  const data = local.isRange ? local : fetched?.pairKey === pairKey ? fetched.data : undefined;
  const error = !local.isRange && fetched?.key === key ? fetched.error : undefined;
  const title = pair.source === pair.destination ? pair.source : `${pair.source} ⇄ ${pair.destination}`;

  const statsHeight = data ? STATS_ROW * (data.series.length + 1) + 8 : 0;
  const chartHeight = Math.max(0, height - HEADER - statsHeight);

  return (
    <section
      className={styles.root}
      style={{ width, height }}
      data-testid={TEST_IDS.pairView}
      aria-label={t('pair-view.aria-label', 'Pair view: {{pair}}', { pair: title, ...RAW })}
    >
      <header className={styles.header} style={{ height: HEADER }}>
        <h3 className={styles.title} title={title}>
          {title}
        </h3>
        <ActionButtons actions={actions.filter((a) => a.id !== 'pair')} />
        <IconButton name="times" size="lg" tooltip={t('pair-view.close', 'Close pair view (Esc)')} onClick={onClose} />
      </header>
      {error !== undefined && (
        <Alert
          severity="error"
          title={t('pair-view.load-error', "Could not load the pair's time series")}
          data-testid={TEST_IDS.pairError}
        >
          {error}
        </Alert>
      )}
      {!data && error === undefined && (
        <div className={styles.empty} data-testid={TEST_IDS.pairLoading}>
          <LoadingBar width={width} />
          {t('pair-view.loading', "Loading the pair's time series…")}
        </div>
      )}
      {data && data.series.length === 0 && (
        <div className={styles.empty} data-testid={TEST_IDS.pairEmpty}>
          {t('pair-view.no-series', 'No series for {{pair}} in this time range.', { pair: title, ...RAW })}
        </div>
      )}
      {data && data.series.length > 0 && (
        <>
          <PairStats model={model} series={data.series} />
          {chartHeight >= 60 && (
            <PairChart model={model} drill={drill} series={data.series} width={width} height={chartHeight} />
          )}
        </>
      )}
    </section>
  );
}

function PairStats({ model, series }: { model: MatrixModel; series: PairSeries[] }) {
  const styles = useStyles2(getStyles);
  const display = model.field.display!;
  const isLoss = (s: PairSeries) => s.refId === model.source.lossRefId;
  return (
    <table className={styles.stats} data-testid={TEST_IDS.pairStats}>
      <thead>
        <tr>
          <th scope="col">{t('pair-view.stats.series', 'Series')}</th>
          <th scope="col">{t('pair-view.stats.p50', 'p50')}</th>
          <th scope="col">{t('pair-view.stats.p99', 'p99')}</th>
          <th scope="col">{t('pair-view.stats.max', 'Max')}</th>
          <th scope="col">{t('pair-view.stats.last', 'Last')}</th>
        </tr>
      </thead>
      <tbody>
        {series.map((s, i) => {
          const st = pairStats(s.values);
          const fmt = (v: number | undefined) =>
            v === undefined ? '—' : isLoss(s) ? formatLoss(v) : formattedValueToString(display(v));
          return (
            <tr key={i} data-testid={TEST_IDS.pairSeries} data-direction={s.direction}>
              <th scope="row" title={s.name}>
                {s.name}
              </th>
              <td data-stat="p50">{fmt(st.p50)}</td>
              <td data-stat="p99">{fmt(st.p99)}</td>
              <td data-stat="max">{fmt(st.max)}</td>
              <td data-stat="last">{fmt(st.last)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

interface ChartProps {
  model: MatrixModel;
  drill: DrillData;
  series: PairSeries[];
  width: number;
  height: number;
}

const CHART_OPTIONS = {
  legend: { showLegend: true, displayMode: 'list', placement: 'bottom', calcs: [] },
  tooltip: { mode: 'multi', sort: 'desc' },
};

/** Grafana's own time series panel, with the matrix's unit, decimals and thresholds drawn as lines. */
function PairChart({ model, drill, series, width, height }: ChartProps) {
  const data = useMemo<PanelData>(
    () => ({
      state: LoadingState.Done,
      timeRange: drill.timeRange,
      series: series.map((s) => ({
        name: s.name,
        refId: s.refId,
        length: s.times.length,
        fields: [
          { name: 'Time', type: FieldType.time, config: {}, values: s.times },
          {
            name: 'Value',
            type: FieldType.number,
            config: {
              displayNameFromDS:
                s.refId === model.source.lossRefId
                  ? t('pair-view.loss-series', '{{series}} loss', { series: s.name, ...RAW })
                  : s.name,
            },
            labels: s.labels,
            values: s.values,
          },
        ],
      })),
    }),
    [series, drill.timeRange, model.source.lossRefId]
  );
  const fieldConfig = useMemo<FieldConfigSource>(() => {
    const { unit, decimals, thresholds, min, max } = model.field.config;
    return {
      defaults: {
        unit,
        decimals,
        min,
        max,
        thresholds,
        color: { mode: 'palette-classic' },
        custom: { thresholdsStyle: { mode: 'line+area' }, showPoints: 'never', spanNulls: false },
      },
      // Loss on its own axis, as a percentage, without the latency thresholds.
      overrides: model.source.lossRefId
        ? [
            {
              matcher: { id: 'byFrameRefID', options: model.source.lossRefId },
              properties: [
                { id: 'unit', value: 'percentunit' },
                { id: 'decimals', value: undefined },
                { id: 'custom.axisPlacement', value: 'right' },
                { id: 'custom.thresholdsStyle', value: { mode: 'off' } },
                { id: 'custom.lineStyle', value: { fill: 'dash', dash: [6, 4] } },
              ],
            },
          ]
        : [],
    };
  }, [model.field.config, model.source.lossRefId]);
  return (
    <div data-testid={TEST_IDS.pairChart}>
      <PanelRenderer
        pluginId="timeseries"
        title=""
        data={data}
        options={CHART_OPTIONS}
        fieldConfig={fieldConfig}
        width={width}
        height={height}
        timeZone={drill.timeZone}
      />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({
    display: 'flex',
    flexDirection: 'column',
    overflow: 'hidden',
    background: theme.colors.background.primary,
    borderLeft: `1px solid ${theme.colors.border.weak}`,
    borderTop: `1px solid ${theme.colors.border.weak}`,
    paddingLeft: theme.spacing(1),
  }),
  header: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), flex: 'none' }),
  title: css({
    flex: 1,
    margin: 0,
    fontSize: theme.typography.h5.fontSize,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    unicodeBidi: 'isolate',
  }),
  empty: css({ color: theme.colors.text.secondary, padding: theme.spacing(1) }),
  stats: css({
    flex: 'none',
    fontSize: theme.typography.bodySmall.fontSize,
    borderCollapse: 'collapse',
    margin: `${theme.spacing(0.5)} 0`,
    'th, td': { padding: '2px 8px', textAlign: 'right', whiteSpace: 'nowrap', lineHeight: '18px' },
    'tbody th': {
      textAlign: 'left',
      fontWeight: theme.typography.fontWeightRegular,
      maxWidth: 260,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      unicodeBidi: 'isolate',
    },
    'thead th': { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
    'thead th:first-child': { textAlign: 'left' },
  }),
});
