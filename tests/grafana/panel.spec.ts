import { expect, test, type DashboardPage } from '@grafana/plugin-e2e';
import type { Locator, Page } from '@playwright/test';

import { PRESETS } from '../../src/model/presets';
import { CanvasLayout, TEST_IDS } from '../../src/components/testIds';
import { DATASOURCE, TITLES, UIDS } from './provisioning';

/**
 * Against a real Grafana with the docker compose stack (simulator → Prometheus with the recording rules → the
 * provisioned dashboards): `npm run build && docker compose up -d`, then `GRAFANA_URL=http://localhost:3000 npm run e2e`
 * (tests/grafana/playwright.config.ts). The machines that run `npm test` have no Grafana: there the same bundle is
 * tested in the harness.
 */

async function layoutOf(canvas: Locator): Promise<CanvasLayout | undefined> {
  const raw = await canvas.getAttribute('data-layout').catch(() => null);
  return raw ? JSON.parse(raw) : undefined;
}

/** One number from the stack's Prometheus, through Grafana's data source proxy (the logged-in session). */
async function promNumber(page: Page, expr: string): Promise<number> {
  const res = await page.request.get(`/api/datasources/proxy/uid/${DATASOURCE.uid}/api/v1/query`, {
    params: { query: expr },
  });
  expect(res.ok(), `${expr}: HTTP ${res.status()}`).toBe(true);
  const body = await res.json();
  return Number(body.data.result[0]?.value?.[1] ?? 0);
}

const countOf = (page: Page, label: string, metric = 'pingmesh_pair_latency_seconds') =>
  promNumber(page, `count(count by (${label}) (${metric}))`);

async function clickCell(canvas: Locator, row: number, col: number) {
  const layout = (await layoutOf(canvas))!;
  await canvas.click({ position: { x: (col + 0.5) * layout.cellW, y: (row + 0.5) * layout.cellH } });
}

function matrixOf(dashboardPage: DashboardPage, title: string) {
  const panel = dashboardPage.getPanelByTitle(title);
  return { panel, canvas: panel.locator.getByTestId(TEST_IDS.canvas) };
}

test.describe('provisioned dashboards', () => {
  test('Overview: DC × DC from Prometheus, and the pingmesh-agent breaches beside it', async ({
    gotoDashboardPage,
    page,
  }) => {
    const dcs = await countOf(page, 'src_dc');
    expect(dcs).toBeGreaterThan(1);
    const dashboardPage = await gotoDashboardPage({ uid: UIDS.overview });
    const { panel, canvas } = matrixOf(dashboardPage, TITLES.overviewMatrix);
    await expect(canvas).toBeVisible();
    await expect.poll(() => layoutOf(canvas)).toMatchObject({ rows: dcs, cols: dcs });
    await expect(panel.locator.getByTestId(TEST_IDS.rowLabel).first()).toBeVisible();
    await expect(panel.getErrorIcon()).toHaveCount(0);
    const agent = dashboardPage.getPanelByTitle(TITLES.overviewAgent);
    await expect(agent.getErrorIcon()).toHaveCount(0);
    if ((await promNumber(page, 'count(pingmesh_duration_milliseconds)')) > 0) {
      await expect(agent.locator.getByTestId(TEST_IDS.canvas)).toBeVisible();
    }
  });

  test('Rack view: ToR × ToR from the recording rules', async ({ gotoDashboardPage, page }) => {
    // The rules run every 30 s: wait for their first evaluation.
    await expect
      .poll(() => countOf(page, 'src_tor', 'tor_pair:pingmesh_pair_latency_seconds:max'), { timeout: 90_000 })
      .toBeGreaterThan(1);
    const tors = await countOf(page, 'src_tor', 'tor_pair:pingmesh_pair_latency_seconds:max');
    const dashboardPage = await gotoDashboardPage({ uid: UIDS.rack });
    const { panel, canvas } = matrixOf(dashboardPage, TITLES.rackMatrix);
    await expect.poll(() => layoutOf(canvas)).toMatchObject({ rows: tors, cols: tors });
    await expect(panel.getErrorIcon()).toHaveCount(0);
    const dc = matrixOf(dashboardPage, TITLES.rackDc);
    await expect(dc.canvas).toBeVisible();
  });

  for (const preset of PRESETS) {
    test(`Preset dashboard ${preset.id}: its PromQL runs in Prometheus`, async ({ gotoDashboardPage }) => {
      const dashboardPage = await gotoDashboardPage({ uid: UIDS.preset(preset.id) });
      const panel = dashboardPage.getPanelByTitle(`Matrix: ${preset.name}`);
      // A query Prometheus refuses shows the panel's error icon; no data (exporters the stack does not run) does not.
      await expect(
        panel.locator.getByTestId(TEST_IDS.canvas).or(panel.locator.getByTestId(TEST_IDS.message))
      ).toBeVisible();
      await expect(panel.getErrorIcon()).toHaveCount(0);
    });
  }
});

