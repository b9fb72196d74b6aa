import { useState } from 'react';

import { PairRef } from '../../drill/pair';
import { Zoom } from '../../view/view';
import { usePanelUrlState } from '../usePanelUrlState';
import { useStableCallback } from '../useStableCallback';
import { FocusTarget } from './focus';
import { Menu } from './useGridPointer';

/**
 * What the user changed in the matrix. Expansion, zoom and the selected pair are keyed by names and group ids, so they
 * survive refreshes; zoom and the selected pair are also in the URL, so a shared link opens the same view.
 */
export function useMatrixState(panelId: number) {
  const [url, setUrl] = usePanelUrlState(panelId);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const [focusTarget, setFocus] = useState<FocusTarget>();
  const [menu, setMenu] = useState<Menu>();
  // Stable callers of the latest render (why: useStableCallback).
  const setZoom = useStableCallback((zoom: Zoom[]) => setUrl((s) => ({ ...s, zoom })));
  const setSelected = useStableCallback((selected?: PairRef) => setUrl((s) => ({ ...s, selected })));
  /** Expand or collapse these groups (the focus cell would point elsewhere afterwards). */
  const toggle = useStableCallback((ids: string[]) => {
    setToggled((prev) => {
      const next = new Set(prev);
      ids.forEach((id) => (next.has(id) ? next.delete(id) : next.add(id)));
      return next;
    });
    setFocus(undefined);
  });
  return {
    zoom: url.zoom,
    selected: url.selected,
    toggled,
    setToggled,
    focusTarget,
    setFocus,
    menu,
    setMenu,
    setZoom,
    setSelected,
    toggle,
  };
}

export type MatrixState = ReturnType<typeof useMatrixState>;
