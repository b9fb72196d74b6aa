import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { buildHost } from '../../harness/build';
import { startHarnessServer } from '../../harness/server';
import { startScenarioStack } from '../../sim/prom';
import { ENV_FILE, HarnessEnv } from './env';
import { startDiagnosisStack } from './stacks/diagnosis';

const root = join(__dirname, '..', '..');

/**
 * Two scenarios, 48 hosts each, from the simulator → promtool backfill → a real Prometheus each → a harness each
 * serving the built dist/: ToR down, and spine loss in one DC. Torn down after the suite.
 */
export default async function globalSetup() {
  if (!existsSync(join(root, 'dist', 'module.js'))) {
    throw new Error('dist/module.js is missing: run `npm run build` first (npm test does).');
  }
  buildHost();
  const plugins = { 'netobs-pingmesh-panel': join(root, 'dist') };
  // The ToR fails 4 minutes before the end: healthy before, so the breach timeline and "what changed" have a start.
  const torDown = await startScenarioStack({ scenario: 'tor-down', seed: 1, hosts: 48, minutes: 10, onsetMinutes: 4 });
  const spine = await startScenarioStack({ scenario: 'spine-loss', seed: 1, hosts: 48, minutes: 10 });
  // 30 minutes: the dead pair stops 20 minutes before the end, the stale agent 3 minutes before.
  const slaMix = await startScenarioStack({ scenario: 'sla-mix', seed: 1, hosts: 48, minutes: 30 });
  // Live: the simulator scraped every second and the shipped recording rules evaluated every second.
  const rulesDir = mkdtempSync(join(tmpdir(), 'pingmesh-rules-'));
  const rules = join(rulesDir, 'pingmesh.rules.yml');
  const shipped = readFileSync(join(root, 'rules', 'pingmesh.rules.yml'), 'utf8');
  writeFileSync(rules, shipped.replace(/^( {4}interval:) 30s$/m, '$1 1s'));
  const live = await startScenarioStack({
    scenario: 'tor-down',
    seed: 1,
    hosts: 48,
    minutes: 1,
    live: true,
    ruleFiles: [rules],
    scrapeInterval: '1s',
  });
  const harness = await startHarnessServer({
    prom: torDown.prom.url,
    plugins,
    mounts: { '/fixtures': join(root, 'tests', 'harness', 'fixtures') },
  });
  const liveHarness = await startHarnessServer({ prom: live.prom.url, plugins });
  const spineHarness = await startHarnessServer({ prom: spine.prom.url, plugins });
  const slaHarness = await startHarnessServer({ prom: slaMix.prom.url, plugins });
  const diagnosis = await startDiagnosisStack(plugins);
  const facts = slaMix.gen.info.culprit;
  if (facts.kind !== 'sla-mix') {
    throw new Error(`unexpected sla-mix culprit ${facts.kind}`);
  }
  const culprit = torDown.gen.info.culprit;
  const spineCulprit = spine.gen.info.culprit;
  if (culprit.kind !== 'tor' || spineCulprit.kind !== 'dc') {
    throw new Error(`unexpected culprits ${culprit.kind}, ${spineCulprit.kind}`);
  }
  const tors: Record<string, string[]> = {};
  for (const h of spine.gen.topo.hosts) {
    (tors[h.dc] ??= []).includes(h.tor) || tors[h.dc].push(h.tor);
  }
  const env: HarnessEnv = {
    harnessUrl: harness.url,
    promUrl: torDown.prom.url,
    fromMs: torDown.gen.fromMs,
    toMs: torDown.gen.toMs,
    onsetMs: torDown.gen.info.startsMs!,
    scenario: torDown.gen.info.scenario,
    culpritTor: culprit.id,
    hosts: torDown.gen.topo.hosts.map(({ name, ip, tor, dc, region }) => ({ name, ip, tor, dc, region })),
    rules: { harnessUrl: liveHarness.url, promUrl: live.prom.url },
    spine: {
      harnessUrl: spineHarness.url,
      promUrl: spine.prom.url,
      fromMs: spine.gen.fromMs,
      toMs: spine.gen.toMs,
      culpritDc: spineCulprit.id,
      tors,
    },
    sla: {
      harnessUrl: slaHarness.url,
      promUrl: slaMix.prom.url,
      fromMs: slaMix.gen.fromMs,
      toMs: slaMix.gen.toMs,
      facts,
      hosts: slaMix.gen.topo.hosts.map(({ name, ip, tor, dc, region }) => ({ name, ip, tor, dc, region })),
    },
    diagnosis: diagnosis.facts,
  };
  mkdirSync(dirname(ENV_FILE), { recursive: true });
  writeFileSync(ENV_FILE, JSON.stringify(env, null, 2));
  console.log(
    `harness ${harness.url}: tor-down, culprit ToR ${env.culpritTor}; ${spineHarness.url}: spine-loss in ${env.spine.culpritDc}`
  );

  return async () => {
    await Promise.all([harness.stop(), spineHarness.stop(), liveHarness.stop(), slaHarness.stop(), diagnosis.stop()]);
    await Promise.all([torDown.stop(), spine.stop(), live.stop(), slaMix.stop()]);
    rmSync(rulesDir, { recursive: true, force: true });
  };
}
