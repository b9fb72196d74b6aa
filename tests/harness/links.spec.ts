import { Page, expect, test } from '@playwright/test';

import { harnessEnv } from './env';
import { TEST_IDS, axisOrder, cellColours, expandGroups, latencyTable, openHarness, promInstant } from './helpers';

const env = harnessEnv();
const victim = env.hosts.find((h) => h.tor === env.culpritTor)!;
const peer = env.hosts.find((h) => h.tor !== env.culpritTor)!;

/**
 * Label values that break links: query syntax, escape look-alikes a percent-decoding sanitizer would undo, a lone
 * `%`, path and fragment characters, spaces and `+`, non-ASCII, bidi marks, HTML entities; and a backslash before
 * `n`, which Grafana 13.2's sanitizer strips once it has decoded it.
 */
const HOSTILE = ['a&b=<c> %41%26 100% #x?y=1/../z', '東京 ü +x \u200F\u202Eevil\u202C &amp; &#60; ;,@', 'C:\\net\\top'];

const RUNBOOK = 'https://runbook.example/pair';
const LINK = `${RUNBOOK}?src=\${__data.fields.src}&dst=\${__data.fields.dst}&tor=\${__data.fields.src_tor}`;

/** PromQL string literal: backslashes and quotes escaped; `$` doubled for label_replace's replacement. */
const promString = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
const replacement = (value: string) => promString(value).replace(/\$/g, '$$$$');

/** The matrix with the victim's source label rewritten to `value` by Prometheus itself, the pair's cell in view. */
async function openWithHostile(page: Page, value: string) {
  const target = {
    ...latencyTable,
    expr: `label_replace(pingmesh_pair_latency_seconds, "src", "${replacement(value)}", "src", "${victim.name}")`,
  };
  const errors = await openHarness(page, env, [
    {
      targets: [target],
      options: {
        grouping: { levels: 'dc,tor', startLevel: 'tor' },
        drill: { sourceVariable: 'src', destinationVariable: 'dst' },
      },
      fieldConfig: { defaults: { links: [{ title: 'Runbook', url: LINK, targetBlank: true }] } },
    },
  ]);
  await expandGroups(page, { row: env.culpritTor, col: peer.tor });
  expect((await axisOrder(page, TEST_IDS.rowLabel)).has(value), 'the hostile host is a row').toBe(true);
  /** The pair's cell, where it is now (opening the pair view moves the matrix). */
  const cell = async () => {
    const rows = await axisOrder(page, TEST_IDS.rowLabel);
    const cols = await axisOrder(page, TEST_IDS.colLabel);
    const { layout } = await cellColours(page);
    const box = (await page.getByTestId(TEST_IDS.canvas).boundingBox())!;
    return {
      x: box.x + (cols.get(peer.name)! + 0.5) * layout.cellW,
      y: box.y + (rows.get(value)! + 0.5) * layout.cellH,
    };
  };
  return { errors, cell };
}

/** Answers the link targets locally: the runbook (an outside site) and Grafana's Explore page. */
async function answerLinkTargets(page: Page) {
  await page.context().route(
    (url) => url.hostname === 'runbook.example' || url.pathname === '/explore',
    (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>arrived</title>' })
  );
}

const search = async (page: Page) => new URLSearchParams(await page.evaluate(() => window.location.search));

/** Clicks a link that opens a new tab (the data link has targetBlank) and returns what that tab's URL holds. */
async function searchInNewTab(page: Page, click: () => Promise<void>): Promise<URLSearchParams> {
  const [tab] = await Promise.all([page.waitForEvent('popup'), click()]);
  await tab.waitForURL(/^https:\/\/runbook\.example\//);
  const found = await search(tab);
  await tab.close();
  return found;
}

/** Clicks a link that navigates this tab (Explore) and returns what the URL holds once there. */
async function searchAfterNavigation(page: Page, click: () => Promise<void>): Promise<URLSearchParams> {
  await click();
  await page.waitForURL(/\/explore\?/);
  return search(page);
}

function expectRunbookParams(search: URLSearchParams, value: string) {
  expect([...search.entries()]).toEqual([
    ['src', value],
    ['dst', peer.name],
    ['tor', env.culpritTor],
  ]);
}

/** The Explore URL carries one `panes` JSON whose query, run against Prometheus, is exactly this pair. */
async function expectExplorePair(search: URLSearchParams, value: string) {
  expect([...search.keys()]).toEqual(['schemaVersion', 'panes']);
  const panes = JSON.parse(search.get('panes')!) as Record<string, { queries: Array<{ expr: string }> }>;
  const { expr } = Object.values(panes)[0].queries[0];
  const pairs = (await promInstant(env, expr)).map((r) => [r.metric.src, r.metric.dst]);
  expect(pairs).toEqual([[value, peer.name]]);
}

// Grafana 13.2.3's @braintree/sanitize-url 7.1.2 percent-decodes link URLs: on the 13.2 host a label value with `&`
// or `=` arrived in the browser's URL as several parameters, from the cell menu and from the tooltip's buttons.
test.describe('what arrives in the browser’s URL after a click is exactly the label value', () => {
  for (const [i, value] of HOSTILE.entries()) {
    test(`value ${i + 1}: set variables, data link and Explore, from the cell menu and the pinned tooltip`, async ({
      page,
    }) => {
      await answerLinkTargets(page);
      let { errors, cell } = await openWithHostile(page, value);
      const menuItem = (id: string) => async () => {
        const at = await cell();
        await page.mouse.click(at.x, at.y, { button: 'right' });
        await expect(page.getByTestId(TEST_IDS.menu)).toHaveText(`${value} → ${peer.name}`);
        await page.getByTestId(`${TEST_IDS.menuItem}-${id}`).click();
      };
      const pinnedButton = (action: string) => async () => {
        await page.getByTestId(TEST_IDS.pinned).locator(`[data-action="${action}"]`).click();
      };

      await menuItem('vars')();
      await expect.poll(async () => (await search(page)).get('var-src')).toBe(value);
      expect((await search(page)).get('var-dst')).toBe(peer.name);
      expectRunbookParams(await searchInNewTab(page, menuItem('link')), value);
      await expectExplorePair(await searchAfterNavigation(page, menuItem('explore')), value);
      expect(errors).toEqual([]);

      // The same links as the pinned tooltip's buttons (LinkButton, which sanitizes its href once more).
      ({ errors, cell } = await openWithHostile(page, value));
      const at = await cell();
      await page.mouse.click(at.x, at.y);
      await expect(page.getByTestId(TEST_IDS.pinned).getByTestId(TEST_IDS.tooltipSource)).toHaveText(value);
      expect((await search(page)).get('var-src')).toBeNull();
      await pinnedButton('vars')();
      await expect.poll(async () => (await search(page)).get('var-src')).toBe(value);
      expect((await search(page)).get('var-dst')).toBe(peer.name);
      expectRunbookParams(await searchInNewTab(page, pinnedButton('link')), value);
      await expectExplorePair(await searchAfterNavigation(page, pinnedButton('explore')), value);
      expect(errors).toEqual([]);
    });
  }
});
