import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { Root } from 'react-dom/client';

import {
  AbsoluteTimeRange,
  DataFrameJSON,
  EventBusSrv,
  FieldConfigSource,
  InterpolateFunction,
  LoadingState,
  PanelData,
  PanelPlugin,
  ScopedVars,
  compareArrayValues,
  compareDataFrameStructures,
  createTheme,
  preProcessPanelData,
} from '@grafana/data';
import { config as runtimeConfig } from '@grafana/runtime';

import { AppState, HarnessApp, PanelRuntime } from './App';
import { HarnessConfig, HarnessPanelConfig, InlineFrame, validateConfig } from './config';
import { harnessErrors } from './errors';
import { HOST_INFO } from './hostInfo';
import { frameToJSON } from './frameJson';
import { framesFromInput, loadPanelData, resolveTimeRange } from './panelData';
import { applyPanelDefaults } from './PanelView';
import { loadPanelPlugin } from './pluginLoader';
import { locationService, templateSrv } from './runtimeServices';
import { timedHost } from './timedHost';

export interface PanelUpdate {
  /** Merged into the stored options one level deep, as the options editor changes one option of a section. */
  options?: Record<string, unknown>;
  /** `defaults` shallow-merged, `overrides` replaced. */
  fieldConfig?: Partial<FieldConfigSource>;
  width?: number;
  height?: number;
  /** Replaces the panel's data without querying (state Done). */
  frames?: InlineFrame[];
}

/** `window.harness`: the API tests and benchmarks drive the page with. */
export interface HarnessApi {
  ready: Promise<void>;
  errors: string[];
  render(config: HarnessConfig): Promise<void>;
  update(panelIndex: number, partial: PanelUpdate): Promise<void>;
  refresh(panelIndex?: number): Promise<void>;
  frames(panelIndex: number): DataFrameJSON[];
  plugin(panelIndex: number): PanelPlugin | undefined;
  options(panelIndex: number): Record<string, unknown>;
  fieldConfig(panelIndex: number): FieldConfigSource;
  state(panelIndex: number): {
    state: LoadingState;
    errors: Array<{ message?: string; status?: number; refId?: string }>;
  };
  location(): { pathname: string; search: string };
  /** The host variant this page was built as, and the React it runs. */
  host: typeof HOST_INFO;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function variablesFromLocation(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of locationService.getSearch()) {
    if (key.startsWith('var-')) {
      out[key.slice(4)] = value;
    }
  }
  return out;
}

const sameRecord = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

export class Harness implements HarnessApi {
  readonly errors = harnessErrors;
  readonly host = HOST_INFO;
  readonly ready: Promise<void>;
  private settleReady!: (error?: unknown) => void;
  private appState?: AppState;
  /** Bumped by render(); async work from an older config is dropped. */
  private generation = 0;

  readonly replaceVariables: InterpolateFunction = (
    value: string,
    scopedVars?: ScopedVars,
    format?: string | Function
  ) => templateSrv.replace(value, scopedVars, format);

