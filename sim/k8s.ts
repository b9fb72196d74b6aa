// Kubernetes identities for the exporter shapes: node names (the topology's host names), pod IPs and names, which
// neighbours kubenurse checks, which Goldpinger nodes are active, and kube-state-metrics' topology series.
// Pure: no Node or DOM APIs.
import { hashString } from './rng';
import { Topology } from './topology';

/** kubenurse and Goldpinger serve /metrics on 8080 in their example manifests. */
export const METRICS_PORT = 8080;
/** kubenurse's default KUBENURSE_NEIGHBOUR_LIMIT. */
export const KUBENURSE_NEIGHBOURS = 10;
/** kube-state-metrics' scrape instance (its pod on the first node). */
export const KSM_INSTANCE = `10.128.0.200:${METRICS_PORT}`;

/** Labels of kube_node_labels naming each level (k8s node labels topology.kubernetes.io/… and topology.example.net/…). */
export const NODE_LABELS = {
  region: 'label_topology_kubernetes_io_region',
  zone: 'label_topology_kubernetes_io_zone',
  dc: 'label_topology_example_net_dc',
  tor: 'label_topology_example_net_tor',
} as const;

/** Pod IP of an app's pod on node i: node i owns the pod CIDR 10.(128 + i / 256).(i % 256).0/24. */
export function podIp(i: number, app: 'goldpinger' | 'kubenurse'): string {
  const host = (app === 'goldpinger' ? 2 : 60) + (hashString(`${app}/${i}`) % 50);
  return `10.${128 + (i >> 8)}.${i & 255}.${host}`;
}

export function podCidr(i: number): string {
  return `10.${128 + (i >> 8)}.${i & 255}.0/24`;
}

const POD_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

/** A DaemonSet pod name, `goldpinger-7xk2q`: the app and five stable characters per node. */
export function podName(i: number, app: string): string {
  let h = hashString(`${app}#${i}`);
  let out = '';
  for (let k = 0; k < 5; k++) {
    out += POD_CHARS[h % POD_CHARS.length];
    h = Math.floor(h / POD_CHARS.length) ^ (Math.imul(k + 1, 0x9e3779b1) >>> 0);
    h >>>= 0;
  }
  return `${app}-${out}`;
}

/**
 * kubenurse's neighbour filter: each node hashes every node name and checks the `limit` nodes that follow its own
 * hash on the ring (smallest `hash(n) − hash(self)` mod 2^32). kubenurse uses SHA-256; FNV-1a spreads the names as
 * randomly and keeps this core browser-safe. With ≤ limit other nodes, all of them.
 */
export function kubenurseNeighbours(topo: Topology, limit = KUBENURSE_NEIGHBOURS): number[][] {
  const hashes = topo.hosts.map((h) => hashString(h.name));
  return topo.hosts.map((_, s) =>
    topo.hosts
      .map((_h, d) => d)
      .filter((d) => d !== s)
      .sort((a, b) => ((hashes[a] - hashes[s]) >>> 0) - ((hashes[b] - hashes[s]) >>> 0) || a - b)
      .slice(0, limit)
  );
}

/**
 * Goldpinger's active/passive sharding: a node is active when FNV-1a(node name) % 100 < percentage, or when it is
 * listed in ACTIVE_NODES (`forced`). Passive nodes answer pings but probe nothing: their rows are empty.
 */
export function goldpingerActive(
  topo: Topology,
  percentage: number,
  forced: ReadonlySet<string> = new Set()
): boolean[] {
  return topo.hosts.map((h) => percentage >= 100 || forced.has(h.name) || hashString(h.name) % 100 < percentage);
}

/** Routers between two nodes as Goldpinger's UDP probe estimates them from the TTL. */
export function hopCount(topo: Topology, s: number, d: number): number {
  if (s === d) {
    return 0;
  }
  const a = topo.places[s];
  const b = topo.places[d];
  return a.tor === b.tor ? 1 : a.az === b.az ? 3 : a.dc === b.dc ? 5 : a.region === b.region ? 7 : 9;
}
