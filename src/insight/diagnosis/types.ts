import { MatrixModel } from '../../model/types';

/**
 * A host or a group: a group at level `l` has `path` = its value at every level down to `l` (level = path length - 1);
 * a host has level = levels.length and path = [...its groups, host]; the whole matrix has level -1 and path [].
 */
export interface Subject {
  level: number;
  path: string[];
}

/** Which of a subject's pairs are bad: its rows (as source), its columns (as destination), or both (the cross). */
export type Role = 'source' | 'destination' | 'both';

export type CandidateKind =
  /** One host or several hosts that fail the same way (`hosts`, `role`); with topology `subject` is their group. */
  | 'hosts'
  /** One group of one level (`subject`, `role`). */
  | 'group'
  /** Inside `subject` (level -1: everywhere), pairs between different groups of `childLevel` fail; inside them fine. */
  | 'layer-above'
  /** The block between two groups of one level (`subject` → `other`), one way (`directed`) or both ways. */
  | 'link'
  /** Nearly every judged pair is bad: a cause above all groups, or the probes / SLA themselves. */
  | 'all'
  /** Agents that report nothing (`hosts`): their rows have no data, while most agents report. */
  | 'silent'
  /** No pattern: the bad pairs (or the ones the candidates before left, `rest`) are scattered. */
  | 'none';

export interface PairCounts {
  bad: number;
  judged: number;
}

/** One culprit candidate, as structure; `describeCandidate` (text/diagnosis.ts) turns it into a sentence. */
export interface Candidate {
  kind: CandidateKind;
  role?: Role;
  /** 'hosts': the culprit hosts, strongest first; 'silent': the agents. Model host names. */
  hosts?: string[];
  /**
   * 'group', 'layer-above', 'link': the group (level -1: the whole matrix). 'hosts' with topology: the deepest group
   * that holds every member (absent when they only share the whole matrix or there is no topology).
   */
  subject?: Subject;
  /** 'link': the other group. */
  other?: Subject;
  /** 'link': only subject → other is bad (the way back is fine). */
  directed?: boolean;
  /** 'layer-above': the level of the groups between which pairs fail (inside each of them pairs are fine). */
  childLevel?: number;
  /** 'group': its hosts; 'hosts' with a subject: the subject's hosts (4 of its 6 hosts fail). */
  groupHosts?: number;
  /** 'hosts': in how many different groups of the innermost level the members are (0 without topology). */
  groups?: number;
  /** Bad and judged pairs of the candidate's own pairs (every one of them, explained before or not). */
  bad: number;
  judged: number;
  /** 'layer-above': the pairs inside the child groups. */
  inside?: PairCounts;
  /** 'link' one way: the way back. */
  reverse?: PairCounts;
  /**
   * Share of all bad pairs this candidate explains (0..1), counting only bad pairs no better-ranked candidate already
   * explained, so the shares of a diagnosis add up to at most 1.
   */
  explains: number;
  confidence: 'high' | 'medium' | 'low';
  /** The bad model cells (row * cols + col) the candidate covers, ascending, for highlighting. */
  cells: Uint32Array;
  /** 'none': how scattered — distinct hosts on bad pairs, and the largest share of them any one host is on. */
  scattered?: { hosts: number; maxShare: number };
  /** 'none': it covers what the candidates before it left, not the whole breach. */
  rest?: boolean;
  /** 'silent': the agents' paths with no data and with stale data. */
  silentPaths?: { noData: number; stale: number };
}

export interface Diagnosis {
  /** Best first; empty when nothing is over SLA (and no agent is silent). */
  candidates: Candidate[];
  /** Bad pairs in the matrix (Warning pairs add `warningWeight` each). */
  bad: number;
  /** Judged pairs: OK, Warning, over SLA or failed. Self, not probed, no data, stale and invalid are not counted. */
  total: number;
  /** Grouping levels of the model (empty: no topology, so groups of failing hosts can only be guessed). */
  levels: string[];
}

export interface DiagnoseInput {
  model: MatrixModel;
  /** Status per model cell (Classified.status). */
  status: Uint8Array;
  /** Fewer bad pairs than this: no breach diagnosis. Default 1. */
  minBad?: number;
  /** What a Warning pair counts as (0..1); default 0: only over-SLA and failed pairs are bad. */
  warningWeight?: number;
  /** At most this many breach candidates (each explaining what the ones before left). Default 6. */
  maxCandidates?: number;
}
