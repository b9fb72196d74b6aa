import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { startHarnessServer } from '../../harness/server';
import { generateScenarioFile, startPrometheus } from '../../sim/prom';
import { ENV_FILE, HarnessEnv } from './env';

const root = join(__dirname, '..', '..');

function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }, 0);
}

/** Rebuilds the host page only when its sources changed: it is a ~20 s webpack build of Grafana's packages. */
function ensureHarnessBuilt() {
  const out = join(root, 'harness', 'dist', 'index.html');
  if (existsSync(out) && statSync(out).mtimeMs > newestMtime(join(root, 'harness', 'host'))) {
    return;
  }
  execFileSync('npx', ['webpack', '-c', 'harness/webpack.config.ts'], { cwd: root, stdio: 'inherit' });
}

/**
 * The ToR-down scenario, 48 hosts, from the simulator → promtool backfill → a real Prometheus → the harness
 * serving the built dist/. Torn down after the suite.
 */
export default async function globalSetup() {
  if (!existsSync(join(root, 'dist', 'module.js'))) {
    throw new Error('dist/module.js is missing: run `npm run build` first (npm test does).');
  }
  ensureHarnessBuilt();
  const gen = generateScenarioFile({ scenario: 'tor-down', seed: 1, hosts: 48, minutes: 10, format: 'both' });
  const prom = await startPrometheus({ openMetricsFiles: [gen.file] });
  const harness = await startHarnessServer({ prom: prom.url, plugins: { 'netobs-pingmesh-panel': join(root, 'dist') } });
  if (gen.info.culprit.kind !== 'tor') {
    throw new Error(`expected a ToR culprit, got ${gen.info.culprit.kind}`);
  }
  const env: HarnessEnv = {
    harnessUrl: harness.url,
    promUrl: prom.url,
    fromMs: gen.fromMs,
    toMs: gen.toMs,
    scenario: gen.info.scenario,
    culpritTor: gen.info.culprit.id,
    hosts: gen.topo.hosts.map(({ name, ip, tor, dc, region }) => ({ name, ip, tor, dc, region })),
  };
  mkdirSync(dirname(ENV_FILE), { recursive: true });
  writeFileSync(ENV_FILE, JSON.stringify(env, null, 2));
  console.log(`harness ${harness.url} · prometheus ${prom.url} · ${gen.info.scenario}, culprit ToR ${env.culpritTor}`);

  return async () => {
    await harness.stop();
    await prom.stop();
  };
}
