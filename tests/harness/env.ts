import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { HostId } from '../../harness/hosts';
import type { Backend } from './stack';
import type { DiagnosisFacts } from './stacks/diagnosis';
import type { PresetFacts } from './stacks/presets';

/** What globalSetup started and generated, shared with the specs through a file (workers are separate processes). */
export interface HarnessEnv {
  /** The host page variant (HARNESS_HOST) and the backend behind promUrl / rules.promUrl (HARNESS_BACKEND). */
  host: HostId;
  backend: Backend;
  harnessUrl: string;
  promUrl: string;
  /** End of the backfill (ms): specs query at this instant so the 5-minute lookback never runs out mid-suite. */
  toMs: number;
  fromMs: number;
  /** When the ToR began to fail (tor-down); healthy before. */
  onsetMs: number;
  scenario: string;
  culpritTor: string;
  hosts: Array<{ name: string; ip: string; tor: string; dc: string; region: string }>;
  /** A live Prometheus scraping the simulator (ToR down) with the shipped recording rules evaluated every 5 s. */
  rules: { harnessUrl: string; promUrl: string };
  /** A second Prometheus and harness with the spine-loss scenario (one DC's spine drops packets). */
  spine: {
    harnessUrl: string;
    promUrl: string;
    fromMs: number;
    toMs: number;
    culpritDc: string;
    tors: Record<string, string[]>;
  };
  /** The sla-mix scenario (sparse Pingmesh mesh, lossy link, failed probe, dead pair, stale agent), 30 minutes. */
  sla: {
    harnessUrl: string;
    promUrl: string;
    fromMs: number;
    toMs: number;
    facts: {
      lossy: Array<{ src: string; dst: string }>;
      failed: Array<{ src: string; dst: string }>;
      dead: Array<{ src: string; dst: string }>;
      staleHost: string;
      staleMinutes: number;
      deadMinutes: number;
      probedPairs: number;
      crossRegionProbedPairs: number;
    };
    hosts: Array<{ name: string; ip: string; tor: string; dc: string; region: string }>;
  };
  /** Generated meshes of other shapes (sim/mesh): breach-only without topology, and a sparse k-neighbour mesh. */
  diagnosis: DiagnosisFacts;
  /** kubenurse, R-Pingmesh and Goldpinger UDP shaped series of one mesh, healthy and with a ToR down (two time windows). */
  presets: PresetFacts;
}

export const ENV_FILE = join(__dirname, '..', '..', 'artifacts', 'harness-env.json');

export function harnessEnv(): HarnessEnv {
  return JSON.parse(readFileSync(ENV_FILE, 'utf8'));
}
