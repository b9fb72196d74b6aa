import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type ScenarioStack, startScenarioStack } from '../../sim/prom';
import type { HarnessConfig, HarnessPanelConfig } from '../host/config';
import type { PromTarget } from '../host/promRequest';
import { openHarnessPage } from '../launch';
import { type HarnessServer, startHarnessServer } from '../server';

/**
 * The dashboards the docker compose stack provisions (provisioning/dashboards/*.json), without Docker or Grafana:
 * every pingmesh panel of every dashboard, with its own queries, options and field config, rendered by the built
 * plugin in the harness against a real Prometheus that scrapes the live simulator (ToR down, 48 hosts) and evaluates
 * the shipped recording rules — what `docker compose up` runs. Panels of exporters the simulator does not play must
 * show the panel's message (their PromQL still has to run in Prometheus without an error).
 */
const repoDir = path.resolve(__dirname, '..', '..');
const dashboardsDir = path.join(repoDir, 'provisioning', 'dashboards');
const PLUGIN_ID = 'netobs-pingmesh-panel';

interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  targets?: Array<PromTarget & { datasource?: unknown }>;
  options?: Record<string, unknown>;
  fieldConfig?: HarnessPanelConfig['fieldConfig'];
}

const dashboards = readdirSync(dashboardsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, json: JSON.parse(readFileSync(path.join(dashboardsDir, file), 'utf8')) }));

/** 48 hosts: 2 regions, 4 DCs, 8 AZs, 16 ToRs (sim/topology.ts). Matrix size per panel, or 'message' for no data. */
const EXPECTED: Record<string, Record<number, number | 'canvas' | 'message'>> = {
  'dashboard.json': { 1: 4, 2: 'canvas' },
  'rack-view.json': { 2: 16, 3: 4 },
  'preset-pingmesh-agent.json': { 2: 'canvas' },
  'preset-topology.json': { 2: 48 },
  'preset-tor-rules.json': { 2: 16 },
};

let stack: ScenarioStack;
let server: HarnessServer;
let rulesDir = '';
/** One harness page for all panels (each test re-renders it): loading the host page is most of a test's time. */
let page: Page;
const pageErrors: string[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'pingmesh-dashboard-rules-'));
  const rules = path.join(rulesDir, 'pingmesh.rules.yml');
  // Evaluated every second instead of every 30 s, so the first ToR cells exist right away.
  const shipped = readFileSync(path.join(repoDir, 'rules', 'pingmesh.rules.yml'), 'utf8');
  writeFileSync(rules, shipped.replace(/^( {4}interval:) 30s$/m, '$1 1s'));
  stack = await startScenarioStack({
    scenario: 'tor-down',
    seed: 1,
    hosts: 48,
    minutes: 10,
    live: true,
    ruleFiles: [rules],
    scrapeInterval: '1s',
  });
  await expect
    .poll(
      async () => {
        const url = `${stack.prom.url}/api/v1/query?query=${encodeURIComponent('count(tor_pair:pingmesh_pair_latency_seconds:max)')}`;
        const body = await (await fetch(url)).json();
        return Number(body.data?.result?.[0]?.value?.[1] ?? 0);
      },
      { timeout: 30_000 }
    )
    .toBe(16 * 16);
  server = await startHarnessServer({ prom: stack.prom.url, plugins: { [PLUGIN_ID]: path.join(repoDir, 'dist') } });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openHarnessPage(page, server.url, { panels: [] });
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
  await stack?.stop();
  if (rulesDir) {
    rmSync(rulesDir, { recursive: true, force: true });
  }
});

/** Renders one dashboard panel as Grafana would (its targets, options and field config); resolves when drawn. */
async function renderPanel(panel: DashboardPanel): Promise<void> {
  const config: HarnessConfig = {
    panels: [
      {
        pluginId: PLUGIN_ID,
        width: 900,
        height: 700,
        title: panel.title,
        options: panel.options,
        fieldConfig: panel.fieldConfig,
        targets: (panel.targets ?? []).map(({ datasource: _ds, ...t }) => t),
      },
    ],
  };
  await page.evaluate((c) => window.harness.render(c), config);
}

for (const { file, json } of dashboards) {
  const panels = (json.panels as DashboardPanel[]).filter((p) => p.type === PLUGIN_ID);
  for (const panel of panels) {
    test(`${file} panel ${panel.id} “${panel.title}”`, async () => {
      const errorsBefore = await page.evaluate(() => window.harness.errors.length);
      pageErrors.length = 0;
      await renderPanel(panel);
      const state = await page.evaluate(() => window.harness.state(0));
      expect(state.errors, 'Prometheus accepted every query').toEqual([]);
      expect(state.state).toBe('Done');
      const expected = EXPECTED[file]?.[panel.id] ?? 'message';
      const canvas = page.getByTestId('pingmesh-canvas');
      if (expected === 'message') {
        await expect(page.getByTestId('pingmesh-message')).toBeVisible();
        await expect(canvas).toHaveCount(0);
      } else {
        await expect(canvas).toBeVisible();
        if (typeof expected === 'number') {
          const layout = JSON.parse((await canvas.getAttribute('data-layout'))!);
          expect(layout).toMatchObject({ rows: expected, cols: expected });
        }
        // The loss / failure queries the dashboard names were found (no "No frames for the … query" notice).
        await expect(page.getByTestId('pingmesh-notices')).not.toContainText('No frames for');
      }
      expect(await page.evaluate((n) => window.harness.errors.slice(n), errorsBefore)).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  }
}
