import React, { Component, ErrorInfo, ReactNode, useMemo } from 'react';

import {
  AbsoluteTimeRange,
  CoreApp,
  EventBus,
  FieldConfigSource,
  InterpolateFunction,
  PanelData,
  PanelPlugin,
  PluginContextProvider,
  TimeZone,
  applyFieldOverrides,
  getPanelOptionsWithDefaults,
  useFieldOverrides,
} from '@grafana/data';
import { PanelContextProvider, useTheme2 } from '@grafana/ui';

import { timedHost } from './timedHost';

/** Options and field config as a dashboard would store them (defaults not yet applied). */
export interface StoredPanelConfig {
  options?: Record<string, unknown>;
  fieldConfig?: Partial<FieldConfigSource>;
}

export interface PanelViewProps extends StoredPanelConfig {
  plugin: PanelPlugin;
  id: number;
  title: string;
  /** Data as the query runner returns it, before field config is applied. */
  data: PanelData;
  width: number;
  height: number;
  timeZone: TimeZone;
  transparent?: boolean;
  renderCounter: number;
  eventBus: EventBus;
  replaceVariables: InterpolateFunction;
  onOptionsChange: (options: Record<string, unknown>) => void;
  onFieldConfigChange: (config: FieldConfigSource) => void;
  onChangeTimeRange: (range: AbsoluteTimeRange) => void;
}

/** Grafana's own defaulting: builder `defaultValue`s under the user's options, `fieldConfigDefaults` under theirs. */
export function applyPanelDefaults(plugin: PanelPlugin, stored: StoredPanelConfig) {
  return getPanelOptionsWithDefaults({
    plugin,
    currentOptions: stored.options ?? {},
    currentFieldConfig: { defaults: {}, overrides: [], ...stored.fieldConfig },
    isAfterPluginChange: false,
  });
}

interface BoundaryState {
  error?: Error;
}

/** Like Grafana's panel error boundary: a crashing panel shows its error instead of blanking the page. */
class PanelErrorBoundary extends Component<{ children: ReactNode; resetKey: unknown }, BoundaryState> {
  state: BoundaryState = {};

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  componentDidUpdate(prev: { resetKey: unknown }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) {
      this.setState({ error: undefined });
    }
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('panel crashed', error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (error) {
      return (
        <pre data-testid="harness-panel-crash" style={{ color: '#f55', whiteSpace: 'pre-wrap', margin: 8 }}>
          Panel crashed: {error.message}
        </pre>
      );
    }
    return this.props.children;
  }
}

/** Renders the plugin's panel component with complete PanelProps; `data` already has field config applied. */
function PanelBody(
  props: PanelViewProps & { processed: PanelData; withDefaults: ReturnType<typeof applyPanelDefaults> }
) {
  const { plugin, processed, withDefaults, eventBus, id } = props;
  const context = useMemo(() => ({ eventsScope: `panel-${id}`, eventBus, app: CoreApp.Dashboard }), [eventBus, id]);
  const PanelComponent = plugin.panel;
  if (!PanelComponent) {
    return null;
  }
  return (
    <PanelErrorBoundary resetKey={processed}>
      <PluginContextProvider meta={plugin.meta}>
        <PanelContextProvider value={context}>
          <PanelComponent
            id={id}
            data={processed}
            timeRange={props.data.timeRange}
            timeZone={props.timeZone}
            options={withDefaults.options}
            fieldConfig={withDefaults.fieldConfig}
            transparent={props.transparent ?? false}
            width={props.width}
            height={props.height}
            renderCounter={props.renderCounter}
            title={props.title}
            eventBus={eventBus}
            replaceVariables={props.replaceVariables}
            onOptionsChange={props.onOptionsChange}
            onFieldConfigChange={props.onFieldConfigChange}
            onChangeTimeRange={props.onChangeTimeRange}
          />
        </PanelContextProvider>
      </PluginContextProvider>
    </PanelErrorBoundary>
  );
}

/**
 * A dashboard panel: field config is applied like Grafana's PanelQueryRunner does, once per new data or
 * field config (`applyFieldOverrides`), so resizing or changing options does not redo it. The host
 * computes `structureRev` (harness.ts), as the query runner does.
 */
export function DashboardPanelView(props: PanelViewProps) {
  const { plugin, data, options, fieldConfig, timeZone, replaceVariables } = props;
  const theme = useTheme2();
  const withDefaults = useMemo(
    () => applyPanelDefaults(plugin, { options, fieldConfig }),
    [plugin, options, fieldConfig]
  );
  // Defaulted field config keyed on the field config alone: like Grafana's VizPanel, an options change does
  // not re-apply field config, so the panel keeps its data (and its memoized model).
  const fieldConfigWithDefaults = useMemo(
    () => applyPanelDefaults(plugin, { options: {}, fieldConfig }).fieldConfig,
    [plugin, fieldConfig]
  );
  const processed = useMemo(
    () => ({
      ...data,
      series: timedHost('host:field-overrides', () =>
        applyFieldOverrides({
          data: data.series,
          fieldConfig: fieldConfigWithDefaults,
          fieldConfigRegistry: plugin.fieldConfigRegistry,
          replaceVariables,
          theme,
          timeZone,
        })
      ),
    }),
    [data, fieldConfigWithDefaults, plugin, replaceVariables, theme, timeZone]
  );
  return <PanelBody {...props} processed={processed} withDefaults={withDefaults} />;
}

/** A panel inside another panel (PanelRenderer): Grafana core uses the `useFieldOverrides` hook there. */
export function RendererPanelView(props: PanelViewProps) {
  const { plugin, data, options, fieldConfig, timeZone, replaceVariables } = props;
  const theme = useTheme2();
  const withDefaults = useMemo(
    () => applyPanelDefaults(plugin, { options, fieldConfig }),
    [plugin, options, fieldConfig]
  );
  const processed = useFieldOverrides(plugin, withDefaults.fieldConfig, data, timeZone, theme, replaceVariables);
  return processed ? <PanelBody {...props} processed={processed} withDefaults={withDefaults} /> : null;
}
