import {
  CoreApp,
  DataFrame,
  DataQueryRequest,
  LoadingState,
  PanelData,
  TimeRange,
  dateMath,
  dateTime,
  rangeUtil,
} from '@grafana/data';

import { DEFAULT_TIME_RANGE, HarnessConfig, HarnessPanelConfig, InlineFrame } from './config';
import { frameFromInput } from './frameJson';
import { PromQuery, runPromTargets } from './promDatasource';
import { DEFAULT_MAX_DATA_POINTS, computeStepMs } from './promRequest';

/** The harness' query runner: a panel's data comes from inline frames, a synthetic module or Prometheus. */

function toDateTime(value: string | number, roundUp: boolean) {
  if (typeof value === 'number' || /^\d+$/.test(value)) {
    return dateTime(Number(value));
  }
  const parsed = dateMath.toDateTime(value, { roundUp, timezone: 'utc' });
  if (!parsed || !parsed.isValid()) {
    throw new Error(`invalid time "${value}" in timeRange`);
  }
  return parsed;
}

export function resolveTimeRange(raw: HarnessConfig['timeRange'] = DEFAULT_TIME_RANGE): TimeRange {
  return {
    from: toDateTime(raw.from, false),
    to: toDateTime(raw.to, true),
    raw: {
      from: typeof raw.from === 'number' ? dateTime(raw.from) : raw.from,
      to: typeof raw.to === 'number' ? dateTime(raw.to) : raw.to,
    },
  };
}

export function framesFromInput(frames: InlineFrame[]): DataFrame[] {
  return frames.map((f) => frameFromInput(f));
}

interface SyntheticModule {
  makeFrames(args: Record<string, unknown>): InlineFrame[] | Promise<InlineFrame[]>;
}

async function syntheticFrames(panel: HarnessPanelConfig): Promise<DataFrame[]> {
  const source = panel.synthetic!;
  const url = new URL(source.module, window.location.href).href;
  // A native ES module import, kept out of webpack's module graph.
  const mod = (await import(/* webpackIgnore: true */ url)) as SyntheticModule;
  if (typeof mod.makeFrames !== 'function') {
    throw new Error(`synthetic module ${source.module} does not export makeFrames(args)`);
  }
  return framesFromInput(await mod.makeFrames(source.args ?? {}));
}

export interface LoadContext {
  panelId: number;
  timeRange: TimeRange;
  replace: (text: string) => string;
}

function buildRequest(panel: HarnessPanelConfig, ctx: LoadContext): DataQueryRequest<PromQuery> {
  const intervalMs = computeStepMs({ refId: '', expr: '' }, ctx.timeRange.to.valueOf() - ctx.timeRange.from.valueOf());
  return {
    requestId: `Q${ctx.panelId}`,
    app: CoreApp.Dashboard,
    panelId: ctx.panelId,
    panelPluginId: panel.pluginId,
    dashboardUID: 'harness',
    range: ctx.timeRange,
    rangeRaw: ctx.timeRange.raw,
    interval: rangeUtil.secondsToHms(intervalMs / 1000),
    intervalMs,
    maxDataPoints: DEFAULT_MAX_DATA_POINTS,
    scopedVars: {},
    targets: (panel.targets ?? []).map((t) => ({ ...t })),
    timezone: 'utc',
    startTime: Date.now(),
  };
}

/** Resolves to the panel's data with state Done or Error; never rejects. */
export async function loadPanelData(panel: HarnessPanelConfig, ctx: LoadContext): Promise<PanelData> {
  const request = buildRequest(panel, ctx);
  const base = { timeRange: ctx.timeRange, request };
  try {
    if (panel.frames) {
      return { ...base, state: LoadingState.Done, series: framesFromInput(panel.frames) };
    }
    if (panel.synthetic) {
      return { ...base, state: LoadingState.Done, series: await syntheticFrames(panel) };
    }
    if (!panel.targets?.length) {
      return { ...base, state: LoadingState.Done, series: [] };
    }
    const res = await runPromTargets(panel.targets, {
      fromMs: ctx.timeRange.from.valueOf(),
      toMs: ctx.timeRange.to.valueOf(),
      replace: ctx.replace,
    });
    return { ...base, state: res.state ?? LoadingState.Done, series: res.data, errors: res.errors, error: res.error };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ...base, state: LoadingState.Error, series: [], errors: [{ message }], error: { message } };
  }
}
