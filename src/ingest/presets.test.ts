import { DataFrame, createTheme } from '@grafana/data';

import { findPairSeries } from '../drill/pair';
import { PRESETS } from '../model/presets';
import { DEFAULT_SLA_CONFIG, MEASURED, Status } from '../model/sla';
import { seriesFrames, tableFrame } from '../model/testFrames';
import { MatrixModel } from '../model/types';
import { classifyModel } from '../view/view';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { ModelOptions } from '../options/types';
import { buildMatrix } from '.';

const theme = createTheme();
const build = (frames: DataFrame[], o: Partial<ModelOptions> = {}): MatrixModel => {
  const r = buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, ...o }, theme });
  if (!r.model) {
    throw new Error(r.warning);
  }
  return r.model;
};
const at = (m: MatrixModel, s: string, d: string) => {
  const r = m.rows.indexOf(s);
  const c = m.cols.indexOf(d);
  if (r < 0 || c < 0) {
    throw new Error(`${s} → ${d} not on the axes (${m.rows} × ${m.cols})`);
  }
  return r * m.cols.length + c;
};
const nameOf = (id: string) => PRESETS.find((p) => p.id === id)!.name;

describe('kubenurse', () => {
  /** histogram_quantile(0.99, sum by (le, node, type) (rate(kubenurse_httpclient_request_duration_seconds_bucket[5m]))) */
  const frame = () =>
    tableFrame([
      { labels: { node: 'n1', type: 'path_n2' }, values: [0.004] },
      { labels: { node: 'n2', type: 'path_n3' }, values: [0.009] },
      { labels: { node: 'n3', type: 'path_n1' }, values: [0.03] },
      { labels: { node: 'n1', type: 'api_server_direct' }, values: [0.002] },
      { labels: { node: 'n2', type: 'me_ingress' }, values: [0.002] },
    ]);

  it('reads the destination from type="path_<node>" with no label_replace, and a missing pair is not probed', () => {
    const m = build([frame()]);
    expect(m.mapping).toMatchObject({ presetName: nameOf('kubenurse'), detected: true, destinationPrefix: 'path_' });
    expect(m.rows).toEqual(['n1', 'n2', 'n3']);
    expect(m.cols).toBe(m.rows);
    expect(m.values[at(m, 'n1', 'n2')]).toBeCloseTo(4);
    // Each node checks a few neighbours: the pairs it does not check are not probed, not "no data".
    expect(m.presence[at(m, 'n1', 'n3')]).toBe(Status.NotProbed);
    expect(m.presence[at(m, 'n2', 'n2')]).toBe(Status.Self);
    expect(m.notices).toContain('2 series are no pair checks (type is not path_<host>) and were left out.');
    expect(m.units!.from).toEqual([{ unit: 's', source: 'preset', series: 3 }]);
    // The pair view finds the pair's own series by the raw label (path_n2), for the drill-down query too.
    const pair = findPairSeries([frame()], m, { source: 'n1', destination: 'n2' });
    expect(pair.series.map((s) => s.values)).toEqual([[4]]);
    expect(pair.match.forward).toEqual({ source: 'n1', destination: 'path_n2' });
  });

  it('without a source label, says how to add one', () => {
    const r = buildMatrix({
      frames: [tableFrame([{ labels: { instance: '10.1.0.5:8080', type: 'path_n2' }, values: [0.004] }])],
      options: DEFAULT_MODEL_OPTIONS,
      theme,
    });
    expect(r.warning).toBe(
      'kubenurse series, but none has a source label (`node` or `nodename` or `node_name` or `kubernetes_pod_node_name` or `kubernetes_node`): add the pod’s node name at scrape time (relabel __meta_kubernetes_pod_node_name to node), or name your label under Source label. Labels seen: `instance`, `type`.'
    );
  });

  it('takes the source from the configured scrape label', () => {
    const m = build(
      [tableFrame([{ labels: { k8s_node: 'n1', type: 'path_n2', __name__: 'kubenurse_x_seconds' }, values: [0.004] }])],
      { preset: 'kubenurse', sourceLabel: 'k8s_node' }
    );
    expect([m.rows, m.cols]).toEqual([['n1'], ['n2']]);
    expect(m.values[at(m, 'n1', 'n2')]).toBeCloseTo(4);
  });

  it('a healthy mesh is healthy with the preset SLAs (HTTP latency is milliseconds)', () => {
    const m = build([frame()], { levels: 'tor' });
    const classified = classifyModel(m, DEFAULT_SLA_CONFIG);
    expect(classified.status[at(m, 'n1', 'n2')]).toBe(Status.OK);
    expect(classified.status[at(m, 'n2', 'n3')]).toBe(Status.OK);
    expect(classified.status[at(m, 'n3', 'n1')]).toBe(Status.Breach);
  });
});

