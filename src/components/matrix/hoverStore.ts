import { useEffect, useState, useSyncExternalStore } from 'react';

export interface Hover {
  row: number;
  col: number;
  /** Pointer position in viewport coordinates, for the tooltip. */
  clientX: number;
  clientY: number;
}

/**
 * The hovered cell, outside React state: pointer moves update only the components that read it (crosshair and
 * tooltip), never the matrix, labels or canvas. Updates are coalesced to one per animation frame.
 */
export class HoverStore {
  private current: Hover | undefined;
  private pending: Hover | undefined;
  private frame: number | undefined;
  private listeners = new Set<() => void>();

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  get = () => this.current;

  /** Schedules the value for the next animation frame; later calls in the same frame replace it. */
  set(hover: Hover | undefined) {
    this.pending = hover;
    if (this.frame === undefined) {
      this.frame = requestAnimationFrame(() => {
        this.frame = undefined;
        this.apply(this.pending);
      });
    }
  }

  /** Immediately (pointer leaves, view changes). */
  clear() {
    this.pending = undefined;
    this.apply(undefined);
  }

  dispose() {
    if (this.frame !== undefined) {
      cancelAnimationFrame(this.frame);
    }
    this.listeners.clear();
  }

  private apply(hover: Hover | undefined) {
    if (hover === this.current) {
      return;
    }
    this.current = hover;
    this.listeners.forEach((fn) => fn());
  }
}

export function useHover(store: HoverStore): Hover | undefined {
  return useSyncExternalStore(store.subscribe, store.get);
}

/**
 * A hover store for the component's lifetime, disposed on unmount. A hook of its own so the cleanup closes over the
 * store only, not over the first render of the component (and its model) for the component's whole life.
 */
export function useHoverStore(): HoverStore {
  const [store] = useState(() => new HoverStore());
  // A bound method, not `() => store.dispose()`: React keeps the mount's cleanup for the component's life, and the
  // minifier inlines this hook into its caller, where an arrow would share the caller's first render scope.
  useEffect(() => store.dispose.bind(store), [store]);
  return store;
}
