import { promises as fs } from 'node:fs';
import path from 'node:path';

import type { HarnessConfig } from './host/config';
import { harnessUrl, launchBrowser } from './launch';
import { pingmeshOpenMetrics, startPrometheus } from './prometheus';
import { parseArgs, startHarnessServer } from './server';

/**
 * End-to-end check of the harness: real Prometheus with backfilled pingmesh data, the harness server, Chromium.
 * Renders a config, waits for `window.harness.ready`, prints `window.harness.errors`, saves a screenshot.
 * Exit code 1 when the page reported errors.
 *
 *   npx tsx harness/smoke.ts [--plugin id=dir ...] [--config file.json] [--out shot.png]
 * Without --config every plugin gets one panel querying the pingmesh data (the fixture panel is always added).
 */

const FIXTURE_ID = 'harness-test-panel';

function defaultConfig(pluginIds: string[]): HarnessConfig {
  return {
    theme: 'dark',
    timeRange: { from: 'now-30m', to: 'now' },
    variables: { src: 'a' },
    panels: pluginIds.map((pluginId) => ({
      pluginId,
      title: pluginId,
      width: 520,
      height: 380,
      options: pluginId === FIXTURE_ID ? { pairExpr: 'pingmesh_pair_latency_seconds{src="$src", dst="b"}' } : {},
      targets: [
        { refId: 'A', expr: 'pingmesh_pair_latency_seconds', instant: true, legendFormat: '{{src}} -> {{dst}}' },
      ],
    })),
  };
}

async function main() {
  const argv = process.argv.slice(2);
  const take = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv.splice(i, 2)[1] : undefined;
  };
  const configFile = take('--config');
  const out = path.resolve(take('--out') ?? 'harness-smoke.png');
  const serverOpts = parseArgs(argv);
  serverOpts.plugins[FIXTURE_ID] ??= path.join(__dirname, 'fixtures/test-panel');

  const prom = await startPrometheus({
    openMetrics: pingmeshOpenMetrics({
      nodes: ['a', 'b', 'c', 'd'],
      minutes: 60,
      special: [{ src: 'c', dst: 'd', value: 'NaN' }],
    }),
  });
  const server = await startHarnessServer({ ...serverOpts, prom: serverOpts.prom ?? prom.url });
  const browser = await launchBrowser();
  try {
    const config: HarnessConfig = configFile
      ? JSON.parse(await fs.readFile(configFile, 'utf8'))
      : defaultConfig(Object.keys(serverOpts.plugins).sort((a) => (a === FIXTURE_ID ? -1 : 1)));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const consoleErrors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    const started = Date.now();
    await page.goto(harnessUrl(server.url, config));
    await page.waitForFunction(() => window.harness !== undefined);
    const readyError = await page.evaluate(() =>
      window.harness.ready.then(
        () => '',
        (e: Error) => String(e?.message ?? e)
      )
    );
    // Let the panels' own async work (e.g. a pair query) settle before the screenshot.
    await page.waitForTimeout(1000);
    const errors = await page.evaluate(() => window.harness.errors.slice());
    await page.screenshot({ path: out, fullPage: true });
    console.log(
      `ready in ${Date.now() - started} ms${readyError ? ` with error: ${readyError}` : ''}; screenshot ${out}`
    );
    for (let i = 0; i < config.panels.length; i++) {
      const state = await page.evaluate((n) => window.harness.state(n), i);
      const frames = await page.evaluate((n) => window.harness.frames(n).length, i);
      console.log(
        `panel ${i} ${config.panels[i].pluginId}: ${state.state}, ${frames} frames ${JSON.stringify(state.errors)}`
      );
    }
    const all = [...new Set([...errors, ...consoleErrors])];
    console.log(all.length ? `errors:\n${all.join('\n')}` : 'no errors');
    process.exitCode = all.length || readyError ? 1 : 0;
  } finally {
    await browser.close();
    await server.stop();
    await prom.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
