import { css } from '@emotion/css';
import React, { useMemo } from 'react';

import {
  AbsoluteTimeRange,
  EventBusSrv,
  FieldConfigSource,
  GrafanaTheme2,
  InterpolateFunction,
  PanelData,
  PanelPlugin,
  ThemeContext,
  TimeRange,
} from '@grafana/data';
import { GlobalStyles } from '@grafana/ui';

import { HarnessPanelConfig } from './config';
import { DashboardPanelView } from './PanelView';

/** One panel as the host tracks it; the callbacks are created once so the panel's props stay stable. */
export interface PanelRuntime {
  index: number;
  config: HarnessPanelConfig;
  plugin?: PanelPlugin;
  loadError?: string;
  data: PanelData;
  renderCounter: number;
  eventBus: EventBusSrv;
  onOptionsChange: (options: Record<string, unknown>) => void;
  onFieldConfigChange: (config: FieldConfigSource) => void;
}

export interface AppState {
  theme: GrafanaTheme2;
  timeRange: TimeRange;
  panels: PanelRuntime[];
}

export interface AppProps {
  state: AppState;
  replaceVariables: InterpolateFunction;
  onChangeTimeRange: (range: AbsoluteTimeRange) => void;
}

const PANEL_GAP = 16;

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: PANEL_GAP,
    padding: PANEL_GAP,
    minHeight: '100vh',
    background: theme.colors.background.canvas,
    boxSizing: 'border-box',
  }),
  title: css({
    color: theme.colors.text.primary,
    fontSize: theme.typography.h6.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
    padding: theme.spacing(0.5, 0),
  }),
  chrome: css({
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
  transparent: css({ background: 'transparent', borderColor: 'transparent' }),
  body: css({ position: 'relative', overflow: 'hidden' }),
  error: css({ color: theme.colors.error.text, padding: theme.spacing(1), whiteSpace: 'pre-wrap' }),
});

function PanelSlot({
  panel,
  styles,
  replaceVariables,
  onChangeTimeRange,
}: {
  panel: PanelRuntime;
  styles: ReturnType<typeof getStyles>;
  replaceVariables: InterpolateFunction;
  onChangeTimeRange: (range: AbsoluteTimeRange) => void;
}) {
  const { config, plugin } = panel;
  const title = config.title ?? '';
  return (
    <section data-testid={`harness-slot-${panel.index}`}>
      <div className={styles.title}>{title || config.pluginId}</div>
      <div className={`${styles.chrome} ${config.transparent ? styles.transparent : ''}`}>
        {/* Exactly width x height, like the panel body inside Grafana's panel chrome. */}
        <div
          data-testid={`harness-panel-${panel.index}`}
          className={styles.body}
          style={{ width: config.width, height: config.height }}
        >
          {panel.loadError && <pre className={styles.error}>{panel.loadError}</pre>}
          {plugin && (
            <DashboardPanelView
              plugin={plugin}
              id={panel.index + 1}
              title={title}
              data={panel.data}
              options={config.options}
              fieldConfig={config.fieldConfig}
              width={config.width}
              height={config.height}
              timeZone="utc"
              transparent={config.transparent}
              renderCounter={panel.renderCounter}
              eventBus={panel.eventBus}
              replaceVariables={replaceVariables}
              onOptionsChange={panel.onOptionsChange}
              onFieldConfigChange={panel.onFieldConfigChange}
              onChangeTimeRange={onChangeTimeRange}
            />
          )}
        </div>
      </div>
    </section>
  );
}

export function HarnessApp({ state, replaceVariables, onChangeTimeRange }: AppProps) {
  const styles = useMemo(() => getStyles(state.theme), [state.theme]);
  return (
    <ThemeContext.Provider value={state.theme}>
      <GlobalStyles />
      <main className={styles.page} data-testid="harness-page">
        {state.panels.map((panel) => (
          <PanelSlot
            key={panel.index}
            panel={panel}
            styles={styles}
            replaceVariables={replaceVariables}
            onChangeTimeRange={onChangeTimeRange}
          />
        ))}
      </main>
    </ThemeContext.Provider>
  );
}
