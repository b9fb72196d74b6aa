import { DEFAULT_SCOPE_SLAS, ScopeSla, SlaConfig } from '../model/sla';
import { ScopeProblem, SlaOptions } from './types';
import { isRecord, own } from './json';
import { durationMs } from './values';

const SLA_FIELDS: Array<keyof ScopeSla> = ['latencyWarn', 'latencyBreach', 'lossWarn', 'lossBreach'];

/**
 * What is wrong with one scope's SLA, or undefined when it is usable: four numbers, none negative, loss at most 1
 * (100 %), warning not above the SLA.
 */
export function scopeSlaProblem(sla: unknown): ScopeProblem | undefined {
  if (!isRecord(sla)) {
    return { kind: 'notTable' };
  }
  const n = {} as ScopeSla;
  for (const field of SLA_FIELDS) {
    const v = own(sla, field);
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return { kind: 'notNumber', field, value: v };
    }
    if (v < 0) {
      return { kind: 'negative', field, value: v };
    }
    if ((field === 'lossWarn' || field === 'lossBreach') && v > 1) {
      return { kind: 'lossAbove1', field, value: v };
    }
    n[field] = v;
  }
  if (n.latencyWarn > n.latencyBreach) {
    return { kind: 'warnAbove', which: 'latency', warn: n.latencyWarn, breach: n.latencyBreach };
  }
  if (n.lossWarn > n.lossBreach) {
    return { kind: 'warnAbove', which: 'loss', warn: n.lossWarn, breach: n.lossBreach };
  }
  return undefined;
}

const sameSla = (a: ScopeSla, b: ScopeSla | undefined) => b !== undefined && SLA_FIELDS.every((f) => a[f] === b[f]);

/**
 * The SLA options as the classifier takes them. Scopes still at the built-in defaults are left out, so an exporter
 * preset's own defaults can apply (see model/sla slaFor).
 */
export function slaConfigOf(sla: SlaOptions): SlaConfig {
  const scopes: Record<string, ScopeSla> = {};
  for (const [scope, s] of Object.entries(sla.scopes)) {
    if (!sameSla(s, Object.hasOwn(DEFAULT_SCOPE_SLAS, scope) ? DEFAULT_SCOPE_SLAS[scope] : undefined)) {
      scopes[scope] = s;
    }
  }
  const { mode, lossWarn, lossBreach, baselineWarn, baselineBreach } = sla;
  const staleMs = sla.staleAfter === '' ? 0 : (durationMs(sla.staleAfter) ?? 0);
  return { mode, scopes, lossWarn, lossBreach, baselineWarn, baselineBreach, staleMs };
}
