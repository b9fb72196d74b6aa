/**
 * Pattern diagnosis of the current matrix: which hosts, groups or links the pairs over SLA point at, ranked by how much
 * of the breach each explains, with the cells involved. Structure here; words in words.ts. Rules in ../README.md.
 */
export { diagnose } from './diagnose';
export { describeCandidate, groupName, levelWord, nameList } from '../../text/diagnosis';
export { RULES } from './score';
export type { Candidate, CandidateKind, DiagnoseInput, Diagnosis, PairCounts, Role, Subject } from './types';
