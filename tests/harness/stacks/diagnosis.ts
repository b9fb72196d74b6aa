import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { meshOpenMetrics } from '../../../sim/mesh/openmetrics';
import { MeshScenario, ScenarioSpec, makeScenario } from '../../../sim/mesh/scenario';
import { startPrometheus } from '../../../sim/prom';

/** What the diagnosis specs know about their two meshes (from the generator, not from the panel). */
export interface DiagnosisFacts {
  harnessUrl: string;
  promUrl: string;
  fromMs: number;
  toMs: number;
  /** kubeservice pingmesh-agent (breach-only), IPv6 hosts, no topology: one rack's hosts fail every probe, one other host is slow as a source. */
  breachOnly: { hosts: number; down: string[]; slow: string; slowPaths: number };
  /** Each host probes 5–15 random others (kubenurse-like), generic src/dst labels, no topology: hosts of one rack down. */
  sparse: { hosts: number; down: string[]; paths: number };
}

/** The first seed whose scenario has what a spec needs (the generator draws sizes and culprits from the seed). */
function scenarioWhere(spec: Omit<ScenarioSpec, 'seed'>, ok: (s: MeshScenario) => boolean): MeshScenario {
  for (let seed = 1; seed < 500; seed++) {
    const s = makeScenario({ ...spec, seed });
    if (ok(s)) {
      return s;
    }
  }
  throw new Error(`no seed gives the scenario the diagnosis specs need (${spec.family})`);
}

const names = (s: MeshScenario, hosts: number[] = []) => hosts.map((h) => s.topo.hosts[h].name);

/**
 * Both meshes in one real Prometheus (different metric names). Part of the shared stack (../stack.ts); each browser
 * run serves it through its own harness (globalSetup.ts), whose URL fills in `harnessUrl`.
 */
export async function startDiagnosisBackend() {
  const toMs = Date.now();
  const minutes = 10;
  const breachOnly = scenarioWhere(
    {
      family: 'rack-and-slow-source',
      delivery: 'none',
      mesh: 'breach-only',
      minHosts: 40,
      maxHosts: 64,
      naming: 'ipv6',
      levels: 2,
    },
    (s) => s.fault.truths[0].hosts?.length === 4
  );
  const sparse = scenarioWhere(
    {
      family: 'hosts-down-one-rack',
      delivery: 'none',
      mesh: 'kneighbour',
      minHosts: 40,
      maxHosts: 64,
      naming: 'node',
      exporter: 'custom',
    },
    (s) => (s.fault.truths[0].hosts?.length ?? 0) >= 3
  );
  const dir = mkdtempSync(join(tmpdir(), 'pingmesh-diagnosis-'));
  const files = [breachOnly, sparse].map((s, i) => {
    const file = join(dir, `mesh-${i}.om.txt`);
    const text = meshOpenMetrics(s, { delivery: 'none', endMs: toMs, minutes, stepSeconds: 15 });
    // One file per mesh, each with its own # EOF.
    writeFileSync(file, text);
    return file;
  });
  const prom = await startPrometheus({ openMetricsFiles: files });
  rmSync(dir, { recursive: true, force: true });
  const [down] = breachOnly.fault.truths;
  const slow = breachOnly.fault.truths[1].hosts![0];
  const sparseDown = sparse.fault.truths[0].hosts!;
  const inSet = new Set(sparseDown);
  const facts: Omit<DiagnosisFacts, 'harnessUrl'> = {
    promUrl: prom.url,
    fromMs: toMs - minutes * 60_000,
    toMs,
    breachOnly: {
      hosts: breachOnly.topo.hosts.length,
      down: names(breachOnly, down.hosts),
      slow: names(breachOnly, [slow])[0],
      slowPaths: breachOnly.pairs.filter((p) => p.s === slow).length,
    },
    sparse: {
      hosts: sparse.topo.hosts.length,
      down: names(sparse, sparseDown),
      paths: sparse.pairs.filter((p) => inSet.has(p.s) || inSet.has(p.d)).length,
    },
  };
  return { facts, stop: prom.stop };
}
