import { useLayoutEffect, useState } from 'react';

/**
 * An event handler whose identity never changes and which always runs the latest `fn`. For memory, not only for
 * memoization: V8 gives every closure made in one render a single shared scope, so a `useCallback` whose deps did not
 * change keeps the render it was made in alive — that render's model, view and the refresh's frames (hundreds of MB on
 * a big mesh) — for as long as the callback lives. The stable caller is a method of `Latest`, whose scope holds only
 * the instance. Only for handlers called after commit (events), never during render.
 *
 * This is the one place that rule is explained; hooks and components that hand out handlers point here. It covers the
 * props of DOM elements too: React 18 keeps a host element's props (children included) from the last commit that
 * changed one of its attributes, so an inline arrow there pins its render's scope as long as the attributes stay.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const [latest] = useState(() => new Latest(fn));
  useLayoutEffect(() => latest.set(fn));
  return latest.call;
}

class Latest<A extends unknown[], R> {
  constructor(private fn: (...args: A) => R) {}

  set(fn: (...args: A) => R): void {
    this.fn = fn;
  }

  readonly call = (...args: A): R => this.fn(...args);
}
