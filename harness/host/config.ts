import type { DataFrame, DataFrameJSON, FieldConfig, ConfigOverrideRule } from '@grafana/data';

import type { PromTarget } from './promRequest';

/** A frame given inline: Grafana's wire shape ({schema, data}), a DataFrameDTO ({fields}) or a live DataFrame. */
export type InlineFrame = DataFrameJSON | DataFrame | { refId?: string; name?: string; fields: unknown[] };

export interface SyntheticSource {
  /** URL of an ES module exporting `makeFrames(args)` (sync or async) that returns InlineFrame[]. */
  module: string;
  args?: Record<string, unknown>;
}

export interface HarnessPanelConfig {
  pluginId: string;
  width: number;
  height: number;
  title?: string;
  transparent?: boolean;
  /** Version the options were saved with; a different plugin version runs the plugin's migration handler. */
  pluginVersion?: string;
  options?: Record<string, unknown>;
  fieldConfig?: { defaults?: FieldConfig; overrides?: ConfigOverrideRule[] };
  targets?: PromTarget[];
  frames?: InlineFrame[];
  synthetic?: SyntheticSource;
}

export interface HarnessConfig {
  theme?: 'dark' | 'light';
  /** User language (bootData.user.language), e.g. 'zh-Hans'; read at page load only, as Grafana does. */
  language?: string;
  /** buildInfo.version (default 12.4.10); below 12.2 the host leaves loading plugin locales to the plugin. */
  grafanaVersion?: string;
  /** 'now-30m' / 'now' (Grafana date math) or epoch ms. */
  timeRange?: { from: string | number; to: string | number };
  variables?: Record<string, string>;
  panels: HarnessPanelConfig[];
}

export const DEFAULT_TIME_RANGE = { from: 'now-30m', to: 'now' } as const;

/** Reads `?config=<url-encoded JSON>`; a malformed value throws so the page shows why it rendered nothing. */
export function readConfigFromSearch(search: string): HarnessConfig | undefined {
  const raw = new URLSearchParams(search).get('config');
  if (!raw) {
    return undefined;
  }
  return validateConfig(JSON.parse(raw));
}

export function validateConfig(value: unknown): HarnessConfig {
  if (!value || typeof value !== 'object' || !Array.isArray((value as HarnessConfig).panels)) {
    throw new Error('harness config must be an object with a `panels` array');
  }
  const config = value as HarnessConfig;
  config.panels.forEach((panel, index) => {
    if (typeof panel.pluginId !== 'string' || !(panel.width > 0) || !(panel.height > 0)) {
      throw new Error(`panels[${index}] needs pluginId, width and height`);
    }
  });
  return config;
}
