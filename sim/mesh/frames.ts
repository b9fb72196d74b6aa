// A generated mesh as Grafana's Prometheus data source delivers it (shared/docs/DATA.md): table frames or one frame
// per series, several queries by refId, configured the way the README tells a new user to configure the panel.
import { DataFrame, FieldType, toDataFrame } from '@grafana/data';

import { DEFAULT_MODEL_OPTIONS } from '../../src/options/defaults';
import { ModelOptions } from '../../src/options/types';
import { Delivery, Exporter, Pair, agentSample, endpointLabels, pairLabels } from './pairs';
import { Probing } from './probing';
import { MeshTopology } from './topology';

export interface MeshConfig {
  delivery: Delivery;
  exporter: Exporter;
  /** Sparse meshes: an expected-pairs query (true) or *A pair with no series is → Not probed* (false). */
  expectedQuery: boolean;
  /** Table format (one frame per query) or one frame per series. */
  table: boolean;
}

export interface MeshData {
  frames: DataFrame[];
  options: ModelOptions;
}

const T0 = 1_700_000_000_000;

/** Columns of one query: label name → values, and the value column. */
interface Query {
  refId: string;
  labels: Record<string, string[]>;
  values: Array<number | null>;
}

const query = (refId: string, labelNames: string[]): Query => ({
  refId,
  labels: Object.fromEntries(labelNames.map((l) => [l, []])),
  values: [],
});

function push(q: Query, labels: Record<string, string>, value: number | null) {
  for (const [k, col] of Object.entries(q.labels)) {
    col.push(labels[k] ?? '');
  }
  q.values.push(value);
}

/** Grafana's table format: `[Time, <label columns sorted>, Value #<refId>]`. */
function tableOf(q: Query, multi: boolean): DataFrame {
  const names = Object.keys(q.labels).sort();
  return toDataFrame({
    refId: q.refId,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      { name: 'Time', type: FieldType.time, config: {}, values: q.values.map(() => T0) },
      ...names.map((l) => ({ name: l, type: FieldType.string, config: {}, values: q.labels[l] })),
      { name: multi ? `Value #${q.refId}` : 'Value', type: FieldType.number, config: {}, values: q.values },
    ],
  });
}

/** One instant frame per series: `[Time, <number field named after __name__>]`, labels on the number field. */
function seriesOf(q: Query): DataFrame[] {
  const names = Object.keys(q.labels);
  return q.values.map((v, i) => {
    const labels: Record<string, string> = {};
    for (const l of names) {
      if (q.labels[l][i] !== '') {
        labels[l] = q.labels[l][i];
      }
    }
    const { __name__, ...rest } = labels;
    return toDataFrame({
      refId: q.refId,
      meta: { type: 'numeric-multi', typeVersion: [0, 1], custom: { resultType: 'vector' } },
      fields: [
        { name: 'Time', type: FieldType.time, config: {}, values: [T0] },
        { name: __name__ ?? 'Value', type: FieldType.number, labels: rest, config: {}, values: [v] },
      ],
    });
  });
}

/** The frames and the options a README user would set for this mesh. */
export function meshFrames(topo: MeshTopology, probing: Probing, pairs: Pair[], config: MeshConfig): MeshData {
  const { levels, hosts } = topo;
  const { exporter, delivery } = config;
  const sparse = probing.kind === 'pingmesh' || probing.kind === 'kneighbour' || probing.kind === 'passive';
  const [srcL, dstL] = endpointLabels(exporter);
  const topoLabels = delivery === 'labels' ? levels.flatMap((l) => [`src_${l}`, `dst_${l}`]) : [];
  // Aggregated queries (histogram_quantile, rate) lose the metric name; raw gauges keep it as a column.
  const named = exporter !== 'kube-network-monitor';
  const columns = [
    srcL,
    dstL,
    ...topoLabels,
    ...(named ? ['__name__'] : []),
    ...(exporter === 'pingmesh-agent' ? ['tor'] : []),
  ];
  const labelsOf = (p: Pair, metric: string) => ({
    ...pairLabels(topo, exporter, delivery, p.s, p.d),
    __name__: metric,
  });
  const queries: Query[] = [];
  const options: ModelOptions = {
    ...DEFAULT_MODEL_OPTIONS,
    preset: exporter === 'custom' ? 'custom' : 'auto',
    sourceLabel: 'src',
    destinationLabel: 'dst',
  };
  if (exporter === 'pingmesh-agent') {
    const latency = query('A', columns);
    const fail = query('B', columns);
    for (const p of pairs) {
      const sample = agentSample(p);
      if (sample) {
        push(sample.metric === 'pingmesh_fail' ? fail : latency, labelsOf(p, sample.metric), sample.value);
      }
    }
    queries.push(latency, fail);
  } else {
    const seconds = exporter === 'kube-network-monitor';
    const latency = query('A', columns);
    const loss = query('B', columns);
    const fail = query('C', columns);
    for (const p of pairs) {
      if (p.latencyMs !== null) {
        push(latency, labelsOf(p, 'pingmesh_pair_latency_milliseconds'), seconds ? p.latencyMs / 1000 : p.latencyMs);
      }
      push(loss, labelsOf(p, 'pingmesh_pair_loss_ratio'), p.loss);
      if (p.fail) {
        push(fail, labelsOf(p, 'pingmesh_pair_fail'), 1);
      }
    }
    queries.push(latency, loss, fail);
    if (seconds) {
      // Without metric names the README says to pick the loss and failure queries by refId.
      options.lossRefId = 'B';
      options.failRefId = 'C';
    }
  }
  if (sparse && exporter !== 'pingmesh-agent') {
    if (config.expectedQuery) {
      const expected = query('E', [srcL, dstL]);
      const n = hosts.length;
      for (let s = 0; s < n; s++) {
        for (let d = 0; d < n; d++) {
          if (probing.probes(s, d)) {
            push(expected, { [srcL]: hosts[s].name, [dstL]: hosts[d].name }, 1);
          }
        }
      }
      queries.push(expected);
      options.expectedRefId = 'E';
    } else {
      options.missingMeans = 'notProbed';
    }
  }
  if (delivery === 'labels') {
    options.levels = levels.join(',');
  } else if (delivery === 'query') {
    queries.push(topologyQuery(topo));
    options.topologyRefIds = 'T';
    options.levels = levels.map((l) => `${l}=label_${l}`).join(',');
  }
  const multi = queries.length > 1;
  // A query with an empty result still sends one frame with no fields, as Grafana's data source does (a healthy
  // breach-only mesh's latency query during a rack outage answers, with nothing).
  const frames = queries.flatMap((q) =>
    q.values.length === 0
      ? [toDataFrame({ refId: q.refId, fields: [] })]
      : config.table
        ? [tableOf(q, multi)]
        : seriesOf(q)
  );
  return { frames, options };
}

/** kube_node_labels-like: one series per node, its name (and its IP beside it when pairs name hosts by IP). */
function topologyQuery(topo: MeshTopology): Query {
  const { levels, hosts } = topo;
  const ipNamed = hosts[0].name === hosts[0].ip;
  const t = query('T', ['__name__', 'node', ...(ipNamed ? ['internal_ip'] : []), ...levels.map((l) => `label_${l}`)]);
  for (const h of hosts) {
    const labels: Record<string, string> = { __name__: 'kube_node_labels', node: ipNamed ? h.node : h.name };
    if (ipNamed) {
      labels.internal_ip = h.ip;
    }
    levels.forEach((l, i) => (labels[`label_${l}`] = h.path[i]));
    push(t, labels, 1);
  }
  return t;
}
