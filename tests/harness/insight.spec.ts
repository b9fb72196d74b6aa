import { expect, test } from '@playwright/test';

import { harnessEnv } from './env';
import { TEST_IDS, failTable, latencyTable, lossTable, openHarness } from './helpers';

const env = harnessEnv();

test.describe('diagnosis: the culprit named from the matrix pattern, real Prometheus', () => {
  test('ToR down: the failing ToR, with its 276 pairs outlined on request', async ({ page }) => {
    const errors = await openHarness(page, env, [
      {
        targets: [latencyTable, lossTable, failTable],
        options: { grouping: { levels: 'region,dc,az,tor', startLevel: 'host' } },
      },
    ]);
    const line = page.getByTestId(TEST_IDS.diagnosis);
    await expect(line).toHaveAttribute('data-kind', 'group');
    await expect(page.getByTestId(TEST_IDS.diagnosisText)).toContainText(env.culpritTor);
    await expect(line).toContainText('likely');
    await expect(page.getByTestId(TEST_IDS.culprit)).toHaveCount(0);
    await page.getByTestId(TEST_IDS.diagnosisToggle).click();
    // Every pair to or from the ToR's 3 hosts: 3 × 47 + 47 × 3 − 6 counted twice.
    await expect(page.getByTestId(TEST_IDS.culprit)).toHaveAttribute('data-cells', '276');
    await page.getByTestId(TEST_IDS.diagnosisToggle).click();
    await expect(page.getByTestId(TEST_IDS.culprit)).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('spine loss: the layer above the ToRs of one DC, at DC × DC', async ({ page }) => {
    const spine = env.spine;
    await openHarness(page, spine, [
      { targets: [latencyTable, lossTable], options: { grouping: { levels: 'region,dc,az,tor', startLevel: 'dc' } } },
    ]);
    const line = page.getByTestId(TEST_IDS.diagnosis);
    await expect(line).toHaveAttribute('data-kind', 'layer-above');
    await expect(page.getByTestId(TEST_IDS.diagnosisText)).toContainText(spine.culpritDc);
    // Collapsed at DC level, all its bad pairs sit in the one DC × DC cell.
    await page.getByTestId(TEST_IDS.diagnosisToggle).click();
    await expect(page.getByTestId(TEST_IDS.culprit)).toHaveAttribute('data-cells', '1');
  });

  test('a healthy matrix shows no diagnosis', async ({ page }) => {
    const spine = env.spine;
    // Only the healthy DCs: the spine's DC filtered out in the query.
    await openHarness(page, spine, [
      {
        targets: [
          {
            ...latencyTable,
            expr: `pingmesh_pair_latency_seconds{src_dc!="${spine.culpritDc}",dst_dc!="${spine.culpritDc}"}`,
          },
        ],
        options: { grouping: { levels: 'region,dc,az,tor' } },
      },
    ]);
    await expect(page.getByTestId(TEST_IDS.canvas)).toBeVisible();
    await expect(page.getByTestId(TEST_IDS.diagnosis)).toHaveCount(0);
  });
});
