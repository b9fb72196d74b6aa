import { useMemo, useState } from 'react';

import { AxisEntry } from '../../view/hierarchy';
import { groupId } from '../../model/groupId';
import { SearchHit, findEntry, reveal, searchHits } from '../../view/navigate';
import { MatrixModel } from '../../model/types';
import { View, Zoom } from '../../view/view';
import { useStableCallback } from '../useStableCallback';
import { FocusTarget } from './focus';

export interface SearchInput {
  model: MatrixModel;
  view: View;
  /** The level the view starts at (a reveal expands from there). */
  startLevel: string;
  toggled: ReadonlySet<string>;
  setToggled: (t: Set<string>) => void;
  setZoom: (z: Zoom[]) => void;
  setFocus: (f: FocusTarget | undefined) => void;
}

/** What a diagnosis entry can jump to: a host by name, or a group by its path. */
export interface Target {
  kind: 'host' | 'group';
  name: string;
  /** Group: its path (the group id is made of it: groupId.ts). */
  path?: string[];
}

/**
 * The search box's state: matches highlighted on both axes; Enter (step) reveals the next one — expanding the groups
 * that hide it, leaving a zoom that does not hold it — and moves the focus cell onto it. `jumpTo` does the same for
 * one named host or group (a diagnosis entry's "Go to").
 */
export function useSearch({ model, view, startLevel, toggled, setToggled, setZoom, setFocus }: SearchInput) {
  const [query, setQuery] = useState('');
  const [hitIndex, setHitIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const hits = useMemo(() => searchHits(model, view, query), [model, view, query]);
  const activeHit: SearchHit | undefined = hits[Math.min(hitIndex, hits.length - 1)];
  const { matrix } = view;
  const highlight = useMemo(() => {
    if (!activeHit) {
      return undefined;
    }
    const on = (entries: AxisEntry[], tree: typeof view.rowTree, names: string[]) =>
      entries.flatMap((e, i) => (findEntry([e], activeHit, tree, names) === 0 ? [i] : []));
    return {
      rows: on(matrix.rows, view.rowTree, model.rows),
      cols: on(matrix.cols, view.colTree, model.cols),
    };
  }, [activeHit, matrix, view, model]);

  const show = useStableCallback((hit: SearchHit) => {
    const shown = reveal({ model, view, startLevel, toggled, zoom: view.zoom, hit });
    setRevealed(true);
    setToggled(shown.toggled);
    setZoom(shown.zoom);
    // The match gets the keyboard focus cell, placed by the view this reveal builds (focus.ts).
    setFocus({ hit });
  });

  const step = useStableCallback((by: 1 | -1) => {
    if (hits.length === 0) {
      return;
    }
    const next = revealed ? (hitIndex + by + hits.length) % hits.length : Math.min(hitIndex, hits.length - 1);
    setHitIndex(next);
    show(hits[next]);
  });

  const onQuery = useStableCallback((q: string) => {
    setQuery(q);
    setHitIndex(0);
    setRevealed(false);
  });

  /** Search for the target's name, select exactly that host or group among the matches, and reveal it. */
  const jumpTo = useStableCallback((target: Target) => {
    const found = searchHits(model, view, target.name);
    const id = target.kind === 'group' ? groupId(target.path ?? [target.name]) : target.name;
    const index = Math.max(
      0,
      found.findIndex((h) => h.kind === target.kind && h.id === id)
    );
    setQuery(target.name);
    setHitIndex(index);
    if (found[index]) {
      show(found[index]);
    }
  });

  return { query, hits, hitIndex, highlight, step, onQuery, jumpTo };
}
