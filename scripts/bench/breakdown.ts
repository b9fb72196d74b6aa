/**
 * `npm run bench` breakdown: where one refresh of N hosts (default 50, rounded to whole ToRs) spends its time, for
 * the fixed cost per refresh. REFRESHES refreshes (new arrays each, as Grafana hands them), after warm-up, give
 *   stagesMs – medians of the user-timing measures per refresh: the host's `host:frames` (JSON → DataFrame, the data
 *              source's part), `host:field-overrides` (Grafana's applyFieldOverrides), the panel's model, sla, view,
 *              paint, draw, diagnose; `rest` is the rest of new frames → canvas drawn: React rendering and committing
 *              the panel's components (axes, legend, footer, diagnosis), hooks, effects, the scheduler
 *   profileMs – a CDP CPU profile over the same refreshes, self time per refresh by where the code came from (source
 *              maps of the bundle and the host page): the panel's folders, each package, the garbage collector
 *   panelFilesMs / panelFunctionsMs – the same for the panel's own files and functions (file:line), the biggest first
 *   hoverProfileMsPerMove / hoverPanelFunctionsMsPerMove – the same for 200 pointer moves over the matrix, per move
 *              (they include Playwright's own round trips: compare with the matrix section's hoverScriptMs)
 *   callersMs – time outside the panel's code (packages, the browser's own work) by the nearest panel function up
 *              the stack: which of the panel's calls cost it
 */
import { SourceMapConsumer } from 'source-map-js';

import { BenchWindow, Browser, flag, median, openBenchPage, round } from './common';

/** In page.evaluate callbacks: the helper installed by openBenchPage. */
declare const waitForDraw: (everyMs: number) => Promise<void>;

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const STAGES = ['host:frames', 'host:field-overrides', 'model', 'sla', 'view', 'paint', 'draw', 'diagnose'];

/** Where a generated position came from: `panel/<folder>`, a package name, or the host page. */
function origin(
  source: string | null | undefined,
  line?: number | null
): { category: string; file?: string; line?: string } {
  if (!source) {
    return { category: 'unmapped' };
  }
  const at = source.lastIndexOf('node_modules/');
  if (at >= 0) {
    const parts = source.slice(at + 'node_modules/'.length).split('/');
    return { category: parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0] };
  }
  // The bundle's own sources: webpack://netobs-pingmesh-panel/<path under src/>.
  const ours = /^webpack:\/\/netobs-pingmesh-panel\/(?:\.\/)?(?:src\/)?(.*)$/.exec(source);
  if (ours) {
    const file = ours[1];
    return { category: `panel ${file.split('/').slice(0, -1).join('/')}`, file, line: `${file}:${line}` };
  }
  return { category: source.includes('/host/') ? 'harness host page' : source };
}

/** Self time per category and per panel file, in ms over the whole profile. */
async function attribute(profile: Profile) {
  const maps = new Map<string, SourceMapConsumer | null>();
  const mapFor = async (url: string) => {
    if (!maps.has(url)) {
      const res = await fetch(`${url}.map`).catch(() => undefined);
      maps.set(url, res?.ok ? new SourceMapConsumer(await res.json()) : null);
    }
    return maps.get(url)!;
  };
  const byNode = new Map<number, { category: string; file?: string; line?: string }>();
  for (const node of profile.nodes) {
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    if (!url) {
      byNode.set(node.id, { category: functionName || '(anonymous)' });
      continue;
    }
    const map = url.startsWith('http') ? await mapFor(url) : null;
    const pos = map?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
    byNode.set(node.id, map ? origin(pos?.source, pos?.line) : { category: url });
  }
  // Each node's nearest panel function up the stack: who asked for a package's time (i18next, emotion, React).
  const parentOf = new Map<number, number>();
  profile.nodes.forEach((n) => n.children?.forEach((c) => parentOf.set(c, n.id)));
  const callerOf = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const line = byNode.get(at)?.line;
      if (line) {
        return line;
      }
    }
    return '(no panel function)';
  };
  const categories: Record<string, number> = {};
  const files: Record<string, number> = {};
  const lines: Record<string, number> = {};
  const callers: Record<string, number> = {};
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const where = byNode.get(id)!;
    if (where.category === '(idle)') {
      return;
    }
    categories[where.category] = (categories[where.category] ?? 0) + ms;
    if (where.file) {
      files[where.file] = (files[where.file] ?? 0) + ms;
      lines[where.line!] = (lines[where.line!] ?? 0) + ms;
    } else {
      const key = `${where.category} ← ${callerOf(id)}`;
      callers[key] = (callers[key] ?? 0) + ms;
    }
  });
  return { categories, files, lines, callers };
}

