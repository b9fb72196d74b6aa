/**
 * `npm run screenshots`: regenerates every image the README and the plugin catalogue show, from the current build.
 * The images are taken by the browser specs themselves (tests/harness/snap.ts), right after they assert what the
 * image shows, on the simulator's scenarios in a real Prometheus — so no image shows an older behaviour than the
 * tests. Then plugin.json's screenshots are copied into src/img/ (what the release zip ships), and every image
 * the README, src/README.md and plugin.json name is checked to have been written by this run.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { ensureSystemTools } from './systemTools';

const root = join(__dirname, '..');
const docs = join(root, 'docs', 'img');
/** The specs that take the README's images (each names its image in a snap() call). */
const SPECS = ['torDown', 'sla', 'diagnosis', 'timeline', 'hierarchy', 'drilldown', 'i18n'].map(
  (s) => `tests/harness/${s}.spec.ts`
);

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  }
}

/** Image files under docs/img/ that a document names (README links, src/README raw links, plugin.json paths). */
function named(): string[] {
  const out = new Set<string>();
  for (const doc of ['README.md', 'src/README.md']) {
    for (const m of readFileSync(join(root, doc), 'utf8').matchAll(/docs\/img\/([\w.-]+\.png)/g)) {
      out.add(m[1]);
    }
  }
  for (const s of pluginScreenshots()) {
    out.add(s);
  }
  return [...out].sort();
}

function pluginScreenshots(): string[] {
  const plugin = JSON.parse(readFileSync(join(root, 'src', 'plugin.json'), 'utf8'));
  return (plugin.info.screenshots as Array<{ path: string }>).map((s) => s.path.replace(/^img\//, ''));
}

function main() {
  const started = Date.now();
  // Chromium and Prometheus as for the tests; a CJK font so the Simplified Chinese image shows its glyphs.
  ensureSystemTools(['chromium', 'prometheus', 'promtool', 'cjk-font']);
  run('npm', ['run', 'build', '--silent']);
  // The 12.4 host against Prometheus; the spec run starts its own stack (tests/harness/globalSetup.ts).
  run('npx', ['playwright', 'test', '--project=harness', ...SPECS], {
    PINGMESH_SCREENSHOTS_DIR: docs,
    HARNESS_HOST: '12.4',
    HARNESS_BACKEND: 'prometheus',
  });
  for (const f of pluginScreenshots()) {
    copyFileSync(join(docs, f), join(root, 'src', 'img', f));
  }
  const stale = named().filter((f) => !existsSync(join(docs, f)) || statSync(join(docs, f)).mtimeMs < started);
  if (stale.length > 0) {
    throw new Error(`not written by this run (no spec takes them): ${stale.map((f) => `docs/img/${f}`).join(', ')}`);
  }
  console.log(`regenerated: ${named().join(', ')} (docs/img; plugin.json's also in src/img)`);
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
