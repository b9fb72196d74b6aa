import { ReducerID, fieldReducers } from '@grafana/data';

import { MAX_HOSTS } from '../ingest/cardinality';
import { PRESETS } from '../model/presets';
import { DEFAULT_SCOPE_SLAS, ScopeSla } from '../model/sla';
import { DEFAULT_OPTIONS } from './defaults';
import { nestFlatOptions } from './flat';
import { scopeSlaProblem } from './slaConfig';
import {
  DisplayOptions,
  DrillOptions,
  Expected,
  GroupingOptions,
  NormalizedOptions,
  OptionNotice,
  OptionPath,
  PingmeshOptions,
  QueryOptions,
  ScopeProblem,
  Section,
  SlaOptions,
} from './types';
import { Raw, isRecord, own } from './json';
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
  const cached = rootCache.get(root);
  if (cached) {
    return cached;
  }
  const nested = nestFlatOptions(root);
  const notices: OptionNotice[] = [];
  const section = <S extends Section>(name: S): PingmeshOptions[S] => {
    const given = own(nested, name);
    if (given === undefined) {
      return DEFAULT_OPTIONS[name];
    }
    if (!isRecord(given)) {
      notices.push({ kind: 'invalid', path: name, value: given, expected: { kind: 'section' }, fallback: undefined });
      return DEFAULT_OPTIONS[name];
    }
    const cache = sectionCaches[name] as WeakMap<object, Normalized<PingmeshOptions[S]>>;
    let done = cache.get(given);
    if (!done) {
      done = SECTIONS[name](new Reader(name, given)) as Normalized<PingmeshOptions[S]>;
      cache.set(given, done);
    }
    notices.push(...done.notices);
    return done.value;
  };
  const result: NormalizedOptions = {
    options: {
      queries: section('queries'),
      grouping: section('grouping'),
      display: section('display'),
      sla: section('sla'),
      drill: section('drill'),
    },
    notices,
  };
  rootCache.set(root, result);
  return result;
}

type Normalized<T> = { value: T; notices: OptionNotice[] };

const EMPTY: Raw = {};
const rootCache = new WeakMap<object, NormalizedOptions>();
const sectionCaches: Record<Section, WeakMap<object, Normalized<unknown>>> = {
  queries: new WeakMap(),
  grouping: new WeakMap(),
  display: new WeakMap(),
  sla: new WeakMap(),
  drill: new WeakMap(),
};

/** Scope names the classifier can ask for: `all`, or `same-<level>` / `cross-<level>` with a label-like level. */
export const SCOPE_NAME_PATTERN = /^(same|cross)-[A-Za-z0-9_]+$/;
const SCOPE_NAME = /^(all|(same|cross)-[A-Za-z0-9_]+)$/;
const VARIABLE = /^[A-Za-z0-9_]*$/;

const UNITS = ['auto', 's', 'ms', 'us', 'ns'] as const;
const MISSING = ['auto', 'noData', 'notProbed', 'ok'] as const;
const AGGREGATIONS = ['max', 'mean', 'p50', 'p90', 'p99', 'share'] as const;
const SORTS = ['name', 'worst', 'breaches'] as const;
const MODES = ['auto', 'thresholds', 'scopes', 'baseline'] as const;
const PALETTES = ['accessible', 'thresholds'] as const;
/** Reducers that give one number (allValues / uniqueValues give arrays). */
const ARRAY_REDUCERS: string[] = [ReducerID.allValues, ReducerID.uniqueValues];

/** Query refIds: a list (the editor's) or comma-separated text (older dashboards); blanks dropped. */
function refIdList(v: unknown): string[] | undefined {
  const items = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : undefined;
  if (!items || !items.every((i) => typeof i === 'string')) {
    return undefined;
  }
  return [...new Set(items.map((i: string) => i.trim()).filter((i) => i !== ''))];
}

/** Reads one section's own values, checking each against its kind; every rejection becomes a notice. */
class Reader<S extends Section> {
  readonly notices: OptionNotice[] = [];
  private readonly defaults: PingmeshOptions[S];

  constructor(
    private readonly section: S,
    private readonly raw: Raw
  ) {
    this.defaults = DEFAULT_OPTIONS[section];
  }

  path(key: keyof PingmeshOptions[S] & string): OptionPath {
    return `${this.section}.${key}` as OptionPath;
  }

  /** The value, or undefined when absent (Grafana then holds the default). */
  given(key: keyof PingmeshOptions[S] & string): unknown {
    return own(this.raw, key);
  }

