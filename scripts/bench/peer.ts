/**
 * `npm run bench` peer section: our panel and the ESnet Matrix Panel (../shared/peers/esnet-matrix-panel, one SVG
 * rect per cell) in one browser, each on its own page in its own browser context, on the same table frame of N hosts.
 * Refreshes (new arrays each, as Grafana hands them) alternate between the two, and which goes first, so both see the
 * same machine load; the first WARM_UP of each are not counted. Per N, medians over RUNS refreshes of
 *   dataToPixelsMs – new frames handed to the panel → every cell in place (our canvas drawn; the peer's old SVG gone
 *                    and N² new rects in the DOM), then the next frame rendered (an animation frame and the task
 *                    after it: the peer's SVG styled, laid out and painted); cellsInPlaceMs without that frame
 *   hoverMs        – a pointer move onto a cell (the first pointer event's time stamp) → that cell's tooltip text in
 *                    the DOM and the frame it changed in rendered; median of 10 moves to different cells (the peer
 *                    then fades its tooltip in over 150 ms, not counted)
 * then, after the refreshes and hovers:
 *   heapMB         – the page's JS heap after a forced GC; panelHeapMB less the same page's heap after GC before the
 *                    frames (what the panel keeps for this N)
 *   domNodes       – elements under the panel's container
 * and the median of the paired ratios (each refresh's or move's ESnet figure / ours). */
import { ESNET_ID, ESNET_PANEL } from '../../harness/e2e/globalSetup';
import type { HarnessPanelConfig } from '../../harness/host/config';
import { openHarnessPage } from '../../harness/launch';
import { BenchWindow, Browser, PLUGIN_ID, median, round } from './common';

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
  [ESNET_ID]: ESNET_PANEL,
};

const HOVERS = 10;
/** Refreshes of each panel before the counted ones. */
const WARM_UP = 5;

/**
 * `armHover(pluginId)` in the page, before each pointer move: `window.hoverDone` resolves with the time from the first
 * pointer event's time stamp to the end of the frame in which the tooltip's text changed. A string: tsx would wrap the named helpers
 * of a function passed from here in a `__name()` the page does not have.
 */
const ARM_HOVER = `window.armHover = (id) => {
  const tip = () =>
    document.querySelector(id === '${PLUGIN_ID}' ? '[data-testid="pingmesh-tooltip"]' : '[class*="matrix-tooltip-"]')
      ?.textContent ?? '';
  const before = tip();
  window.hoverDone = new Promise((resolve, reject) => {
    let moved = NaN;
    const onMove = (e) => {
      moved = Number.isNaN(moved) ? e.timeStamp : moved;
    };
    // The first event of the move: pointer events come before mouse events, 'over' before 'move'.
    const kinds = ['pointerover', 'pointermove', 'mouseover', 'mousemove'];
    kinds.forEach((k) => window.addEventListener(k, onMove, { capture: true }));
    const observer = new MutationObserver(() => {
      if (tip() !== before && tip() !== '') {
        observer.disconnect();
        kinds.forEach((k) => window.removeEventListener(k, onMove, { capture: true }));
        // Chromium dispatches pointer moves at the start of a frame, so the text changed in that frame (in the
        // peer's mouseover handler, or in our hover store's animation frame callback): the task after it comes once
        // that frame is rendered.
        setTimeout(() => resolve(performance.now() - moved), 0);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    setTimeout(() => reject(new Error(id + ': no tooltip change 10 s after a pointer move (was "' + before + '")')), 10000);
  });
};`;

type Page = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['newPage']>>;

interface Refresh {
  ms: number;
  cellsMs: number;
}

