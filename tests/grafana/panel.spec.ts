import { expect, test } from '@grafana/plugin-e2e';

/**
 * Runs only against a real Grafana (GRAFANA_URL set, e.g. `docker compose up` then
 * `GRAFANA_URL=http://localhost:3000 npm run e2e`). CI on this machine has no Grafana and uses the harness specs.
 */
test('the provisioned dashboard renders the matrix from Prometheus', async ({
  gotoPanelEditPage,
  readProvisionedDashboard,
  page,
}) => {
  const dashboard = await readProvisionedDashboard({ fileName: 'dashboard.json' });
  await gotoPanelEditPage({ dashboard, id: '1' });
  await expect(page.getByTestId('pingmesh-canvas')).toBeVisible();
  await expect(page.getByTestId('pingmesh-row-label').first()).toBeVisible();
});

test('hovering a cell shows its pair in the tooltip', async ({ gotoPanelEditPage, readProvisionedDashboard, page }) => {
  const dashboard = await readProvisionedDashboard({ fileName: 'dashboard.json' });
  await gotoPanelEditPage({ dashboard, id: '1' });
  const canvas = page.getByTestId('pingmesh-canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
  await expect(page.getByTestId('pingmesh-tooltip')).toContainText('→');
});

test('turning axis labels off in the editor removes them', async ({
  gotoPanelEditPage,
  readProvisionedDashboard,
  page,
}) => {
  const dashboard = await readProvisionedDashboard({ fileName: 'dashboard.json' });
  const panelEditPage = await gotoPanelEditPage({ dashboard, id: '1' });
  await panelEditPage.getCustomOptions('Display').getSwitch('Axis labels').uncheck();
  await expect(page.getByTestId('pingmesh-row-label')).toHaveCount(0);
});
