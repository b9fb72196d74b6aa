/**
 * `npm run package`: the plugin zip as Grafana's catalogue and `grafana cli plugins install` expect it.
 *
 *   artifacts/netobs-pingmesh-panel-<version>.zip
 *     netobs-pingmesh-panel/   module.js (+ .map, .LICENSE.txt), plugin.json, README.md, CHANGELOG.md, LICENSE,
 *                              img/ (logos and screenshots plugin.json names) — i.e. everything webpack put in dist/
 *   + .sha256 and .md5 beside it (printed too: the catalogue's submission form asks for them).
 *
 * Options: --no-build (use dist/ as it is; it must exist), --out DIR (default artifacts/), --dist DIR (default dist/),
 *          --tool zip|python (default: the `zip` CLI when installed, else Python's zipfile, present on Debian/Ubuntu).
 * SOURCE_DATE_EPOCH (seconds) fixes every file's time in the zip, so the same dist/ gives the same checksums.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve, sep } from 'node:path';

export const PLUGIN_ID = 'netobs-pingmesh-panel';
const root = join(__dirname, '..');

/** Files every Grafana plugin archive must carry besides what plugin.json references. */
export const REQUIRED_FILES = ['module.js', 'plugin.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];

export type ZipTool = 'zip' | 'python';

export interface PackageOptions {
  /** Run `npm run build` first (default true). */
  build?: boolean;
  distDir?: string;
  outDir?: string;
  tool?: ZipTool;
  /** Fixed file time (epoch seconds) for reproducible archives; default SOURCE_DATE_EPOCH if set. */
  sourceDateEpoch?: number;
  log?: (line: string) => void;
}

export interface PackageResult {
  zip: string;
  version: string;
  sha256: string;
  md5: string;
  /** Paths inside the zip, sorted. */
  files: string[];
  tool: ZipTool;
}

export function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** The archivers installed here, preferred first. */
export function availableZipTools(): ZipTool[] {
  return [...(has('zip') ? ['zip' as const] : []), ...(has('python3') ? ['python' as const] : [])];
}

export function defaultZipTool(): ZipTool {
  if (has('zip')) {
    return 'zip';
  }
  if (has('python3')) {
    return 'python';
  }
  throw new Error('neither `zip` nor `python3` is installed: apt-get install -y zip (or python3)');
}

/** Every file below `dir`, as sorted paths relative to it with `/` separators. */
export function walk(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) {
        visit(full);
      } else {
        out.push(relative(dir, full).split(sep).join('/'));
      }
    }
  };
  visit(dir);
  return out.sort();
}

/**
 * What is wrong with a plugin folder (dist/ or an unpacked archive's top folder): missing required files, an
 * unparsable or incomplete plugin.json, logos or screenshots it names that are not there, an empty module.js.
 */
export function checkPluginFolder(dir: string, pluginId = PLUGIN_ID): string[] {
  const problems: string[] = [];
  for (const f of REQUIRED_FILES) {
    if (!existsSync(join(dir, f))) {
      problems.push(`${f} is missing`);
    }
  }
  if (existsSync(join(dir, 'module.js')) && statSync(join(dir, 'module.js')).size === 0) {
    problems.push('module.js is empty');
  }
  if (!existsSync(join(dir, 'plugin.json'))) {
    return problems;
  }
  let meta: any;
  try {
    meta = JSON.parse(readFileSync(join(dir, 'plugin.json'), 'utf8'));
  } catch (e) {
    return [...problems, `plugin.json does not parse: ${e instanceof Error ? e.message : e}`];
  }
  if (meta.id !== pluginId) {
    problems.push(`plugin.json id is ${JSON.stringify(meta.id)}, expected ${pluginId}`);
  }
  if (meta.type !== 'panel') {
    problems.push(`plugin.json type is ${JSON.stringify(meta.type)}, expected panel`);
  }
  const info = meta.info ?? {};
  for (const key of ['version', 'updated']) {
    if (typeof info[key] !== 'string' || info[key] === '' || info[key].includes('%')) {
      problems.push(`plugin.json info.${key} is ${JSON.stringify(info[key])} (placeholder not replaced by the build?)`);
    }
  }
  if (!meta.dependencies?.grafanaDependency) {
    problems.push('plugin.json has no dependencies.grafanaDependency');
  }
  if (!Array.isArray(info.keywords) || info.keywords.length === 0) {
    problems.push('plugin.json has no info.keywords');
  }
  if (!Array.isArray(info.links) || info.links.length === 0) {
    problems.push('plugin.json has no info.links');
  }
  const referenced = [
    info.logos?.small,
    info.logos?.large,
    ...(info.screenshots ?? []).map((s: { path?: string }) => s.path),
  ];
  if (!info.logos?.small || !info.logos?.large) {
    problems.push('plugin.json lacks info.logos.small or info.logos.large');
  }
  if (!Array.isArray(info.screenshots) || info.screenshots.length === 0) {
    problems.push('plugin.json has no info.screenshots');
  }
  for (const p of referenced) {
    if (typeof p === 'string' && !existsSync(join(dir, p))) {
      problems.push(`plugin.json references ${p}, which is not in the folder`);
    }
  }
  return problems;
}

