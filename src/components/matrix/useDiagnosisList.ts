import React, { useRef } from 'react';

import { TEST_IDS } from '../testIds';
import { DiagnosisEntry, useDiagnosis } from '../useDiagnosis';
import { useStableCallback } from '../useStableCallback';
import { Target } from './useSearch';

interface Input {
  insight: Pick<ReturnType<typeof useDiagnosis>, 'setOpen'>;
  search: { jumpTo: (target: Target) => void };
  grid: React.RefObject<HTMLDivElement | null>;
}

/** The diagnosis list's focus handling: closing returns to its "+N more" button; Go to lands on the matrix. */
export function useDiagnosisList({ insight, search, grid }: Input) {
  const box = useRef<HTMLDivElement>(null);
  const close = useStableCallback(() => {
    insight.setOpen(false);
    box.current?.querySelector<HTMLElement>(`[data-testid="${TEST_IDS.diagnosisMore}"]`)?.focus();
  });
  // Go to: the list closes so the focus cell it moves onto is in view, and the keyboard is on the matrix.
  const gotoCandidate = useStableCallback((entry: DiagnosisEntry) => {
    if (entry.target) {
      insight.setOpen(false);
      search.jumpTo(entry.target);
      grid.current?.focus();
    }
  });
  return { box, close, gotoCandidate };
}
