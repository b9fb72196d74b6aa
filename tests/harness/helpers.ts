import { Page, expect } from '@playwright/test';

import { HarnessConfig } from '../../harness/host/config';
import { openHarnessPage } from '../../harness/launch';
import { CanvasLayout, TEST_IDS } from '../../src/components/testIds';
import { sectionsOf } from '../../src/options/flat';
import { HarnessEnv } from './env';

export { TEST_IDS };

/**
 * The panel's options by section (`grouping.levels` …) from the option names the specs use, e.g.
 * `panelOptions({ levels: 'dc,tor', slaMode: 'thresholds' })` → `{ grouping: { levels: 'dc,tor' }, sla: { mode: … } }`.
 */
export const panelOptions = sectionsOf;
export type { CanvasLayout };

export interface PanelSpec {
  pluginId?: string;
  width?: number;
  height?: number;
  options?: Record<string, unknown>;
  fieldConfig?: Record<string, unknown>;
  targets?: Array<Record<string, unknown>>;
  /** Frames from an ES module served by the harness (e.g. `/fixtures/namedMesh.mjs`) instead of queries. */
  synthetic?: { module: string; args?: Record<string, unknown> };
  /** Inline frames instead of queries, shaped as Grafana hands them to the panel. */
  frames?: Array<Record<string, unknown>>;
}

/** Opens the harness with one or more panels, waits for the first render, fails on any page error. */
export async function openHarness(
  page: Page,
  env: Pick<HarnessEnv, 'harnessUrl' | 'fromMs' | 'toMs'>,
  panels: PanelSpec[],
  theme: 'dark' | 'light' = 'dark',
  /** Page-level settings read at boot: `language` (e.g. zh-Hans), `grafanaVersion`. */
  boot: Pick<HarnessConfig, 'language' | 'grafanaVersion'> = {}
) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') {
      errors.push(`console.error: ${m.text()}`);
    }
  });
  const config = {
    ...boot,
    theme,
    timeRange: { from: env.fromMs, to: env.toMs },
    panels: panels.map((p) => ({ pluginId: 'netobs-pingmesh-panel', width: 1000, height: 820, ...p })),
  };
  await openHarnessPage(page, env.harnessUrl, config as HarnessConfig);
  return errors;
}

export const latencyTable = {
  refId: 'A',
  expr: 'pingmesh_pair_latency_seconds',
  format: 'table',
  instant: true,
  range: false,
};
/** The simulator's loss and probe-failure series, as the latency table. */
export const lossTable = { ...latencyTable, refId: 'B', expr: 'pingmesh_pair_loss_ratio' };
export const failTable = { ...latencyTable, refId: 'C', expr: 'pingmesh_pair_fail' };

/**
 * The colour at the centre of every cell (or at `at` of its width and height: big cells carry a mark in the centre),
 * read back from the canvas the panel drew: `[row][col]` hex.
 */
export async function cellColours(
  page: Page,
  panel = 0,
  at = 0.5
): Promise<{ layout: CanvasLayout; colours: string[][] }> {
  const canvas = page.getByTestId(`harness-panel-${panel}`).getByTestId(TEST_IDS.canvas);
  await expect(canvas).toBeVisible();
  return canvas.evaluate((el: HTMLCanvasElement, at) => {
    const layout = JSON.parse(el.dataset.layout!) as CanvasLayout;
    const ctx = el.getContext('2d')!;
    const data = ctx.getImageData(0, 0, el.width, el.height).data;
    const sx = el.width / (layout.cols * layout.cellW);
    const sy = el.height / (layout.rows * layout.cellH);
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    const colours: string[][] = [];
    for (let r = 0; r < layout.rows; r++) {
      const row: string[] = [];
      for (let c = 0; c < layout.cols; c++) {
        const px = Math.floor((c + at) * layout.cellW * sx);
        const py = Math.floor((r + at) * layout.cellH * sy);
        const i = (py * el.width + px) * 4;
        row.push(`#${hex(data[i])}${hex(data[i + 1])}${hex(data[i + 2])}`);
      }
      colours.push(row);
    }
    return { layout, colours };
  }, at);
}

