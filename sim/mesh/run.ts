// The panel's own pipeline on a generated scenario — frames → buildMatrix → SLA → diagnose — and the oracle's verdict.
import { createTheme } from '@grafana/data';

import { Diagnosis, diagnose } from '../../src/insight/diagnosis';
import { buildMatrix } from '../../src/ingest';
import { DEFAULT_OPTIONS } from '../../src/options/defaults';
import { slaConfigOf } from '../../src/options/slaConfig';
import { MatrixModel } from '../../src/model/types';
import { classifyModel } from '../../src/view/view';
import { MeshData, meshFrames } from './frames';
import { MeshScenario } from './scenario';
import { Verdict, judge } from './truth';

export interface Outcome {
  verdict: Verdict;
  data: MeshData;
  model?: MatrixModel;
  status?: Uint8Array;
  diagnosis?: Diagnosis;
  /** The panel said it cannot draw the data (e.g. a healthy breach-only mesh exports nothing). */
  warning?: string;
  /** Model + SLA + diagnosis, for the report (the bench has the real timings). */
  ms: number;
}

const theme = createTheme();

export function scenarioFrames(s: MeshScenario): MeshData {
  return meshFrames(s.topo, s.probing, s.pairs, {
    delivery: s.spec.delivery,
    exporter: s.exporter,
    expectedQuery: s.expectedQuery,
    table: s.table,
  });
}

export function runScenario(s: MeshScenario): Outcome {
  const data = scenarioFrames(s);
  const t0 = performance.now();
  const built = buildMatrix({ frames: data.frames, options: data.options, theme });
  if (!built.model) {
    // Nothing to draw is right only when the exporter exported nothing (a healthy breach-only mesh, or its agent down).
    const ms = performance.now() - t0;
    const rows = data.frames.filter((f) => f.refId !== 'T').reduce((n, f) => n + f.length, 0);
    const verdict = {
      hit: rows === 0,
      detectable: 0,
      named: 0,
      falseCandidates: 0,
      culpritLines: 0,
      why: [built.warning],
    };
    return { warning: built.warning, ms, data, verdict };
  }
  const model = built.model;
  const { status } = classifyModel(model, slaConfigOf(DEFAULT_OPTIONS.sla));
  const diagnosis = diagnose({ model, status });
  const ms = performance.now() - t0;
  const verdict = judge(model, status, s.topo, s.fault.truths, diagnosis, model.levels.length > 0);
  return { verdict, data, model, status, diagnosis, ms };
}
