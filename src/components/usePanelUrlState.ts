import { locationService } from '@grafana/runtime';
import { useCallback, useEffect, useRef, useState } from 'react';

import { PanelUrlState, decodeUrlState, encodeUrlState } from '../view/urlState';

/**
 * The panel's zoom and selected pair, mirrored into panel-scoped URL parameters (replacing the history entry, as
 * Grafana does for view state) so a copied link opens the same view. Read once on mount.
 */
export function usePanelUrlState(
  panelId: number
): [PanelUrlState, (update: (s: PanelUrlState) => PanelUrlState) => void] {
  const [state, setState] = useState<PanelUrlState>(() => decodeUrlState(panelId, locationService.getSearchObject()));
  const written = useRef(JSON.stringify(state));

  useEffect(() => {
    const json = JSON.stringify(state);
    if (json !== written.current) {
      written.current = json;
      locationService.partial(encodeUrlState(panelId, state), true);
    }
  }, [state, panelId]);

  const update = useCallback((fn: (s: PanelUrlState) => PanelUrlState) => setState(fn), []);
  return [state, update];
}
