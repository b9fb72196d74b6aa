import { Page, expect, test } from '@playwright/test';

import type { HarnessConfig, HarnessPanelConfig } from '../host/config';
import { harnessUrl } from '../launch';

const FIXTURE = 'harness-test-panel';
const LATENCY = 'pingmesh_pair_latency_seconds';

function panel(over: Partial<HarnessPanelConfig> = {}): HarnessPanelConfig {
  return {
    pluginId: FIXTURE,
    width: 480,
    height: 360,
    targets: [{ refId: 'A', expr: LATENCY, instant: true }],
    ...over,
  };
}

/** Opens the page and waits for `harness.ready`; returns its rejection message ('' when ready) and console errors. */
async function open(page: Page, config: HarnessConfig) {
  const consoleErrors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(harnessUrl(process.env.HARNESS_URL!, config));
  await page.waitForFunction(() => window.harness !== undefined);
  const readyError = await page.evaluate(() =>
    window.harness.ready.then(
      () => '',
      (e: Error) => String(e.message ?? e)
    )
  );
  return { readyError, consoleErrors };
}

const errors = (page: Page) => page.evaluate(() => window.harness.errors.slice());

test('loads the fixture plugin through SystemJS and feeds it Grafana-shaped Prometheus frames', async ({ page }) => {
  const { readyError, consoleErrors } = await open(page, {
    panels: [panel({ targets: [{ refId: 'A', expr: LATENCY, instant: true, legendFormat: '{{src}} -> {{dst}}' }] })],
  });
  expect(readyError).toBe('');
  await expect(page.getByTestId('test-panel-field')).toHaveCount(12);
  await expect(page.getByTestId('test-panel-logo')).toBeVisible(); // public path taken from AMD module.uri
  const frames = await page.evaluate(() => window.harness.frames(0));
  const value = frames[0].schema!.fields[1];
  expect(value.name).toBe(LATENCY);
  expect(value.labels).toMatchObject({ __name__: LATENCY, src: expect.any(String), dst: expect.any(String) });
  expect(value.config?.displayNameFromDS).toMatch(/^[a-d] -> [a-d]$/);
  expect(frames[0].schema!.meta).toMatchObject({ type: 'numeric-multi', custom: { resultType: 'vector' } });
  // NaN survives the JSON encoding as an entity.
  expect(frames.some((f) => f.data?.entities?.[1]?.NaN)).toBe(true);
  expect(await errors(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a Prometheus error gives state Error without console noise', async ({ page }) => {
  const { consoleErrors } = await open(page, { panels: [panel({ targets: [{ refId: 'A', expr: 'sum(' }] })] });
  const state = await page.evaluate(() => window.harness.state(0));
  expect(state.state).toBe('Error');
  expect(state.errors[0]).toMatchObject({ refId: 'A', status: 400, message: expect.stringContaining('bad_data') });
  await expect(page.getByTestId('test-panel-errors')).toContainText('parse error');
  expect(consoleErrors).toEqual([]);
});

test('Format: Table merges all series into one frame with label columns', async ({ page }) => {
  await open(page, { panels: [panel({ targets: [{ refId: 'A', expr: LATENCY, format: 'table', instant: true }] })] });
  const frames = await page.evaluate(() => window.harness.frames(0));
  expect(frames).toHaveLength(1);
  expect(frames[0].schema!.fields.map((f) => f.name)).toEqual(['Time', '__name__', 'dst', 'src', 'Value']);
  expect(frames[0].data!.values[0]).toHaveLength(12);
});

test('panel option changes, update() and refresh() re-render; update() does not query', async ({ page }) => {
  await open(page, { panels: [panel()] });
  await page.getByTestId('test-panel-bump').click();
  await expect(page.getByTestId('test-panel-bump')).toHaveText('clicks: 1');
  expect(await page.evaluate(() => window.harness.options(0).clicks)).toBe(1);

  let queries = 0;
  page.on('request', (req) => req.url().includes('/api/prom/') && queries++);
  await page.evaluate(() => window.harness.update(0, { width: 300, height: 200, options: { text: 'resized' } }));
  await expect(page.getByTestId('test-panel-meta')).toContainText('size=300x200');
  expect(await page.getByTestId('harness-panel-0').boundingBox()).toMatchObject({ width: 300, height: 200 });
  await expect(page.getByTestId('test-panel-text')).toHaveText('resized');
  expect(queries).toBe(0);
  await page.evaluate(() => window.harness.refresh(0));
  expect(queries).toBe(1);
});

test('variables interpolate, and locationService.partial(var-…) re-queries like a dashboard', async ({ page }) => {
  await open(page, {
    variables: { src: 'a' },
    panels: [panel({ targets: [{ refId: 'A', expr: `${LATENCY}{src="$src"}`, instant: true }] })],
  });
  await expect(page.getByTestId('test-panel-field')).toHaveCount(3);
  // The plugin-facing @grafana/runtime is the shared SystemJS module.
  await page.evaluate(() =>
    System.import('@grafana/runtime').then((runtime) => runtime.locationService.partial({ 'var-src': 'b' }))
  );
  await expect.poll(() => page.evaluate(() => window.harness.frames(0)[0].schema!.fields[1].labels?.src)).toBe('b');
  expect(await page.evaluate(() => window.harness.location().search)).toContain('var-src=b');
});

test('onChangeTimeRange sets the dashboard range and re-queries every panel', async ({ page }) => {
  await open(page, { timeRange: { from: 'now-1h', to: 'now' }, panels: [panel(), panel()] });
  const evalTimes: number[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/api/prom/')) {
      evalTimes.push(Number(url.searchParams.get('time')));
    }
  });
  await page.getByTestId('test-panel-zoom').first().click();
  await expect.poll(() => evalTimes.length).toBe(2);
  // Both panels now show the 10 minutes before the instant queries' evaluation time.
  const expectedFrom = new Date(evalTimes[0] * 1000 - 10 * 60 * 1000).toISOString().slice(11, 16);
  await expect(page.getByTestId('test-panel-meta').nth(1)).toContainText(`from=${expectedFrom}`);
});

