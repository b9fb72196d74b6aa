import { expect, test } from '@playwright/test';

import { harnessEnv } from './env';
import { TEST_IDS, openHarness, promInstant } from './helpers';
import { snap } from './snap';

const env = harnessEnv();
const mesh = env.diagnosis;
const table = (refId: string, expr: string) => ({ refId, expr, format: 'table', instant: true, range: false });

test.describe('diagnosis on meshes of other shapes, real Prometheus (sim/mesh)', () => {
  test('breach-only pingmesh-agent, IPv6, no topology: the 4 failing hosts as one set and the slow source, all named', async ({
    page,
  }) => {
    const facts = mesh.breachOnly;
    // As the README's kubeservice recipe: the agent's two metrics, preset detected, a missing pair is healthy.
    const errors = await openHarness(page, mesh, [
      {
        targets: [table('A', 'pingmesh_duration_milliseconds'), table('B', 'pingmesh_fail')],
        options: { queries: { preset: 'auto' } },
      },
    ]);
    // Prometheus agrees on what the agent exported: every failing probe touches one of the four hosts.
    const failing = await promInstant(mesh, 'pingmesh_fail');
    const down = new Set(facts.down);
    const bare = (instance: string) => instance.replace(/^\[(.*)\]:\d+$/, '$1');
    expect(failing.every((s) => down.has(bare(s.metric.instance)) || down.has(s.metric.target))).toBe(true);

    const line = page.getByTestId(TEST_IDS.diagnosis);
    await expect(line).toHaveAttribute('data-kind', 'hosts');
    const text = page.getByTestId(TEST_IDS.diagnosisText);
    await expect(text).toContainText('4 hosts fail together');
    for (const h of facts.down) {
      await expect(text).toContainText(h);
    }
    await expect(text).toContainText('add a topology query to confirm');
    // 4 hosts × (n − 1) × 2 paths, minus the 12 between two of them counted twice: all of them over SLA.
    const paths = 4 * (facts.hosts - 1) * 2 - 12;
    await expect(text).toContainText(`${paths} of ${paths} paths`);

    // "+1 more" opens the ranked list in the panel: the slow source is the second entry.
    const more = page.getByTestId(TEST_IDS.diagnosisMore);
    await expect(more).toHaveText('+1 more');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    const items = page.getByTestId(TEST_IDS.diagnosisList).getByTestId(TEST_IDS.diagnosisItem);
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText('4 hosts fail together');
    // The slow host's paths to the four dead hosts are explained by them; the list still counts all of its own.
    await expect(items.nth(1)).toContainText(
      `Host ${facts.slow} (source): ${facts.slowPaths} of ${facts.slowPaths} paths from it over SLA`
    );
    await expect(items.nth(1)).toHaveAttribute('data-kind', 'hosts');
    await snap(page.getByTestId('harness-panel-0'), 'diagnosis-list');
    const shares = await items.evaluateAll((els) =>
      els.map((e) => Number(/explains (\d+)%/.exec(e.textContent ?? '')?.[1]))
    );
    expect(shares[0]).toBeGreaterThan(shares[1]);
    expect(shares[0] + shares[1]).toBeGreaterThanOrEqual(99);

    // Show cells on the second entry outlines the slow host's row: every path from it.
    await items.nth(1).getByTestId(TEST_IDS.diagnosisItemToggle).click();
    await expect(page.getByTestId(TEST_IDS.culprit)).toHaveAttribute('data-cells', String(facts.slowPaths));
    await expect(items.nth(1).getByTestId(TEST_IDS.diagnosisItemToggle)).toHaveAttribute('aria-pressed', 'true');

    // Go to: the list closes, the search box finds the host and the focus cell moves onto its row.
    await items.nth(1).getByTestId(TEST_IDS.diagnosisItemGoto).click();
    await expect(page.getByTestId(TEST_IDS.diagnosisList)).toHaveCount(0);
    await expect(page.getByTestId(TEST_IDS.search)).toHaveValue(facts.slow);
    await expect(page.getByTestId(TEST_IDS.focus)).toBeVisible();
    await expect(page.getByTestId(TEST_IDS.live)).toContainText(`${facts.slow} →`);
    // The outline stays on the slow host's cells.
    await expect(page.getByTestId(TEST_IDS.culprit)).toHaveAttribute('data-cells', String(facts.slowPaths));

    // Esc closes the list and gives the focus back to "+1 more".
    await more.click();
    await expect(page.getByTestId(TEST_IDS.diagnosisList)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId(TEST_IDS.diagnosisList)).toHaveCount(0);
    await expect(more).toBeFocused();
    expect(errors).toEqual([]);
  });

  test('sparse k-neighbour mesh, no topology: the failed hosts as one set, counted over the probed paths only', async ({
    page,
  }) => {
    const facts = mesh.sparse;
    const errors = await openHarness(page, mesh, [
      {
        targets: [
          table('A', 'pingmesh_pair_latency_milliseconds'),
          table('B', 'pingmesh_pair_loss_ratio'),
          table('C', 'pingmesh_pair_fail'),
        ],
        // The README's sparse-mesh setting: a pair with no series is not probed (neither healthy nor failing).
        options: {
          queries: { preset: 'custom', sourceLabel: 'src', destinationLabel: 'dst', missingMeans: 'notProbed' },
        },
      },
    ]);
    const text = page.getByTestId(TEST_IDS.diagnosisText);
    await expect(text).toContainText(`${facts.down.length} hosts fail together`);
    for (const h of facts.down) {
      await expect(text).toContainText(h);
    }
    await expect(text).toContainText(`${facts.paths} of ${facts.paths} paths to and from them over SLA`);
    await expect(page.getByTestId(TEST_IDS.diagnosis)).toContainText('likely');
    await page.getByTestId(TEST_IDS.diagnosisToggle).click();
    await expect(page.getByTestId(TEST_IDS.culprit)).toHaveAttribute('data-cells', String(facts.paths));
    expect(errors).toEqual([]);
  });
});
