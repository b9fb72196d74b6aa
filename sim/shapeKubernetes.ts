// kubenurse (type="path_<node>" histograms and counters) and kube-state-metrics' node and pod series, which give the
// Kubernetes shapes their topology. Pure: no Node or DOM APIs.
import { ShapeFamily, Source, family } from './exposition';
import { KSM_INSTANCE, METRICS_PORT, NODE_LABELS, kubenurseNeighbours, podCidr, podIp, podName } from './k8s';
import { Histogram, httpProbe, probeLatency, probeUnit } from './probe';
import { lerp } from './rng';
import {
  BUCKETS,
  HttpState,
  KUBENURSE_OTHER_CHECKS,
  METRICS,
  PERIOD_MS,
  ShapeOptions,
  constant,
  hostLastMs,
  httpState,
  labels,
  lastMs,
  le,
  probesOf,
  q,
} from './shapeCommon';
import { Topology } from './topology';

export function kubenurseFamilies(o: ShapeOptions): ShapeFamily[] {
  const { topo, scenario } = o;
  const neighbours = kubenurseNeighbours(topo);
  const own = neighbours.map((n) => new Set(n));
  const probes = probesOf(o, (s, d) => own[s].has(d));
  const seed = scenario.seed;
  const hosts = topo.hosts;
  const base = hosts.map((h, i) =>
    labels([
      ['instance', `${podIp(i, 'kubenurse')}:${METRICS_PORT}`],
      ['node', h.name],
      ['pod', podName(i, 'kubenurse')],
    ])
  );
  type Check = { s: number; d: number; type: string; key: string; last: number };
  const checks: Check[] = [];
  hosts.forEach((_, s) => {
    for (const type of Object.keys(KUBENURSE_OTHER_CHECKS)) {
      checks.push({ s, d: -1, type, key: `kn:${s}:${type}`, last: hostLastMs(o, s) });
    }
    hosts.forEach((h, d) => {
      if (d !== s && probes(s, d)) {
        checks.push({ s, d, type: `path_${h.name}`, key: `kn:${s}:${d}`, last: lastMs(o, s, d) });
      }
    });
  });
  const advance = (c: Check, st: HttpState, tMs: number) =>
    st.clock.advance(tMs, (slot, at) => {
      if (c.d < 0) {
        const band = KUBENURSE_OTHER_CHECKS[c.type];
        st.hist.observe(lerp(band[0], band[1], probeUnit(seed, c.s, c.type.length, slot, 3)) / 1000);
        st.ok++;
        return;
      }
      const r = httpProbe(
        probeLatency('http', topo, scenario, c.s, c.d, at),
        probeUnit(seed, c.s, c.d, slot, 1),
        probeUnit(seed, c.s, c.d, slot, 2)
      );
      if (r.ok) {
        st.hist.observe(r.ms / 1000);
        st.ok++;
      } else {
        st.failed++;
      }
    });
  const source = (c: Check, extra: string, read: (st: HttpState) => number | Histogram | null): Source<HttpState> => ({
    key: c.key,
    labels: `${base[c.s]},type="${q(c.type)}"${extra}`,
    lastMs: c.last,
    create: () => httpState(o, c.s, Math.max(0, c.d), PERIOD_MS.kubenurse, BUCKETS.kubenurse),
    read: (st, t) => {
      advance(c, st, t);
      return read(st);
    },
  });
  return [
    family(
      {
        name: METRICS.kubenurseDuration,
        type: 'histogram',
        help: 'latency histogram for request duration, partitioned by request type',
        unit: 'seconds',
        le: le(BUCKETS.kubenurse),
      },
      // Only successful round trips are observed; a pair that never answered has no histogram.
      checks.map((c) => source(c, '', (st) => (st.hist.count > 0 ? st.hist : null)))
    ),
    family(
      { name: METRICS.kubenurseRequests, type: 'counter', help: 'counter for the total number of http requests' },
      checks.flatMap((c) => [
        source(c, ',code="200"', (st) => (st.ok > 0 ? st.ok : null)),
        source(c, ',code="round_trip_error"', (st) => (st.failed > 0 ? st.failed : null)),
      ])
    ),
    family(
      // A dial timeout ends in the httptrace ConnectDone hook with an error: event connect_done (not round_trip_error).
      {
        name: METRICS.kubenurseErrors,
        type: 'counter',
        help: 'error counter, partitioned by httptrace event and request type',
      },
      checks.map((c) => source(c, ',event="connect_done"', (st) => (st.failed > 0 ? st.failed : null)))
    ),
  ];
}

/** kube-state-metrics: nodes with their IPs and topology labels, and the exporter's DaemonSet pods. */
export function kubeStateFamilies(topo: Topology, app: 'goldpinger' | 'kubenurse'): ShapeFamily[] {
  const ksm = ['instance', KSM_INSTANCE] as [string, string];
  const hosts = topo.hosts;
  return [
    family(
      { name: METRICS.nodeInfo, type: 'gauge', help: 'Information about a cluster node.' },
      hosts.map((h, i) =>
        constant(
          `ksm-node:${i}`,
          labels([
            ksm,
            ['node', h.name],
            ['internal_ip', h.ip],
            ['pod_cidr', podCidr(i)],
            ['kubelet_version', 'v1.31.4'],
          ]),
          1
        )
      )
    ),
    family(
      { name: METRICS.nodeLabels, type: 'gauge', help: 'Kubernetes labels converted to Prometheus labels.' },
      hosts.map((h, i) =>
        constant(
          `ksm-labels:${i}`,
          labels([
            ksm,
            ['node', h.name],
            ['label_kubernetes_io_hostname', h.name],
            [NODE_LABELS.region, h.region],
            [NODE_LABELS.zone, h.az],
            [NODE_LABELS.dc, h.dc],
            [NODE_LABELS.tor, h.tor],
          ]),
          1
        )
      )
    ),
    family(
      { name: METRICS.podInfo, type: 'gauge', help: 'Information about pod.' },
      hosts.map((h, i) =>
        constant(
          `ksm-pod:${i}`,
          labels([
            ksm,
            ['namespace', app],
            ['pod', podName(i, app)],
            ['host_ip', h.ip],
            ['pod_ip', podIp(i, app)],
            ['node', h.name],
            ['created_by_kind', 'DaemonSet'],
            ['created_by_name', app],
          ]),
          1
        )
      )
    ),
  ];
}
