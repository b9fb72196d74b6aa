import { existsSync } from 'node:fs';
import path from 'node:path';

import { pingmeshOpenMetrics, startPrometheus } from '../prometheus';
import { buildHost } from '../build';
import { startHarnessServer } from '../server';

/**
 * Starts a real Prometheus (backfilled pingmesh data) and the harness server in-process; tests read
 * HARNESS_URL. The host page is built first when it is missing or stale. The real plugin (repo dist/)
 * is served too when it has been built; HARNESS_REAL_PLUGIN says whether.
 */
const harnessDir = path.resolve(__dirname, '..');
const repoDir = path.resolve(harnessDir, '..');

export default async function globalSetup(): Promise<() => Promise<void>> {
  buildHost();
  const prom = await startPrometheus({
    openMetrics: pingmeshOpenMetrics({
      nodes: ['a', 'b', 'c', 'd'],
      minutes: 60,
      special: [{ src: 'c', dst: 'd', value: 'NaN' }],
    }),
  });
  const realDist = path.join(repoDir, 'dist');
  const hasReal = existsSync(path.join(realDist, 'module.js'));
  const server = await startHarnessServer({
    prom: prom.url,
    plugins: {
      'harness-test-panel': path.join(harnessDir, 'fixtures/test-panel'),
      ...(hasReal ? { 'netobs-pingmesh-panel': realDist } : {}),
    },
    mounts: { '/fixtures': path.join(harnessDir, 'fixtures') },
  });
  process.env.HARNESS_URL = server.url;
  process.env.HARNESS_REAL_PLUGIN = hasReal ? '1' : '';
  return async () => {
    await server.stop();
    await prom.stop();
  };
}
