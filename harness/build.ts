import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const harnessDir = __dirname;
const repoDir = path.resolve(harnessDir, '..');

function newestMtime(p: string): number {
  const s = statSync(p);
  return s.isDirectory() ? readdirSync(p).reduce((m, e) => Math.max(m, newestMtime(path.join(p, e))), 0) : s.mtimeMs;
}

/**
 * Builds the host page (a ~10–20 s webpack build of Grafana's packages). By default only when it is missing or
 * older than its sources; `production` (React and Grafana in production mode, for benchmarks) always builds.
 */
export function buildHost({ production = false, quiet = false } = {}): void {
  const out = path.join(harnessDir, 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(path.join(harnessDir, 'host')),
    newestMtime(path.join(harnessDir, 'webpack.config.ts'))
  );
  if (!production && existsSync(out) && statSync(out).mtimeMs > sources) {
    return;
  }
  execFileSync('npx', ['webpack', '-c', 'harness/webpack.config.ts', ...(production ? ['--env', 'production'] : [])], {
    cwd: repoDir,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
}
