import { DataFrame } from '@grafana/data';
import { t } from '@grafana/i18n';

import { RAW } from '../util/i18n';
import { hostIdentity } from '../model/hostId';
import { LevelSpec } from '../model/topology';
import { LabelReader, NumberFieldView, labelReader, numberFieldViews, refIdOf } from './series';

/** A host whose series name two groups at one level: the first one seen is kept. */
export interface LevelConflict {
  /** Level index. */
  level: number;
  kept: string;
  other: string;
}

export interface TopologyTable {
  /** Host key (name or IP, port stripped) → level values ('' where the series had none). */
  byKey: Map<string, string[]>;
  /** Host keys whose topology series disagreed (two DCs for one node): the first value is kept. */
  conflicts: Map<string, LevelConflict>;
  /** Other names of a host → its canonical name (the first host label of its record, e.g. node for an IP). */
  alias: Map<string, string>;
  series: number;
}

interface HostRecord {
  name: string;
  values: string[];
  conflict?: LevelConflict;
}

/**
 * Topology from queries that are not pair series (kube_node_labels, kube_node_info, any metric with a host label and
 * topology labels). Series naming the same host under different labels — node name in one, IP in another — merge
 * into one record through any key they share, so Goldpinger's IP destinations meet their node names.
 */
export function topologyFromFrames(
  frames: DataFrame[],
  refIds: string[],
  hostLabels: string[],
  levels: LevelSpec[]
): TopologyTable {
  const byKey = new Map<string, HostRecord>();
  let series = 0;
  const views = frames.filter((f) => refIds.includes(refIdOf(f))).flatMap(numberFieldViews);
  for (const view of views) {
    const keyReaders = hostLabels.map((l) => labelReader(view, [l])).filter((r): r is LabelReader => r !== undefined);
    const levelReaders = levels.map((l) => labelReader(view, [l.label]));
    if (keyReaders.length === 0) {
      continue;
    }
    forEachSeriesRow(view, (row) => {
      const keys = keyReaders
        .map((r) => r.read(row))
        .filter((k): k is string => k !== undefined)
        .map(hostIdentity)
        .filter((k) => k !== '');
      if (keys.length === 0) {
        return;
      }
      series++;
      const record = keys.map((k) => byKey.get(k)).find((r) => r !== undefined) ?? {
        name: keys[0],
        values: levels.map(() => ''),
      };
      levelReaders.forEach((r, i) => {
        const v = r?.read(row);
        if (v !== undefined && record.values[i] === '') {
          record.values[i] = v;
        } else if (v !== undefined && v !== record.values[i]) {
          record.conflict ??= { level: i, kept: record.values[i], other: v };
        }
      });
      for (const k of keys) {
        byKey.set(k, record);
      }
    });
  }
  const out: TopologyTable = { byKey: new Map(), conflicts: new Map(), alias: new Map(), series };
  for (const [key, record] of byKey) {
    out.byKey.set(key, record.values);
    if (record.conflict) {
      out.conflicts.set(key, record.conflict);
    }
    if (key !== record.name) {
      out.alias.set(key, record.name);
    }
  }
  return out;
}

/** Rows that are distinct series: every row of a table frame, the first row of a one-frame-per-series frame. */
function forEachSeriesRow(view: NumberFieldView, fn: (row: number) => void) {
  const n = view.labelColumns.length === 0 ? Math.min(1, view.field.values.length) : view.field.values.length;
  for (let row = 0; row < n; row++) {
    fn(row);
  }
}

/** One value per level: a column's values, a field label's constant value, or none. */
type RawLevel = unknown[] | string | undefined;

/** The level readers of one side of a view; `raw` when every level has one label at most. */
export interface LevelReaders {
  readers: Array<LabelReader | undefined>;
  raw?: RawLevel[];
}

/**
 * Per-host level values read off the pair series themselves: `src_<level>` for the source, `dst_<level>` for the
 * destination; a bare `<level>` label (pingmesh-agent's `tor`) describes the source.
 */
export class PairTopology {
  private values: Array<string[] | undefined> = [];
  /** Hosts whose rows named two groups at one level (a host in two ToRs, or src_tor and dst_tor disagreeing). */
  private conflicts: Array<LevelConflict | undefined> = [];
  constructor(private levels: LevelSpec[]) {}

  readers(view: NumberFieldView): { src: LevelReaders; dst: LevelReaders } {
    const side = (prefix: string, bare: boolean): LevelReaders => {
      const names = this.levels.map((l) => (bare ? [`${prefix}${l.name}`, l.name] : [`${prefix}${l.name}`]));
      const readers = names.map((candidates) => labelReader(view, candidates));
      // No level label on this side of this view: nothing to read, row after row.
      if (readers.every((r) => r === undefined)) {
        return { readers: [] };
      }
      // Where each level has one label at most, the per-row conflict check reads its column directly.
      const raw = names.map((candidates) => {
        const present = candidates.flatMap((c): Array<string | unknown[] | undefined> => {
          const fixed: unknown = view.field.labels?.[c];
          if (fixed !== undefined) {
            return [fixed === null ? undefined : String(fixed)];
          }
          const column = view.labelColumns.find((f) => f.name === c);
          return column ? [column.values] : [];
        });
        return present.length > 1 ? null : present[0];
      });
      return { readers, raw: raw.includes(null) ? undefined : (raw as RawLevel[]) };
    };
    return { src: side('src_', true), dst: side('dst_', false) };
  }