test.describe('panel editor', () => {
  test('Start at level: DC × DC becomes host × host', async ({ gotoPanelEditPage, readProvisionedDashboard, page }) => {
    const dcs = await countOf(page, 'src_dc');
    const hosts = await countOf(page, 'src');
    const dashboard = await readProvisionedDashboard({ fileName: 'dashboard.json' });
    const panelEditPage = await gotoPanelEditPage({ dashboard, id: '1' });
    const canvas = panelEditPage.panel.locator.getByTestId(TEST_IDS.canvas);
    await expect.poll(() => layoutOf(canvas)).toMatchObject({ rows: dcs, cols: dcs });

    const startLevel = panelEditPage.getCustomOptions('Grouping').getTextInput('Start at level');
    await startLevel.fill('host');
    await startLevel.blur();
    await expect.poll(() => layoutOf(canvas)).toMatchObject({ rows: hosts, cols: hosts });

    await startLevel.fill('region');
    await startLevel.blur();
    const regions = await countOf(page, 'src_region');
    await expect.poll(() => layoutOf(canvas)).toMatchObject({ rows: regions, cols: regions });
  });

  test('SLA mode: per-scope SLAs give way to the Thresholds field option', async ({
    gotoPanelEditPage,
    readProvisionedDashboard,
  }) => {
    const dashboard = await readProvisionedDashboard({ fileName: 'dashboard.json' });
    const panelEditPage = await gotoPanelEditPage({ dashboard, id: '1' });
    const panel = panelEditPage.panel.locator;
    await expect(panel.getByTestId(TEST_IDS.canvas)).toBeVisible();
    // The legend's SLA button lists the thresholds in force (its title).
    const sla = panel.getByRole('button', { name: 'SLA thresholds' });
    const perScope = await sla.getAttribute('title');
    await panelEditPage.getCustomOptions('SLA').getRadioGroup('Judge cells by').check('Thresholds');
    await expect.poll(() => sla.getAttribute('title')).not.toBe(perScope);
    await expect(sla).toHaveAttribute('title', /≥ 100 ms over SLA/);
  });

  test('a host cell opens the pair view with both directions', async ({
    gotoPanelEditPage,
    readProvisionedDashboard,
  }) => {
    const dashboard = await readProvisionedDashboard({ fileName: 'dashboard.json' });
    const panelEditPage = await gotoPanelEditPage({ dashboard, id: '1' });
    const startLevel = panelEditPage.getCustomOptions('Grouping').getTextInput('Start at level');
    await startLevel.fill('host');
    await startLevel.blur();
    const panel = panelEditPage.panel.locator;
    const canvas = panel.getByTestId(TEST_IDS.canvas);
    await expect.poll(async () => (await layoutOf(canvas))?.rows ?? 0).toBeGreaterThan(4);

    await clickCell(canvas, 0, 1);
    const view = panel.page().getByTestId(TEST_IDS.pairView);
    await expect(view).toBeVisible();
    await expect(view.getByRole('heading')).toContainText('⇄');
    await expect(view.getByTestId(TEST_IDS.pairSeries)).toHaveCount(2);
    await expect(view.getByTestId(TEST_IDS.pairChart).locator('canvas').first()).toBeVisible();
    await panel.page().keyboard.press('Escape');
    await expect(view).toHaveCount(0);
  });

  test('hovering a cell shows its pair in the tooltip', async ({
    gotoPanelEditPage,
    readProvisionedDashboard,
    page,
  }) => {
    const dashboard = await readProvisionedDashboard({ fileName: 'dashboard.json' });
    const panelEditPage = await gotoPanelEditPage({ dashboard, id: '1' });
    const canvas = panelEditPage.panel.locator.getByTestId(TEST_IDS.canvas);
    await expect(canvas).toBeVisible();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
    await expect(page.getByTestId(TEST_IDS.tooltip)).toContainText('→');
  });

  test('turning axis labels off removes them', async ({ gotoPanelEditPage, readProvisionedDashboard }) => {
    const dashboard = await readProvisionedDashboard({ fileName: 'dashboard.json' });
    const panelEditPage = await gotoPanelEditPage({ dashboard, id: '1' });
    const labels = panelEditPage.panel.locator.getByTestId(TEST_IDS.rowLabel);
    await expect(labels.first()).toBeVisible();
    await panelEditPage.getCustomOptions('Display').getSwitch('Axis labels').uncheck();
    await expect(labels).toHaveCount(0);
  });
});
