import { css } from '@emotion/css';
import { DataFrame, GrafanaTheme2, LoadingState, PanelData, PanelProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { PanelDataErrorView } from '@grafana/runtime';
import { LoadingBar, useStyles2, useTheme2 } from '@grafana/ui';
import React, { useMemo, useState } from 'react';

import { TEST_IDS } from './testIds';
import { DrillData } from '../drill/types';
import { RAW } from '../util/i18n';
import { framesAt } from '../insight/timeline';
import { BuildMatrixResult } from '../ingest';
import { MatrixModel } from '../model/types';
import { modelGroupingOf, modelOptionsOf } from '../options/defaults';
import { slaConfigOf } from '../options/slaConfig';
import { PingmeshOptions } from '../options/types';
import { durationMs } from '../options/values';
import { MatrixView } from './matrix/MatrixView';
import { TimelineStrip, useTimeline } from './Timeline';
import { useMatrixModel } from './useMatrixModel';
import { useTimeIndex } from './useTimeIndex';
import { useOptions } from './useOptions';
import { formatCount } from '../util/format';

export function PingmeshPanel(props: PanelProps<PingmeshOptions>) {
  const { data, width, height, id, fieldConfig, timeRange, timeZone, replaceVariables } = props;
  const theme = useTheme2();
  const styles = useStyles2(getStyles);

  // Stored JSON → valid options, and a footer line for each value that could not be used.
  const { options, notices: optionNotices } = useOptions(props.options);
  const { queries, display } = options;
  // Only the options that shape the model rebuild it; view options (start level, aggregation, sort) regroup it.
  const { levels, maxHosts, topologyRefIds, topologyHostLabels } = modelGroupingOf(options.grouping);
  const modelOptions = useMemo(
    () => modelOptionsOf(queries, { levels, maxHosts, topologyRefIds, topologyHostLabels }),
    [queries, levels, maxHosts, topologyRefIds, topologyHostLabels]
  );
  const sla = useMemo(() => slaConfigOf(options.sla), [options.sla]);

  // What changed: on a range query the strip goes back in time, and the matrix is built from that step's samples.
  const since = { text: display.changedSince, ms: durationMs(display.changedSince) };
  // A big range table is indexed in slices (useTimeIndex): the page keeps answering meanwhile.
  const { index, pending: indexing } = useTimeIndex(data.series, display.showTimeline || since.ms !== undefined);
  const times = index?.times ?? NO_TIMES;
  const ranged = times.length >= 2;
  const latest = times[times.length - 1];
  const [picked, setPicked] = useState<number>();
  // A picked time that a refresh moved out of the range falls back to the latest.
  const at = ranged && picked !== undefined && picked >= times[0] && picked < latest ? picked : undefined;
  const frames = useMemo(() => (at !== undefined ? framesAt(index!, at) : data.series), [at, index, data.series]);
  const { result: built, building, rows } = useMatrixModel(frames, modelOptions, theme);
  const timelineState = useTimeline(display.showTimeline ? index : undefined, modelOptions, theme, sla, building);

  const beforeAt = ranged && since.ms !== undefined ? (at ?? latest) - since.ms : undefined;
  const canCompare = beforeAt !== undefined && beforeAt >= times[0];
  const beforeFrames = useMemo(
    () => (canCompare ? framesAt(index!, beforeAt!) : NO_FRAMES),
    [canCompare, index, beforeAt]
  );
  const before = useMatrixModel(beforeFrames, modelOptions, theme).result?.model;
  const changes =
    since.text === ''
      ? undefined
      : {
          since: since.text,
          before: canCompare ? before : undefined,
          note:
            !ranged && !indexing
              ? t('panel.changes.needs-range', 'Highlight changes needs a range query.')
              : !canCompare && !indexing
                ? t(
                    'panel.changes.out-of-range',
                    'Highlight changes: the time range does not reach {{since}} before the shown time.',
                    { since: since.text, ...RAW }
                  )
                : before === undefined || indexing
                  ? t('panel.changes.comparing', 'Comparing with {{since}} earlier…', { since: since.text, ...RAW })
                  : undefined,
        };
  const result: BuildMatrixResult = built ?? { warning: '' };

  const drill = useMemo<DrillData>(
    () => ({ frames: data.series, request: data.request, timeRange, timeZone }),
    [data.series, data.request, timeRange, timeZone]
  );

  // A failed refresh keeps the last good matrix on screen, marked stale, instead of blanking it; a partial response
  // draws what arrived and says what did not.
  const [memory] = useState(() => new LastGood());
  // Grafana reports a partial response as an error state with data: the matrix is good unless its own query failed.
  const failed = new Set((data.errors ?? []).map((e) => e.refId));
  // The latency query is the last good matrix's (an auto-picked latency query could otherwise fall back to the loss
  // query when the real one fails), else the configured one, else the first target.
  const latencyRef = memory.model?.source.refId ?? (queries.latencyRefId || data.request?.targets?.[0]?.refId);
  const latencyFailed =
    data.state === LoadingState.Error &&
    (failed.size === 0 ||
      failed.has(undefined) ||
      (latencyRef !== undefined && failed.has(latencyRef)) ||
      (result.model !== undefined && failed.has(result.model.source.refId)));
  const good = result.model !== undefined && !latencyFailed ? result.model : undefined;
  const issue = dataIssue(data, good !== undefined);
  memory.keep(good, drill);
  const shown = good ?? (issue ? memory.model : undefined);
  const shownDrill = good ? drill : (memory.drill ?? drill);
  const banner =
    issue &&
    (good
      ? issue
      : memory.model
        ? t('panel.stale-banner', '{{issue}} Showing the last good data from {{time}} (stale).', {
            issue,
            time: memory.time(),
            ...RAW,
          })
        : undefined);

  if (shown) {
    return (
      <MatrixView
        model={shown}
        options={options}
        width={width}
        height={height}
        drill={shownDrill}
        panelId={id}
        replaceVariables={replaceVariables}
        banner={banner}
        stale={!good}
        sla={sla}
        optionNotices={optionNotices}
        changes={changes}
        timeline={
          display.showTimeline && ranged
            ? (w, h, color) => (
                <TimelineStrip
                  state={timelineState}
                  times={times}
                  at={at}
                  onSelect={setPicked}
                  width={w}
                  height={h}
                  color={color}
                  timeZone={timeZone}
                />
              )
            : undefined
        }
      />
    );
  }

  if (building) {
    return (
      <div data-testid={TEST_IDS.message} className={styles.message} role="status">
        <div>
          <LoadingBar width={Math.min(240, width)} />
          {t('panel.building', 'Building the matrix from {{rows}} rows…', {
            rows: formatCount(rows),
            ...RAW,
          })}
        </div>
      </div>
    );
  }

  // Nothing to draw: Grafana's own message view, with what went wrong.
  const message = [issue, data.series.length > 0 ? result.warning : undefined, ...optionNotices]
    .filter(Boolean)
    .join(' ');
  return (
    <div data-testid={TEST_IDS.message} className={styles.message} role="status">
      <PanelDataErrorView
        panelId={id}
        data={data}
        fieldConfig={fieldConfig}
        message={message || undefined}
        needsNumberField
        needsStringField
      />
    </div>
  );
}

const NO_TIMES: number[] = [];
const NO_FRAMES: DataFrame[] = [];

/** What went wrong with the data, in one sentence, or undefined. */
function dataIssue(data: PanelData, partial: boolean): string | undefined {
  const errors = data.errors ?? [];
  if (data.state !== LoadingState.Error && errors.length === 0) {
    return undefined;
  }
  const text = [...new Set(errors.map((e) => (e.refId ? `${e.refId}: ` : '') + (e.message ?? '')))].join('; ');
  if (partial) {
    return text
      ? t('panel.issue.partial-with-errors', 'Partial data, a query failed ({{errors}}).', { errors: text, ...RAW })
      : t('panel.issue.partial', 'Partial data, a query failed.');
  }
  return text
    ? t('panel.issue.failed-with-errors', 'Query failed ({{errors}}).', { errors: text, ...RAW })
    : t('panel.issue.failed', 'Query failed.');
}

/** The last matrix that rendered from good data, and when; kept across renders (not React state: no re-render). */
class LastGood {
  model: MatrixModel | undefined;
  drill: DrillData | undefined;
  private at = 0;

  keep(model: MatrixModel | undefined, drill: DrillData) {
    if (model && model !== this.model) {
      this.model = model;
      this.drill = drill;
      this.at = Date.now();
    }
  }

  time(): string {
    return new Date(this.at).toLocaleTimeString();
  }
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