describe('R-Pingmesh', () => {
  it('reads ToR × ToR RTT in ns, with dotted or underscored names', () => {
    // OTLP names keep their dots on UTF-8 backends (rpingmesh.network_rtt_ns); Prometheus' default escapes them.
    for (const name of ['rpingmesh_network_rtt_ns', 'rpingmesh.network_rtt_ns']) {
      const frames = seriesFrames([
        { labels: { __name__: name, source_tor: 'tor-1.r1', target_tor: 'tor-2.r1' }, values: [8_000] },
        { labels: { __name__: name, source_tor: 'tor-2.r1', target_tor: 'tor-1.r1' }, values: [2_000_000] },
        { labels: { __name__: name, source_tor: 'tor-1.r1', target_tor: 'tor-1.r1' }, values: [3_000] },
      ]);
      const m = build(frames);
      expect(m.mapping.presetName).toBe(nameOf('rpingmesh'));
      expect(m.values[at(m, 'tor-1.r1', 'tor-2.r1')]).toBeCloseTo(0.008);
      // Intra-ToR probes are real pairs, not "self".
      expect(m.presence[at(m, 'tor-1.r1', 'tor-1.r1')]).toBe(MEASURED);
      // Its default thresholds are RDMA's (1 ms / 5 ms ungrouped), not the 10 / 100 ms field default.
      const status = classifyModel(m, DEFAULT_SLA_CONFIG).status;
      expect(status[at(m, 'tor-1.r1', 'tor-2.r1')]).toBe(Status.OK);
      expect(status[at(m, 'tor-2.r1', 'tor-1.r1')]).toBe(Status.Warning);
    }
  });

  /** The provisioned dashboard's two queries at a healthy 2-DC fabric's values (as the browser test reads them). */
  const fabric = (loss: Record<string, number> = {}) => {
    const tors = ['dc1-tor1', 'dc1-tor2', 'dc2-tor1', 'dc2-tor2'];
    const dc = (t: string) => t.slice(0, 3);
    const pairs = tors.flatMap((s) => tors.map((d) => ({ s, d })));
    // p99 through the ns buckets: 4.96 µs inside a ToR, 9.95 µs across ToRs of a DC, 0.5–1 ms across DCs (metro).
    const rtt = ({ s, d }: { s: string; d: string }) => (s === d ? 4_960 : dc(s) === dc(d) ? 9_950 : 995_000);
    return [
      tableFrame(pairs.map((p) => ({ labels: { source_tor: p.s, target_tor: p.d }, values: [rtt(p)] }))),
      tableFrame(
        pairs.map((p) => ({ labels: { source_tor: p.s, target_tor: p.d }, values: [loss[`${p.s}>${p.d}`] ?? 0] })),
        'B'
      ),
    ];
  };

  it('a healthy RDMA fabric across two DCs is healthy without Group by: metro-link RTTs and one lost probe are OK', () => {
    // Broke: ungrouped, every ToR pair was judged by the same-ToR SLA (warning at 100 µs) and the built-in loss
    // warning (1e-4): the provisioned dashboard showed a healthy simulated fabric's cross-DC pairs, and a pair that
    // lost one probe of its 1,200 in 5 minutes (8.3e-4), as warnings.
    const m = build(fabric({ 'dc1-tor2>dc1-tor1': 1 / 1200 }), { preset: 'rpingmesh', lossRefId: 'B' });
    const classified = classifyModel(m, DEFAULT_SLA_CONFIG);
    expect(classified.mode).toBe('thresholds');
    expect(classified.counts[Status.OK]).toBe(16);
    expect(classified.slas[0]).toEqual({ latencyWarn: 1, latencyBreach: 5, lossWarn: 1e-3, lossBreach: 1e-2 });
    // Two lost probes warn, a ToR down (half its probes lost) is over SLA.
    const lossy = build(fabric({ 'dc1-tor2>dc1-tor1': 2 / 1200, 'dc2-tor1>dc1-tor1': 0.5 }), {
      preset: 'rpingmesh',
      lossRefId: 'B',
    });
    const status = classifyModel(lossy, DEFAULT_SLA_CONFIG).status;
    expect(status[at(lossy, 'dc1-tor2', 'dc1-tor1')]).toBe(Status.Warning);
    expect(status[at(lossy, 'dc2-tor1', 'dc1-tor1')]).toBe(Status.Breach);
    // Loss thresholds the user set are the user's.
    const own = classifyModel(m, { ...DEFAULT_SLA_CONFIG, lossWarn: 1e-4, lossBreach: 5e-4 });
    expect(own.status[at(m, 'dc1-tor2', 'dc1-tor1')]).toBe(Status.Breach);
  });

  it('nameless histogram_quantile series are ns by the preset', () => {
    const m = build([tableFrame([{ labels: { source_tor: 'a', target_tor: 'b' }, values: [50_000] }])], {
      preset: 'rpingmesh',
    });
    expect(m.values[at(m, 'a', 'b')]).toBeCloseTo(0.05);
    expect(m.units!.guessed).toBe(0);
  });

  it('a probe-failure counter read raw is a failure state per pair', () => {
    const frames = [
      ...seriesFrames([
        { labels: { __name__: 'rpingmesh_network_rtt_ns', source_tor: 'a', target_tor: 'b' }, values: [5_000] },
        { labels: { __name__: 'rpingmesh_network_rtt_ns', source_tor: 'b', target_tor: 'a' }, values: [5_000] },
      ]),
      ...seriesFrames(
        [{ labels: { __name__: 'rpingmesh_probe_failed_total', source_tor: 'b', target_tor: 'a' }, values: [3] }],
        'B'
      ),
    ];
    const m = build(frames);
    expect(m.presence[at(m, 'b', 'a')]).toBe(Status.Failed);
  });
});

