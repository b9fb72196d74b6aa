/**
 * Browser side of the benchmark: a table-format frame as Grafana's Prometheus data source returns for the
 * instant query `pingmesh_pair_latency_seconds` with Format = Table — one row per pair, labels as sorted string
 * columns, one Value field — built from the simulator so values have real structure. Bundled by esbuild.
 */
import { makeScenario, samplePair, topologyForHosts } from '../../sim';

export function makeTableFrame(hosts: number, scenario: 'healthy' | 'tor-down' = 'tor-down', steps = 1) {
  const topo = topologyForHosts(hosts);
  const sc = makeScenario(scenario, topo, 1);
  const n = topo.hosts.length;
  const rows = n * (n - 1) * steps;
  const now = Date.now();
  // A range table (steps > 1) holds each series' rows together, oldest first, 15 s apart; the fault starts halfway.
  const stepMs = 15_000;
  if (steps > 1) {
    sc.startsMs = now - Math.floor(steps / 2) * stepMs;
  }
  const col = () => new Array<string>(rows);
  const labels = {
    __name__: col(),
    dst: col(),
    dst_az: col(),
    dst_dc: col(),
    dst_region: col(),
    dst_tor: col(),
    src: col(),
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
    for (let j = 0; j < n; j++) {
      if (i === j) {
        continue;
      }
      const d = topo.hosts[j];
      for (let k = 0; k < steps; k++) {
        const t = now - (steps - 1 - k) * stepMs;
        time[r] = t;
        labels.__name__[r] = 'pingmesh_pair_latency_seconds';
        labels.src[r] = s.name;
        labels.src_region[r] = s.region;
        labels.src_dc[r] = s.dc;
        labels.src_az[r] = s.az;
        labels.src_tor[r] = s.tor;
        labels.dst[r] = d.name;
        labels.dst_region[r] = d.region;
        labels.dst_dc[r] = d.dc;
        labels.dst_az[r] = d.az;
        labels.dst_tor[r] = d.tor;
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
        ...Object.entries(labels).map(([name, values]) => ({ name, type: 'string', config: {}, values })),
        { name: 'Value', type: 'number', config: {}, values: value },
      ],
    },
  };
}