  /** `setup` = shared modules registered in SystemJS; plugins cannot load before that. */
  constructor(
    private readonly root: Root,
    private readonly setup: Promise<void>
  ) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.settleReady = (error?: unknown) => (error === undefined ? resolve() : reject(error));
    });
    this.ready.catch(() => {}); // awaited by tests; not an unhandled rejection when nobody does
    // Drill-down via locationService.partial({'var-x': ...}) re-runs queries, as a dashboard would.
    locationService.getLocationObservable().subscribe(() => {
      const vars = variablesFromLocation();
      if (this.appState && !sameRecord(vars, templateSrv.getVariableValues())) {
        templateSrv.setVariables(vars);
        this.refresh().catch((e) => console.error('refresh after variable change failed', e));
      }
    });
  }

  async render(input: HarnessConfig): Promise<void> {
    const generation = ++this.generation;
    try {
      await this.setup;
      const config = validateConfig(input);
      const theme = createTheme({ colors: { mode: config.theme ?? 'dark' } });
      runtimeConfig.theme2 = theme;
      runtimeConfig.theme = theme.v1;
      runtimeConfig.bootData.user.lightTheme = theme.isLight;
      const variables = config.variables ?? {};
      templateSrv.setVariables(variables);
      // Dashboard variables live in the URL as var-<name>; stale ones are removed (null).
      const query: Record<string, string | null> = {};
      Object.keys(variablesFromLocation()).forEach((name) => (query[`var-${name}`] = null));
      Object.entries(variables).forEach(([name, value]) => (query[`var-${name}`] = value));
      locationService.partial(query, true);
      const timeRange = resolveTimeRange(config.timeRange);
      templateSrv.updateTimeRange(timeRange);

      const panels = config.panels.map((panel, index) => this.createRuntime(panel, index, timeRange));
      const loaded = await Promise.allSettled(panels.map((p) => this.preparePlugin(p)));
      if (generation !== this.generation) {
        return;
      }
      this.appState = { theme, timeRange, panels };
      // Renders the Loading state first, then the data, as Grafana's query runner emits them.
      await this.fetch(
        panels.map((p) => p.index),
        generation
      );
      const failed = loaded.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        throw failed.reason;
      }
      this.settleReady();
    } catch (e) {
      if (generation === this.generation) {
        this.settleReady(e);
      }
      throw e;
    }
  }

  async update(panelIndex: number, partial: PanelUpdate): Promise<void> {
    const panel = this.panel(panelIndex);
    const config: HarnessPanelConfig = { ...panel.config };
    if (partial.options) {
      config.options = mergeSections(config.options ?? {}, partial.options);
    }
    if (partial.fieldConfig) {
      config.fieldConfig = {
        defaults: { ...config.fieldConfig?.defaults, ...partial.fieldConfig.defaults },
        overrides: partial.fieldConfig.overrides ?? config.fieldConfig?.overrides ?? [],
      };
    }
    config.width = partial.width ?? config.width;
    config.height = partial.height ?? config.height;
    const data = partial.frames
      ? this.asQueryResult(panel.data, {
          ...panel.data,
          state: LoadingState.Done,
          // Timed for the bench's breakdown: the data source's part, before the panel sees anything.
          series: timedHost('host:frames', () => framesFromInput(partial.frames!)),
          errors: undefined,
          error: undefined,
        })
      : panel.data;
    this.replacePanel(panelIndex, { config, data, renderCounter: panel.renderCounter + 1 });
    await this.commit();
  }

  async refresh(panelIndex?: number): Promise<void> {
    const indexes =
      panelIndex === undefined ? this.requireState().panels.map((p) => p.index) : [this.panel(panelIndex).index];
    await this.fetch(indexes, this.generation);
  }

  frames(panelIndex: number): DataFrameJSON[] {
    return this.panel(panelIndex).data.series.map(frameToJSON);
  }

  plugin(panelIndex: number): PanelPlugin | undefined {
    return this.panel(panelIndex).plugin;
  }

  options(panelIndex: number): Record<string, unknown> {
    const panel = this.panel(panelIndex);
    return panel.plugin ? applyPanelDefaults(panel.plugin, panel.config).options : {};
  }

  fieldConfig(panelIndex: number): FieldConfigSource {
    const panel = this.panel(panelIndex);
    return panel.plugin ? applyPanelDefaults(panel.plugin, panel.config).fieldConfig : { defaults: {}, overrides: [] };
  }

  state(panelIndex: number) {
    const { data } = this.panel(panelIndex);
    return {
      state: data.state,
      errors: (data.errors ?? []).map(({ message, status, refId }) => ({ message, status, refId })),
    };
  }

  location() {
    const { pathname, search } = locationService.getLocation();
    return { pathname, search };
  }

  /** Dashboard time picker semantics: every panel gets the new absolute range and re-queries. */
  readonly onChangeTimeRange = (range: AbsoluteTimeRange) => {
    const state = this.requireState();
    const timeRange = resolveTimeRange({ from: range.from, to: range.to });
    templateSrv.updateTimeRange(timeRange);
    this.appState = {
      ...state,
      timeRange,
      panels: state.panels.map((p) => ({ ...p, data: { ...p.data, timeRange } })),
    };
    this.refresh().catch((e) => console.error('refresh after time range change failed', e));
  };

  private createRuntime(config: HarnessPanelConfig, index: number, timeRange: AppState['timeRange']): PanelRuntime {
    return {
      index,
      config,
      data: { state: LoadingState.Loading, series: [], timeRange },
      renderCounter: 0,
      eventBus: new EventBusSrv(),
      // Panel-initiated changes re-render asynchronously: flushSync inside a React effect is not allowed.
      onOptionsChange: (options) => {
        this.replacePanel(index, { config: { ...this.panel(index).config, options } });
        this.commit({ sync: false });
      },
      onFieldConfigChange: (fieldConfig) => {
        this.replacePanel(index, { config: { ...this.panel(index).config, fieldConfig } });
        this.commit({ sync: false });
      },
    };
  }

  /** Loads the plugin and, like Grafana's PanelModel, runs its migration handler for a different version. */
  private async preparePlugin(panel: PanelRuntime): Promise<void> {
    try {
      const plugin = await loadPanelPlugin(panel.config.pluginId);
      const version = plugin.meta.info.version;
      if (plugin.onPanelMigration) {
        const model = {
          id: panel.index + 1,
          type: panel.config.pluginId,
          title: panel.config.title,
          options: panel.config.options ?? {},
          fieldConfig: { defaults: {}, overrides: [], ...panel.config.fieldConfig },
          pluginVersion: panel.config.pluginVersion,
          targets: panel.config.targets,
        };
        if (version !== model.pluginVersion || plugin.shouldMigrate?.(model)) {
          const options = await plugin.onPanelMigration(model);
          panel.config = { ...panel.config, options, fieldConfig: model.fieldConfig, pluginVersion: version };
        }
      }
      panel.plugin = plugin;
    } catch (e) {
      panel.loadError = `Failed to load panel plugin "${panel.config.pluginId}": ${e instanceof Error ? e.message : e}`;
      console.error(panel.loadError);
      throw e;
    }
  }

  private async fetch(indexes: number[], generation: number): Promise<void> {
    const { timeRange } = this.requireState();
    for (const i of indexes) {
      const panel = this.panel(i);
      // Grafana keeps the previous series while a refresh is loading.
      this.replacePanel(i, { data: { ...panel.data, state: LoadingState.Loading, timeRange } });
    }
    await this.commit();
    await Promise.all(
      indexes.map(async (i) => {
        const data = await loadPanelData(this.panel(i).config, {
          panelId: i + 1,
          timeRange,
          replace: (text) => templateSrv.replace(text),
        });
        if (generation === this.generation) {
          const panel = this.panel(i);
          this.replacePanel(i, { data: this.asQueryResult(panel.data, data), renderCounter: panel.renderCounter + 1 });
        }
      })
    );
    if (generation === this.generation) {
      await this.commit();
    }
  }

  /**
   * What Grafana's query runner does to fresh data: `preProcessPanelData` (type guessing, field state reset,
   * timings) and a `structureRev` bumped only when the frames' structure changed.
   */
  private asQueryResult(previous: PanelData, next: PanelData): PanelData {
    const processed = preProcessPanelData(next, previous);
    const sameStructure =
      previous.structureRev !== undefined &&
      compareArrayValues(previous.series, processed.series, compareDataFrameStructures);
    return { ...processed, structureRev: sameStructure ? previous.structureRev : (previous.structureRev ?? 0) + 1 };
  }

  private requireState(): AppState {
    if (!this.appState) {
      throw new Error('harness: render(config) has not been called yet');
    }
    return this.appState;
  }

  private panel(index: number): PanelRuntime {
    const panel = this.requireState().panels[index];
    if (!panel) {
      throw new Error(`harness: no panel ${index}`);
    }
    return panel;
  }

  private replacePanel(index: number, change: Partial<PanelRuntime>): void {
    const state = this.requireState();
    this.appState = { ...state, panels: state.panels.map((p) => (p.index === index ? { ...p, ...change } : p)) };
  }

  /** Resolves once React has committed (effects included) and the next animation frame has fired. */
  private commit({ sync = true }: { sync?: boolean } = {}): Promise<void> {
    const element = createElement(HarnessApp, {
      state: this.requireState(),
      replaceVariables: this.replaceVariables,
      onChangeTimeRange: this.onChangeTimeRange,
    });
    if (sync) {
      flushSync(() => this.root.render(element));
    } else {
      this.root.render(element);
    }
    return nextFrame();
  }
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `update` with `{ grouping: { sortBy } }` changes that option and keeps the section's others. */
function mergeSections(stored: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const out = { ...stored };
  for (const [key, value] of Object.entries(update)) {
    const current = stored[key];
    out[key] = isPlain(current) && isPlain(value) ? { ...current, ...value } : value;
  }
  return out;
}
