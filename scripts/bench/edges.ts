/** `npm run bench` edges: the longest main-thread task at a huge range table's timeline and at the breach sort. */
import { BenchWindow, Browser, LongTasks, flag, median, openBenchPage, round } from './common';

/** In page.evaluate callbacks: the helpers installed by openBenchPage. */
declare const waitForMark: (name: string, everyMs: number) => Promise<void>;
declare const waitForDraw: (everyMs: number) => Promise<void>;
declare const watchLongTasks: () => LongTasks;

export async function edges(browser: Browser, url: string) {
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
          const harness = (window as unknown as BenchWindow).harness;
          const mod = await import(/* webpackIgnore: true */ `${location.origin}/bench/frames.js`);
          const { frame } = mod.makeTableFrame(n, 'tor-down', s, { peers: p });
          const { tasks, stop } = watchLongTasks();
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
          stop();
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
        const harness = (window as unknown as BenchWindow).harness;
        const mod = await import(/* webpackIgnore: true */ `${location.origin}/bench/frames.js`);
        const { frame, hosts: actual } = mod.makeTableFrame(n, 'tor-down', 1, { lean: true });
        // The first draw: frames handed over → model (in slices) → judged → view and paint → canvas.
        const firstWatch = watchLongTasks();
        const first = firstWatch.tasks;
        await new Promise((resolve) => setTimeout(resolve, 3000));
        performance.clearMeasures();
        const t0 = performance.now();
        await harness.update(0, { frames: [frame], options: { grouping: { maxHosts: 4096, sortBy: 'name' } } });
        const handedOver = performance.now();
        await waitForDraw(10);
        const firstDrawMs = performance.now() - t0;
        await new Promise((resolve) => setTimeout(resolve, 200));
        firstWatch.stop();
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
            const { tasks, stop } = watchLongTasks();
            await new Promise((resolve) => setTimeout(resolve, 100));
            tasks.length = 0;
            performance.clearMeasures();
            await harness.update(0, { options: { grouping: { maxHosts: 4096, sortBy } } });
            await waitForDraw(10);
            await new Promise((resolve) => setTimeout(resolve, 200));
            stop();
            (sortBy === 'breaches' ? longest : back).push(Math.max(0, ...tasks.map(([, d]) => d)));
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
