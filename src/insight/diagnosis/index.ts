/**
 * Pattern diagnosis of the current matrix: which hosts, groups or links the pairs over SLA point at, ranked by how much
 * of the breach each explains, with the cells involved. Structure here; words in text/diagnosis.ts. Rules in ../README.md.
 */
export { diagnose, diagnoseSteps } from './diagnose';
export { RULES } from './score';
export type { Candidate, CandidateKind, DiagnoseInput, Diagnosis, PairCounts, Role, Subject } from './types';
