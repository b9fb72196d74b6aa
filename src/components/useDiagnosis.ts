import { useEffect, useMemo, useState } from 'react';

import { Candidate, Diagnosis, diagnose, diagnoseSteps } from '../insight/diagnosis';
import { describeCandidate } from '../text/diagnosis';
import { Classified } from '../model/sla';
import { MatrixModel } from '../model/types';
import { timed } from '../util/perf';
import { runSliced } from '../util/runSliced';
import { timedSteps } from '../util/steps';
import { Target } from './matrix/useSearch';

export interface DiagnosisEntry {
  candidate: Candidate;
  text: string;
  /** Where "Go to" takes the search and focus: the host or group the candidate names, if it names one. */
  target?: Target;
}

/** The host or group a candidate points at (a set of hosts: their group, else the first of them). */
export function targetOf(c: Candidate, model: MatrixModel): Target | undefined {
  const L = model.levels.length;
  const group = (path: string[]): Target => ({ kind: 'group', name: path[path.length - 1], path });
  const host = (name: string): Target => ({ kind: 'host', name });
  switch (c.kind) {
    case 'hosts':
    case 'silent': {
      const hosts = c.hosts ?? [];
      if (hosts.length > 1 && c.subject && c.subject.level >= 0 && c.subject.level < L) {
        return group(c.subject.path);
      }
      return hosts.length > 0 ? host(hosts[0]) : undefined;
    }
    case 'group':
    case 'layer-above':
    case 'link':
      return c.subject && c.subject.level >= 0 ? group(c.subject.path) : undefined;
    default:
      return undefined;
  }
}

/**
 * Up to this many cells the diagnosis is made in the render that draws the matrix (~2 ms at 65 k cells); above, after
 * it, in slices: at 1,000 hosts (1 M cells, ~10 ms) the matrix is on screen that much sooner, and the diagnosis line
 * follows a task later (the previous one, with the hosts it named, stays meanwhile).
 */
export const DIAGNOSE_SYNC_CELLS = 1 << 18;

/**
 * The diagnosis of the shown matrix (the model at the picked time on the breach timeline), its words, and which
 * candidate's cells are outlined and whether the ranked list is open.
 */
export function useDiagnosis(
  model: MatrixModel,
  classified: Classified,
  enabled: boolean,
  /** Tests: the size from which it runs in slices. */
  syncCells = DIAGNOSE_SYNC_CELLS
) {
  const { diagnosis, of, pending } = useDiagnosed(model, classified, enabled, syncCells);
  const entries: DiagnosisEntry[] = useMemo(
    () =>
      (diagnosis?.candidates ?? []).map((candidate) => ({
        candidate,
        text: describeCandidate(candidate, of),
        target: targetOf(candidate, of),
      })),
    [diagnosis, of]
  );
  // Which entry's cells are outlined, by rank; a refresh keeps the rank (the same place in the list).
  const [outlined, setOutlined] = useState<number | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const shown = outlined !== undefined && outlined < entries.length ? outlined : undefined;
  return { diagnosis, entries, outlined: shown, setOutlined, open: open && entries.length > 1, setOpen, pending };
}

/**
 * The diagnosis, at once for a matrix up to DIAGNOSE_SYNC_CELLS cells; above, in slices (its pass over 16 M cells is
 * ~150 ms), the previous one shown meanwhile with the model it was made for (its words name that model's hosts).
 */
function useDiagnosed(model: MatrixModel, classified: Classified, enabled: boolean, syncCells: number) {
  const sync = model.rows.length * model.cols.length <= syncCells;
  const now = useMemo(
    () =>
      enabled && sync ? timed('pingmesh:diagnose', () => diagnose({ model, status: classified.status })) : undefined,
    [model, classified, enabled, sync]
  );
  const [done, setDone] = useState<{ diagnosis: Diagnosis; of: MatrixModel; classified: Classified }>();
  // Nothing held from a big model that is gone; React re-renders at once.
  if ((!enabled || sync) && done !== undefined) {
    setDone(undefined);
  }
  useEffect(() => {
    if (!enabled || sync) {
      return;
    }
    return runSliced(
      timedSteps('pingmesh:diagnose', diagnoseSteps({ model, status: classified.status })),
      (diagnosis) => setDone({ diagnosis, of: model, classified }),
      'pingmesh:diagnose-job'
    );
  }, [model, classified, enabled, sync]);
  if (sync || !enabled) {
    return { diagnosis: now, of: model, pending: false };
  }
  const pending = done?.of !== model || done.classified !== classified;
  return { diagnosis: done?.diagnosis, of: done?.of ?? model, pending };
}
