import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  PLUGIN_ID,
  REQUIRED_FILES,
  type PackageResult,
  type ZipTool,
  availableZipTools,
  checkPluginFolder,
  extractZip,
  fileDigest,
  packagePlugin,
  walk,
} from '../../scripts/package';
import type { HarnessConfig } from '../host/config';
import { openHarnessPage } from '../launch';
import { type HarnessServer, startHarnessServer } from '../server';

/**
 * The release zip (`npm run package`), checked the way Grafana consumes it: unpacked into a plugins folder, one top
 * folder named after the plugin id, plugin.json complete, and the bundle from that folder loaded by the harness
 * (SystemJS + AMD, Grafana's shared modules) rendering a matrix without errors. Both archivers are exercised: the
 * `zip` CLI and the Python zipfile fallback that machines without `zip` use.
 */
const harnessDir = path.resolve(__dirname, '..');
const repoDir = path.resolve(harnessDir, '..');
const dist = path.join(repoDir, 'dist');
const tools: ZipTool[] = ['zip', 'python'];
/** CI machines may lack the `zip` CLI; packaging then uses Python's zipfile, which Debian and Ubuntu ship. */
const installed = availableZipTools();

let work = '';
const packaged: Partial<Record<ZipTool, { result: PackageResult; unpacked: string }>> = {};

test.beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'pingmesh-package-test-'));
  if (!existsSync(path.join(dist, 'module.js'))) {
    throw new Error('dist/module.js is missing: run `npm run build` first (npm test does).');
  }
  if (installed.length === 0) {
    throw new Error('neither `zip` nor `python3` is installed: npm run package cannot build the archive');
  }
  for (const tool of installed) {
    const result = packagePlugin({ build: false, distDir: dist, outDir: path.join(work, tool), tool, log: () => {} });
    const unpacked = path.join(work, `${tool}-unpacked`);
    extractZip(result.zip, unpacked);
    packaged[tool] = { result, unpacked };
  }
});

test.afterAll(() => work && rmSync(work, { recursive: true, force: true }));

/** The archive of the preferred archiver installed here (what `npm run package` uses by default). */
const firstPackaged = () => packaged[installed[0]]!;

