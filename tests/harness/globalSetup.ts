import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { buildHost } from '../../harness/build';
import { assertChromium } from '../../harness/launch';
import { hostFromEnv } from '../../harness/hosts';
import { startHarnessServer } from '../../harness/server';
import { ENV_FILE, HarnessEnv } from './env';
import { Stack, backendFromEnv, readStack, startStack } from './stack';

const root = join(__dirname, '..', '..');

/** What each backend's own /metrics has and the other's has not: the run must not test the wrong one. */
const BACKEND_MARK = { prometheus: 'prometheus_build_info', victoriametrics: 'vm_app_version' } as const;

/** Asks the backend behind the harness proxy (what the panel's queries reach) what it is. */
async function assertBackend(harnessUrl: string, backend: keyof typeof BACKEND_MARK) {
  const text = await (await fetch(`${harnessUrl}/api/prom/metrics`)).text();
  if (!text.includes(BACKEND_MARK[backend])) {
    throw new Error(`the harness proxy at ${harnessUrl} does not reach ${backend} (no ${BACKEND_MARK[backend]})`);
  }
}

/**
 * One run of the browser suite: the host page HARNESS_HOST (12.4 | 13.2) against the backend HARNESS_BACKEND
 * (prometheus | victoriametrics). The backends come from the stack file HARNESS_STACK that npm test's shared stack
 * wrote (stack.ts), else from a stack started here for this run; the harness servers (the host page, the built
 * dist/, a proxy to the backend) are this run's own. Torn down after the suite.
 */
export default async function globalSetup() {
  assertChromium();
  if (!existsSync(join(root, 'dist', 'module.js'))) {
    throw new Error('dist/module.js is missing: run `npm run build` first (npm test does).');
  }
  const host = hostFromEnv();
  const backend = backendFromEnv();
  buildHost({ host });
  let own: Stack | undefined;
  const info = process.env.HARNESS_STACK
    ? readStack(process.env.HARNESS_STACK)
    : (own = await startStack({ backends: backend === 'prometheus' ? ['prometheus'] : ['prometheus', backend] })).info;
  if (!info.backends.includes(backend)) {
    throw new Error(`the stack in ${process.env.HARNESS_STACK} has no ${backend} (it has ${info.backends.join(', ')})`);
  }
  // The scenarios only the Prometheus suite reads (spine, sla, diagnosis, presets) stay on Prometheus: a VictoriaMetrics run is limited
  // to CORE_SPECS by playwright.config.ts.
  const url = (scenario: 'torDown' | 'live' | 'spine' | 'sla' | 'diagnosis' | 'presets') =>
    info.urls[backend][scenario] ?? info.urls.prometheus[scenario]!;
  const plugins = { 'netobs-pingmesh-panel': join(root, 'dist') };
  const servers = await Promise.all([
    startHarnessServer({
      host: host.id,
      prom: url('torDown'),
      plugins,
      mounts: { '/fixtures': join(root, 'tests', 'harness', 'fixtures') },
    }),
    startHarnessServer({ host: host.id, prom: url('live'), plugins }),
    startHarnessServer({ host: host.id, prom: url('spine'), plugins }),
    startHarnessServer({ host: host.id, prom: url('sla'), plugins }),
    startHarnessServer({ host: host.id, prom: url('diagnosis'), plugins }),
    startHarnessServer({ host: host.id, prom: url('presets'), plugins }),
  ]);
  const [harness, liveHarness, spineHarness, slaHarness, diagnosisHarness, presetsHarness] = servers;
  await assertBackend(harness.url, backend);
  // The page served is the variant asked for (webpack writes it into host.js).
  if (!(await (await fetch(`${harness.url}/host.js`)).text()).includes(`"grafana":"${host.grafana}"`)) {
    throw new Error(`the harness at ${harness.url} does not serve the Grafana ${host.grafana} host page`);
  }
  const { facts } = info;
  const env: HarnessEnv = {
    ...facts,
    host: host.id,
    backend,
    harnessUrl: harness.url,
    promUrl: url('torDown'),
    rules: { harnessUrl: liveHarness.url, promUrl: url('live') },
    spine: { ...facts.spine, harnessUrl: spineHarness.url, promUrl: url('spine') },
    sla: { ...facts.sla, harnessUrl: slaHarness.url, promUrl: url('sla') },
    diagnosis: { ...facts.diagnosis, harnessUrl: diagnosisHarness.url, promUrl: url('diagnosis') },
    presets: { ...facts.presets, harnessUrl: presetsHarness.url, promUrl: url('presets') },
  };
  mkdirSync(dirname(ENV_FILE), { recursive: true });
  writeFileSync(ENV_FILE, JSON.stringify(env, null, 2));
  console.log(
    `Grafana ${host.grafana} host on ${backend}: ${harness.url} tor-down (culprit ToR ${env.culpritTor}), ` +
      `${spineHarness.url} spine-loss in ${env.spine.culpritDc}`
  );

  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await own?.stop();
  };
}
