import { existsSync } from 'node:fs';
import path from 'node:path';

import { pingmeshOpenMetrics, startPrometheus } from '../prometheus';
import { buildHost } from '../build';
import { assertChromium } from '../launch';
import { startHarnessServer } from '../server';

/**
 * Starts a real Prometheus (backfilled pingmesh data) and the harness server in-process; tests read
 * HARNESS_URL. The host page (HARNESS_HOST, default 12.4) is built first when it is missing or stale. The real
 * plugin (repo dist/) is served too when it has been built; HARNESS_REAL_PLUGIN says whether. The ESnet Matrix
 * Panel (a peer that uses @grafana/ui's CustomScrollbar) is served from PEERS_DIR (default /work/shared/peers).
 */
export const PEERS_DIR = process.env.PEERS_DIR ?? '/work/shared/peers';
export const ESNET_ID = 'esnet-matrix-panel';
/** The peer's README options that make it draw every cell of a long-form table (src, dst, Value), with its field config. */
export const ESNET_PANEL = {
  options: {
    sourceField: 'src',
    targetField: 'dst',
    valueField: 'Value',
    sortType: 'natural-asc',
    cellSize: 15,
    cellPadding: 5,
    txtSize: 10,
    txtLength: 50,
    showLegend: false,
    inputList: false,
    addUrl: false,
  },
  fieldConfig: { defaults: { unit: 's', color: { mode: 'thresholds' } }, overrides: [] },
};
const harnessDir = path.resolve(__dirname, '..');
const repoDir = path.resolve(harnessDir, '..');

export default async function globalSetup(): Promise<() => Promise<void>> {
  assertChromium();
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
      ...(existsSync(path.join(PEERS_DIR, ESNET_ID, 'module.js'))
        ? { [ESNET_ID]: path.join(PEERS_DIR, ESNET_ID) }
        : {}),
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
