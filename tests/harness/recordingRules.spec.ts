import { expect, test } from '@playwright/test';

import { Status } from '../../src/model/sla';
import { harnessEnv } from './env';
import { TEST_IDS, axisOrder, cellColours, openHarness, promInstant, statusColour } from './helpers';

const env = harnessEnv();
const metric = 'tor_pair:pingmesh_pair_latency_seconds:max';
const tors = [...new Set(env.hosts.map((h) => h.tor))];

test('the panel reads the ToR × ToR recording-rule series directly as a ToR matrix', async ({ page }) => {
  // The rules are evaluated every 5 s on live scrapes (tests/harness/stack.ts): wait until they have recorded (bounded).
  const now = () => ({ promUrl: env.rules.promUrl, toMs: Date.now() });
  await expect
    .poll(async () => (await promInstant(now(), `count(${metric})`))[0]?.value ?? 0, { timeout: 30_000 })
    .toBe(tors.length * tors.length);

  const live = { harnessUrl: env.rules.harnessUrl, fromMs: Date.now() - 5 * 60_000, toMs: Date.now() };
  const errors = await openHarness(page, live, [
    { targets: [{ refId: 'A', expr: metric, format: 'table', instant: true }] },
  ]);
  await expect(page.getByTestId(TEST_IDS.notices)).toContainText('Detected: Recording rules, ToR × ToR');
  const rows = await axisOrder(page, TEST_IDS.rowLabel);
  const cols = await axisOrder(page, TEST_IDS.colLabel);
  expect([...rows.keys()].sort()).toEqual([...tors].sort());
  const { colours } = await cellColours(page);
  const red = await statusColour(page, Status.Breach);
  const green = await statusColour(page, Status.OK);
  const healthy = tors.filter((t) => t !== env.culpritTor);
  for (const t of healthy) {
    expect(colours[rows.get(env.culpritTor)!][cols.get(t)!], `${env.culpritTor} → ${t}`).toBe(red);
    expect(colours[rows.get(t)!][cols.get(env.culpritTor)!], `${t} → ${env.culpritTor}`).toBe(red);
  }
  // A healthy ToR's own cell: the worst of its intra-ToR pairs, well under 10 ms.
  expect(colours[rows.get(healthy[0])!][cols.get(healthy[0])!]).toBe(green);
  expect(errors).toEqual([]);
});
