/** What every section of `npm run bench` shares: flags, medians, the bench page and its in-page helpers. */
import type { Page } from '@playwright/test';

import { launchBrowser, openHarnessPage } from '../../harness/launch';

export type Browser = Awaited<ReturnType<typeof launchBrowser>>;

export function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const round = (x: number) => Math.round(x * 10) / 10;

export const PLUGIN_ID = 'netobs-pingmesh-panel';

/**
 * In the page, polling every `everyMs` (1 ms where data → pixels is timed) and giving up after 2 minutes with the
 * reason:
 * - `waitForMark(name, everyMs)` resolves once a performance entry `name` exists;
 * - `waitForDraw(everyMs)` once the canvas was drawn after the newest paint: the new cells on screen. While a big
 *   model builds in slices the previous matrix may be drawn again (a resize, the loading bar), which is not it.
 * - `watchLongTasks()` starts collecting the page's long tasks (Long Tasks API: over 50 ms) as [start, duration]
 *   pairs into `tasks`; `stop()` ends it.
 * Installed as a string: a function passed from here would be wrapped by tsx in a `__name()` the page does not have.
 */
export const WAIT_FOR_MARK = `window.waitUntil = async (done, what, everyMs) => {
  for (const until = performance.now() + 120000; !done(); ) {
    if (performance.now() > until) {
      throw new Error('no ' + what + ' after 2 minutes: the panel did not draw (an option it ignored?)');
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
};
window.waitForMark = (name, everyMs) =>
  window.waitUntil(() => performance.getEntriesByName(name).length > 0, name + ' mark', everyMs);
window.waitForDraw = (everyMs) =>
  window.waitUntil(() => {
    const paint = performance.getEntriesByName('pingmesh:paint').at(-1);
    return paint !== undefined && performance.getEntriesByName('pingmesh:draw').some((d) => d.startTime >= paint.startTime);
  }, 'canvas draw of new cells', everyMs);
window.watchLongTasks = () => {
  const tasks = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push([e.startTime, e.duration])));
  observer.observe({ type: 'longtask', buffered: false });
  return { tasks, stop: () => observer.disconnect() };
};`;

/** The harness page's API as the bench uses it, for page.evaluate callbacks: `window.harness`. */
export interface BenchWindow {
  harness: {
    update(i: number, p: { frames?: unknown[]; options?: object; width?: number }): Promise<void>;
    errors: string[];
  };
}

/** The in-page helpers above, for page.evaluate callbacks (declared where they are used). */
export interface LongTasks {
  tasks: Array<[number, number]>;
  stop(): void;
}

/** A page with the panel on a one-pair frame, ready for `harness.update`. */
export async function openBenchPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  await page.addInitScript(WAIT_FOR_MARK);
  const tiny = { refId: 'A', fields: [{ name: 'Value', type: 'number', values: [1], labels: { src: 'a', dst: 'b' } }] };
  await openHarnessPage(page, url, {
    panels: [{ pluginId: PLUGIN_ID, width: 1200, height: 900, frames: [tiny] }],
  });
  return page;
}
