/**
 * The Debian packages the tests and the demo run (Chromium, Prometheus, VictoriaMetrics, zip), installed when
 * missing: on a fresh Debian machine `npm test` and `npm run demo` set themselves up. As root it runs apt-get; as
 * another user, or with PINGMESH_NO_APT=1, it stops with the command to run.
 */
import { spawnSync } from 'node:child_process';

/** Command → the Debian package that provides it. */
export const SYSTEM_TOOLS: Record<string, string> = {
  chromium: 'chromium',
  prometheus: 'prometheus',
  promtool: 'prometheus',
  'victoria-metrics': 'victoria-metrics',
  vmalert: 'victoria-metrics',
  zip: 'zip',
};

export const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Installs the packages of the missing commands; throws with the install command when it cannot. */
export function ensureSystemTools(commands: string[], log: (line: string) => void = console.log): void {
  const missing = commands.filter((c) => !has(c));
  if (missing.length === 0) {
    return;
  }
  const packages = [...new Set(missing.map((c) => SYSTEM_TOOLS[c] ?? c))];
  const hint = `apt-get install -y ${packages.join(' ')}`;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || process.env.PINGMESH_NO_APT === '1' || !has('apt-get')) {
    throw new Error(`${missing.join(', ')} not found. Install with:\n  ${hint}`);
  }
  log(`${missing.join(', ')} not found: ${hint}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...packages],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) {
      throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status ?? r.signal}). Install with:\n  ${hint}`);
    }
  }
  const still = missing.filter((c) => !has(c));
  if (still.length > 0) {
    throw new Error(`${still.join(', ')} still not found after ${hint}`);
  }
}
