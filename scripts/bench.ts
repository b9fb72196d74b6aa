/**
 * `npm run bench`: the real dist/module.js in the harness (production host build, Debian Chromium), fed
 * table-format frames of N hosts (N² rows). Prints JSON: per N, medians over RUNS of
 *   modelMs      – the panel's model build (user-timing entry `pingmesh:model` from the bundle)
 *   firstPaintMs – model ready → canvas drawn: view + paint + draw (user-timing entries, summed per run)
 *   dataToPixelsMs – new frames handed to the panel → canvas drawn, everything (Grafana's applyFieldOverrides,
 *                  model, view, paint, draw, React)
 *   viewMs/paintMs/drawMs – the stages after the model (grouping+aggregation, colours, canvas)
 *   slaMs        – judging every cell against its SLA (part of first paint); diagnoseMs – the pattern diagnosis
 *   regroupMs    – grouped by region > dc > az > tor: switching the start level (DC × DC ↔ ToR × ToR), view → canvas
 *   hoverScriptMs – script time per pointer move over the matrix, including the tooltip update it causes (CDP
 *                  ScriptDuration over 200 moves, one per frame, less the same moves beside the panel)
 *   heapMB       – JS heap in use after the runs, after a forced GC (CDP); heapBeforeGcMB without the GC. Every run
 *                  hands the panel new arrays, as a Grafana refresh does, so old responses still held would count
 * and, for a range table of N hosts × STEPS steps (the fault starting halfway), the breach timeline:
 *   timelineMs   – matrix drawn → every point of the strip computed (wall time; it runs in slices in the background)
 *   timelineBusyMs – main-thread time of that work; points – how many steps it judged
 * and, side by side with the peer (the ESnet Matrix Panel, ../shared/peers/esnet-matrix-panel: one SVG rect per cell),
 * for N hosts of the same table frame, each run on a fresh page with the panel's options already set:
 *   pingmeshMs / esnetMs – new frames handed to the panel → every cell on screen (our canvas drawn; the peer's N²
 *                  rects in the DOM), medians; ratio = esnetMs / pingmeshMs
 * Options: --sizes 100,300,1000,2000  --runs 7  --timeline-sizes 100,300  --steps 40  --peer-sizes 50,100,200
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

import { buildHost } from '../harness/build';
import { hostDistDir, hostFromEnv } from '../harness/hosts';
import type { HarnessPanelConfig } from '../harness/host/config';
import { launchBrowser, openHarnessPage } from '../harness/launch';
import { startHarnessServer } from '../harness/server';
import { ESNET_ID, PEERS_DIR } from '../harness/e2e/globalSetup';

const root = join(__dirname, '..');

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

const PLUGIN_ID = 'netobs-pingmesh-panel';
/** One pair in the long table shape both panels read, to open a page on before the measured frames arrive. */
const TINY_TABLE = {
  refId: 'A',
  fields: [
    { name: 'src', type: 'string', values: ['a'] },
    { name: 'dst', type: 'string', values: ['b'] },
    { name: 'Value', type: 'number', values: [0.001] },
  ],
};

/** Each panel's options for the side-by-side run: the peer's README options that draw every cell of a long table. */
const PEER_PANELS: Record<string, Pick<HarnessPanelConfig, 'options' | 'fieldConfig'>> = {
  [PLUGIN_ID]: { options: {}, fieldConfig: { defaults: { unit: 's' }, overrides: [] } },
  [ESNET_ID]: {
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
  },
};

/** A page with the panel on a one-pair frame, ready for `harness.update`. */
async function openBenchPage(browser: Awaited<ReturnType<typeof launchBrowser>>, url: string) {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  const tiny = { refId: 'A', fields: [{ name: 'Value', type: 'number', values: [1], labels: { src: 'a', dst: 'b' } }] };
  await openHarnessPage(page, url, {
    panels: [{ pluginId: 'netobs-pingmesh-panel', width: 1200, height: 900, frames: [tiny] }],
  });
  return page;
}

interface PageRun {
  hosts: number;
  model: number[];
  firstPaint: number[];
  dataToPixels: number[];
  stages: Record<string, number[]>;
  regroup: number[];
}

