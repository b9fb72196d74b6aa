import { renderHook, waitFor } from '@testing-library/react';

import { INDEX_ROWS_PER_STEP } from '../insight/timeline';
import { tableFrame } from '../model/testFrames';
import { SYNC_ROWS } from './useMatrixModel';
import { useTimeIndex } from './useTimeIndex';
import { withNodeMessageChannel } from '../util/testSlices';

/** A range table: every pair of `hosts` with `steps` samples, one row per (pair, step). */
function rangeTable(hosts: number, steps: number) {
  const names = Array.from({ length: hosts }, (_, i) => `h${i}`);
  return tableFrame(
    names.flatMap((s) =>
      names.filter((d) => d !== s).map((d) => ({ labels: { src: s, dst: d }, values: new Array(steps).fill(1) }))
    )
  );
}

describe('useTimeIndex', () => {
  withNodeMessageChannel();

  it('indexes a small range query at once', () => {
    const frames = [rangeTable(4, 10)];
    const { result } = renderHook(() => useTimeIndex(frames, true));
    expect(result.current.pending).toBe(false);
    expect(result.current.index?.times).toHaveLength(10);
  });

  // Broke: a 7.2 M-row range table was indexed inside a render, one task of 0.7–2.4 s.
  it('indexes a big range table in slices, and the page runs other tasks between them', async () => {
    const frames = [rangeTable(24, 400)];
    expect(frames[0].length).toBeGreaterThan(Math.max(SYNC_ROWS, 3 * INDEX_ROWS_PER_STEP));
    // Every clock read is 30 ms later: each slice does one step, whatever this machine's speed.
    let clock = 0;
    performance.now = () => (clock += 30);
    const ticks: boolean[] = [];
    const { result } = renderHook(() => useTimeIndex(frames, true));
    expect(result.current).toEqual({ index: undefined, pending: true });
    // A task queued now runs while the index is still being built.
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        ticks.push(result.current.pending);
        resolve();
      }, 0)
    );
    await timer;
    expect(ticks).toEqual([true]);
    await waitFor(() => expect(result.current.pending).toBe(false), { timeout: 20_000 });
    expect(result.current.index?.times).toHaveLength(400);
  });

  it('keeps the previous index while the next one is built, and none when off', async () => {
    let clock = 0;
    performance.now = () => (clock += 30);
    const first = rangeTable(24, 400);
    const { result, rerender } = renderHook(({ frames, on }) => useTimeIndex(frames, on), {
      initialProps: { frames: [first], on: true },
    });
    await waitFor(() => expect(result.current.pending).toBe(false), { timeout: 20_000 });
    const previous = result.current.index;
    rerender({ frames: [rangeTable(24, 400)], on: true });
    expect(result.current).toEqual({ index: previous, pending: true });
    await waitFor(() => expect(result.current.pending).toBe(false), { timeout: 20_000 });
    expect(result.current.index).not.toBe(previous);
    rerender({ frames: [first], on: false });
    expect(result.current).toEqual({ pending: false });
  });

  // Broke: the index of a big table, and the table's frames (hundreds of MB), stayed in state after a small input
  // replaced them; the next big input then showed that index, two inputs old, while its own was built.
  it('holds nothing of a big table once a small one replaces it', async () => {
    let clock = 0;
    performance.now = () => (clock += 30);
    const { result, rerender } = renderHook(({ frames }) => useTimeIndex(frames, true), {
      initialProps: { frames: [rangeTable(24, 400)] },
    });
    await waitFor(() => expect(result.current.pending).toBe(false), { timeout: 20_000 });
    const big = result.current.index;
    rerender({ frames: [rangeTable(4, 10)] });
    expect(result.current.index?.times).toHaveLength(10);
    rerender({ frames: [rangeTable(24, 300)] });
    expect(result.current.index).toBeUndefined();
    expect(big).toBeDefined();
    await waitFor(() => expect(result.current.pending).toBe(false), { timeout: 20_000 });
    expect(result.current.index?.times).toHaveLength(300);
  });
});
