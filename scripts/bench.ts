/**
 * `npm run bench`: the real dist/module.js in the harness (production host build, Debian Chromium), fed
 * table-format frames of N hosts (N² rows). Prints JSON: per N, medians over RUNS of
 *   modelMs      – the panel's model build (user-timing entry `pingmesh:model` from the bundle)
 *   firstPaintMs – model ready → canvas drawn: view + paint + draw (user-timing entries, summed per run)
 *   dataToPixelsMs – new frames handed to the panel → the end of the canvas draw of the new cells, everything
 *                  (Grafana's applyFieldOverrides, model, view, paint, draw, React); refreshes 100 ms apart
 *   longestTaskMs – the longest main-thread task within that (Long Tasks API: over 50 ms only, else 0), median
 *   viewMs/paintMs/drawMs – the stages after the model (grouping+aggregation, colours, canvas)
 *   slaMs        – judging every cell against its SLA (part of first paint); diagnoseMs – the pattern diagnosis
 *   regroupMs    – grouped by region > dc > az > tor: switching the start level (DC × DC ↔ ToR × ToR), view → canvas
 *   hoverScriptMs – script time per pointer move over the matrix, including the tooltip update it causes (CDP
 *                  ScriptDuration over 200 moves, one per frame, less the same moves beside the panel)
 *   heapMB       – JS heap in use after the runs, after a forced GC (CDP); heapBeforeGcMB without the GC. Every run
 *                  hands the panel new arrays, as a Grafana refresh does, so old responses still held would count
 *   arrayBuffersMB – typed arrays' memory (outside the JS heap: the model, view and pixels are typed arrays)
 *   inputMB      – the input frames alone (a copy held by the page, no panel reading it): Grafana holds these
 *   panelMB      – JS heap and typed arrays less the input's: what the panel (and Grafana's field processing) keeps
 * and, for a range table of N hosts × STEPS steps (the fault starting halfway), the breach timeline:
 *   timelineMs   – matrix drawn → every point of the strip computed (wall time; it runs in slices in the background)
 *   timelineBusyMs – main-thread time of that work; points – how many steps it judged
 * and, side by side with the peer (the ESnet Matrix Panel, ../shared/peers/esnet-matrix-panel: one SVG rect per cell),
 * N = 50, 100, 150, 200: data → pixels, hover → tooltip, heap after GC, DOM nodes and paired ratios (bench/peer.ts);
 * and where one refresh of 50 hosts spends its time, stage by stage and by CPU profile (bench/breakdown.ts);
 * and, at the edges, the longest main-thread task (Long Tasks API: Chrome reports every task over 50 ms; 0 = none)
 * from the moment the panel gets its input until it is done, max and median over EDGE_RUNS:
 *   edge timeline – a range table of 300 hosts × 100 peers × 240 steps (7.2 M rows): frames handed over → every point
 *                  of the strip computed (time index, matrix and timeline, all of it); handoverTaskMedianMs is the task
 *                  that hands the frames over (Grafana's applyFieldOverrides scans every number for min/max in it)
 *   edge sort     – 4,096 hosts asked (4,080 built: whole ToRs; 16.6 M rows, src/dst only), Max hosts 4,096: the
 *                  sort switched from name to breaches → canvas drawn; viewMs / paintMs are the view build and the
 *                  paint inside it (main-thread time, in slices), backToNameLongestTaskMs the same switch back to
 *                  name order; firstDraw* the first draw of those frames (longest task after the hand-over, the
 *                  hand-over task, the SLA judging, the whole wait)
 * Options: --sizes 50,100,300,1000,2000  --runs 7  --timeline-sizes 100,300  --steps 40  --peer-sizes 50,100,150,200
 *   --edge-timeline 300x100x240 (hosts x peers x steps)  --edge-sort 4096  --edge-runs 3
 *   --breakdown-size 50  --breakdown-refreshes 40
 *   --only breakdown,matrix,timeline,edges,peer (default: all)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

import { buildHost } from '../harness/build';
import { hostDistDir, hostFromEnv } from '../harness/hosts';
import { launchBrowser } from '../harness/launch';
import { startHarnessServer } from '../harness/server';
import { ESNET_ID, PEERS_DIR } from '../harness/e2e/globalSetup';
import { breakdown } from './bench/breakdown';
import { BenchWindow, LongTasks, flag, median, openBenchPage, round } from './bench/common';
import { edges } from './bench/edges';
import { peerSection } from './bench/peer';
import { ensureSystemTools } from './systemTools';

const root = join(__dirname, '..');

/** In page.evaluate callbacks: the helpers installed by openBenchPage. */
declare const waitForMark: (name: string, everyMs: number) => Promise<void>;
declare const waitForDraw: (everyMs: number) => Promise<void>;
declare const watchLongTasks: () => LongTasks;

