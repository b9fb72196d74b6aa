/**
 * The old import path of the model builder, kept only for code on other branches that still imports it
 * (src/insight/timeline.ts, the insight tests, sim/diagnose.eval.test.ts). The builder lives in src/ingest/; delete this
 * file once those import '../ingest'.
 */
export { buildMatrix, buildMatrixSteps } from '../ingest';
export type { BuildMatrixInput, BuildMatrixResult } from '../ingest';