/** Row/column index of each host as the panel ordered them, read from the axis labels it drew. */
export async function axisOrder(page: Page, testId: string, panel = 0): Promise<Map<string, number>> {
  const labels = page.getByTestId(`harness-panel-${panel}`).getByTestId(testId);
  const entries = await labels.evaluateAll((els) =>
    els.map((e) => [e.textContent ?? '', Number((e as HTMLElement).dataset.index)])
  );
  return new Map(entries as Array<[string, number]>);
}

/** The colour the panel uses for a status, as its legend shows it (the swatch's exact colour), as #rrggbb. */
export async function statusColour(page: Page, status: number, panel = 0): Promise<string> {
  const swatch = page
    .getByTestId(`harness-panel-${panel}`)
    .locator(
      `[data-testid="${TEST_IDS.legendItem}"][data-status="${status}"] [data-testid="${TEST_IDS.legendSwatch}"]`
    );
  return hex((await swatch.getAttribute('data-color'))!);
}

/** A named theme colour as the page's own @grafana/data resolves it (the shared module the plugin gets). */
export async function themeColour(page: Page, name: string, mode: 'dark' | 'light' = 'dark'): Promise<string> {
  const css = await page.evaluate(
    async ([n, m]) => {
      type Data = typeof import('@grafana/data');
      const sys = (window as unknown as { System: { import(id: string): Promise<Data> } }).System;
      const data = await sys.import('@grafana/data');
      return data.createTheme({ colors: { mode: m as 'dark' | 'light' } }).visualization.getColorByName(n);
    },
    [name, mode]
  );
  return hex(css);
}

/**
 * A number the panel shows (Grafana's display, rounded to the decimals it picks) is the value it stands for: at most
 * half its last digit away. "263 ms" for 262.5 ms is right, for 262.4 ms or 2.625 s it is not.
 */
export function expectShows(shown: string, value: number) {
  const decimals = /\d\.(\d+)/.exec(shown)?.[1].length ?? 0;
  expect(Math.abs(parseFloat(shown) - value), `${shown} for ${value}`).toBeLessThanOrEqual(
    0.5 * 10 ** -decimals + 1e-9
  );
}

/** #rrggbb of any CSS colour the theme returns (Grafana returns hex or rgb()). */
export function hex(css: string): string {
  if (css.startsWith('#')) {
    return css.slice(0, 7).toLowerCase();
  }
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!m) {
    throw new Error(`not a colour: ${css}`);
  }
  return `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
}

/** Instant query straight to Prometheus, for comparing what the panel shows with the source of truth. */
export async function promInstant(
  env: Pick<HarnessEnv, 'promUrl' | 'toMs'>,
  expr: string
): Promise<Array<{ metric: Record<string, string>; value: number }>> {
  const url = `${env.promUrl}/api/v1/query?query=${encodeURIComponent(expr)}&time=${env.toMs / 1000}`;
  const body = await (await fetch(url)).json();
  return body.data.result.map((r: { metric: Record<string, string>; value: [number, string] }) => ({
    metric: r.metric,
    value: Number(r.value[1]),
  }));
}

/** Opens a collapsed group on each axis by clicking its label (`▸ <name>`). */
export async function expandGroups(page: Page, groups: { row: string; col: string }, panel = 0) {
  const scope = page.getByTestId(`harness-panel-${panel}`);
  await scope
    .getByTestId(TEST_IDS.rowLabel)
    .filter({ hasText: `▸ ${groups.row}` })
    .click();
  await scope
    .getByTestId(TEST_IDS.colLabel)
    .filter({ hasText: `▸ ${groups.col}` })
    .click();
}

/** Moves the mouse to the centre of a cell. */
export async function hoverCell(page: Page, layout: CanvasLayout, row: number, col: number, panel = 0) {
  const canvas = page.getByTestId(`harness-panel-${panel}`).getByTestId(TEST_IDS.canvas);
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + (col + 0.5) * layout.cellW, box.y + (row + 0.5) * layout.cellH);
}