/** Creates `zip` holding `files` (relative to `cwd`) in the given order, with the chosen tool. */
function writeZip(tool: ZipTool, zip: string, cwd: string, files: string[], epoch?: number): void {
  rmSync(zip, { force: true });
  if (tool === 'zip') {
    // -X: no uid/gid or extra timestamps; -D: no directory entries; names from stdin keep our sorted order.
    const r = spawnSync('zip', ['-X', '-D', '-9', '-q', zip, '-@'], {
      cwd,
      input: files.join('\n') + '\n',
      env: { ...process.env, TZ: 'UTC' },
      encoding: 'utf8',
    });
    if (r.status !== 0) {
      throw new Error(`zip failed (exit ${r.status ?? r.signal}): ${r.stderr}`);
    }
    return;
  }
  const script = `
import os, sys, time, zipfile
out, epoch, names = sys.argv[1], sys.argv[2], sys.stdin.read().splitlines()
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for name in names:
        info = zipfile.ZipInfo.from_file(name, name)
        if epoch:
            info.date_time = time.gmtime(max(int(epoch), 315532800))[:6]
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(name, 'rb') as f:
            z.writestr(info, f.read(), compresslevel=9)
`;
  const r = spawnSync('python3', ['-c', script, zip, epoch === undefined ? '' : String(epoch)], {
    cwd,
    input: files.join('\n') + '\n',
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    throw new Error(`python3 zipfile failed (exit ${r.status ?? r.signal}): ${r.stderr}`);
  }
}

/** Unpacks `zip` into `dir` with `unzip` when installed, else Python's zipfile (an implementation independent of ours). */
export function extractZip(zip: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const r = has('unzip')
    ? spawnSync('unzip', ['-q', '-o', zip, '-d', dir], { encoding: 'utf8' })
    : spawnSync('python3', ['-m', 'zipfile', '-e', zip, dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`extracting ${zip} failed (exit ${r.status ?? r.signal}): ${r.stderr}`);
  }
}

export function fileDigest(file: string, algorithm: 'sha256' | 'md5'): string {
  return createHash(algorithm).update(readFileSync(file)).digest('hex');
}

/** Notes that do not stop packaging but matter for the catalogue. */
function warnings(dist: string): string[] {
  const out: string[] = [];
  const readme = readFileSync(join(dist, 'README.md'), 'utf8');
  if (readme.includes('Uncomment and replace the content here before publishing')) {
    out.push(
      "README.md is create-plugin's template (src/README.md wins over the root README): Grafana's catalogue shows it and the plugin validator rejects it"
    );
  }
  const docs = join(root, 'docs', 'img');
  for (const f of existsSync(join(root, 'src', 'img')) ? readdirSync(join(root, 'src', 'img')) : []) {
    const doc = join(docs, f);
    if (
      f.endsWith('.png') &&
      existsSync(doc) &&
      fileDigest(doc, 'sha256') !== fileDigest(join(root, 'src', 'img', f), 'sha256')
    ) {
      out.push(`src/img/${f} differs from docs/img/${f}: copy the newer screenshot into src/img/ and rebuild`);
    }
  }
  return out;
}

export function packagePlugin(opts: PackageOptions = {}): PackageResult {
  const log = opts.log ?? ((line: string) => console.log(line));
  const dist = resolve(opts.distDir ?? join(root, 'dist'));
  const outDir = resolve(opts.outDir ?? join(root, 'artifacts'));
  const tool = opts.tool ?? defaultZipTool();
  const envEpoch = process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) : undefined;
  const epoch = opts.sourceDateEpoch ?? (Number.isFinite(envEpoch) ? envEpoch : undefined);

  if (opts.build ?? true) {
    log('building dist/ (npm run build)');
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      throw new Error(`npm run build failed (exit ${r.status ?? r.signal})`);
    }
  }
  if (!existsSync(join(dist, 'module.js'))) {
    throw new Error(`${dist}/module.js is missing: run \`npm run build\` first (or drop --no-build)`);
  }
  const problems = checkPluginFolder(dist);
  if (problems.length > 0) {
    throw new Error(`${dist} is not a complete plugin:\n  - ${problems.join('\n  - ')}`);
  }
  for (const w of warnings(dist)) {
    log(`WARNING: ${w}`);
  }
  const version: string = JSON.parse(readFileSync(join(dist, 'plugin.json'), 'utf8')).info.version;

  // Grafana wants one top folder named after the plugin id: stage dist/ under that name.
  const staging = mkdtempSync(join(tmpdir(), 'pingmesh-package-'));
  try {
    const top = join(staging, PLUGIN_ID);
    cpSync(dist, top, { recursive: true });
    const files = walk(top).map((f) => `${PLUGIN_ID}/${f}`);
    if (epoch !== undefined) {
      for (const f of files) {
        utimesSync(join(staging, f), epoch, epoch);
      }
    }
    mkdirSync(outDir, { recursive: true });
    const zip = join(outDir, `${PLUGIN_ID}-${version}.zip`);
    writeZip(tool, zip, staging, files, epoch);
    const sha256 = fileDigest(zip, 'sha256');
    const md5 = fileDigest(zip, 'md5');
    writeFileSync(`${zip}.sha256`, `${sha256}  ${basename(zip)}\n`);
    writeFileSync(`${zip}.md5`, `${md5}  ${basename(zip)}\n`);
    return { zip, version, sha256, md5, files, tool };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  try {
    const tool = flag('tool');
    if (tool !== undefined && tool !== 'zip' && tool !== 'python') {
      throw new Error(`--tool must be zip or python, got ${tool}`);
    }
    const r = packagePlugin({
      build: !process.argv.includes('--no-build'),
      outDir: flag('out'),
      distDir: flag('dist'),
      tool,
    });
    console.log(
      `\n${relative(process.cwd(), r.zip)}  (${r.files.length} files, ${statSync(r.zip).size} bytes, ${r.tool})`
    );
    for (const f of r.files) {
      console.log(`  ${f}`);
    }
    console.log(`sha256  ${r.sha256}`);
    console.log(`md5     ${r.md5}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