  reject<T>(key: keyof PingmeshOptions[S] & string, value: unknown, expected: Expected, fallback: T): T {
    this.notices.push({ kind: 'invalid', path: this.path(key), value, expected, fallback });
    return fallback;
  }

  /** A value accepted by `read`, or the default (silently when absent, with a notice otherwise). */
  check<K extends keyof PingmeshOptions[S] & string>(
    key: K,
    expected: Expected,
    read: (v: unknown) => PingmeshOptions[S][K] | undefined
  ): PingmeshOptions[S][K] {
    const v = this.given(key);
    const fallback = this.defaults[key];
    if (v === undefined) {
      return fallback;
    }
    const ok = read(v);
    return ok === undefined ? this.reject(key, v, expected, fallback) : ok;
  }

  text<K extends keyof PingmeshOptions[S] & string>(key: K): PingmeshOptions[S][K] {
    return this.check(key, { kind: 'text' }, (v) => (typeof v === 'string' ? (v as PingmeshOptions[S][K]) : undefined));
  }

  oneOf<K extends keyof PingmeshOptions[S] & string>(key: K, values: readonly string[]): PingmeshOptions[S][K] {
    return this.check(key, { kind: 'oneOf', values }, (v) =>
      typeof v === 'string' && values.includes(v) ? (v as PingmeshOptions[S][K]) : undefined
    );
  }

  switch<K extends keyof PingmeshOptions[S] & string>(key: K): PingmeshOptions[S][K] {
    return this.check(key, { kind: 'switch' }, (v) => {
      // "true" / "false" as text, as provisioning tools sometimes write them.
      const b = v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined;
      return b as PingmeshOptions[S][K] | undefined;
    });
  }

  wholeNumber<K extends keyof PingmeshOptions[S] & string>(key: K, min: number, max: number): PingmeshOptions[S][K] {
    return this.check(key, { kind: 'wholeNumber', min, max }, (v) => {
      const n = numberOf(v);
      return n !== undefined && Number.isInteger(n) && n >= min && n <= max ? (n as PingmeshOptions[S][K]) : undefined;
    });
  }

  /** '' (off) or a positive Grafana duration, trimmed; a bad one falls back to off. */
  duration<K extends keyof PingmeshOptions[S] & string>(key: K): PingmeshOptions[S][K] {
    const v = this.given(key);
    if (v === undefined) {
      return this.defaults[key];
    }
    const text = typeof v === 'string' ? v.trim() : undefined;
    if (text !== undefined && (text === '' || durationMs(text) !== undefined)) {
      return text as PingmeshOptions[S][K];
    }
    return this.reject(key, v, { kind: 'duration' }, '' as PingmeshOptions[S][K]);
  }

  /** A dashboard variable's name (trimmed); '' = none. */
  variable<K extends keyof PingmeshOptions[S] & string>(key: K): PingmeshOptions[S][K] {
    const v = this.given(key);
    if (v === undefined) {
      return this.defaults[key];
    }
    const text = typeof v === 'string' ? v.trim() : undefined;
    return text !== undefined && VARIABLE.test(text)
      ? (text as PingmeshOptions[S][K])
      : this.reject(key, v, { kind: 'variable' }, '' as PingmeshOptions[S][K]);
  }

  done<T>(value: T): Normalized<T> {
    return { value, notices: this.notices };
  }
}

