import { Page, expect, test } from '@playwright/test';

import { Status } from '../../src/model/sla';
import { harnessEnv } from './env';
import { PanelSpec, TEST_IDS, cellColours, hoverCell, openHarness, statusColour, panelOptions } from './helpers';
import { snap } from './snap';

/**
 * Axis labels as the user sees them, on frames from tests/harness/fixtures/namedMesh.mjs (one table frame, values in
 * seconds): long FQDNs shortened, labels and group bands that never overlap, hosts ordered by address.
 */
const env = harnessEnv();
const DOMAIN = '.k8s.prod.example.com';

const mesh = (args: Record<string, unknown>, options: Record<string, unknown> = {}, size = {}): PanelSpec => ({
  synthetic: { module: '/fixtures/namedMesh.mjs', args },
  options: panelOptions({
    preset: 'topology',
    inputUnit: 's',
    levels: 'region,dc,tor',
    startLevel: 'host',
    ...options,
  }),
  ...size,
});

interface Box {
  kind: string;
  text: string;
  /** Full name: the host of a host label, the group of a band or collapsed group. */
  full: string;
  title: string;
  truncated: boolean;
  r: { x: number; y: number; w: number; h: number };
}

/** Every axis text box of panel i (host labels, collapsed groups, header bands) and the matrix' box. */
async function axisBoxes(page: Page, i: number) {
  const panel = page.getByTestId(`harness-panel-${i}`);
  const selector = [TEST_IDS.rowLabel, TEST_IDS.colLabel, TEST_IDS.groupHeader].map((id) => `[data-testid="${id}"]`);
  const boxes: Box[] = await panel.locator(selector.join(',')).evaluateAll((els) =>
    els.map((el) => {
      const e = el as HTMLElement;
      // A header band's text is its inner span; overflow is measured where the text is.
      const textEl = (e.querySelector('span') as HTMLElement | null) ?? e;
      const b = e.getBoundingClientRect();
      const group = e.dataset.group;
      return {
        kind: e.dataset.testid!,
        text: e.textContent ?? '',
        full: e.dataset.host ?? (group ? group.split('\u001f').at(-1)! : ''),
        title: e.title,
        truncated: textEl.scrollWidth > textEl.clientWidth + 1 || textEl.scrollHeight > textEl.clientHeight + 1,
        r: { x: b.x, y: b.y, w: b.width, h: b.height },
      };
    })
  );
  const c = (await panel.getByTestId(TEST_IDS.canvas).boundingBox())!;
  return { boxes, matrix: { x: c.x, y: c.y, w: c.width, h: c.height } };
}

const overlap = (a: Box['r'], b: Box['r']) =>
  Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;

