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
 * Options: --sizes 100,300,1000,2000  --runs 7  --timeline-sizes 100,300  --steps 40  --peer-sizes 50,100,200
 *   --edge-timeline 300x100x240 (hosts x peers x steps)  --edge-sort 4096  --edge-runs 3
 *   --only matrix,timeline,edges,peer (default: all)
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
import { ensureSystemTools } from './systemTools';

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

/**
 * `waitForMark(name, everyMs)` in the page: resolves once a performance entry `name` exists, polling every `everyMs`
 * (1 ms where data → pixels is timed); gives up after 2 minutes with the reason. Installed as a string: a function
 * passed from here would be wrapped by tsx in a `__name()` the page does not have.
 */
const WAIT_FOR_MARK = `window.waitForMark = async (name, everyMs) => {
  for (const until = performance.now() + 120000; performance.getEntriesByName(name).length === 0; ) {
    if (performance.now() > until) {
      throw new Error('no ' + name + ' mark after 2 minutes: the panel did not draw (an option it ignored?)');
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
};`;
/** In page.evaluate callbacks: the helper above. */
declare const waitForMark: (name: string, everyMs: number) => Promise<void>;

/** A page with the panel on a one-pair frame, ready for `harness.update`. */
async function openBenchPage(browser: Awaited<ReturnType<typeof launchBrowser>>, url: string) {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  await page.addInitScript(WAIT_FOR_MARK);
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
  const only = new Set(flag('only', 'matrix,timeline,edges,peer').split(','));
  const sizes = only.has('matrix') ? flag('sizes', '100,300,1000,2000').split(',').map(Number) : [];
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
            await waitForMark('pingmesh:draw', 1);
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
    const timelineSizes = only.has('timeline') ? flag('timeline-sizes', '100,300').split(',') : [];
    for (const n of timelineSizes.filter(Boolean).map(Number)) {
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
    const peerSizes = withPeer && only.has('peer') ? flag('peer-sizes', '50,100,200').split(',') : [];
    for (const n of peerSizes.filter(Boolean).map(Number)) {
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

/** The longest main-thread task at the edges (see the header): a huge range table's timeline, the breach sort. */
async function edges(browser: Awaited<ReturnType<typeof launchBrowser>>, url: string) {
  const [hosts, peers, steps] = flag('edge-timeline', '300x100x240').split('x').map(Number);
  const sortHosts = Number(flag('edge-sort', '4096'));
  const runs = Number(flag('edge-runs', '3'));
  const out: Record<string, unknown> = {};
  const summary = (longest: number[]) => ({
    longestTaskMs: round(Math.max(...longest)),
    longestTaskMedianMs: round(median(longest)),
    runs: longest.length,
  });
  if (hosts > 0) {
    const longest: number[] = [];
    const handover: number[] = [];
    const wall: number[] = [];
    let rows = 0;
    let over50 = 0;
    for (let i = 0; i < runs; i++) {
      // A fresh page per run: 7.2 M rows are most of a tab's memory.
      const page = await openBenchPage(browser, url);
      const r = await page.evaluate(
        async ([n, p, s]) => {
          type Harness = { update(i: number, u: { frames?: unknown[] }): Promise<void>; errors: string[] };
          const harness = (window as unknown as { harness: Harness }).harness;
          const mod = await import(/* webpackIgnore: true */ `${location.origin}/bench/frames.js`);
          const { frame } = mod.makeTableFrame(n, 'tor-down', s, { peers: p });
          const tasks: Array<[number, number]> = [];
          const observer = new PerformanceObserver((list) =>
            list.getEntries().forEach((e) => tasks.push([e.startTime, e.duration]))
          );
          observer.observe({ type: 'longtask', buffered: false });
          // Building the frame above is the data source's work, not the panel's: the page idles until the garbage
          // collector is done with it (a forced GC would shrink the heap and skew what follows), then the measure starts.
          await new Promise((resolve) => setTimeout(resolve, 3000));
          performance.clearMarks();
          performance.clearMeasures();
          const t0 = performance.now();
          await harness.update(0, { frames: [frame] });
          const handedOver = performance.now();
          await waitForMark('pingmesh:timeline-end', 20);
          const t1 = performance.now();
          await new Promise((resolve) => setTimeout(resolve, 200));
          observer.disconnect();
          if (harness.errors.length > 0) {
            throw new Error(harness.errors.join('\n'));
          }
          const during = tasks.filter(([start, d]) => start + d > t0 && start < t1);
          // The task that hands the frames over is mostly Grafana's applyFieldOverrides (its min/max scan of every
          // number); the panel's own work is every task after it.
          const inside = during.filter(([start]) => start >= handedOver).map(([, d]) => d);
          const handover = during.filter(([start]) => start < handedOver).map(([, d]) => d);
          return {
            rows: frame.length,
            longest: Math.max(0, ...inside),
            handover: Math.max(0, ...handover),
            over50: inside.length,
            wall: t1 - t0,
          };
        },
        [hosts, peers, steps] as const
      );
      rows = r.rows;
      longest.push(r.longest);
      handover.push(r.handover);
      wall.push(r.wall);
      over50 = Math.max(over50, r.over50);
      await page.close();
    }
    out[`edge timeline ${hosts}x${peers}x${steps}`] = {
      rows,
      ...summary(longest),
      tasksOver50: over50,
      handoverTaskMedianMs: round(median(handover)),
      doneMs: round(median(wall)),
    };
  }
  if (sortHosts > 0) {
    const page = await openBenchPage(browser, url);
    const r = await page.evaluate(
      async ([n, count]) => {
        type Harness = {
          update(i: number, u: { frames?: unknown[]; options?: object }): Promise<void>;
          errors: string[];
        };
        const harness = (window as unknown as { harness: Harness }).harness;
        const mod = await import(/* webpackIgnore: true */ `${location.origin}/bench/frames.js`);
        const { frame, hosts: actual } = mod.makeTableFrame(n, 'tor-down', 1, { lean: true });
        // The first draw: frames handed over → model (in slices) → judged → view and paint → canvas.
        const first: Array<[number, number]> = [];
        const firstObserver = new PerformanceObserver((list) =>
          list.getEntries().forEach((e) => first.push([e.startTime, e.duration]))
        );
        firstObserver.observe({ type: 'longtask', buffered: false });
        await new Promise((resolve) => setTimeout(resolve, 3000));
        performance.clearMeasures();
        const t0 = performance.now();
        await harness.update(0, { frames: [frame], options: { grouping: { maxHosts: 4096, sortBy: 'name' } } });
        const handedOver = performance.now();
        await waitForMark('pingmesh:draw', 10);
        const firstDrawMs = performance.now() - t0;
        await new Promise((resolve) => setTimeout(resolve, 200));
        firstObserver.disconnect();
        const firstLongest = Math.max(0, ...first.filter(([start]) => start >= handedOver).map(([, d]) => d));
        const firstHandover = Math.max(
          0,
          ...first.filter(([start, d]) => start < handedOver && start + d > t0).map(([, d]) => d)
        );
        const sla = performance.getEntriesByName('pingmesh:sla').at(-1)?.duration ?? NaN;
        const longest: number[] = [];
        const back: number[] = [];
        const view: number[] = [];
        const paint: number[] = [];
        for (let i = 0; i < count; i++) {
          for (const sortBy of ['breaches', 'name']) {
            const tasks: number[] = [];
            const observer = new PerformanceObserver((list) =>
              list.getEntries().forEach((e) => tasks.push(e.duration))
            );
            observer.observe({ type: 'longtask', buffered: false });
            await new Promise((resolve) => setTimeout(resolve, 100));
            tasks.length = 0;
            performance.clearMeasures();
            await harness.update(0, { options: { grouping: { maxHosts: 4096, sortBy } } });
            await waitForMark('pingmesh:draw', 10);
            await new Promise((resolve) => setTimeout(resolve, 200));
            observer.disconnect();
            (sortBy === 'breaches' ? longest : back).push(Math.max(0, ...tasks));
            if (sortBy === 'breaches') {
              view.push(performance.getEntriesByName('pingmesh:view').at(-1)?.duration ?? NaN);
              paint.push(performance.getEntriesByName('pingmesh:paint').at(-1)?.duration ?? NaN);
            }
          }
        }
        if (harness.errors.length > 0) {
          throw new Error(harness.errors.join('\n'));
        }
        const layout = document.querySelector('[data-testid="pingmesh-canvas"]')?.getAttribute('data-layout');
        return {
          hosts: actual,
          rows: frame.length,
          longest,
          back,
          view,
          paint,
          drawnRows: layout ? JSON.parse(layout).rows : 0,
          firstLongest,
          firstHandover,
          firstDrawMs,
          sla,
        };
      },
      [sortHosts, runs] as const
    );
    if (r.drawnRows !== r.hosts) {
      throw new Error(`edge sort: ${r.drawnRows} rows drawn, expected ${r.hosts} hosts`);
    }
    out[`edge sort N=${r.hosts}`] = {
      hosts: r.hosts,
      rows: r.rows,
      ...summary(r.longest),
      viewMs: round(median(r.view)),
      paintMs: round(median(r.paint)),
      // The same switch back to name order (the model's own order: no copy), for comparison.
      backToNameLongestTaskMs: round(median(r.back)),
      // The first draw of these frames (once): the panel's longest task after the hand-over, the hand-over task
      // (Grafana's applyFieldOverrides and the panel's first render), judging every cell, and the whole wait.
      firstDrawLongestTaskMs: round(r.firstLongest),
      firstDrawHandoverTaskMs: round(r.firstHandover),
      firstDrawSlaMs: round(r.sla),
      firstDrawMs: round(r.firstDrawMs),
    };
    await page.close();
  }
  return out;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
