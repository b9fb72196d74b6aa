import { FieldType } from '@grafana/data';

import { Status, StatusCode } from '../../model/sla';
import { MatrixModel } from '../../model/types';
import { diagnose } from './diagnose';
import { Candidate, Diagnosis } from './types';

/** Hand-built matrices for the diagnosis tests: hosts with their groups, and a status per pair. Test-only. */
export interface Host {
  name: string;
  path: string[];
}

/** regions × DCs per region × ToRs per DC × hosts per ToR, named r1 / r1-dc1 / r1-dc1-t1 / h01… */
export function hostsOf(regions: number, dcs: number, tors: number, per: number): Host[] {
  const out: Host[] = [];
  for (let r = 1; r <= regions; r++) {
    for (let d = 1; d <= dcs; d++) {
      for (let t = 1; t <= tors; t++) {
        for (let h = 1; h <= per; h++) {
          const region = `r${r}`;
          const dc = `${region}-dc${d}`;
          out.push({ name: `h${String(out.length + 1).padStart(2, '0')}`, path: [region, dc, `${dc}-t${t}`] });
        }
      }
    }
  }
  return out;
}

export const LEVELS = ['region', 'dc', 'tor'];

export function modelOf(hosts: Host[], levels = LEVELS, cols?: Host[]): MatrixModel {
  const rows = hosts.map((h) => h.name);
  const rowPaths = hosts.map((h) => h.path);
  const n = rows.length * (cols ?? hosts).length;
  return {
    rows,
    cols: cols ? cols.map((h) => h.name) : rows,
    levels,
    rowPaths,
    colPaths: cols ? cols.map((h) => h.path) : rowPaths,
    values: new Float64Array(n),
    presence: new Uint8Array(n).fill(Status.NoData),
    failed: 0,
    field: { name: 'latency', type: FieldType.number, config: { unit: 'ms' }, values: [] },
    notices: [],
    pairs: n,
    duplicates: 0,
    invalid: 0,
    mapping: { source: ['src'], destination: ['dst'], detected: false },
    source: { refId: 'A', factor: 1, hostOf: (h) => h },
  };
}

/** A pair's status: a status code, true = over SLA, false / undefined = OK. */
export type Rule = (s: Host, d: Host) => StatusCode | boolean | undefined;

/** Status per cell: Self on the diagonal, else the rule's status. */
export function statusOf(model: MatrixModel, hosts: Host[], rule: Rule, cols = hosts): Uint8Array {
  const status = new Uint8Array(model.rows.length * model.cols.length);
  hosts.forEach((s, r) =>
    cols.forEach((d, c) => {
      const v = s.name === d.name ? Status.Self : rule(s, d);
      status[r * cols.length + c] = v === true ? Status.Breach : v === false || v === undefined ? Status.OK : v;
    })
  );
  return status;
}

/** The bad cells (over SLA or failed) the filter keeps, as model indices. */
export function badCells(model: MatrixModel, status: Uint8Array, keep: (r: number, c: number) => boolean): number[] {
  const out: number[] = [];
  status.forEach((st, i) => {
    const r = Math.floor(i / model.cols.length);
    if ((st === Status.Breach || st === Status.Failed) && keep(r, i % model.cols.length)) {
      out.push(i);
    }
  });
  return out;
}

/** A deterministic coin with probability p (an LCG, so tests need no random library). */
export function coin(seed: number, p: number): () => boolean {
  let s = seed >>> 0;
  return () => ((s = (s * 1103515245 + 12345) >>> 0) & 0xffff) < 0xffff * p;
}

/** The matrix of these hosts under the rule, and its diagnosis. */
export function run(
  hosts: Host[],
  rule: Rule,
  options: { minBad?: number; warningWeight?: number; levels?: string[] } = {}
) {
  const model = modelOf(hosts, options.levels ?? LEVELS);
  const status = statusOf(model, hosts, rule);
  return { model, status, d: diagnose({ model, status, ...options }) };
}

/** The best candidate (and that there is one). */
export function top(d: Diagnosis): Candidate {
  if (d.candidates.length === 0) {
    throw new Error('no candidate');
  }
  return d.candidates[0];
}

/** kind/role: names, for a compact view of a ranking. */
export const brief = (c: Candidate) =>
  `${c.kind}${c.role ? `/${c.role}` : ''}:${(c.hosts ?? c.subject?.path.slice(-1) ?? []).join(',')}`;

/** The same hosts without topology. */
export const flat = (hosts: Host[]) => hosts.map((h) => ({ name: h.name, path: [] }));
