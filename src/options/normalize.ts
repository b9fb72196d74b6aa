import { ReducerID, fieldReducers } from '@grafana/data';

import { MAX_HOSTS } from '../ingest/cardinality';
import { PRESETS } from '../model/presets';
import { DEFAULT_SCOPE_SLAS, ScopeSla } from '../model/sla';
import { DEFAULT_OPTIONS } from './defaults';
import { nestFlatOptions } from './flat';
import { Raw, isRecord, own } from './json';
import { scopeSlaProblem } from './slaConfig';
import { Expected, NormalizedOptions, OptionNotice, OptionPath, PingmeshOptions, SECTIONS, Section } from './types';
import { durationMs, numberOf } from './values';

/**
 * The one gate between a dashboard's JSON and the panel: any value of any type becomes a valid typed option, or the
 * default plus a notice saying which option, what was wrong and what is used instead. Never throws, never mutates.
 * Only own properties are read (Object.hasOwn), so `__proto__`, `constructor` or `toString` are values like any other.
 *
 * The same input object gives the same result object, and the same section object the same normalised section, so
 * React memos keyed on a section (`[options.sla]`) hold as long as the section does.
 */
export function normalizeOptions(raw: unknown): NormalizedOptions {
  const root = isRecord(raw) ? raw : EMPTY;
  let result = rootCache.get(root);
  if (!result) {
    const nested = nestFlatOptions(root);
    const notices: OptionNotice[] = [];
    const options = {} as Record<Section, unknown>;
    for (const name of SECTIONS) {
      const given = own(nested, name);
      let done: Normalized | undefined = { value: DEFAULT_OPTIONS[name], notices: [] };
      if (isRecord(given)) {
        done = sectionCache.get(given);
        if (!done || done.section !== name) {
          done = readSection(name, given);
          sectionCache.set(given, done);
        }
      } else if (given !== undefined) {
        notices.push({ kind: 'invalid', path: name, value: given, expected: { kind: 'section' }, fallback: undefined });
      }
      options[name] = done.value;
      notices.push(...done.notices);
    }
    result = { options: options as PingmeshOptions, notices };
    rootCache.set(root, result);
  }
  return result;
}

/** The normalised options of any stored value (the editor's `showIf` reads them: stored JSON may be anything). */
export function normalized(raw: unknown): PingmeshOptions {
  return normalizeOptions(raw).options;
}

type Normalized = { section?: Section; value: unknown; notices: OptionNotice[] };

const EMPTY: Raw = {};
const rootCache = new WeakMap<object, NormalizedOptions>();
const sectionCache = new WeakMap<object, Normalized>();

/** Scope names the classifier can ask for: `all`, or `same-<level>` / `cross-<level>` with a label-like level. */
export const SCOPE_NAME_PATTERN = /^(same|cross)-[A-Za-z0-9_]+$/;
const SCOPE_NAME = /^(all|(same|cross)-[A-Za-z0-9_]+)$/;
const VARIABLE = /^[A-Za-z0-9_]*$/;
/** Reducers that give one number (allValues / uniqueValues give arrays). */
const ARRAY_REDUCERS: string[] = [ReducerID.allValues, ReducerID.uniqueValues];

/** How one option is read: its value, or undefined when unusable (with what it should have been). */
interface Rule {
  expected: Expected;
  read: (v: unknown) => unknown;
  /** What is used for an unusable value; the default when absent. */
  fallback?: unknown;
}

const rule = (expected: Expected, read: Rule['read'], fallback?: unknown): Rule => ({ expected, read, fallback });
const text = rule({ kind: 'text' }, (v) => (typeof v === 'string' ? v : undefined));
const oneOf = (...values: string[]) =>
  rule({ kind: 'oneOf', values }, (v) => (typeof v === 'string' && values.includes(v) ? v : undefined));
// "true" / "false" as text, as provisioning tools sometimes write them.
const toggle = rule({ kind: 'switch' }, (v) =>
  v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined
);
const number = (expected: Expected, ok: (n: number) => boolean) =>
  rule(expected, (v) => {
    const n = numberOf(v);
    return n !== undefined && ok(n) ? n : undefined;
  });
const whole = (min: number, max: number) =>
  number({ kind: 'wholeNumber', min, max }, (n) => Number.isInteger(n) && n >= min && n <= max);
const ratio = number({ kind: 'ratio' }, (n) => n >= 0 && n <= 1);
const positive = number({ kind: 'positive' }, (n) => n > 0);
/** Trimmed text that passes `ok`; an unusable one means off (''). */
const trimmed = (expected: Expected, ok: (s: string) => boolean) =>
  rule(
    expected,
    (v) => {
      const s = typeof v === 'string' ? v.trim() : undefined;
      return s !== undefined && ok(s) ? s : undefined;
    },
    ''
  );
/** '' (off) or a positive Grafana duration. */
const duration = trimmed({ kind: 'duration' }, (s) => s === '' || durationMs(s) !== undefined);
/** A dashboard variable's name; '' = none. */
const variable = trimmed({ kind: 'variable' }, (s) => VARIABLE.test(s));
/** Query refIds: a list (the editor's) or comma-separated text (older dashboards); blanks dropped. */
const refIds = rule({ kind: 'refIds' }, (v) => {
  const items = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : undefined;
  return items?.every((i) => typeof i === 'string')
    ? [...new Set(items.map((i: string) => i.trim()).filter((i) => i !== ''))]
    : undefined;
});
const preset = rule({ kind: 'preset' }, (v) =>
  v === 'auto' || v === 'custom' || PRESETS.some((p) => p.id === v) ? v : undefined
);
const reducer = rule({ kind: 'reducer' }, (v) => {
  const found = typeof v === 'string' ? fieldReducers.getIfExists(v) : undefined;
  return found && !ARRAY_REDUCERS.includes(found.id) ? found.id : undefined;
});

