import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { HOSTS, HostVariant, assertHostPackages, hostDistDir, hostFromEnv, isHostId } from './hosts';

const harnessDir = __dirname;
const repoDir = path.resolve(harnessDir, '..');

function newestMtime(p: string): number {
  const s = statSync(p);
  return s.isDirectory() ? readdirSync(p).reduce((m, e) => Math.max(m, newestMtime(path.join(p, e))), 0) : s.mtimeMs;
}

/**
 * Builds the host page of one variant (default: HARNESS_HOST, else 12.4) into harness/dist/grafana-<host>/, a
 * ~10–20 s webpack build of Grafana's packages, only when it is missing or older than its sources, its config or
 * the variant's installed packages. `production` (React and Grafana in production mode, for benchmarks) builds
 * into its own folder.
 */
export function buildHost({
  host = hostFromEnv(),
  production = false,
  quiet = false,
}: { host?: HostVariant; production?: boolean; quiet?: boolean } = {}): void {
  assertHostPackages(host);
  const out = path.join(hostDistDir(host, production), 'index.html');
  const sources = Math.max(
    newestMtime(path.join(harnessDir, 'host')),
    statSync(path.join(harnessDir, 'webpack.config.ts')).mtimeMs,
    statSync(path.join(harnessDir, 'hosts.ts')).mtimeMs,
    statSync(path.join(host.packagesDir, 'package-lock.json')).mtimeMs
  );
  if (existsSync(out) && statSync(out).mtimeMs > sources) {
    return;
  }
  const env = ['--env', `host=${host.id}`, ...(production ? ['--env', 'production'] : [])];
  execFileSync('npx', ['webpack', '-c', 'harness/webpack.config.ts', ...env], {
    cwd: repoDir,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
}

/**
 * `tsx harness/build.ts [--status FILE] 12.4 13.2`: builds the given variants (default: HARNESS_HOST) one after the
 * other; with --status, writes `ok` or the error there at the end (npm test runs this beside jest and waits for it).
 */
if (require.main === module) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--status');
  const status = at >= 0 ? argv.splice(at, 2)[1] : undefined;
  let result = 'ok';
  try {
    for (const id of argv.length ? argv : [hostFromEnv().id]) {
      if (!isHostId(id)) {
        throw new Error(`unknown host ${id}`);
      }
      const started = Date.now();
      buildHost({ host: HOSTS[id], quiet: true });
      console.log(`harness host ${id}: built or current in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (e) {
    result = e instanceof Error ? e.message : String(e);
    console.error(result);
    process.exitCode = 1;
  }
  if (status) {
    writeFileSync(status, result);
  }
}
