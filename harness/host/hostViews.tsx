import { css } from '@emotion/css';
import React, { useEffect, useState } from 'react';

import { EventBusSrv, FieldType, GrafanaTheme2, PanelPlugin } from '@grafana/data';
import { selectors } from '@grafana/e2e-selectors';
import type { PanelDataErrorViewProps, PanelRendererProps } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';

import { RendererPanelView } from './PanelView';
import { loadPanelPlugin } from './pluginLoader';

/**
 * Host implementations of two components Grafana core injects into @grafana/runtime at start-up:
 * `PanelRenderer` (a core or plugin panel rendered inside another panel) and `PanelDataErrorView`.
 */

const rendererEventBus = new EventBusSrv();
const noop = () => {};
const identity = (text: string) => text;

/** Mirrors core PanelRenderer: loads the plugin by id, applies defaults and field config, renders it. */
export function HostPanelRenderer(props: PanelRendererProps) {
  const { pluginId, data } = props;
  const [loaded, setLoaded] = useState<{ id: string; plugin?: PanelPlugin; error?: string }>();

  useEffect(() => {
    let current = true;
    loadPanelPlugin(pluginId).then(
      (plugin) => current && setLoaded({ id: pluginId, plugin }),
      (e: Error) => current && setLoaded({ id: pluginId, error: e.message })
    );
    return () => {
      current = false;
    };
  }, [pluginId]);

  if (loaded?.id !== pluginId || !data) {
    return <div>Loading...</div>;
  }
  if (!loaded.plugin) {
    return (
      <div data-testid="harness-panel-renderer-error">
        Panel plugin {pluginId} not available: {loaded.error}
      </div>
    );
  }
  return (
    <RendererPanelView
      plugin={loaded.plugin}
      id={1}
      title={props.title}
      data={data}
      options={props.options as Record<string, unknown>}
      fieldConfig={props.fieldConfig}
      width={props.width}
      height={props.height}
      timeZone={props.timeZone ?? 'utc'}
      renderCounter={0}
      eventBus={rendererEventBus}
      replaceVariables={identity}
      onOptionsChange={(props.onOptionsChange as (o: Record<string, unknown>) => void) ?? noop}
      onFieldConfigChange={props.onFieldConfigChange ?? noop}
      onChangeTimeRange={props.onChangeTimeRange ?? noop}
    />
  );
}

const getErrorViewStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ display: 'flex', alignItems: 'center', justifyContent: 'center', height: '100%', width: '100%' }),
  message: css({ textAlign: 'center', fontSize: theme.typography.h5.fontSize, color: theme.colors.text.secondary }),
});

/** Grafana's message rules (public/app/features/panel/components/PanelDataErrorView.tsx), without suggestions. */
export function HostPanelDataErrorView(props: PanelDataErrorViewProps) {
  const styles = useStyles2(getErrorViewStyles);
  const series = props.data.series ?? [];
  const has = (type: FieldType) => series.some((f) => f.fields.some((field) => field.type === type));
  let message = props.message;
  if (!message) {
    if (series.length === 0 || series.every((f) => f.length === 0)) {
      message = props.fieldConfig?.defaults.noValue ?? 'No data';
    } else if (props.needsStringField && !has(FieldType.string)) {
      message = 'Data is missing a string field';
    } else if (props.needsNumberField && !has(FieldType.number)) {
      message = 'Data is missing a number field';
    } else if (props.needsTimeField && !has(FieldType.time)) {
      message = 'Data is missing a time field';
    } else {
      message = 'Cannot visualize data';
    }
  }
  return (
    <div className={styles.wrapper}>
      <div className={styles.message} data-testid={selectors.components.Panels.Panel.PanelDataErrorMessage}>
        {message}
      </div>
    </div>
  );
}
