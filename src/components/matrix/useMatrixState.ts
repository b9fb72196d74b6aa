import { useMemo, useRef, useState } from 'react';

import { PairRef } from '../../drill/pair';
import { MatrixModel } from '../../model/types';
import { pairInModel } from '../../view/urlState';
import { Zoom } from '../../view/view';
import { usePanelUrlState } from '../usePanelUrlState';
import { useStableCallback } from '../useStableCallback';
import { FocusTarget } from './focus';
import { Menu } from './useGridPointer';

/**
 * What the user changed in the matrix. Expansion, zoom and the selected pair are keyed by names and group ids, so they
 * survive refreshes; zoom and the selected pair are also in the URL, so a shared link opens the same view. What comes
 * from the URL is checked against the model: a selected pair whose hosts are not in the data opens nothing (`linked`
 * names it for the footer), and buildView keeps only the zoom steps that exist and nest.
 */
export function useMatrixState(panelId: number, model: Pick<MatrixModel, 'rows' | 'cols' | 'grouped'>) {
  const [url, setUrl] = usePanelUrlState(panelId);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const [focusTarget, setFocus] = useState<FocusTarget>();
  const [menu, setMenuState] = useState<Menu>();
  // What the handlers last asked for, ahead of the render that shows it: a key pressed in the same tick (Shift+F10
  // then Esc) must act on the menu or pair view just opened, not on the last render's.
  const asked = useRef<{ menu: boolean; selected?: PairRef }>({ menu: false, selected: url.selected });
  // Stable callers of the latest render (why: useStableCallback).
  const setMenu = useStableCallback((next?: Menu) => {
    asked.current.menu = next !== undefined;
    setMenuState(next);
  });
  const setZoom = useStableCallback((zoom: Zoom[]) => setUrl((s) => ({ ...s, zoom })));
  const setSelected = useStableCallback((next?: PairRef) => {
    asked.current.selected = next;
    setUrl((s) => ({ ...s, selected: next }));
  });
  const isMenuOpen = useStableCallback(() => asked.current.menu);
  const isPairOpen = useStableCallback(() => pairInModel(model, asked.current.selected) !== undefined);
  /** Expand or collapse these groups (the focus cell would point elsewhere afterwards). */
  const toggle = useStableCallback((ids: string[]) => {
    setToggled((prev) => {
      const next = new Set(prev);
      ids.forEach((id) => (next.has(id) ? next.delete(id) : next.add(id)));
      return next;
    });
    setFocus(undefined);
  });
  const selected = useMemo(() => pairInModel(model, url.selected), [model, url.selected]);
  return {
    zoom: url.zoom,
    selected,
    /** The URL's selected pair when it is not in the data (nothing opens; the footer says so). */
    linked: selected === undefined ? url.selected : undefined,
    toggled,
    setToggled,
    focusTarget,
    setFocus,
    menu,
    setMenu,
    isMenuOpen,
    isPairOpen,
    setZoom,
    setSelected,
    toggle,
  };
}

export type MatrixState = ReturnType<typeof useMatrixState>;