for (const tool of tools) {
  test(`zip (${tool}): one top folder ${PLUGIN_ID}/ holding dist/ byte for byte, plugin.json complete`, () => {
    // No silent skip: npm test installs zip (scripts/systemTools.ts); python3 is on every machine of this kind.
    expect(
      installed,
      `${tool === 'zip' ? 'zip' : 'python3'} is not installed: apt-get install -y ${tool === 'zip' ? 'zip' : 'python3'}`
    ).toContain(tool);
    const { result, unpacked } = packaged[tool]!;
    const version = JSON.parse(readFileSync(path.join(dist, 'plugin.json'), 'utf8')).info.version;
    expect(path.basename(result.zip)).toBe(`${PLUGIN_ID}-${version}.zip`);
    expect(readdirSync(unpacked)).toEqual([PLUGIN_ID]);

    const top = path.join(unpacked, PLUGIN_ID);
    const inZip = walk(top);
    expect(inZip).toEqual(walk(dist));
    expect(result.files).toEqual(inZip.map((f) => `${PLUGIN_ID}/${f}`));
    for (const f of inZip) {
      expect(fileDigest(path.join(top, f), 'sha256'), f).toBe(fileDigest(path.join(dist, f), 'sha256'));
    }

    for (const f of REQUIRED_FILES) {
      expect(inZip, `${f} in the zip`).toContain(f);
    }
    if (existsSync(path.join(dist, 'module.js.map'))) {
      expect(inZip).toContain('module.js.map');
    }
    // The AMD bundle Grafana's SystemJS loads (after create-plugin's banner comments).
    expect(/^define\(\[/m.test(readFileSync(path.join(top, 'module.js'), 'utf8')), 'module.js is an AMD define()').toBe(
      true
    );

    const meta = JSON.parse(readFileSync(path.join(top, 'plugin.json'), 'utf8'));
    expect(meta.id).toBe(PLUGIN_ID);
    expect(meta.info.version).toBe(version);
    expect(meta.dependencies.grafanaDependency).toBe('>=12.4.0');
    const screenshots: string[] = meta.info.screenshots.map((s: { path: string }) => s.path);
    expect(screenshots).toEqual(
      expect.arrayContaining([
        'img/tor-down.png',
        'img/spine-loss-expanded.png',
        'img/pair-view.png',
        'img/sla-states.png',
      ])
    );
    for (const p of [meta.info.logos.small, meta.info.logos.large, ...screenshots]) {
      expect(inZip, `${p} referenced by plugin.json`).toContain(p);
    }
    expect(checkPluginFolder(top)).toEqual([]);

    // The checksums printed for the catalogue are the zip's.
    expect(result.sha256).toBe(fileDigest(result.zip, 'sha256'));
    expect(result.md5).toBe(fileDigest(result.zip, 'md5'));
    expect(readFileSync(`${result.zip}.sha256`, 'utf8')).toBe(`${result.sha256}  ${path.basename(result.zip)}\n`);
  });
}

test('the same dist/ and SOURCE_DATE_EPOCH give the same zip twice', () => {
  const a = packagePlugin({
    build: false,
    distDir: dist,
    outDir: path.join(work, 'r1'),
    sourceDateEpoch: 1e9,
    log: () => {},
  });
  const b = packagePlugin({
    build: false,
    distDir: dist,
    outDir: path.join(work, 'r2'),
    sourceDateEpoch: 1e9,
    log: () => {},
  });
  expect(a.sha256).toBe(b.sha256);
});

test('a folder missing what plugin.json references is refused', () => {
  const broken = path.join(work, 'broken');
  extractZip(firstPackaged().result.zip, broken);
  const top = path.join(broken, PLUGIN_ID);
  rmSync(path.join(top, 'img', 'pair-view.png'));
  rmSync(path.join(top, 'CHANGELOG.md'));
  expect(checkPluginFolder(top)).toEqual([
    'CHANGELOG.md is missing',
    'plugin.json references img/pair-view.png, which is not in the folder',
  ]);
  expect(() => packagePlugin({ build: false, distDir: top, outDir: path.join(work, 'no'), log: () => {} })).toThrow(
    /not a complete plugin/
  );
});

test.describe('the unpacked zip loaded like Grafana loads a plugin', () => {
  let server: HarnessServer;

  test.beforeAll(async () => {
    server = await startHarnessServer({
      plugins: { [PLUGIN_ID]: path.join(firstPackaged().unpacked, PLUGIN_ID) },
      mounts: { '/fixtures': path.join(harnessDir, 'fixtures') },
    });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('renders the matrix from inline frames with no page errors', async ({ page }) => {
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (msg) => msg.type() === 'error' && pageErrors.push(msg.text()));
    const moduleRequests: string[] = [];
    page.on(
      'response',
      (r) =>
        r.url().includes(`/public/plugins/${PLUGIN_ID}/`) &&
        moduleRequests.push(`${r.status()} ${new URL(r.url()).pathname}`)
    );

    const hosts = 5;
    const config: HarnessConfig = {
      panels: [
        {
          pluginId: PLUGIN_ID,
          width: 640,
          height: 480,
          title: 'from the release zip',
          synthetic: { module: '/fixtures/synthetic.mjs', args: { n: hosts } },
        },
      ],
    };
    await openHarnessPage(page, server.url, config);

    const canvas = page.getByTestId('pingmesh-canvas');
    await expect(canvas).toBeVisible();
    const layout = JSON.parse((await canvas.getAttribute('data-layout'))!);
    expect(layout).toMatchObject({ rows: hosts, cols: hosts });
    await expect(page.getByTestId('pingmesh-row-label')).toHaveCount(hosts);
    // The canvas has pixels: a cell centre is not transparent. (It sampled 60 % of the height, which with 5 rows is
    // the hairline between rows 3 and 4 whenever the layout rounds onto it: transparent by design, a flaky failure.)
    const alpha = await canvas.evaluate((el: HTMLCanvasElement) => {
      const { rows, cols } = JSON.parse(el.dataset.layout!);
      const ctx = el.getContext('2d')!;
      return ctx.getImageData(Math.floor((el.width * 1.5) / cols), Math.floor((el.height * 2.5) / rows), 1, 1).data[3];
    });
    expect(alpha).toBeGreaterThan(0);

    expect(moduleRequests).toContain(`200 /public/plugins/${PLUGIN_ID}/module.js`);
    const logo = await page.request.get(`${server.url}/public/plugins/${PLUGIN_ID}/img/logo.svg`);
    expect(logo.status()).toBe(200);
    expect(await page.evaluate(() => window.harness.errors.slice())).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
