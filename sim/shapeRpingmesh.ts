// R-Pingmesh: ToR-level series per agent (source_tor, target_tor), RDMA network RTT in nanoseconds and probe
// counters, as its OTel instruments reach Prometheus. Pure: no Node or DOM APIs.
import { ShapeFamily, Source, family } from './exposition';
import { Histogram, ProbeClock, probeLatency, probeUnit, rdmaFailShare } from './probe';
import { BUCKETS, METRICS, PERIOD_MS, RDMA_RATE, ShapeOptions, labels, lastMs, phase, probesOf } from './shapeCommon';

interface RdmaState {
  clock: ProbeClock;
  hist: Histogram;
  total: number;
  success: number;
  failed: number;
}

export function rpingmeshFamilies(o: ShapeOptions): ShapeFamily[] {
  const { topo, scenario } = o;
  const seed = scenario.seed;
  const per = topo.sizes.hostsPerTor;
  const tor = (i: number) => topo.places[i].tor;
  // ToR-mesh: every host of the ToR; inter-ToR: the host at the same position in every other ToR of the region (a
  // RoCE fabric does not cross regions).
  const region = (i: number) => topo.places[i].region;
  const probes = probesOf(
    o,
    (s, d) => s !== d && (tor(s) === tor(d) || (s % per === d % per && region(s) === region(d)))
  );
  type Agent = { s: number; t: number; targets: number[] };
  const agents: Agent[] = [];
  topo.hosts.forEach((_, s) =>
    topo.tors.forEach((_t, t) => {
      const targets = topo.hosts.map((_h, d) => d).filter((d) => tor(d) === t && probes(s, d));
      if (targets.length > 0) {
        agents.push({ s, t, targets });
      }
    })
  );
  const advance = (a: Agent, st: RdmaState, tMs: number) =>
    st.clock.advance(tMs, (slot, at) => {
      for (const d of a.targets) {
        if (at > lastMs(o, a.s, d)) {
          continue;
        }
        const n = (tor(a.s) === tor(d) ? RDMA_RATE.torMesh : RDMA_RATE.interTor) * (PERIOD_MS.rpingmesh / 1000);
        const p = probeLatency('rdma', topo, scenario, a.s, d, at);
        const failed = Math.min(n, Math.floor(n * rdmaFailShare(p) + probeUnit(seed, a.s, d, slot, 5)));
        // The successful probes of the batch, spread ±10 % around the pair's RTT in five groups.
        for (let k = 0; k < 5; k++) {
          const count = Math.floor((n - failed) / 5) + (k < (n - failed) % 5 ? 1 : 0);
          if (count > 0) {
            st.hist.observe(Math.round(p.latencyMs * 1e6 * (0.9 + 0.2 * probeUnit(seed, a.s, d, slot, 20 + k))), count);
          }
        }
        st.total += n;
        st.success += n - failed;
        st.failed += failed;
      }
    });
  const source = (a: Agent, extra: string, read: (st: RdmaState) => number | Histogram | null): Source<RdmaState> => ({
    key: `rp:${a.s}:${a.t}`,
    labels:
      labels([
        ['instance', topo.hosts[a.s].name],
        ['source_tor', topo.tors[tor(a.s)]],
        ['target_tor', topo.tors[a.t]],
      ]) + extra,
    lastMs: Math.max(...a.targets.map((d) => lastMs(o, a.s, d))),
    create: () => ({
      clock: new ProbeClock(o.originMs, PERIOD_MS.rpingmesh, phase(seed, a.s, a.t, PERIOD_MS.rpingmesh)),
      hist: new Histogram(BUCKETS.rpingmesh),
      total: 0,
      success: 0,
      failed: 0,
    }),
    read: (st, t) => {
      advance(a, st, t);
      return read(st);
    },
  });
  return [
    family(
      {
        name: METRICS.rpingmeshRtt,
        type: 'histogram',
        help: 'Network RTT in nanoseconds: (T5-T2)-(T4-T3)',
        le: BUCKETS.rpingmesh.map((b) => String(b)),
      },
      agents.map((a) => source(a, '', (st) => (st.hist.count > 0 ? st.hist : null)))
    ),
    family(
      { name: METRICS.rpingmeshTotal, type: 'counter', help: 'Total number of probes sent' },
      agents.map((a) => source(a, '', (st) => (st.total > 0 ? st.total : null)))
    ),
    family(
      { name: METRICS.rpingmeshSuccess, type: 'counter', help: 'Number of successful probes' },
      agents.map((a) => source(a, '', (st) => (st.total > 0 ? st.success : null)))
    ),
    family(
      { name: METRICS.rpingmeshFailed, type: 'counter', help: 'Number of failed probes' },
      agents.map((a) => source(a, ',reason="timeout"', (st) => (st.failed > 0 ? st.failed : null)))
    ),
  ];
}

/** The families a format writes, in file order. */