const perRefresh = (totals: Record<string, number>, refreshes: number, top: number) =>
  Object.fromEntries(
    Object.entries(totals)
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => [k, Math.round((ms / refreshes) * 100) / 100])
  );

export async function breakdown(browser: Browser, url: string) {
  const size = Number(flag('breakdown-size', '50'));
  const refreshes = Number(flag('breakdown-refreshes', '40'));
  const page = await openBenchPage(browser, url);
  const cdp = await page.context().newCDPSession(page);
  const run = (count: number) =>
    page.evaluate(
      async ([n, k, names]) => {
        const harness = (window as unknown as BenchWindow).harness;
        const mod = await import(/* webpackIgnore: true */ `${location.origin}/bench/frames.js`);
        const { frame, hosts } = mod.makeTableFrame(n);
        const stages: Record<string, number[]> = Object.fromEntries([...names, 'rest'].map((s) => [s, []]));
        const total: number[] = [];
        for (let i = 0; i < k; i++) {
          const copy = {
            ...frame,
            fields: frame.fields.map((f: { values: unknown[] }) => ({ ...f, values: f.values.slice() })),
          };
          performance.clearMeasures();
          const t0 = performance.now();
          await harness.update(0, { frames: [copy] });
          await waitForDraw(1);
          const draw = performance.getEntriesByName('pingmesh:draw').at(-1)!;
          const all = draw.startTime + draw.duration - t0;
          let known = 0;
          for (const s of names) {
            const ms = performance
              .getEntriesByName(s.startsWith('host:') ? s : `pingmesh:${s}`)
              .reduce((sum, e) => sum + e.duration, 0);
            stages[s].push(ms);
            known += ms;
          }
          stages.rest.push(all - known);
          total.push(all);
          // The next refresh a frame later, as a dashboard's would be: effects and paint of this one are done.
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        }
        if (harness.errors.length > 0) {
          throw new Error(harness.errors.join('\n'));
        }
        return { hosts, stages, total };
      },
      [size, count, STAGES] as const
    );
  await run(10);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const r = await run(refreshes);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  // Then pointer moves over the matrix, one a frame, each to another cell: where a hover's script goes.
  const box = (await page.getByTestId('pingmesh-canvas').boundingBox())!;
  const moves = 200;
  const move = async (i: number) => {
    await page.mouse.move(box.x + ((i * 37) % box.width), box.y + ((i * 53) % box.height));
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
  };
  for (let i = 0; i < 20; i++) {
    await move(i);
  }
  await cdp.send('Profiler.start');
  for (let i = 0; i < moves; i++) {
    await move(i);
  }
  const hoverProfile = ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile;
  await page.close();
  const { categories, files, lines, callers } = await attribute(profile);
  const hover = await attribute(hoverProfile);
  return {
    [`breakdown N=${r.hosts}`]: {
      hosts: r.hosts,
      refreshes,
      dataToPixelsMs: round(median(r.total)),
      stagesMs: Object.fromEntries(Object.entries(r.stages).map(([k, v]) => [k, Math.round(median(v) * 100) / 100])),
      profileMs: perRefresh(categories, refreshes, 16),
      panelFilesMs: perRefresh(files, refreshes, 12),
      panelFunctionsMs: perRefresh(lines, refreshes, 12),
      callersMs: perRefresh(callers, refreshes, 16),
      hoverProfileMsPerMove: perRefresh(hover.categories, moves, 12),
      hoverPanelFunctionsMsPerMove: perRefresh(hover.lines, moves, 8),
    },
  };
}