test.describe('axis labels: long names, crowded gutters, addresses', () => {
  test('long FQDNs show without node- and the shared domain; titles, tooltip and search keep the full name', async ({
    page,
  }) => {
    const errors = await openHarness(page, env, [mesh({ names: 'fqdn' }, { levels: 'dc,tor' })]);
    const rows = page.getByTestId(TEST_IDS.rowLabel);
    const shown = await rows.evaluateAll((els) =>
      els.map((e) => ({ text: e.textContent, host: (e as HTMLElement).dataset.host, title: (e as HTMLElement).title }))
    );
    expect(shown.length).toBe(12);
    for (const { text, host, title } of shown) {
      expect(host).toMatch(/^node-\d\d\.k8s\.prod\.example\.com$/);
      expect(text).toBe(host!.slice('node-'.length, -DOMAIN.length));
      expect(title).toBe(host);
    }
    await expect(page.getByTestId(TEST_IDS.notices)).toContainText(`Axis labels shortened: node-*${DOMAIN}`);

    const { layout } = await cellColours(page);
    await hoverCell(page, layout, 0, 1);
    await expect(page.getByTestId(TEST_IDS.tooltipSource)).toHaveText(shown[0].host!);
    await page.mouse.move(0, 0);

    // Search matches full names.
    await page.getByTestId(TEST_IDS.search).fill(`node-05${DOMAIN}`);
    await expect(page.getByTestId(TEST_IDS.searchStatus)).toHaveText('1 / 1');
    await expect(page.locator(`[data-testid="${TEST_IDS.rowLabel}"][data-hit]`)).toHaveText(['05']);

    // Display › Shorten host names off: the full names, no notice.
    await page.evaluate(() =>
      (window as unknown as { harness: { update(i: number, u: object): Promise<void> } }).harness.update(0, {
        options: { display: { shortNames: false } },
      })
    );
    await expect(rows.first()).toHaveText(/^node-\d\d\.k8s\.prod\.example\.com$/);
    await expect(page.getByTestId(TEST_IDS.notices)).not.toContainText('Axis labels shortened');
    expect(errors).toEqual([]);
  });

  // What broke: with three expanded levels in a narrow or short panel the gutter (capped at 30 %) was smaller than
  // the header bands; labels got a negative size (ignored by CSS) and ran over the bands and the cells.
  test('labels and group bands never overlap each other or the cells; truncated text has its full name in the title', async ({
    page,
  }) => {
    const sizes = [
      { width: 1000, height: 700 },
      { width: 520, height: 170 },
      { width: 130, height: 420 },
      { width: 420, height: 130 },
    ];
    const panels = [
      ...sizes.map((s) => mesh({ names: 'fqdn' }, {}, s)),
      // Collapsed ToRs: rotated group names on the columns, long ones truncated.
      mesh(
        { names: 'fqdn', racks: 8, perRack: 1 },
        { startLevel: 'tor', shortNames: false },
        { width: 380, height: 330 }
      ),
      mesh({ names: 'fqdn' }, { shortNames: false }, { width: 600, height: 420 }),
    ];
    const errors = await openHarness(page, env, panels, 'light');
    let checked = 0;
    let truncated = 0;
    for (let i = 0; i < panels.length; i++) {
      await snap(page.getByTestId(`harness-panel-${i}`), `axis-labels-${i}`);
      const { boxes, matrix } = await axisBoxes(page, i);
      expect(boxes.length, `panel ${i} draws some axis text`).toBeGreaterThan(0);
      for (let a = 0; a < boxes.length; a++) {
        expect(overlap(boxes[a].r, matrix), `panel ${i}: "${boxes[a].text}" over the cells`).toBe(false);
        for (let b = a + 1; b < boxes.length; b++) {
          expect(overlap(boxes[a].r, boxes[b].r), `panel ${i}: "${boxes[a].text}" over "${boxes[b].text}"`).toBe(false);
        }
        if (boxes[a].truncated) {
          truncated++;
          expect(boxes[a].title, `panel ${i}: truncated "${boxes[a].text}"`).toContain(boxes[a].full);
        }
        checked++;
      }
    }
    // The crowded panels do truncate (else this test proves nothing about titles).
    expect(truncated).toBeGreaterThan(5);
    console.log(
      `axis labels: ${checked} text boxes in ${panels.length} panels, ${truncated} truncated, none overlapping`
    );
    expect(errors).toEqual([]);
  });

  // What broke: Intl.Collator's numeric order read hex groups as text (fd00::10 before fd00::a) and compared the
  // spellings, not the addresses, so rack fd00:0:a:: came out split around fd00:0:10::.
  test('IPv6 and IPv4 hosts in address order, and the failed rack’s rows are one run', async ({ page }) => {
    const errors = await openHarness(page, env, [
      mesh({ names: 'ipv6', grouped: false }, { levels: '' }, { width: 700, height: 600 }),
      mesh({ names: 'ipv4', grouped: false }, { levels: '' }, { width: 700, height: 600 }),
    ]);
    const order = async (i: number) =>
      page
        .getByTestId(`harness-panel-${i}`)
        .getByTestId(TEST_IDS.rowLabel)
        .evaluateAll((els) => els.map((e) => e.textContent));
    expect(await order(0)).toEqual([
      'fd00:0:7::2',
      'fd00:0000:0007::000a',
      'fd00:0:7:0:0:0:0:10',
      'fd00:0000:000a::0002',
      'fd00:0:a:0:0:0:0:A',
      'fd00:0:a::10',
      'fd00:0:10:0:0:0:0:2',
      'fd00:0:10::a',
      'fd00:0000:0010::0010',
      'fd00:0:1f::2',
      'fd00:0000:001f::000a',
      'fd00:0:1f:0:0:0:0:10',
    ]);
    expect(await order(1)).toEqual([9, 10, 11, 12].flatMap((rack) => [9, 10, 11].map((h) => `10.0.${rack}.${h}`)));
    for (const i of [0, 1]) {
      const { colours } = await cellColours(page, i);
      const breach = await statusColour(page, Status.Breach, i);
      const failedRows = colours.flatMap((row, r) => (row.every((c, col) => col === r || c === breach) ? [r] : []));
      // Rack 1 of 4 (3 hosts) times out: its rows are 3 adjacent rows, the 2nd run of three.
      expect(failedRows, `panel ${i}`).toEqual([3, 4, 5]);
    }
    expect(errors).toEqual([]);
  });
});
