/**
 * Browser side of the benchmark: a table-format frame as Grafana's Prometheus data source returns for the
 * instant query `pingmesh_pair_latency_seconds` with Format = Table — one row per pair, labels as sorted string
 * columns, one Value field — built from the simulator so values have real structure. Bundled by esbuild.
 */
import { makeScenario, samplePair, topologyForHosts } from '../../sim';

export interface FrameShape {
  /** Each source probes only the next `peers` hosts (a sparse mesh); default every other host. */
  peers?: number;
  /** Only the src / dst label columns (and `__name__`): a smaller page for very big meshes. */
  lean?: boolean;
}

export function makeTableFrame(
  hosts: number,
  scenario: 'healthy' | 'tor-down' = 'tor-down',
  steps = 1,
  shape: FrameShape = {}
) {
  const topo = topologyForHosts(hosts);
  const sc = makeScenario(scenario, topo, 1);
  // The topology's size is rounded to whole ToRs; a sparse mesh takes exactly the hosts asked for.
  const n = shape.peers ? Math.min(hosts, topo.hosts.length) : topo.hosts.length;
  const peers = Math.min(shape.peers ?? n - 1, n - 1);
  const rows = n * peers * steps;
  const now = Date.now();
  // A range table (steps > 1) holds each series' rows together, oldest first, 15 s apart; the fault starts halfway.
  const stepMs = 15_000;
  if (steps > 1) {
    sc.startsMs = now - Math.floor(steps / 2) * stepMs;
  }
  // Lean frames leave the topology columns empty (and drop them below).
  const col = (topology = true) => new Array<string>(topology && shape.lean ? 0 : rows);
  const labels = {
    __name__: col(false),
    dst: col(false),
    dst_az: col(),
    dst_dc: col(),
    dst_region: col(),
    dst_tor: col(),
    src: col(false),
    src_az: col(),
    src_dc: col(),
    src_region: col(),
    src_tor: col(),
  };
  const time = new Array<number>(rows);
  const value = new Array<number>(rows);
  let r = 0;
  for (let i = 0; i < n; i++) {
    const s = topo.hosts[i];
    for (let p = 1; p <= peers; p++) {
      // The full mesh keeps its natural order (sources, then destinations ascending).
      const j = shape.peers ? (i + p) % n : p <= i ? p - 1 : p;
      const d = topo.hosts[j];
      for (let k = 0; k < steps; k++) {
        const t = now - (steps - 1 - k) * stepMs;
        time[r] = t;
        labels.__name__[r] = 'pingmesh_pair_latency_seconds';
        labels.src[r] = s.name;
        labels.dst[r] = d.name;
        if (!shape.lean) {
          labels.src_region[r] = s.region;
          labels.src_dc[r] = s.dc;
          labels.src_az[r] = s.az;
          labels.src_tor[r] = s.tor;
          labels.dst_region[r] = d.region;
          labels.dst_dc[r] = d.dc;
          labels.dst_az[r] = d.az;
          labels.dst_tor[r] = d.tor;
        }
        value[r] = samplePair(topo, sc, i, j, t, 1).latencyMs / 1000;
        r++;
      }
    }
  }
  return {
    hosts: n,
    frame: {
      refId: 'A',
      meta: { preferredVisualisationType: 'table' },
      length: rows,
      fields: [
        { name: 'Time', type: 'time', config: {}, values: time },
        ...Object.entries(labels)
          .filter(([name]) => !shape.lean || ['__name__', 'src', 'dst'].includes(name))
          .map(([name, values]) => ({ name, type: 'string', config: {}, values })),
        { name: 'Value', type: 'number', config: {}, values: value },
      ],
    },
  };
}
