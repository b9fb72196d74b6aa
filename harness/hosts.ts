import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The Grafana versions the host page can be built from. The plugin always builds against the root's 12.4.10
 * packages (one dist/module.js for every host); only the host page changes. 12.4 uses the root node_modules;
 * 13.2 (the first minor whose packages require React 19) has its own folder with its own package.json and lockfile,
 * installed by `npm test` (ensureHostPackages). Select one with HARNESS_HOST=12.4|13.2 (default 12.4).
 */
export type HostId = '12.4' | '13.2';

export interface HostVariant {
  id: HostId;
  /** The @grafana/* version the host page is made of (also the page's buildInfo.version). */
  grafana: string;
  react: string;
  /** Folder whose node_modules the host build resolves packages from first. */
  packagesDir: string;
}

const harnessDir = __dirname;
const repoDir = path.resolve(harnessDir, '..');

export const HOSTS: Record<HostId, HostVariant> = {
  '12.4': { id: '12.4', grafana: '12.4.10', react: '18', packagesDir: repoDir },
  '13.2': { id: '13.2', grafana: '13.2.3', react: '19', packagesDir: path.join(harnessDir, 'hosts', 'grafana-13.2') },
};

export const HOST_IDS = Object.keys(HOSTS) as HostId[];

export function isHostId(id: string): id is HostId {
  return id in HOSTS;
}

/** The host HARNESS_HOST names (default 12.4); an unknown name fails with the choices. */
export function hostFromEnv(value = process.env.HARNESS_HOST): HostVariant {
  const id = value || '12.4';
  if (!isHostId(id)) {
    throw new Error(`HARNESS_HOST=${id} is not a harness host; use one of ${HOST_IDS.join(', ')}`);
  }
  return HOSTS[id];
}

export const hostNodeModules = (host: HostVariant) => path.join(host.packagesDir, 'node_modules');

/** The build of the host page for a variant (production = React and Grafana in production mode, for benchmarks). */
export function hostDistDir(host: HostVariant, production = false): string {
  return path.join(harnessDir, 'dist', `grafana-${host.id}${production ? '-production' : ''}`);
}

/** A package's folder as the host build resolves it (the variant's node_modules first, then the root's). */
export function hostPackageDir(host: HostVariant, name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [host.packagesDir, repoDir] }));
}

/**
 * True when the variant's packages are installed and not older than its lockfile: npm writes
 * node_modules/.package-lock.json on every install; a changed (pulled) lockfile is newer than it.
 */
export function hostPackagesCurrent(host: HostVariant): boolean {
  if (host.packagesDir === repoDir) {
    return true;
  }
  const installed = path.join(hostNodeModules(host), '.package-lock.json');
  return (
    existsSync(installed) &&
    statSync(installed).mtimeMs >= statSync(path.join(host.packagesDir, 'package-lock.json')).mtimeMs
  );
}

/**
 * `npm ci` in the variant's folder when its node_modules is missing or older than its lockfile (the root's
 * `npm ci` does not reach it). A no-op for 12.4 and for an up-to-date install.
 */
export function ensureHostPackages(host: HostVariant, log: (line: string) => void = console.log): void {
  if (hostPackagesCurrent(host)) {
    return;
  }
  log(`installing the Grafana ${host.grafana} host packages in ${path.relative(repoDir, host.packagesDir)}`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
    cwd: host.packagesDir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Fails with the install command when the variant's packages are missing (no silent fallback to 12.4). */
export function assertHostPackages(host: HostVariant): void {
  if (!hostPackagesCurrent(host)) {
    throw new Error(
      `the Grafana ${host.grafana} host packages are not installed (or are older than their lockfile): ` +
        `run \`npm ci --prefix ${path.relative(repoDir, host.packagesDir)}\` or \`npm test\`, which does`
    );
  }
}
