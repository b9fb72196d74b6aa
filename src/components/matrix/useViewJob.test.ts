import { createTheme } from '@grafana/data';
import { renderHook, waitFor } from '@testing-library/react';

import { buildMatrix } from '../../ingest';
import { DEFAULT_SLA_CONFIG, Status } from '../../model/sla';
import { mesh, tableFrame } from '../../model/testFrames';
import { DEFAULT_MODEL_OPTIONS } from '../../options/defaults';
import { statusColors } from '../../render/palette';
import { CELLS_PER_STEP } from '../../util/steps';
import { classifyModel } from '../../view/view';
import { ViewJobInput, useViewJob } from './useViewJob';
import { withNodeMessageChannel } from '../../util/testSlices';

const theme = createTheme();
const colors = statusColors(theme, 'thresholds', undefined);
// 520 hosts: 270,400 cells, more than one step of every stage. h0007 is slow to everyone: over SLA.
const HOSTS = Array.from({ length: 520 }, (_, i) => `h${String(i).padStart(4, '0')}`);
const SLOW = 'h0007';
const frames = [tableFrame(mesh(HOSTS, (s, d) => (s === SLOW || d === SLOW ? 40 : 0.2)))];
const model = buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms' }, theme }).model!;
const sla = { ...DEFAULT_SLA_CONFIG, mode: 'scopes' as const };
const classified = classifyModel(model, sla);

const input = (over: Partial<ViewJobInput> = {}): ViewJobInput => ({
  model,
  sla,
  startLevel: 'host',
  toggled: new Set(),
  zoom: [],
  aggregation: 'max',
  sortBy: 'name',
  theme,
  colors,
  ...over,
});

describe('useViewJob', () => {
  withNodeMessageChannel();

  it('draws a small view at once', () => {
    const { result } = renderHook(() => useViewJob(input()));
    expect(result.current.drawing).toBe(false);
    expect(result.current.shown?.view.matrix.rows).toHaveLength(520);
    expect(result.current.shown?.painted.rgba).toHaveLength(520 * 520 * 4);
  });

  // Broke: sorting 4,080 hosts by breaches built the view and painted it in one task of ~600 ms.
  it('builds a huge view in slices, the previous one shown meanwhile, and the page runs tasks between them', async () => {
    expect(model.rows.length * model.cols.length).toBeGreaterThan(CELLS_PER_STEP);
    // Every clock read is 30 ms later: each slice does one step, whatever this machine's speed.
    let clock = 0;
    performance.now = () => (clock += 30);
    const { result, rerender } = renderHook((props: ViewJobInput) => useViewJob(props), {
      initialProps: input({ syncCells: 0 }),
    });
    expect(result.current).toEqual({ shown: undefined, drawing: true });
    await waitFor(() => expect(result.current.drawing).toBe(false), { timeout: 20_000 });
    const byName = result.current.shown!;
    expect(byName.view.matrix.rows[7].label).toBe(SLOW);

    rerender(input({ syncCells: 0, sortBy: 'breaches' }));
    // The previous view stays, whole, while the sorted one is built; a task queued now runs before it is done.
    expect(result.current.shown).toBe(byName);
    expect(result.current.drawing).toBe(true);
    const between = await new Promise<boolean>((resolve) => setTimeout(() => resolve(result.current.drawing), 0));
    expect(between).toBe(true);
    await waitFor(() => expect(result.current.drawing).toBe(false), { timeout: 20_000 });

    const sorted = result.current.shown!;
    // Same model and SLA: the cells were judged once, for both orders.
    expect(sorted.classified).toBe(byName.classified);
    expect(Array.from(byName.classified.status)).toEqual(Array.from(classified.status));
    const m = sorted.view.matrix;
    expect(m.rows[0].label).toBe(SLOW);
    expect(m.cols[0].label).toBe(SLOW);
    // Every cell, across every step's boundary, is its host pair's own status and value, and painted in its colour.
    const C = model.cols.length;
    const word = (st: number) => {
      const px = byName.painted.rgba;
      const k = byName.view.matrix.status.indexOf(st) * 4;
      return [px[k], px[k + 1], px[k + 2], px[k + 3]].join();
    };
    const wrong: string[] = [];
    for (let r = 0; r < m.rows.length; r++) {
      const mr = model.rows.indexOf(m.rows[r].label);
      for (let c = 0; c < m.cols.length; c++) {
        const i = r * C + c;
        const k = mr * C + model.cols.indexOf(m.cols[c].label);
        const px = Array.from(sorted.painted.rgba.subarray(i * 4, i * 4 + 4)).join();
        if (
          m.status[i] !== classified.status[k] ||
          !Object.is(m.values[i], model.values[k]) ||
          px !== word(m.status[i])
        ) {
          wrong.push(`${m.rows[r].label} → ${m.cols[c].label}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(m.status[1]).toBe(Status.Breach);
  }, 60_000);

  // Broke: a big view stayed in state after a small input replaced it (hundreds of MB held at 4,000 hosts), and the
  // next big input showed it again, two inputs old, while it was built.
  it('holds nothing of a big view once a small input replaces it', async () => {
    let clock = 0;
    performance.now = () => (clock += 30);
    const { result, rerender } = renderHook((props: ViewJobInput) => useViewJob(props), {
      initialProps: input({ syncCells: 0 }),
    });
    await waitFor(() => expect(result.current.drawing).toBe(false), { timeout: 20_000 });
    const big = result.current.shown!;
    expect(big.view.matrix.rows[7].label).toBe(SLOW);

    rerender(input({ syncCells: Infinity }));
    expect(result.current.drawing).toBe(false);
    expect(result.current.shown).not.toBe(big);

    rerender(input({ syncCells: 0, sortBy: 'breaches' }));
    expect(result.current.drawing).toBe(true);
    expect(result.current.shown).toBeUndefined();
    await waitFor(() => expect(result.current.drawing).toBe(false), { timeout: 20_000 });
    expect(result.current.shown!.view.matrix.rows[0].label).toBe(SLOW);
  }, 60_000);
});
