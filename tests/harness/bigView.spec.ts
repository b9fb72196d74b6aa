import { expect, test } from '@playwright/test';

import { Status } from '../../src/model/sla';
import { harnessEnv } from './env';
import { TEST_IDS, cellColours, latencyTable, openHarness, statusColour } from './helpers';

const env = harnessEnv();

type Win = { harness: { render(c: object): Promise<void>; update(i: number, u: object): Promise<void> } };

// Broke (slow, not wrong): sorting a 4,080-host matrix by breaches judged, gathered and painted 16 M cells in one
// ~600 ms task. Above a million cells the view is now built in slices while the previous matrix stays drawn.
test('1,200 hosts ungrouped: sorting by breaches runs in slices, the previous matrix drawn all the while', async ({
  page,
}) => {
  const errors = await openHarness(page, env, [{ targets: [latencyTable] }]);
  // 1,200 hosts in 30 ToRs of 40 (1.44 M cells), the 8th ToR slow (200 ms): hosts drawn one by one, by name.
  await page.evaluate(() =>
    (window as unknown as Win).harness.render({
      theme: 'dark',
      panels: [
        {
          pluginId: 'netobs-pingmesh-panel',
          width: 1000,
          height: 820,
          synthetic: { module: '/fixtures/bigMesh.mjs', args: { hosts: 1200 } },
          options: { grouping: { levels: 'dc,tor', startLevel: 'host', maxHosts: 4096, sortBy: 'name' } },
        },
      ],
    })
  );
  const panel = page.getByTestId(TEST_IDS.panel);
  await expect(panel).toBeVisible();
  await expect(panel).not.toHaveAttribute('data-drawing');
  const red = await statusColour(page, Status.Breach);
  const green = await statusColour(page, Status.OK);
  const before = await cellColours(page);
  expect(before.layout.rows).toBe(1200);
  // By name, the top-left block is the first ToR to itself: healthy.
  expect(before.colours[10][20]).toBe(green);

  // While the view job runs: the matrix stays mounted (the same canvas element, never the "Drawing…" message), and the
  // panel is marked as being redrawn. Mutation records, not timers: what is seen does not depend on the machine's speed.
  await page.evaluate(
    ({ canvas, panelId }) => {
      const w = window as unknown as { before: Element | null; marked: boolean; removed: boolean };
      w.before = document.querySelector(`[data-testid="${canvas}"]`);
      w.marked = false;
      w.removed = false;
      const root = document.querySelector(`[data-testid="${panelId}"]`)!;
      new MutationObserver((records) =>
        records.forEach((r) => {
          if (r.type === 'attributes' && (r.target as Element).hasAttribute('data-drawing')) {
            w.marked = true;
          }
          r.removedNodes.forEach((n) => (w.removed ||= n === w.before || n.contains(w.before)));
        })
      ).observe(root.parentElement!, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-drawing'],
      });
    },
    { canvas: TEST_IDS.canvas, panelId: TEST_IDS.panel }
  );
  const jobs = await page.evaluate(() => performance.getEntriesByName('pingmesh:view-job-end').length);
  await page.evaluate(() =>
    (window as unknown as Win).harness.update(0, {
      options: { grouping: { levels: 'dc,tor', startLevel: 'host', maxHosts: 4096, sortBy: 'breaches' } },
    })
  );
  // A view job ran (the view was built by runSliced, not in the render), and its result is drawn.
  await page.waitForFunction((n) => performance.getEntriesByName('pingmesh:view-job-end').length > n, jobs);
  await expect(panel).not.toHaveAttribute('data-drawing');
  const seen = await page.evaluate((canvas) => {
    const w = window as unknown as { before: Element | null; marked: boolean; removed: boolean };
    return {
      marked: w.marked,
      removed: w.removed,
      same: document.querySelector(`[data-testid="${canvas}"]`) === w.before && w.before !== null,
    };
  }, TEST_IDS.canvas);
  expect(seen, 'marked as being redrawn; the previous matrix stayed mounted and is the one redrawn').toEqual({
    marked: true,
    removed: false,
    same: true,
  });

  // By breaches, the slow ToR's hosts come first: the top-left block is that ToR to itself, over SLA.
  const after = await cellColours(page);
  expect(after.layout.rows).toBe(1200);
  expect(after.colours[10][20]).toBe(red);
  expect(errors).toEqual([]);
});