interface PageRun {
  hosts: number;
  longest: number[];
  model: number[];
  firstPaint: number[];
  dataToPixels: number[];
  stages: Record<string, number[]>;
  regroup: number[];
}

async function main() {
  const only = new Set(flag('only', 'breakdown,matrix,timeline,edges,peer').split(','));
  const sizes = only.has('matrix') ? flag('sizes', '50,100,300,1000,2000').split(',').map(Number) : [];
  const runs = Number(flag('runs', '7'));
  const quiet = { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] as ['ignore', 'ignore', 'inherit'] };
  // A fresh Debian machine: Chromium from apt, as root; else the command to run.
  ensureSystemTools(['chromium'], (line) => console.error(line));
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
    if (only.has('breakdown')) {
      Object.assign(results, await breakdown(browser, server.url));
    }
    for (const n of sizes) {
      const page = await openBenchPage(browser, server.url);
      const run: PageRun = await page.evaluate(
        async ([hosts, count]) => {
          const harness = (window as unknown as BenchWindow).harness;
          const mod = await import(/* webpackIgnore: true */ `${location.origin}/bench/frames.js`);
          const { frame, hosts: actual } = mod.makeTableFrame(hosts);
          const model: number[] = [];
          const firstPaint: number[] = [];
          const dataToPixels: number[] = [];
          const stages: Record<string, number[]> = { view: [], paint: [], draw: [], sla: [], diagnose: [] };
          // The longest main-thread task of each refresh (Chrome reports tasks over 50 ms; 0 = none).
          const longest: number[] = [];
          const { tasks, stop } = watchLongTasks();
          // Three warm-up refreshes, not counted: a dashboard refreshes over and over, its code compiled and
          // optimised (one was not enough at 48 hosts: the first counted refreshes still ran colder code).
          const warmUp = 3;
          for (let i = 0; i < warmUp + count; i++) {
            performance.clearMeasures();
            // A new response each run, new arrays included, as Grafana hands the panel on every refresh: the heap
            // figure then counts any old response the panel still holds.
            const copy = {
              ...frame,
              fields: frame.fields.map((f: { values: unknown[] }) => ({ ...f, values: f.values.slice() })),
            };
            // The copy is the data source's work, in a task of its own: the hand-over starts a task.
            await new Promise((resolve) => setTimeout(resolve, 0));
            const t0 = performance.now();
            await harness.update(0, { frames: [copy] });
            // Big inputs build in slices after update() returns: wait for the canvas draw of the new cells. The
            // figure ends where that draw does (the polling's own delay is no part of it).
            await waitForDraw(1);
            const drawn = performance.getEntriesByName('pingmesh:draw').at(-1)!;
            const t1 = drawn.startTime + drawn.duration;
            // Above DIAGNOSE_SYNC_CELLS the diagnosis follows the draw: its figure is read once it is there.
            await waitForMark('pingmesh:diagnose', 1);
            if (i >= warmUp) {
              dataToPixels.push(t1 - t0);
              // No named helper functions in here: tsx would wrap them in a __name() the page does not have.
              for (const k of ['model', 'view', 'paint', 'draw', 'sla', 'diagnose']) {
                const ms = performance.getEntriesByName(`pingmesh:${k}`).at(-1)?.duration ?? NaN;
                (k === 'model' ? model : stages[k]).push(ms);
              }
              firstPaint.push(stages.sla.at(-1)! + stages.view.at(-1)! + stages.paint.at(-1)! + stages.draw.at(-1)!);
            }
            // The next refresh a moment later, as a dashboard's: this one's effects and paint are done, and its long
            // tasks reported.
            await new Promise((resolve) => setTimeout(resolve, 100));
            if (i >= warmUp) {
              const during = tasks.filter(([start, d]) => start < t1 && start + d > t0).map(([, d]) => d);
              longest.push(Math.max(0, ...during));
            }
          }
          stop();
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
          return { hosts: actual, model, firstPaint, dataToPixels, stages, regroup, longest };
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
      // Where that heap is: the panel's share (its JS objects and its typed arrays, which live outside the JS heap)
      // apart from the input frames Grafana holds. Measured by handing the panel a one-pair frame (it lets go of the
      // big one) and then holding a copy of the input in the page, with no panel reading it.
      const usage = async () => {
        // Twice, a moment apart: array buffers are freed by a sweeper after the collection that found them dead.
        await cdp.send('HeapProfiler.collectGarbage');
        await new Promise((resolve) => setTimeout(resolve, 200));
        await cdp.send('HeapProfiler.collectGarbage');
        const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
        return { js: u.usedSize, buffers: u.backingStorageSize ?? NaN };
      };
      const all = await usage();
      await page.evaluate(async (hosts) => {
        const w = window as unknown as BenchWindow & { benchInput?: unknown };
        // A good one-pair answer: the panel keeps the last good matrix for a failed or empty refresh.
        const pair = { name: 'Value', type: 'number', values: [1], labels: { src: 'a', dst: 'b' } };
        // Twice: React keeps the previous render's props (the big frames) on its alternate fiber until the next.
        await w.harness.update(0, { frames: [{ refId: 'A', fields: [pair] }] });
        await w.harness.update(0, { frames: [{ refId: 'A', fields: [{ ...pair, values: [2] }] }] });
        const mod = await import(/* webpackIgnore: true */ `${location.origin}/bench/frames.js`);
        w.benchInput = mod.makeTableFrame(hosts).frame;
      }, n);
      const inputOnly = await usage();
      await page.evaluate(() => delete (window as unknown as { benchInput?: unknown }).benchInput);
      const empty = await usage();
      results[`N=${run.hosts}`] = {
        hosts: run.hosts,
        rows: run.hosts * (run.hosts - 1),
        runs,
        modelMs: round(median(run.model)),
        firstPaintMs: round(median(run.firstPaint)),
        dataToPixelsMs: round(median(run.dataToPixels)),
        longestTaskMs: round(median(run.longest)),
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
        arrayBuffersMB: round(all.buffers / 2 ** 20),
        inputMB: round((inputOnly.js - empty.js) / 2 ** 20),
        panelMB: round((all.js + all.buffers - inputOnly.js - inputOnly.buffers) / 2 ** 20),
      };
      await page.close();
    }
    const steps = Number(flag('steps', '40'));
    const timelineSizes = only.has('timeline') ? flag('timeline-sizes', '100,300').split(',') : [];
    for (const n of timelineSizes.filter(Boolean).map(Number)) {
      const page = await openBenchPage(browser, server.url);
      const t = await page.evaluate(
        async ([hosts, count, nSteps]) => {
          const harness = (window as unknown as BenchWindow).harness;
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
            await waitForMark('pingmesh:timeline-end', 5);
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
    if (only.has('edges')) {
      Object.assign(results, await edges(browser, server.url));
    }
    const peerSizes = withPeer && only.has('peer') ? flag('peer-sizes', '50,100,150,200').split(',') : [];
    Object.assign(results, await peerSection(browser, server.url, peerSizes.filter(Boolean).map(Number), runs));
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