test('PanelRenderer draws a pair range query with the timeseries stand-in', async ({ page }) => {
  const { readyError } = await open(page, {
    panels: [panel({ options: { pairExpr: `${LATENCY}{src="a", dst="b"}`, showFrames: false } })],
  });
  expect(readyError).toBe('');
  await expect(page.locator('[data-testid="harness-timeseries-standin"] canvas').first()).toBeVisible();
  expect(await errors(page)).toEqual([]);
});

test('inline and synthetic frames, light theme', async ({ page }) => {
  await open(page, {
    theme: 'light',
    panels: [
      panel({ targets: undefined, frames: [{ fields: [{ name: 'Value', type: 'number', values: [1, NaN] }] }] }),
      panel({ targets: undefined, synthetic: { module: '/fixtures/synthetic.mjs', args: { n: 4 } } }),
    ],
  });
  await expect(page.getByTestId('test-panel-meta').first()).toContainText('theme=Light');
  expect(await page.evaluate(() => window.harness.frames(1).length)).toBe(12);
  expect(await errors(page)).toEqual([]);
});

test('render errors and missing plugins are reported', async ({ page }) => {
  const { readyError } = await open(page, {
    panels: [panel({ options: { crash: true } }), panel({ pluginId: 'no-such-panel' })],
  });
  expect(readyError).toContain('no-such-panel');
  await expect(page.getByTestId('harness-panel-crash')).toContainText('fixture crash requested');
  const reported = await errors(page);
  expect(reported.some((e) => e.includes('fixture crash requested'))).toBe(true);
  expect(reported.some((e) => e.includes('no-such-panel'))).toBe(true);
});

test('the real plugin build renders beside the fixture', async ({ page }) => {
  // No silent skip: the suite runs after the build (npm test builds first).
  expect(process.env.HARNESS_REAL_PLUGIN, 'dist/module.js is missing: run `npm run build` first').toBe('1');
  const { readyError } = await open(page, {
    panels: [
      panel(),
      panel({ pluginId: 'netobs-pingmesh-panel', targets: [{ refId: 'A', expr: LATENCY, instant: true }] }),
    ],
  });
  expect(readyError).toBe('');
  expect(await errors(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('side-by-side.png') });
});
