import { hostIdentity } from '../model/hostId';
import { LabelReader, NumberFieldView, labelReader } from './series';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const isAddress = (name: string) => IPV4.test(name) || name.includes(':');

/** Which labels on a pair series name the same host as its source / destination label (preset.sameHost). */
export interface SameHostLabels {
  source: string[];
  destination: string[];
}

/** The merge of hosts that turned out to be one: old id → new id, the new names, and every other name → the kept one. */
export interface HostMerge {
  groupOf: number[];
  names: string[];
  alias: Map<string, string>;
}

/**
 * Names ↔ IPs of one host, learnt from whatever identity labels the pair series carry: Goldpinger's source is a node
 * name (`goldpinger_instance`) scraped at its pod IP (`instance`), its destination a `pod_ip` — so the source's
 * `instance` and the destination's `pod_ip` are the same host. One read per host, not per row.
 */
export class HostJoin {
  private alts: Array<string[] | undefined> = [];
  /** Per name or address, the hosts that claimed it on each side: one scrape address shared by many is no identity. */
  private claims = new Map<string, [Set<number>, Set<number>]>();
  private groups: string[][] = [];

  constructor(private readonly labels: SameHostLabels) {}

  readers(view: NumberFieldView) {
    const of = (names: string[]) =>
      names.map((l) => labelReader(view, [l])).filter((r): r is LabelReader => r !== undefined);
    return { src: of(this.labels.source), dst: of(this.labels.destination) };
  }

  /** Records the other names of a host once: side 0 = it was a source, 1 = a destination. */
  note(host: number, readers: LabelReader[], row: number, side: 0 | 1) {
    if (readers.length === 0 || this.alts[host] !== undefined) {
      return;
    }
    const found: string[] = [];
    for (const r of readers) {
      const v = r.read(row);
      const id = v === undefined ? '' : hostIdentity(v);
      // A name of only spaces names no host.
      if (id !== '') {
        found.push(id);
        let claim = this.claims.get(id);
        if (!claim) {
          claim = [new Set(), new Set()];
          this.claims.set(id, claim);
        }
        claim[side].add(host);
      }
    }
    this.alts[host] = found;
  }

  /** A name two hosts of one side both claim (sources scraped through one Service address) identifies neither. */
  private ambiguous(id: string): boolean {
    const claim = this.claims.get(id);
    return claim !== undefined && (claim[0].size > 1 || claim[1].size > 1);
  }

  /** Names of one host from a series that is no pair (a node-mode gauge carrying node name and scrape address). */
  learn(names: string[]) {
    if (names.length > 1) {
      this.groups.push(names.map(hostIdentity).filter((n) => n !== ''));
    }
  }

  /** The hosts that share a name or address, merged; undefined when every host is already one of a kind. */
  merge(names: string[]): HostMerge | undefined {
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let root = x;
      while (parent.get(root) !== root) {
        root = parent.get(root)!;
      }
      parent.set(x, root);
      return root;
    };
    const add = (x: string) => {
      if (!parent.has(x)) {
        parent.set(x, x);
      }
    };
    const union = (a: string, b: string) => {
      add(a);
      add(b);
      parent.set(find(a), find(b));
    };
    names.forEach((n, h) => {
      add(n);
      for (const a of this.alts[h] ?? []) {
        if (!this.ambiguous(a)) {
          union(a, n);
        }
      }
    });
    for (const group of this.groups) {
      group.forEach((g) => union(g, group[0]));
    }
    // The kept name of each merged host: a name that is not an address (node names over IPs), else the first.
    const kept = new Map<string, string>();
    [...names, ...this.groups.flat()].forEach((n) => {
      const root = find(n);
      const current = kept.get(root);
      if (current === undefined || (isAddress(current) && !isAddress(n))) {
        kept.set(root, n);
      }
    });
    const renamed = names.some((n) => kept.get(find(n)) !== n);
    if (!renamed && new Set(names.map((n) => find(n))).size === names.length) {
      return undefined;
    }
    const ids = new Map<string, number>();
    const merged: string[] = [];
    const groupOf = names.map((n) => {
      const name = kept.get(find(n))!;
      let id = ids.get(name);
      if (id === undefined) {
        id = merged.length;
        ids.set(name, id);
        merged.push(name);
      }
      return id;
    });
    const alias = new Map<string, string>();
    for (const x of parent.keys()) {
      const name = kept.get(find(x));
      if (name !== undefined && name !== x) {
        alias.set(x, name);
      }
    }
    return { groupOf, names: merged, alias };
  }
}

/** The topology alias, then the learnt one: every raw name → the host it is on the axes. */
export function composeAliases(topology: Map<string, string>, learnt: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of topology) {
    out.set(k, learnt.get(v) ?? v);
  }
  for (const [k, v] of learnt) {
    out.set(k, v);
  }
  return out;
}