/** One panel on its own page, for one N: refreshes on demand, then hovers, heap and DOM size. */
async function openPeerPage(context: Awaited<ReturnType<Browser['newContext']>>, url: string, pluginId: string) {
  const page: Page = await context.newPage();
  await page.addInitScript(ARM_HOVER);
  await openHarnessPage(page, url, {
    panels: [{ pluginId, width: 1200, height: 900, frames: [TINY_TABLE], ...PEER_PANELS[pluginId] }],
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const heapAfterGc = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
  };
  return { page, pluginId, heapAfterGc, heapBefore: await heapAfterGc() };
}
type PeerPage = Awaited<ReturnType<typeof openPeerPage>>;

/** New frames of `size` hosts (new arrays, as a refresh brings) → every cell in place → the next frame rendered. */
function refresh({ page, pluginId }: PeerPage, size: number): Promise<Refresh & { hosts: number }> {
  return page.evaluate(
    async ([n, id]) => {
      const harness = (window as unknown as BenchWindow).harness;
      const mod = await import(/* webpackIgnore: true */ `${location.origin}/bench/frames.js`);
      const { frame, hosts } = mod.makeTableFrame(n);
      const panel = document.querySelector('[data-testid="harness-panel-0"]')!;
      // The peer replaces its whole SVG on each render: its cells are in place once the old ones are gone.
      const old = panel.querySelector('rect');
      const errorsBefore = harness.errors.length;
      performance.clearMeasures();
      const t0 = performance.now();
      // The host renders synchronously (flushSync, effects included) inside update(); its promise resolves a frame
      // later, so it is not waited for here.
      const updated = harness.update(0, { frames: [frame] });
      // Every cell in place: our canvas drawn (the end of that draw), or the peer's old SVG gone and one rect per
      // source × target in the DOM (now).
      while (
        id === 'netobs-pingmesh-panel'
          ? performance.getEntriesByName('pingmesh:draw').length === 0
          : old?.isConnected || panel.querySelectorAll('rect').length < hosts * hosts
      ) {
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      const draw = performance.getEntriesByName('pingmesh:draw').at(-1);
      const cellsMs = (draw ? draw.startTime + draw.duration : performance.now()) - t0;
      // Then the next frame rendered: the peer's SVG styled, laid out and painted; our canvas composited.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const ms = performance.now() - t0;
      await updated;
      if (harness.errors.length > errorsBefore) {
        throw new Error(harness.errors.slice(errorsBefore).join('\n'));
      }
      return { ms, cellsMs, hosts };
    },
    [size, pluginId] as const
  );
}

/** Pointer moves onto cells off the diagonal (ours found by the canvas layout, the peer's by its rects). */
async function hovers({ page, pluginId }: PeerPage, hosts: number): Promise<number[]> {
  const targets = await page.evaluate((n) => {
    const panel = document.querySelector('[data-testid="harness-panel-0"]')!;
    const canvas = panel.querySelector('[data-testid="pingmesh-canvas"]');
    const rects = panel.querySelectorAll('rect');
    const out: Array<[number, number]> = [];
    // Among the first 20 rows and columns: the peer's cells (20 px) scroll beyond those in a 1200 × 900 panel.
    const m = Math.min(n, 20);
    for (let k = 0; k < 10; k++) {
      const row = (k * 7 + 3) % m;
      const col = (row + 1 + ((k * 11) % (m - 1))) % m;
      if (canvas) {
        const l = JSON.parse(canvas.getAttribute('data-layout')!);
        const box = canvas.getBoundingClientRect();
        out.push([box.x + (col + 0.5) * l.cellW, box.y + (row + 0.5) * l.cellH]);
      } else {
        const box = rects[row * n + col].getBoundingClientRect();
        out.push([box.x + box.width / 2, box.y + box.height / 2]);
      }
    }
    return out;
  }, hosts);
  const out: number[] = [];
  for (const [x, y] of targets.slice(0, HOVERS)) {
    await page.evaluate(`armHover(${JSON.stringify(pluginId)})`);
    await page.mouse.move(x, y);
    out.push(await page.evaluate(() => (window as unknown as { hoverDone: Promise<number> }).hoverDone));
  }
  return out;
}

export async function peerSection(browser: Browser, url: string, sizes: number[], runs: number) {
  const out: Record<string, unknown> = {};
  const contexts: Record<string, Awaited<ReturnType<Browser['newContext']>>> = {
    [PLUGIN_ID]: await browser.newContext({ viewport: { width: 1300, height: 1000 } }),
    [ESNET_ID]: await browser.newContext({ viewport: { width: 1300, height: 1000 } }),
  };
  const ids = [PLUGIN_ID, ESNET_ID];
  try {
    for (const n of sizes) {
      const pages = await Promise.all(ids.map((id) => openPeerPage(contexts[id], url, id)));
      const all: Refresh[][] = [[], []];
      let hosts = n;
      // The first WARM_UP refreshes of each are not counted (a dashboard refreshes over and over: its code is
      // compiled and optimised); then they alternate, and which goes first too.
      for (let i = 0; i < WARM_UP + runs; i++) {
        for (const k of i % 2 ? [1, 0] : [0, 1]) {
          const r = await refresh(pages[k], n);
          hosts = r.hosts;
          if (i >= WARM_UP) {
            all[k].push(r);
          }
        }
      }
      const hover = [await hovers(pages[0], hosts), await hovers(pages[1], hosts)];
      const summary = async (k: number) => {
        const heap = await pages[k].heapAfterGc();
        const domNodes = await pages[k].page.evaluate(
          () => document.querySelectorAll('[data-testid="harness-panel-0"] *').length
        );
        return {
          dataToPixelsMs: round(median(all[k].map((r) => r.ms))),
          cellsInPlaceMs: round(median(all[k].map((r) => r.cellsMs))),
          hoverMs: round(median(hover[k])),
          heapMB: round(heap / 2 ** 20),
          panelHeapMB: round((heap - pages[k].heapBefore) / 2 ** 20),
          domNodes,
        };
      };
      const paired = (a: number[], b: number[]) => round(median(a.map((x, i) => b[i] / x)));
      out[`peer N=${hosts}`] = {
        hosts,
        cells: hosts * hosts,
        runs,
        pingmesh: await summary(0),
        esnet: await summary(1),
        ratio: {
          dataToPixels: paired(
            all[0].map((r) => r.ms),
            all[1].map((r) => r.ms)
          ),
          cellsInPlace: paired(
            all[0].map((r) => r.cellsMs),
            all[1].map((r) => r.cellsMs)
          ),
          hover: paired(hover[0], hover[1]),
        },
      };
      await Promise.all(pages.map((p) => p.page.close()));
    }
  } finally {
    await Promise.all(Object.values(contexts).map((c) => c.close()));
  }
  return out;
}
