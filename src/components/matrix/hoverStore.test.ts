import { HoverStore } from './hoverStore';

describe('HoverStore', () => {
  let frames: FrameRequestCallback[];
  beforeEach(() => {
    frames = [];
    jest.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
  });
  afterEach(() => jest.restoreAllMocks());

  it('coalesces many moves within a frame into one update with the last position', () => {
    const store = new HoverStore();
    const seen: unknown[] = [];
    store.subscribe(() => seen.push(store.get()));
    for (let i = 0; i < 10; i++) {
      store.set({ row: i, col: i, clientX: i, clientY: i });
    }
    expect(frames).toHaveLength(1);
    expect(seen).toEqual([]);
    frames[0](0);
    expect(seen).toEqual([{ row: 9, col: 9, clientX: 9, clientY: 9 }]);
  });

  it('clears at once, and a pending move does not bring the tooltip back after leaving', () => {
    const store = new HoverStore();
    store.set({ row: 1, col: 1, clientX: 0, clientY: 0 });
    store.clear();
    frames[0](0);
    expect(store.get()).toBeUndefined();
  });
});
