/**
 * The Debian packages the tests, the demo, the bench and the screenshots need, installed when missing: on a fresh
 * Debian machine `npm test` and `npm run demo` set themselves up. As root it runs apt-get; as another user, or with
 * PINGMESH_NO_APT=1, it stops with the command to run.
 *
 * What each is for: Chromium runs the built bundle the way Grafana loads it (Playwright drives Debian's Chromium:
 * `npx playwright install` cannot download browsers here); Prometheus and promtool hold the simulator's series
 * (backfilled OpenMetrics) and check the recording rules; VictoriaMetrics and vmalert are the scale-out backend the
 * core specs also run on; zip packs the release zip; a CJK font lets screenshots of the Simplified Chinese panel show
 * its glyphs (Debian's Chromium ships none).
 */
import { spawnSync } from 'node:child_process';

/** A tool: the Debian package that provides it and how to tell it is there (a command on PATH by default). */
interface SystemTool {
  pkg: string;
  present?: () => boolean;
}

export const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

const installed = (pkg: string) => () =>
  spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes('install ok installed');

export const SYSTEM_TOOLS: Record<string, SystemTool> = {
  chromium: { pkg: 'chromium' },
  prometheus: { pkg: 'prometheus' },
  promtool: { pkg: 'prometheus' },
  'victoria-metrics': { pkg: 'victoria-metrics' },
  vmalert: { pkg: 'victoria-metrics' },
  zip: { pkg: 'zip' },
  'cjk-font': { pkg: 'fonts-wqy-microhei', present: installed('fonts-wqy-microhei') },
};

const present = (name: string) => SYSTEM_TOOLS[name]?.present?.() ?? has(name);

const packagesOf = (names: string[]) => [...new Set(names.map((n) => SYSTEM_TOOLS[n]?.pkg ?? n))];

/** The install command for these tools (for messages where a tool is found missing later). */
export const installHint = (names: string[]) => `apt-get install -y ${packagesOf(names).join(' ')}`;

/** Installs the packages of the missing tools; throws with the install command when it cannot. */
export function ensureSystemTools(names: string[], log: (line: string) => void = console.log): void {
  const missing = names.filter((c) => !present(c));
  if (missing.length === 0) {
    return;
  }
  const hint = installHint(missing);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || process.env.PINGMESH_NO_APT === '1' || !has('apt-get')) {
    throw new Error(`${missing.join(', ')} not found. Install with:\n  ${root ? '' : 'sudo '}${hint}`);
  }
  log(`${missing.join(', ')} not found: ${hint}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...packagesOf(missing)],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) {
      throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status ?? r.signal}). Install with:\n  ${hint}`);
    }
  }
  const still = missing.filter((c) => !present(c));
  if (still.length > 0) {
    throw new Error(`${still.join(', ')} still not found after ${hint}`);
  }
}