/** Every option's rule, by section; the type makes a new option without one a compile error. */
const SCHEMA: { [S in Section]: Record<keyof PingmeshOptions[S], Rule> } = {
  queries: {
    preset,
    sourceLabel: text,
    destinationLabel: text,
    latencyRefId: text,
    lossRefId: text,
    failRefId: text,
    expectedRefId: text,
    baselineRefId: text,
    timestampRefId: text,
    reducer,
    inputUnit: oneOf('auto', 's', 'ms', 'us', 'ns'),
    missingMeans: oneOf('auto', 'noData', 'notProbed', 'ok'),
  },
  grouping: {
    levels: text,
    startLevel: text,
    maxHosts: whole(0, MAX_HOSTS),
    hostOrder: text,
    aggregation: oneOf('max', 'mean', 'p50', 'p90', 'p99', 'share'),
    sortBy: oneOf('name', 'worst', 'breaches'),
    topologyRefIds: refIds,
    topologyHostLabels: text,
  },
  display: {
    showAxisLabels: toggle,
    shortNames: toggle,
    showDiagnosis: toggle,
    showTimeline: toggle,
    changedSince: duration,
    showSearch: toggle,
    worstPairs: whole(0, 50),
    palette: oneOf('accessible', 'thresholds'),
  },
  sla: {
    mode: oneOf('auto', 'thresholds', 'scopes', 'baseline'),
    // Any value here; scopesOf reads it scope by scope.
    scopes: rule({ kind: 'scopes' }, (v) => v),
    lossWarn: ratio,
    lossBreach: ratio,
    baselineWarn: positive,
    baselineBreach: positive,
    staleAfter: duration,
  },
  drill: {
    sourceVariable: variable,
    destinationVariable: variable,
  },
};

/** One section's own values, each by its rule; every rejection becomes a notice. */
function readSection(section: Section, raw: Raw): Normalized {
  const notices: OptionNotice[] = [];
  const defaults = new Map<string, unknown>(Object.entries(DEFAULT_OPTIONS[section]));
  const value: Record<string, unknown> = {};
  const path = (key: string) => `${section}.${key}` as OptionPath;
  for (const [key, r] of Object.entries<Rule>(SCHEMA[section])) {
    const given = own(raw, key);
    const read = given === undefined ? undefined : r.read(given);
    value[key] = read ?? defaults.get(key);
    if (given !== undefined && read === undefined) {
      const fallback = r.fallback !== undefined ? r.fallback : defaults.get(key);
      // Max hosts above what the panel draws host by host: the limit, said as such.
      const n = key === 'maxHosts' ? numberOf(given) : undefined;
      const above = n !== undefined && Number.isInteger(n) && n > MAX_HOSTS;
      value[key] = above ? MAX_HOSTS : fallback;
      notices.push(
        above
          ? { kind: 'aboveLimit', path: path(key), value: n, limit: MAX_HOSTS }
          : { kind: 'invalid', path: path(key), value: given, expected: r.expected, fallback }
      );
    }
  }
  if (section === 'sla') {
    value.scopes = scopesOf(own(raw, 'scopes'), notices);
    for (const [warn, breach] of [
      ['lossWarn', 'lossBreach'],
      ['baselineWarn', 'baselineBreach'],
    ]) {
      // A warning above its SLA: both defaults.
      if ((value[warn] as number) > (value[breach] as number)) {
        notices.push({
          kind: 'warnAboveBreach',
          warn: { path: path(warn), value: value[warn] as number, fallback: defaults.get(warn) as number },
          breach: { path: path(breach), value: value[breach] as number, fallback: defaults.get(breach) as number },
        });
        value[warn] = defaults.get(warn);
        value[breach] = defaults.get(breach);
      }
    }
  }
  return { section, value, notices };
}

/** *SLA per scope*: every usable scope; an unusable one is named and left to its defaults. */
function scopesOf(given: unknown, notices: OptionNotice[]): Record<string, ScopeSla> {
  if (given === undefined) {
    return DEFAULT_SCOPE_SLAS;
  }
  if (!isRecord(given)) {
    notices.push({
      kind: 'invalid',
      path: 'sla.scopes',
      value: given,
      expected: { kind: 'scopes' },
      fallback: undefined,
    });
    return DEFAULT_SCOPE_SLAS;
  }
  const scopes: Record<string, ScopeSla> = {};
  for (const [scope, sla] of Object.entries(given)) {
    const problem = SCOPE_NAME.test(scope) ? scopeSlaProblem(sla) : { kind: 'name' as const };
    if (problem) {
      notices.push({ kind: 'scope', path: 'sla.scopes', scope, problem });
    } else {
      const { latencyWarn, latencyBreach, lossWarn, lossBreach } = sla as ScopeSla;
      scopes[scope] = { latencyWarn, latencyBreach, lossWarn, lossBreach };
    }
  }
  return scopes;
}