const SECTIONS: { [S in Section]: (r: Reader<S>) => Normalized<PingmeshOptions[S]> } = {
  queries: (r) =>
    r.done<QueryOptions>({
      preset: r.check('preset', { kind: 'preset' }, (v) =>
        typeof v === 'string' && (v === 'auto' || v === 'custom' || PRESETS.some((p) => p.id === v)) ? v : undefined
      ),
      sourceLabel: r.text('sourceLabel'),
      destinationLabel: r.text('destinationLabel'),
      latencyRefId: r.text('latencyRefId'),
      lossRefId: r.text('lossRefId'),
      failRefId: r.text('failRefId'),
      expectedRefId: r.text('expectedRefId'),
      baselineRefId: r.text('baselineRefId'),
      timestampRefId: r.text('timestampRefId'),
      reducer: r.check('reducer', { kind: 'reducer' }, (v) => {
        const found = typeof v === 'string' ? fieldReducers.getIfExists(v) : undefined;
        return found && !ARRAY_REDUCERS.includes(found.id) ? (found.id as ReducerID) : undefined;
      }),
      inputUnit: r.oneOf('inputUnit', UNITS),
      missingMeans: r.oneOf('missingMeans', MISSING),
    }),
  grouping: (r) => {
    const maxHosts = r.given('maxHosts');
    const n = numberOf(maxHosts);
    const above = n !== undefined && Number.isInteger(n) && n > MAX_HOSTS;
    if (above) {
      r.notices.push({ kind: 'aboveLimit', path: r.path('maxHosts'), value: n, limit: MAX_HOSTS });
    }
    return r.done<GroupingOptions>({
      levels: r.text('levels'),
      startLevel: r.text('startLevel'),
      maxHosts: above ? MAX_HOSTS : r.wholeNumber('maxHosts', 0, MAX_HOSTS),
      hostOrder: r.text('hostOrder'),
      aggregation: r.oneOf('aggregation', AGGREGATIONS),
      sortBy: r.oneOf('sortBy', SORTS),
      topologyRefIds: r.check('topologyRefIds', { kind: 'refIds' }, refIdList),
      topologyHostLabels: r.text('topologyHostLabels'),
    });
  },
  display: (r) =>
    r.done<DisplayOptions>({
      showAxisLabels: r.switch('showAxisLabels'),
      shortNames: r.switch('shortNames'),
      showDiagnosis: r.switch('showDiagnosis'),
      showTimeline: r.switch('showTimeline'),
      changedSince: r.duration('changedSince'),
      showSearch: r.switch('showSearch'),
      worstPairs: r.wholeNumber('worstPairs', 0, 50),
      palette: r.oneOf('palette', PALETTES),
    }),
  sla: (r) => {
    const [lossWarn, lossBreach] = thresholdPair(
      r,
      'lossWarn',
      'lossBreach',
      { kind: 'ratio' },
      (n) => n >= 0 && n <= 1
    );
    const [baselineWarn, baselineBreach] = thresholdPair(
      r,
      'baselineWarn',
      'baselineBreach',
      { kind: 'positive' },
      (n) => n > 0
    );
    return r.done<SlaOptions>({
      mode: r.oneOf('mode', MODES),
      scopes: scopesOf(r),
      lossWarn,
      lossBreach,
      baselineWarn,
      baselineBreach,
      staleAfter: r.duration('staleAfter'),
    });
  },
  drill: (r) =>
    r.done<DrillOptions>({
      sourceVariable: r.variable('sourceVariable'),
      destinationVariable: r.variable('destinationVariable'),
    }),
};

/** A warning / SLA pair of numbers: each checked, and the warning not above the SLA (else both defaults). */
function thresholdPair(
  r: Reader<'sla'>,
  warnKey: 'lossWarn' | 'baselineWarn',
  breachKey: 'lossBreach' | 'baselineBreach',
  expected: Expected,
  ok: (n: number) => boolean
): [number, number] {
  const read = (v: unknown) => {
    const n = numberOf(v);
    return n !== undefined && ok(n) ? n : undefined;
  };
  const warn = r.check(warnKey, expected, read);
  const breach = r.check(breachKey, expected, read);
  if (warn <= breach) {
    return [warn, breach];
  }
  const defaults = DEFAULT_OPTIONS.sla;
  r.notices.push({
    kind: 'warnAboveBreach',
    warn: { path: r.path(warnKey), value: warn, fallback: defaults[warnKey] },
    breach: { path: r.path(breachKey), value: breach, fallback: defaults[breachKey] },
  });
  return [defaults[warnKey], defaults[breachKey]];
}

/** *SLA per scope*: every usable scope; an unusable one is named and left to its defaults. */
function scopesOf(r: Reader<'sla'>): Record<string, ScopeSla> {
  const given = r.given('scopes');
  if (given === undefined) {
    return DEFAULT_SCOPE_SLAS;
  }
  if (!isRecord(given)) {
    return r.reject('scopes', given, { kind: 'scopes' }, DEFAULT_SCOPE_SLAS);
  }
  const scopes: Record<string, ScopeSla> = {};
  for (const [scope, sla] of Object.entries(given)) {
    const problem: ScopeProblem | undefined = SCOPE_NAME.test(scope) ? scopeSlaProblem(sla) : { kind: 'name' };
    if (problem) {
      r.notices.push({ kind: 'scope', path: r.path('scopes'), scope, problem });
    } else {
      const row = sla as ScopeSla;
      scopes[scope] = {
        latencyWarn: row.latencyWarn,
        latencyBreach: row.latencyBreach,
        lossWarn: row.lossWarn,
        lossBreach: row.lossBreach,
      };
    }
  }
  return scopes;
}

/** The normalised options of any stored value (the editor's `showIf` reads them: stored JSON may be anything). */
export function normalized(raw: unknown): PingmeshOptions {
  return normalizeOptions(raw).options;
}
