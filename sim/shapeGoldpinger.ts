// Goldpinger: HTTP pings of every pod (itself included), the opt-in UDP probe, active/passive sharding, with or
// without kube-state-metrics beside. Pure: no Node or DOM APIs.
import { ShapeFamily, Source, family } from './exposition';
import { METRICS_PORT, goldpingerActive, hopCount, podIp } from './k8s';
import { Histogram, httpProbe, packetsLost, probeLatency, probeUnit } from './probe';
import {
  ACTIVE_NODE_PERCENTAGE,
  BUCKETS,
  GOLDPINGER_TIMEOUT_MS,
  HttpState,
  METRICS,
  PERIOD_MS,
  ShapeOptions,
  UDP_PACKETS,
  UDP_TIMEOUT_MS,
  constant,
  hostLastMs,
  httpState,
  labels,
  lastMs,
  le,
  probesOf,
} from './shapeCommon';
import { kubeStateFamilies } from './shapeKubernetes';

interface GoldpingerState extends HttpState {
  udp: Histogram;
  lossPct: number;
  udpProbes: number;
}

export function goldpingerFamilies(o: ShapeOptions): ShapeFamily[] {
  const { topo, scenario, format } = o;
  const seed = scenario.seed;
  const hosts = topo.hosts;
  const udp = format !== 'goldpinger';
  const c = scenario.culprit;
  // ACTIVE_NODES: the culprit host stays active, so its row shows in every scenario (and one node at least).
  const forced = new Set([c.kind === 'host' ? c.id : '', hosts[0].name]);
  const active = goldpingerActive(topo, format === 'goldpinger-passive' ? ACTIVE_NODE_PERCENTAGE : 100, forced);
  // Goldpinger pings every goldpinger pod, itself included.
  const probes = probesOf(o, () => true);
  const instance = hosts.map((_, i) => `${podIp(i, 'goldpinger')}:${METRICS_PORT}`);
  const pairs: Array<{ s: number; d: number }> = [];
  hosts.forEach((_, s) => active[s] && hosts.forEach((__, d) => probes(s, d) && pairs.push({ s, d })));

  const advance = (s: number, d: number, st: GoldpingerState, tMs: number) =>
    st.clock.advance(tMs, (slot, at) => {
      const r = httpProbe(
        probeLatency('http', topo, scenario, s, d, at),
        probeUnit(seed, s, d, slot, 1),
        probeUnit(seed, s, d, slot, 2)
      );
      // A timed-out ping is observed too, at the timeout.
      const ok = r.ok && r.ms <= GOLDPINGER_TIMEOUT_MS;
      st.hist.observe((ok ? r.ms : GOLDPINGER_TIMEOUT_MS + probeUnit(seed, s, d, slot, 4)) / 1000);
      st.ok += ok ? 1 : 0;
      st.failed += ok ? 0 : 1;
      if (udp) {
        const p = probeLatency('udp', topo, scenario, s, d, at);
        const lost =
          p.latencyMs > UDP_TIMEOUT_MS
            ? UDP_PACKETS
            : packetsLost(p, UDP_PACKETS, (i) => probeUnit(seed, s, d, slot, 10 + i));
        st.lossPct = (lost / UDP_PACKETS) * 100;
        st.udpProbes++;
        if (lost < UDP_PACKETS) {
          st.udp.observe(p.latencyMs / 1000);
        }
      }
    });
  const pairSource = (
    { s, d }: { s: number; d: number },
    withCallType: boolean,
    read: (st: GoldpingerState) => number | Histogram | null
  ): Source<GoldpingerState> => ({
    key: `gp:${s}:${d}`,
    labels: labels([
      ['goldpinger_instance', hosts[s].name],
      ...(withCallType ? [['call_type', 'ping'] as [string, string]] : []),
      ['host_ip', hosts[d].ip],
      ['pod_ip', podIp(d, 'goldpinger')],
      ['instance', instance[s]],
    ]),
    lastMs: lastMs(o, s, d),
    create: () => ({
      ...httpState(o, s, d, PERIOD_MS.goldpinger, BUCKETS.goldpinger),
      udp: new Histogram(BUCKETS.goldpingerUdp),
      lossPct: 0,
      udpProbes: 0,
    }),
    read: (st, t) => {
      advance(s, d, st, t);
      return read(st);
    },
  });
  const out: ShapeFamily[] = [
    family(
      {
        name: METRICS.goldpingerResponse,
        type: 'histogram',
        help: 'Histogram of response times from other hosts, when making peer calls',
        le: le(BUCKETS.goldpinger),
      },
      pairs.map((p) => pairSource(p, true, (st) => (st.hist.count > 0 ? st.hist : null)))
    ),
  ];
  if (udp) {
    out.push(
      family(
        { name: METRICS.goldpingerLoss, type: 'gauge', help: 'UDP packet loss percentage to peer (0-100)' },
        pairs.map((p) => pairSource(p, false, (st) => (st.udpProbes > 0 ? st.lossPct : null)))
      ),
      family(
        { name: METRICS.goldpingerHops, type: 'gauge', help: 'Estimated network hop count to peer from UDP TTL' },
        // No reply, no TTL: the probe reports 0 hops.
        pairs.map((p) =>
          pairSource(p, false, (st) => (st.udpProbes > 0 ? (st.lossPct < 100 ? hopCount(topo, p.s, p.d) : 0) : null))
        )
      ),
      family(
        {
          name: METRICS.goldpingerUdpRtt,
          type: 'histogram',
          help: 'Histogram of UDP round-trip times to peers in seconds',
          le: le(BUCKETS.goldpingerUdp),
        },
        pairs.map((p) => pairSource(p, false, (st) => (st.udp.count > 0 ? st.udp : null)))
      )
    );
  }
  out.push(
    family(
      { name: METRICS.goldpingerMode, type: 'gauge', help: 'Node mode: 1 = active, 0 = passive' },
      hosts.map((h, i) =>
        constant(
          `gpm:${i}`,
          labels([
            ['goldpinger_instance', h.name],
            ['instance', instance[i]],
          ]),
          active[i] ? 1 : 0,
          hostLastMs(o, i)
        )
      )
    )
  );
  if (format !== 'goldpinger-no-topology') {
    out.push(...kubeStateFamilies(topo, 'goldpinger'));
  }
  return out;
}
