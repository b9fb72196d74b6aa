import { DataFrame, EventBusSrv, LoadingState, PanelProps, TimeRange, dateTime } from '@grafana/data';
import { initPluginTranslations } from '@grafana/i18n';
import { render } from '@testing-library/react';
import i18next from 'i18next';
import React from 'react';

import zh from '../locales/zh-Hans/netobs-pingmesh-panel.json';

import { msThresholds, mesh, tableFrame } from '../model/testFrames';
import { PingmeshOptions } from '../options/types';
import { PingmeshPanel } from './PingmeshPanel';
import { TEST_IDS } from './testIds';

/** Test-only: the panel rendered as Grafana renders it, from frames shaped as Grafana's Prometheus data source gives them. */

export const RANGE: TimeRange = {
  from: dateTime(1_700_000_000_000),
  to: dateTime(1_700_000_600_000),
  raw: { from: 'now-10m', to: 'now' },
};

/**
 * A 3-host mesh in one table frame (ms, thresholds 10 / 100): h1 → anything is 150 ms (over SLA), the rest 5 ms (OK).
 */
export function meshFrames(hosts = ['h1', 'h2', 'h3']): DataFrame[] {
  const frame = tableFrame(mesh(hosts, (s) => (s === hosts[0] ? 150 : 5)));
  frame.fields.find((f) => f.name === 'Value')!.config = msThresholds([
    [-Infinity, 'green'],
    [10, 'orange'],
    [100, 'red'],
  ]);
  return [frame];
}

/** PanelProps as Grafana passes them; `options` are stored JSON, of any shape. */
export function panelProps(options: unknown, series: DataFrame[] = meshFrames(), size = { width: 800, height: 600 }) {
  const props: PanelProps<PingmeshOptions> = {
    id: 7,
    title: '',
    data: { state: LoadingState.Done, series, timeRange: RANGE },
    timeRange: RANGE,
    timeZone: 'utc',
    // Stored JSON is what the panel gets: its normaliser makes the options valid.
    options: options as PingmeshOptions,
    fieldConfig: { defaults: {}, overrides: [] },
    transparent: false,
    renderCounter: 0,
    eventBus: new EventBusSrv(),
    replaceVariables: (s: string) => s,
    onOptionsChange: () => {},
    onFieldConfigChange: () => {},
    onChangeTimeRange: () => {},
    ...size,
  };
  return props;
}

export function renderPanel(options: unknown, series?: DataFrame[], size?: { width: number; height: number }) {
  return render(<PingmeshPanel {...panelProps(options, series, size)} />);
}

/** The cells' layout the canvas publishes for tests (CSS px, relative to the grid). */
export function canvasLayout(container: HTMLElement): { cellW: number; cellH: number; rows: number; cols: number } {
  const canvas = container.querySelector<HTMLCanvasElement>(`[data-testid="${TEST_IDS.canvas}"]`)!;
  return JSON.parse(canvas.dataset.layout!);
}

/** Fails the test on any console error (React warnings included): the panel must render without them. */
export function failOnConsoleError() {
  let spy: jest.SpyInstance;
  beforeEach(() => {
    spy = jest.spyOn(console, 'error');
  });
  afterEach(() => {
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
}

/**
 * Runs the test file in Simplified Chinese, as Grafana runs a plugin for a zh-Hans user: the shared i18next already in
 * that language, the plugin's bundle added under its id. Call in `beforeAll`.
 */
export async function inSimplifiedChinese() {
  await i18next.init({
    lng: 'zh-Hans',
    fallbackLng: 'en-US',
    resources: { 'zh-Hans': { 'netobs-pingmesh-panel': zh } },
    showSupportNotice: false,
  });
  await initPluginTranslations('netobs-pingmesh-panel');
}
