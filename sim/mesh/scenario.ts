// One evaluation scenario: a topology, a mesh, a fault and how the panel receives it, all drawn from a seed. Pure
// (no Grafana imports): the browser tests build their Prometheus backfills from it in Node.
import { hashString, mulberry32 } from '../rng';
import { Family, Fault, fits, makeFault } from './faults';
import { Delivery, Exporter, Pair, measure } from './pairs';
import { MeshKind, Probing, makeProbing } from './probing';
import { MeshTopology, Naming, Rng, intIn, makeTopology, pick } from './topology';

export interface ScenarioSpec {
  family: Family;
  delivery: Delivery;
  mesh: MeshKind;
  seed: number;
  /** Random bad pairs on top of the fault (0.5–2 %), as real meshes have. */
  background?: boolean;
  /** Host count is drawn log-uniformly from [minHosts, maxHosts]. */
  minHosts: number;
  maxHosts: number;
  /** Fix what is otherwise drawn: host names, grouping levels, exporter. */
  naming?: Naming;
  levels?: 1 | 2 | 3 | 4;
  exporter?: Exporter;
}

export interface MeshScenario {
  spec: ScenarioSpec;
  topo: MeshTopology;
  probing: Probing;
  fault: Fault;
  exporter: Exporter;
  naming: Naming;
  pairs: Pair[];
  /** Sparse meshes: an expected-pairs query, or *A pair with no series is → Not probed*. */
  expectedQuery: boolean;
  table: boolean;
}

const NAMINGS: Naming[] = ['node', 'fqdn', 'ipv4', 'ipv6'];

export function makeScenario(spec: ScenarioSpec): MeshScenario {
  const key = `${spec.family}|${spec.delivery}|${spec.mesh}|${spec.background ? 'noisy' : 'quiet'}`;
  const rng: Rng = mulberry32(hashString(key) ^ Math.imul(spec.seed, 0x9e3779b1));
  const naming = spec.naming ?? pick(rng, NAMINGS);
  let topo: MeshTopology | undefined;
  for (let tries = 0; tries < 40 && (!topo || !fits(topo, spec.family)); tries++) {
    const logN = Math.log(spec.minHosts) + rng() * (Math.log(spec.maxHosts) - Math.log(spec.minHosts));
    const levels = spec.levels ?? (intIn(rng, 1, 4) as 1 | 2 | 3 | 4);
    topo = makeTopology(rng, { hosts: Math.round(Math.exp(logN)), levels, naming });
  }
  if (!topo || !fits(topo, spec.family)) {
    throw new Error(`no topology fits ${spec.family}`);
  }
  const probing = makeProbing(rng, topo, spec.mesh);
  const fault = makeFault(rng, topo, probing, spec.family, spec.background ? 0.005 + rng() * 0.015 : 0);
  const exporter: Exporter =
    spec.exporter ?? (spec.mesh === 'breach-only' ? 'pingmesh-agent' : rng() < 0.7 ? 'custom' : 'kube-network-monitor');
  const pairs = measure(topo, probing, fault, rng);
  return {
    spec,
    topo,
    probing,
    fault,
    exporter,
    naming,
    pairs,
    expectedQuery: rng() < 0.5,
    table: topo.hosts.length > 60 || rng() < 0.5,
  };
}