async function main() {
  const sizes = flag('sizes', '100,300,1000,2000').split(',').map(Number);
  const runs = Number(flag('runs', '7'));
  const quiet = { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] as ['ignore', 'ignore', 'inherit'] };
  execFileSync('npm', ['run', 'build', '--silent'], quiet);
  buildHost({ production: true, quiet: true });

  const benchDir = mkdtempSync(join(tmpdir(), 'pingmesh-bench-'));
  await build({
    entryPoints: [join(__dirname, 'bench', 'frames.ts')],
    bundle: true,
    format: 'esm',
    outfile: join(benchDir, 'frames.js'),
    logLevel: 'error',
  });
  const peerDir = join(PEERS_DIR, ESNET_ID);
  const withPeer = existsSync(join(peerDir, 'module.js'));
  if (!withPeer) {
    console.error(`the ESnet peer is not in ${peerDir} (set PEERS_DIR): no side-by-side figures`);
  }
  const server = await startHarnessServer({
    distDir: hostDistDir(hostFromEnv(), true),
    plugins: { 'netobs-pingmesh-panel': join(root, 'dist'), ...(withPeer && { [ESNET_ID]: peerDir }) },
    mounts: { '/bench': benchDir },
  });
  const browser = await launchBrowser({ args: ['--js-flags=--expose-gc'] });
  const results: Record<string, unknown> = {};
  try {
    for (const n of sizes) {
      const page = await openBenchPage(browser, server.url);
      const run: PageRun = await page.evaluate(
        async ([hosts, count]) => {
          type Harness = {
            update(i: number, p: { frames?: unknown[]; options?: object }): Promise<void>;
            errors: string[];
          };
          const harness = (window as unknown as { harness: Harness }).harness;
          const mod = await import(/* webpackIgnore: true */ `${location.origin}/bench/frames.js`);
          const { frame, hosts: actual } = mod.makeTableFrame(hosts);
          const model: number[] = [];
          const firstPaint: number[] = [];
          const dataToPixels: number[] = [];
          const stages: Record<string, number[]> = { view: [], paint: [], draw: [], sla: [], diagnose: [] };
          // One extra warm-up run (JIT), not counted.
          for (let i = 0; i <= count; i++) {
            performance.clearMeasures();
            // A new response each run, new arrays included, as Grafana hands the panel on every refresh: the heap
            // figure then counts any old response the panel still holds.
            const copy = {
              ...frame,
              fields: frame.fields.map((f: { values: unknown[] }) => ({ ...f, values: f.values.slice() })),
            };
            const t0 = performance.now();
            await harness.update(0, { frames: [copy] });
            // Big inputs build in slices after update() returns: wait for the canvas draw of the new model.
            while (performance.getEntriesByName('pingmesh:draw').length === 0) {
              await new Promise((resolve) => setTimeout(resolve, 1));
            }
            const t1 = performance.now();
            if (i > 0) {
              dataToPixels.push(t1 - t0);
              // No named helper functions in here: tsx would wrap them in a __name() the page does not have.
              for (const k of ['model', 'view', 'paint', 'draw', 'sla', 'diagnose']) {
                const ms = performance.getEntriesByName(`pingmesh:${k}`).at(-1)?.duration ?? NaN;
                (k === 'model' ? model : stages[k]).push(ms);
              }
              firstPaint.push(stages.sla.at(-1)! + stages.view.at(-1)! + stages.paint.at(-1)! + stages.draw.at(-1)!);
            }
          }
          const regroup: number[] = [];
          const levels = 'region,dc,az,tor';
          await harness.update(0, { options: { grouping: { levels, startLevel: 'dc' } } });
          for (let i = 0; i < count; i++) {
            const t0 = performance.now();
            await harness.update(0, { options: { grouping: { levels, startLevel: i % 2 ? 'dc' : 'tor' } } });
            regroup.push(performance.now() - t0);
          }
          if (harness.errors.length > 0) {
            throw new Error(harness.errors.join('\n'));
          }
          // Back to hosts for the hover measurement below.
          await harness.update(0, { options: { grouping: { levels: '', startLevel: '' } } });
          return { hosts: actual, model, firstPaint, dataToPixels, stages, regroup };
        },
        [n, runs] as const
      );
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const script = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')!.value;
      const box = (await page.getByTestId('pingmesh-canvas').boundingBox())!;
      const moves = 200;
      // The same moves beside the panel give the baseline (Playwright's round trips, the page's own handlers).
      const scriptPerMove = async (x0: number, w: number) => {
        const before = await script();
        for (let i = 0; i < moves; i++) {
          await page.mouse.move(x0 + ((i * 37) % w), box.y + ((i * 53) % box.height));
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
        }
        return (((await script()) - before) * 1000) / moves;
      };
      const outside = await scriptPerMove(1210, 80);
      const inside = await scriptPerMove(box.x, box.width);
      const hoverScriptMs = Math.max(0, inside - outside);
      const heapUsed = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
      const heapBeforeGc = await heapUsed();
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await heapUsed();
      results[`N=${run.hosts}`] = {
        hosts: run.hosts,
        rows: run.hosts * (run.hosts - 1),
        runs,
        modelMs: round(median(run.model)),
        firstPaintMs: round(median(run.firstPaint)),
        dataToPixelsMs: round(median(run.dataToPixels)),
        viewMs: round(median(run.stages.view)),
        paintMs: round(median(run.stages.paint)),
        drawMs: round(median(run.stages.draw)),
        slaMs: round(median(run.stages.sla)),
        diagnoseMs: round(median(run.stages.diagnose)),
        regroupMs: round(median(run.regroup)),
        firstPaintMinMaxMs: [round(Math.min(...run.firstPaint)), round(Math.max(...run.firstPaint))],
        hoverScriptMs: Math.round(hoverScriptMs * 1000) / 1000,
        heapMB: round(heap / 2 ** 20),
        heapBeforeGcMB: round(heapBeforeGc / 2 ** 20),
      };
      await page.close();
    }
    const steps = Number(flag('steps', '40'));
    for (const n of flag('timeline-sizes', '100,300').split(',').filter(Boolean).map(Number)) {
      const page = await openBenchPage(browser, server.url);
      const t = await page.evaluate(
        async ([hosts, count, nSteps]) => {
          type Harness = { update(i: number, p: { frames?: unknown[] }): Promise<void>; errors: string[] };
          const harness = (window as unknown as { harness: Harness }).harness;
          const mod = await import(/* webpackIgnore: true */ `${location.origin}/bench/frames.js`);
          const { frame, hosts: actual } = mod.makeTableFrame(hosts, 'tor-down', nSteps);
          const wall: number[] = [];
          const busy: number[] = [];
          let points = 0;
          for (let i = 0; i <= count; i++) {
            performance.clearMarks();
            performance.clearMeasures();
            const copy = { ...frame, fields: frame.fields.map((f: object) => ({ ...f })) };
            await harness.update(0, { frames: [copy] });
            while (performance.getEntriesByName('pingmesh:timeline-end').length === 0) {
              await new Promise((resolve) => setTimeout(resolve, 5));
            }
            const drawn = performance.getEntriesByName('pingmesh:draw')[0];
            const end = performance.getEntriesByName('pingmesh:timeline-end')[0];
            const strip = document.querySelector('[data-testid="pingmesh-timeline"]');
            points = Number(strip?.getAttribute('data-points') ?? 0);
            if (i > 0) {
              wall.push(end.startTime - (drawn.startTime + drawn.duration));
              busy.push(performance.getEntriesByName('pingmesh:timeline')[0]?.duration ?? NaN);
            }
          }
          if (harness.errors.length > 0) {
            throw new Error(harness.errors.join('\n'));
          }
          return { hosts: actual, rows: frame.length, wall, busy, points };
        },
        [n, Math.max(3, Math.ceil(runs / 2)), steps] as const
      );
      results[`timeline N=${t.hosts}`] = {
        hosts: t.hosts,
        steps,
        rows: t.rows,
        points: t.points,
        timelineMs: round(median(t.wall)),
        timelineBusyMs: round(median(t.busy)),
      };
      await page.close();
    }
    for (const n of withPeer ? flag('peer-sizes', '50,100,200').split(',').filter(Boolean).map(Number) : []) {
      const times: Record<string, number[]> = { [PLUGIN_ID]: [], [ESNET_ID]: [] };
      let hosts = n;
      // Alternating, so both see the same machine load.
      for (let i = 0; i <= runs; i++) {
        for (const pluginId of [PLUGIN_ID, ESNET_ID]) {
          const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
          await openHarnessPage(page, server.url, {
            panels: [{ pluginId, width: 1200, height: 900, frames: [TINY_TABLE], ...PEER_PANELS[pluginId] }],
          });
          const r = await page.evaluate(
            async ([size, id]) => {
              type Harness = { update(i: number, p: { frames?: unknown[] }): Promise<void>; errors: string[] };
              const harness = (window as unknown as { harness: Harness }).harness;
              const mod = await import(/* webpackIgnore: true */ `${location.origin}/bench/frames.js`);
              const { frame, hosts: actual } = mod.makeTableFrame(size);
              const panel = document.querySelector('[data-testid="harness-panel-0"]')!;
              const errorsBefore = harness.errors.length;
              performance.clearMeasures();
              const t0 = performance.now();
              await harness.update(0, { frames: [frame] });
              // Every cell on screen: our canvas drawn, or the peer's one rect per source × target.
              while (
                id === 'netobs-pingmesh-panel'
                  ? performance.getEntriesByName('pingmesh:draw').length === 0
                  : panel.querySelectorAll('rect').length < actual * actual
              ) {
                await new Promise((resolve) => setTimeout(resolve, 1));
              }
              const ms = performance.now() - t0;
              if (harness.errors.length > errorsBefore) {
                throw new Error(harness.errors.slice(errorsBefore).join('\n'));
              }
              return { ms, hosts: actual };
            },
            [n, pluginId] as const
          );
          hosts = r.hosts;
          if (i > 0) {
            times[pluginId].push(r.ms);
          }
          await page.close();
        }
      }
      const ours = median(times[PLUGIN_ID]);
      const theirs = median(times[ESNET_ID]);
      results[`peer N=${hosts}`] = {
        hosts,
        cells: hosts * hosts,
        runs,
        pingmeshMs: round(ours),
        esnetMs: round(theirs),
        ratio: round(theirs / ours),
      };
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(benchDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ input: 'table format, instant, one frame', results }, null, 2));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