  /**
   * Records a host's levels from the first row that names any of them; a host first met on the side without labels
   * (pingmesh-agent's `tor` is the source's) is tried again. Later rows fill levels still unknown, and a row naming
   * another group at a known level is a conflict: the first stays (a deterministic choice), the footer says so.
   */
  note(host: number, side: LevelReaders, row: number) {
    const { readers } = side;
    if (readers.length === 0) {
      return;
    }
    const known = this.values[host];
    if (known !== undefined) {
      if (this.conflicts[host] === undefined) {
        this.check(host, known, side, row);
      }
      return;
    }
    let any = false;
    const v = readers.map((r) => {
      const x = r?.read(row);
      any ||= x !== undefined;
      return x ?? '';
    });
    if (any) {
      this.values[host] = v;
    }
  }

  /** Every row of a big table passes here: raw column reads where possible, no allocation. */
  private check(host: number, known: string[], side: LevelReaders, row: number) {
    const { readers, raw } = side;
    for (let i = 0; i < readers.length; i++) {
      let x: unknown;
      if (raw) {
        const r = raw[i];
        x = typeof r === 'string' || r === undefined ? r : r[row];
        if (x === known[i] || x == null || x === '') {
          continue;
        }
        x = String(x);
      } else {
        x = readers[i]?.read(row);
      }
      if (x === undefined || x === known[i]) {
        continue;
      }
      if (known[i] === '') {
        known[i] = x as string;
      } else {
        this.conflicts[host] = { level: i, kept: known[i], other: x as string };
        return;
      }
    }
  }

  get(host: number): string[] | undefined {
    return this.values[host];
  }

  conflict(host: number): LevelConflict | undefined {
    return this.conflicts[host];
  }

  /**
   * Hosts merged into one (names ↔ IPs): the first host's levels that were read stand for the merged one; another's
   * that differ are a conflict.
   */
  remap(groupOf: number[]) {
    const next: Array<string[] | undefined> = [];
    const conflicts: Array<LevelConflict | undefined> = [];
    groupOf.forEach((g, h) => {
      const own = this.values[h];
      conflicts[g] ??= this.conflicts[h];
      if (next[g] === undefined) {
        next[g] = own;
      } else if (own !== undefined && conflicts[g] === undefined) {
        const i = own.findIndex((v, l) => v !== '' && next[g]![l] !== '' && v !== next[g]![l]);
        if (i >= 0) {
          conflicts[g] = { level: i, kept: next[g]![i], other: own[i] };
        }
      }
    });
    this.values = next;
    this.conflicts = conflicts;
  }
}

/**
 * Hosts in two groups at one level, from any source — their pair series, their topology series, or the two
 * disagreeing (pair labels win) — counted, with the first as an example, for the footer.
 */
export function topologyConflicts(
  input: { levels: LevelSpec[]; table: TopologyTable; pairs: PairTopology },
  hostNames: string[]
): { hosts: number; example?: { host: string; level: string; kept: string; other: string } } {
  let hosts = 0;
  let example: { host: string; level: string; kept: string; other: string } | undefined;
  hostNames.forEach((name, h) => {
    let c = input.pairs.conflict(h) ?? input.table.conflicts.get(name);
    const own = input.pairs.get(h);
    const joined = input.table.byKey.get(name);
    if (!c && own && joined) {
      const i = own.findIndex((v, l) => v !== '' && joined[l] !== '' && joined[l] !== undefined && v !== joined[l]);
      c = i >= 0 ? { level: i, kept: own[i], other: joined[i] } : undefined;
    }
    if (c) {
      hosts++;
      example ??= { host: name, level: input.levels[c.level]?.name ?? '', kept: c.kept, other: c.other };
    }
  });
  return { hosts, example };
}

/** The footer's line for hosts in two groups of one level; undefined when there is none. */
export function topologyConflictNotice(conflicts: ReturnType<typeof topologyConflicts>): string | undefined {
  const { hosts, example } = conflicts;
  if (hosts === 0 || !example) {
    return undefined;
  }
  return t('model.notice.two-groups', '', {
    count: hosts,
    n: hosts.toLocaleString('en-US'),
    ...example,
    defaultValue_one: '{{host}} is in two {{level}} groups, {{kept}} and {{other}}: it is shown in {{kept}}.',
    defaultValue_other:
      '{{n}} hosts are in two groups of one level (e.g. {{host}} in {{level}} {{kept}} and {{other}}): each is shown in the first seen, pair labels before the topology query.',
    ...RAW,
  });
}