describe('Goldpinger', () => {
  /** Node names on the source, pod IPs (and node IPs) on the destination; each pod scraped at its pod IP. */
  const nodes = [
    { name: 'node-a', pod: '10.244.0.5', host: '192.168.1.1' },
    { name: 'node-b', pod: '10.244.1.5', host: '192.168.1.2' },
    { name: 'node-c', pod: '10.244.2.5', host: '192.168.1.3' },
  ];
  const pairs = (metric: string | undefined, value: (i: number, j: number) => number) =>
    nodes.flatMap((s, i) =>
      nodes
        .filter((d) => d !== s)
        .map((d, j) => ({
          labels: {
            ...(metric ? { __name__: metric } : {}),
            goldpinger_instance: s.name,
            instance: `${s.pod}:8080`,
            host_ip: d.host,
            pod_ip: d.pod,
          },
          values: [value(i, j)],
        }))
    );

  it('without a topology query, names and IPs are joined through the series: self pairs are Self', () => {
    // Broke: sources were node names, destinations IPs — two disjoint axes, and a node's own IP column "No data".
    const m = build([tableFrame(pairs(undefined, () => 0.004))], { preset: 'goldpinger' });
    expect(m.rows).toEqual(['node-a', 'node-b', 'node-c']);
    expect(m.cols).toBe(m.rows);
    expect(m.presence[at(m, 'node-b', 'node-b')]).toBe(Status.Self);
    expect(m.values[at(m, 'node-a', 'node-c')]).toBeCloseTo(4);
    // The pair view finds the series by the raw IP labels.
    const pair = findPairSeries([tableFrame(pairs(undefined, () => 0.004))], m, {
      source: 'node-a',
      destination: 'node-c',
    });
    expect(pair.series.map((s) => s.direction)).toEqual(['forward', 'reverse']);
    expect(m.source.hostOf('10.244.2.5')).toBe('node-c');
    expect(m.source.hostOf('192.168.1.3')).toBe('node-c');
  });

  it('a scrape address many sources share (one Service endpoint) joins nothing', () => {
    // Every source scraped through one address: joining through it would fold the whole mesh into one host.
    const shared = pairs(undefined, () => 0.004).map((p) => ({
      ...p,
      labels: { ...p.labels, instance: '10.96.0.10:8080' },
    }));
    const m = build([tableFrame(shared)], { preset: 'goldpinger' });
    expect(m.rows.length + m.cols.length).toBeGreaterThan(3);
    expect(m.rows).toContain('node-a');
    // Destinations still join their pod IP and node IP: one column per node.
    expect(m.cols).toHaveLength(3);
  });

  it('UDP: goldpinger_peers_loss_pct is the loss query, percent → ratio; passive nodes are not probing, not no data', () => {
    const latency = tableFrame(
      pairs(undefined, () => 0.0003).filter((p) => p.labels.goldpinger_instance !== 'node-c'),
      'A',
      true
    );
    const loss = seriesFrames(
      pairs('goldpinger_peers_loss_pct', (i) => (i === 0 ? 20 : 0)).filter(
        (p) => p.labels.goldpinger_instance !== 'node-c'
      ),
      'B'
    );
    const mode = seriesFrames(
      nodes.map((n, i) => ({
        labels: { __name__: 'goldpinger_node_mode', goldpinger_instance: n.name, instance: `${n.pod}:8080` },
        values: [i === 2 ? 0 : 1],
      })),
      'C'
    );
    const m = build([latency, ...loss, ...mode], { preset: 'goldpinger-udp' });
    expect(m.source.lossRefId).toBe('B');
    expect(m.loss![at(m, 'node-a', 'node-b')]).toBeCloseTo(0.2);
    expect(m.values[at(m, 'node-a', 'node-b')]).toBeCloseTo(0.3);
    // node-c is passive: its row is not probed; the active nodes still probe it.
    expect(m.presence[at(m, 'node-c', 'node-a')]).toBe(Status.NotProbed);
    expect(m.presence[at(m, 'node-a', 'node-c')]).toBe(MEASURED);
    expect(m.notices).toContain('1 node is passive (node mode 0): it probes nothing, so its row is not probed.');
    const status = classifyModel(m, DEFAULT_SLA_CONFIG).status;
    expect(status[at(m, 'node-a', 'node-b')]).toBe(Status.Breach);
    expect(status[at(m, 'node-b', 'node-a')]).toBe(Status.OK);
  });

  // Broke: the UDP loss gauge is the newest round of 10 packets, so one lost packet (10 %) painted a healthy pair
  // over SLA under the default 0.1 % loss threshold.
  it('UDP: one lost packet of a round warns, two are over SLA (the gauge counts a handful of packets)', () => {
    const latency = tableFrame(
      pairs(undefined, () => 0.0003),
      'A',
      true
    );
    const loss = seriesFrames(
      pairs('goldpinger_peers_loss_pct', (i) => [10, 20][i] ?? 0),
      'B'
    );
    const m = build([latency, ...loss], { preset: 'goldpinger-udp' });
    const status = classifyModel(m, DEFAULT_SLA_CONFIG).status;
    const byLoss = (ratio: number) => [...status].filter((_, i) => Math.abs((m.loss![i] ?? -1) - ratio) < 1e-9);
    expect(byLoss(0.1).length).toBeGreaterThan(0);
    expect(byLoss(0.1).every((st) => st === Status.Warning)).toBe(true);
    expect(byLoss(0.2).length).toBeGreaterThan(0);
    expect(byLoss(0.2).every((st) => st === Status.Breach)).toBe(true);
    expect(byLoss(0).every((st) => st === Status.OK)).toBe(true);
  });

  it('auto-detects the UDP preset from its raw loss metric', () => {
    const m = build([
      tableFrame(
        pairs(undefined, () => 0.0003),
        'A',
        true
      ),
      ...seriesFrames(
        pairs('goldpinger_peers_loss_pct', () => 0),
        'B'
      ),
    ]);
    expect(m.mapping.presetName).toBe(nameOf('goldpinger-udp'));
  });
});
