import { expect, test } from '@playwright/test';

import { HarnessEnv, harnessEnv } from './env';
import { TEST_IDS, cellColours, openHarness, statusColour, themeColour } from './helpers';

/**
 * Saved dashboards and transformations the panel must read right, on the real bundle: a Merge transformation's
 * `Value #A` / `Value #B` table, threshold steps saved in descending order, and a threshold colour that is none.
 * Inline frames shaped as Grafana hands them to the panel (Prometheus result_transformer + Merge).
 */
let env: HarnessEnv;
test.beforeAll(() => {
  env = harnessEnv();
});

const HOSTS = ['h1', 'h2', 'h3'];
const pairs = HOSTS.flatMap((s) => HOSTS.filter((d) => d !== s).map((d) => [s, d]));
const T = 1_700_000_000_000;

/** Grafana's Merge over two table-format queries: `[Time, dst, src, Value #A, Value #B]`, refId `merge-A-B`. */
function mergedTable(latency: (s: string, d: string) => number, loss: (s: string, d: string) => number) {
  return {
    refId: 'merge-A-B',
    fields: [
      { name: 'Time', type: 'time', config: {}, values: pairs.map(() => T) },
      { name: 'dst', type: 'string', config: { filterable: true }, values: pairs.map(([, d]) => d) },
      { name: 'src', type: 'string', config: { filterable: true }, values: pairs.map(([s]) => s) },
      { name: 'Value #A', type: 'number', config: {}, values: pairs.map(([s, d]) => latency(s, d)) },
      { name: 'Value #B', type: 'number', config: {}, values: pairs.map(([s, d]) => loss(s, d)) },
    ],
  };
}

/** A one-query table `[Time, dst, src, Value]` of latencies in ms. */
function latencyTable(latency: (s: string, d: string) => number) {
  const [time, dst, src, value] = mergedTable(latency, () => 0).fields;
  return { refId: 'A', fields: [time, dst, src, { ...value, name: 'Value' }] };
}

const at = (s: string, d: string) => [HOSTS.indexOf(s), HOSTS.indexOf(d)] as const;

test('a merged table: Value #B is the loss query — 50 % loss on h1 → h2 is over SLA, not a 1 ms OK', async ({
  page,
}) => {
  const errors = await openHarness(page, env, [
    {
      width: 600,
      height: 500,
      frames: [
        mergedTable(
          () => 1,
          (s, d) => (s === 'h1' && d === 'h2' ? 0.5 : 0)
        ),
      ],
      options: { queries: { latencyRefId: 'A', lossRefId: 'B', inputUnit: 'ms' } },
    },
  ]);
  // Off the centre: cells this big carry a mark there.
  const { colours } = await cellColours(page, 0, 0.2);
  const [r, c] = at('h1', 'h2');
  expect(colours[r][c]).toBe(await statusColour(page, 7));
  const [r2, c2] = at('h2', 'h1');
  expect(colours[r2][c2]).toBe(await statusColour(page, 2));
  await expect(page.getByTestId(TEST_IDS.notices)).not.toContainText('more than one series');
  expect(errors).toEqual([]);
});

test('thresholds saved in descending order and an unusable colour: judged and drawn by the sorted steps', async ({
  page,
}) => {
  // The base step first (Grafana makes the first step the base whatever its value), the others descending.
  const thresholds = {
    mode: 'absolute',
    steps: [
      { value: null, color: 'green' },
      { value: 25, color: 'redd' },
      { value: 10, color: 'orange' },
    ],
  };
  const errors = await openHarness(page, env, [
    {
      width: 600,
      height: 500,
      frames: [latencyTable((s, d) => (s === 'h1' && d === 'h2' ? 15 : s === 'h2' && d === 'h1' ? 30 : 1))],
      options: { queries: { inputUnit: 'ms' }, display: { palette: 'thresholds' } },
      fieldConfig: { defaults: { unit: 'ms', thresholds, color: { mode: 'thresholds' } }, overrides: [] },
    },
  ]);
  // Off the centre: cells this big carry a mark there.
  const { colours } = await cellColours(page, 0, 0.2);
  // 15 ms lies between 10 and 25 ms: a warning (orange), not over SLA; 30 ms is over SLA, drawn red, not transparent.
  const [r, c] = at('h1', 'h2');
  expect(colours[r][c]).toBe(await themeColour(page, 'orange'));
  const [r2, c2] = at('h2', 'h1');
  expect(colours[r2][c2]).toBe(await themeColour(page, 'red'));
  expect(await statusColour(page, 7)).toBe(await themeColour(page, 'red'));
  await expect(page.getByTestId(TEST_IDS.notices)).toContainText(
    'Threshold colour “redd” is not a colour: Over SLA cells are drawn in the palette’s colour.'
  );
  expect(errors).toEqual([]);
});
