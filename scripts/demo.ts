/**
 * `npm run demo`: build the plugin and the harness, start simulator → real Prometheus → harness, print the URL.
 *   --scenario tor-down  --hosts 48  --onset 10 (the fault starts 10 minutes before now; 0 = all along)
 *   --port 3001  --screenshot FILE (save a Chromium screenshot and exit)
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { buildHost } from '../harness/build';
import { harnessUrl, launchBrowser, openHarnessPage } from '../harness/launch';
import { startHarnessServer } from '../harness/server';
import { startScenarioStack } from '../sim/prom';
import { isScenarioName } from '../sim/scenarios';
import { ensureSystemTools } from './systemTools';

const root = join(__dirname, '..');

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main() {
  const screenshot = flag('screenshot', '');
  try {
    // A fresh Debian machine: Prometheus (and Chromium for a screenshot) from apt, as root; else the command to run.
    ensureSystemTools(['prometheus', 'promtool', ...(screenshot ? ['chromium', 'cjk-font'] : [])]);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
  const scenario = flag('scenario', 'tor-down');
  if (!isScenarioName(scenario)) {
    console.error(`unknown scenario ${scenario}; see npm run sim -- --help`);
    process.exit(1);
  }

  console.log('building the plugin and the harness …');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  buildHost({ quiet: true });

  const stack = await startScenarioStack({
    scenario,
    hosts: Number(flag('hosts', '48')),
    minutes: 30,
    // The fault starts 10 minutes ago: the breach timeline above the matrix shows it begin.
    ...(Number(flag('onset', '10')) > 0 && { onsetMinutes: Number(flag('onset', '10')) }),
    live: true,
    log: console.log,
  });
  const harness = await startHarnessServer({
    port: Number(flag('port', '3001')),
    prom: stack.prom.url,
    plugins: { 'netobs-pingmesh-panel': join(root, 'dist') },
  });
  const config = {
    theme: 'dark' as const,
    timeRange: { from: 'now-30m', to: 'now' },
    panels: [
      {
        pluginId: 'netobs-pingmesh-panel',
        title: 'Pair latency (topology labels)',
        width: 1000,
        height: 820,
        // Range queries: the matrix shows the latest step, the breach timeline every step of the 30 minutes.
        targets: [
          { refId: 'A', expr: 'pingmesh_pair_latency_seconds', format: 'table' as const, range: true },
          { refId: 'B', expr: 'pingmesh_pair_loss_ratio', format: 'table' as const, range: true },
          { refId: 'C', expr: 'pingmesh_pair_fail', format: 'table' as const, range: true },
        ],
        // Grouped by the simulator's topology and opened at host level: every pair judged by its scope's SLA.
        options: { grouping: { levels: 'region,dc,az,tor', startLevel: 'host' }, display: { worstPairs: 0 } },
      },
    ],
  };
  const url = harnessUrl(harness.url, config);
  const stop = async () => {
    await harness.stop();
    await stack.stop();
  };

  if (screenshot) {
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1040, height: 860 } });
    await openHarnessPage(page, harness.url, config);
    // Range queries over 30 minutes: wait for the matrix and for every point of the breach timeline.
    await page.getByTestId('pingmesh-canvas').waitFor({ timeout: 60_000 });
    await page
      .locator('[data-testid="pingmesh-timeline"]:not([data-computing]):not([data-points="0"])')
      .waitFor({ timeout: 60_000 });
    await page.getByTestId('harness-panel-0').screenshot({ path: screenshot });
    await browser.close();
    await stop();
    console.log(`screenshot: ${screenshot}`);
    return;
  }

  console.log(`\nPingmesh Heatmap demo (${scenario}, culprit ${JSON.stringify(stack.gen.info.culprit)}):\n  ${url}\n`);
  console.log(`Prometheus: ${stack.prom.url}   simulator: ${stack.sim?.url}   Ctrl-C to stop.`);
  const shutdown = () => stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
