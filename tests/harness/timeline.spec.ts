import { Page, expect, test } from '@playwright/test';

import { Status } from '../../src/model/sla';
import { harnessEnv } from './env';
import { TEST_IDS, openHarness } from './helpers';
import { snap } from './snap';

const env = harnessEnv();
// Range queries in table format: the matrix shows the latest step, the strip every step of the 10 minutes.
const latency = { refId: 'A', expr: 'pingmesh_pair_latency_seconds', format: 'table', range: true, instant: false };
const fail = { refId: 'C', expr: 'pingmesh_pair_fail', format: 'table', range: true, instant: false };
const grouping = { levels: 'region,dc,az,tor', startLevel: 'host' };
// Every pair to or from the failing ToR's 3 hosts: 3 × 47 + 47 × 3 − 6 counted twice; 48 × 47 pairs in all.
const TOR_PAIRS = 276;
const ALL_PAIRS = 48 * 47;

/** Failing probes Prometheus itself counts at t: the truth the matrix at t must show. */
async function promFailedAt(t: number): Promise<number> {
  const url = `${env.promUrl}/api/v1/query?query=${encodeURIComponent('count(pingmesh_pair_fail > 0) or vector(0)')}&time=${t / 1000}`;
  const body = await (await fetch(url)).json();
  return Number(body.data.result[0].value[1]);
}

async function legendCount(page: Page, status: number): Promise<number> {
  const item = page.locator(`[data-testid="${TEST_IDS.legendItem}"][data-status="${status}"]`);
  return (await item.count()) === 0 ? 0 : Number(await item.getAttribute('data-count'));
}

async function openStrip(page: Page, extra: Record<string, unknown> = {}) {
  const errors = await openHarness(page, env, [{ targets: [latency, fail], options: { grouping, display: extra } }]);
  const strip = page.getByTestId(TEST_IDS.timeline);
  await expect(strip).toBeVisible();
  await expect(strip).not.toHaveAttribute('data-computing', /.*/);
  await expect(strip).not.toHaveAttribute('data-points', '0');
  return { strip, errors };
}

test.describe('what changed: the breach timeline and changed cells, real Prometheus', () => {
  test('the strip shows the ToR start failing; going back shows the matrix as Prometheus had it then', async ({
    page,
  }) => {
    const { strip, errors } = await openStrip(page);
    const slider = strip.getByRole('slider');
    // Latest: the ToR is down, and the strip says so.
    expect(await legendCount(page, Status.Failed)).toBe(TOR_PAIRS);
    await expect(slider).toHaveAttribute(
      'aria-valuetext',
      new RegExp(`\\(latest\\), 12% of pairs over SLA \\(${TOR_PAIRS} of ${ALL_PAIRS}\\)`)
    );
    await expect(page.getByTestId(TEST_IDS.diagnosisText)).toContainText(env.culpritTor);
    // The README's first image: the dashboard's view (grouped headers, the failed ToR's cross, the strip, the line).
    await snap(page.getByTestId('harness-panel-0'), 'tor-down');
    const first = Number(await slider.getAttribute('aria-valuemin'));
    const last = Number(await slider.getAttribute('aria-valuemax'));
    expect(last - first).toBeGreaterThan(9 * 60_000);

    // Home: the first step, before the fault — a healthy matrix, as in Prometheus at that time.
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(strip).toHaveAttribute('data-at', String(first));
    await expect(slider).toHaveAttribute('aria-valuetext', new RegExp(`0% of pairs over SLA \\(0 of ${ALL_PAIRS}\\)`));
    expect(await promFailedAt(first)).toBe(0);
    await expect.poll(() => legendCount(page, Status.Failed)).toBe(0);
    expect(await legendCount(page, Status.OK)).toBe(ALL_PAIRS);
    await expect(page.getByTestId(TEST_IDS.diagnosis)).toHaveCount(0);
    await expect(page.getByTestId(TEST_IDS.timelineTime)).toHaveText(/^\d\d:\d\d:\d\d$/);

    // A click one minute after the onset: the ToR is down there too, with the count Prometheus has.
    const box = (await slider.locator('svg').boundingBox())!;
    const t = env.onsetMs + 60_000;
    await page.mouse.click(box.x + ((t - first) / (last - first)) * box.width, box.y + box.height / 2);
    const at = Number(await strip.getAttribute('data-at'));
    expect(Math.abs(at - t)).toBeLessThanOrEqual(30_000);
    expect(await promFailedAt(at)).toBe(TOR_PAIRS);
    await expect.poll(() => legendCount(page, Status.Failed)).toBe(TOR_PAIRS);
    await expect(page.getByTestId(TEST_IDS.diagnosisText)).toContainText(env.culpritTor);

    // Two steps before the onset (15 s each): healthy again. Arrow keys move one step.
    await page.mouse.click(box.x + ((env.onsetMs - 30_000 - first) / (last - first)) * box.width, box.y + 2);
    const before = Number(await strip.getAttribute('data-at'));
    expect(before).toBeLessThan(env.onsetMs);
    await expect.poll(() => legendCount(page, Status.Failed)).toBe(0);
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(strip).toHaveAttribute('data-at', String(before + 15_000));

    // Now: back to the latest data.
    await page.getByTestId(TEST_IDS.timelineNow).click();
    await expect(strip).toHaveAttribute('data-at', '');
    await expect.poll(() => legendCount(page, Status.Failed)).toBe(TOR_PAIRS);
    await expect(page.getByTestId(TEST_IDS.timelineTime)).toHaveText('Latest');
    expect(errors).toEqual([]);
  });

  test('highlight changes: the ToR’s pairs changed in the last 5 minutes, nothing in the last 2', async ({ page }) => {
    const { strip } = await openStrip(page, { changedSince: '5m' });
    const changed = page.getByTestId(TEST_IDS.changed);
    await expect(changed).toHaveAttribute('data-cells', String(TOR_PAIRS));
    await expect(page.getByTestId(TEST_IDS.notices)).toContainText(`${TOR_PAIRS} pairs changed state in the last 5m`);
    await snap(page.getByTestId('harness-panel-0'), 'what-changed');
    // Going back before the onset: nothing changed in the 5 minutes before that.
    await strip.getByRole('slider').focus();
    await page.keyboard.press('Home');
    await expect(page.getByTestId(TEST_IDS.notices)).toContainText('does not reach 5m before the shown time');
    await expect(changed).toHaveCount(0);

    const { errors } = await openStrip(page, { changedSince: '2m' });
    await expect(page.getByTestId(TEST_IDS.notices)).toContainText('0 pairs changed state in the last 2m');
    await expect(page.getByTestId(TEST_IDS.changed)).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('an instant query has no strip, and says that changes need a range query', async ({ page }) => {
    const instant = { ...latency, range: false, instant: true };
    const errors = await openHarness(page, env, [
      { targets: [instant], options: { grouping, display: { changedSince: '5m' } } },
    ]);
    await expect(page.getByTestId(TEST_IDS.canvas)).toBeVisible();
    await expect(page.getByTestId(TEST_IDS.timeline)).toHaveCount(0);
    await expect(page.getByTestId(TEST_IDS.notices)).toContainText('Highlight changes needs a range query.');
    expect(errors).toEqual([]);
  });
});
