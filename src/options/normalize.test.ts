import { ReducerID } from '@grafana/data';

import { DEFAULT_SCOPE_SLAS } from '../model/sla';
import { optionNoticeText } from '../text/options';
import { DEFAULT_OPTIONS } from './defaults';
import { FLAT_PATHS } from './flat';
import { normalizeOptions } from './normalize';
import { slaConfigOf } from './slaConfig';

/** The footer lines for these stored options. */
const said = (raw: unknown) => normalizeOptions(raw).notices.map(optionNoticeText);
const sla = (o: Record<string, unknown>) => ({ sla: { ...o } });

describe('normalizeOptions', () => {
  it('valid options say nothing and come out as given', () => {
    const raw = { queries: { reducer: ReducerID.max, preset: 'goldpinger' }, grouping: { maxHosts: 0, levels: 'dc' } };
    const { options, notices } = normalizeOptions(raw);
    expect(notices).toEqual([]);
    expect(options.queries).toMatchObject({ reducer: 'max', preset: 'goldpinger', latencyRefId: '' });
    expect(options.grouping).toMatchObject({ maxHosts: 0, levels: 'dc', sortBy: 'name' });
    expect(normalizeOptions(undefined).options).toEqual(DEFAULT_OPTIONS);
  });

  it('a missing section is the defaults object itself (stable identity for memos)', () => {
    expect(normalizeOptions({}).options.sla).toBe(DEFAULT_OPTIONS.sla);
  });

  it('the same section object gives the same normalised object under a new root', () => {
    const grouping = { levels: 'dc,tor' };
    const a = normalizeOptions({ grouping, display: { showSearch: false } }).options;
    const b = normalizeOptions({ grouping, display: { showSearch: true } }).options;
    expect(b.grouping).toBe(a.grouping);
    expect(b.display).not.toBe(a.display);
  });

  it('Max hosts `abc` is named and the default used', () => {
    // Broke: Max hosts "abc" was ignored without a word.
    expect(said({ grouping: { maxHosts: 'abc' } })).toEqual([
      'Max hosts `abc` is not valid (a whole number from 0 to 4,096): using 2,500.',
    ]);
  });

  it.each([
    [{ grouping: { maxHosts: -3 } }, 'Max hosts `-3` is not valid'],
    [{ grouping: { maxHosts: null } }, 'Max hosts `null` is not valid'],
    [{ grouping: { maxHosts: 2.5 } }, 'Max hosts `2.5` is not valid'],
    // Broke: "0x1F" was read as 31.
    [{ grouping: { maxHosts: '0x1F' } }, 'Max hosts `0x1F` is not valid'],
    [{ grouping: { maxHosts: 100000 } }, 'Max hosts 100,000 is above what the panel draws one by one: using 4,096.'],
    [
      { queries: { reducer: 'nope' } },
      'Value per pair `nope` is not valid (a Grafana reducer such as lastNotNull): using `lastNotNull`.',
    ],
    [{ queries: { reducer: 'allValues' } }, 'Value per pair `allValues` is not valid'],
    [{ queries: { inputUnit: 'minutes' } }, 'Input unit `minutes` is not valid (auto, s, ms, us, ns): using `auto`.'],
    [{ queries: { missingMeans: 'maybe' } }, 'A pair with no series is `maybe` is not valid'],
    [{ queries: { preset: 'nope' } }, 'Exporter preset `nope` is not valid (auto, custom or an exporter preset id)'],
    [{ grouping: { levels: 5 } }, 'Group by `5` is not valid (text): using ``.'],
    // Broke: hostOrder, topologyRefIds … set to null, a number or an object crashed the panel (`.split`).
    [{ grouping: { hostOrder: { a: 1 } } }, 'Host order `{"a":1}` is not valid (text): using ``.'],
    [{ grouping: { topologyRefIds: null } }, 'Topology queries `null` is not valid (query refIds)'],
    [{ grouping: { topologyRefIds: ['B', 3] } }, 'Topology queries `["B",3]` is not valid (query refIds)'],
    // Broke: aggregation "bogus" printed "bogus: 0 ms".
    [{ grouping: { aggregation: 'bogus' } }, 'Group cell value `bogus` is not valid (max, mean, p50, p90, p99, share)'],
    [{ display: { showSearch: 'yes' } }, 'Search box `yes` is not valid (true or false): using on.'],
    [{ display: { worstPairs: 'abc' } }, 'Worst pairs list `abc` is not valid (a whole number from 0 to 50): using 0.'],
    // Broke: changedSince 5 crashed the panel (`.trim`).
    [
      { display: { changedSince: 5 } },
      'Highlight changes `5` is not valid (a duration such as 5m, or empty for off): it is off.',
    ],
    // Broke: sourceVariable 42 crashed the cell menu (`.trim`).
    [
      { drill: { sourceVariable: 42 } },
      'Source variable `42` is not valid (a variable name (letters, digits, _)): it is off.',
    ],
    [{ grouping: 'dc,tor' }, 'Grouping `dc,tor` is not valid (a group of options): using the defaults.'],
  ])('%j is named', (raw, text) => {
    expect(said(raw).some((n) => n.startsWith(text))).toBe(true);
  });

  it('reads own properties only: __proto__, constructor and toString are values like any other', () => {
    const raw = JSON.parse('{"queries": {"reducer": "__proto__", "preset": "constructor"}, "__proto__": {"x": 1}}');
    const { options, notices } = normalizeOptions(raw);
    expect(options.queries.reducer).toBe(ReducerID.lastNotNull);
    expect(options.queries.preset).toBe('auto');
    expect(notices).toHaveLength(2);
    expect(normalizeOptions({ queries: { reducer: 'toString' } }).options.queries.reducer).toBe(ReducerID.lastNotNull);
  });

  it('a reducer alias becomes its id; numeric text and "true" from provisioning are read', () => {
    const { options, notices } = normalizeOptions({
      queries: { reducer: 'avg' },
      grouping: { maxHosts: '300' },
      display: { showSearch: 'false' },
    });
    expect(notices).toEqual([]);
    expect(options.queries.reducer).toBe(ReducerID.mean);
    expect(options.grouping.maxHosts).toBe(300);
    expect(options.display.showSearch).toBe(false);
  });

  it('durations and variable names are trimmed', () => {
    const { options } = normalizeOptions({ display: { changedSince: ' 5m ' }, drill: { sourceVariable: ' src ' } });
    expect(options.display.changedSince).toBe('5m');
    expect(options.drill.sourceVariable).toBe('src');
  });

  it('flat options (before the sections) are read into their sections; a nested value wins', () => {
    const { options, notices } = normalizeOptions({ levels: 'dc', slaMode: 'scopes', grouping: { sortBy: 'worst' } });
    expect(notices).toEqual([]);
    expect(options.grouping).toMatchObject({ levels: 'dc', sortBy: 'worst' });
    expect(options.sla.mode).toBe('scopes');
    expect(normalizeOptions({ levels: 'dc', grouping: { levels: 'tor' } }).options.grouping.levels).toBe('tor');
  });
});

describe('SLA options from the editor or dashboard JSON', () => {
  it('Stale after -5m is named, not silently ignored', () => {
    // Broke: "-5m" parsed to a negative age and stale detection was off without a word (while "abc" got a notice).
    expect(said(sla({ staleAfter: '-5m' }))).toEqual([
      'Stale after `-5m` is not valid (a duration such as 5m, or empty for off): it is off.',
    ]);
    expect(slaConfigOf(normalizeOptions(sla({ staleAfter: '-5m' })).options.sla).staleMs).toBe(0);
    expect(said(sla({ staleAfter: 'abc' }))).toHaveLength(1);
    expect(said(sla({ staleAfter: 2 }))).toHaveLength(1);
    expect(said(sla({ staleAfter: '' }))).toEqual([]);
    expect(slaConfigOf(normalizeOptions(sla({ staleAfter: '5m' })).options.sla).staleMs).toBe(300_000);
  });

  it('an SLA table value that is text falls back to the defaults for that scope, and says so', () => {
    // Broke: text in the SLA table gave NaN thresholds, and every pair was OK.
    const raw = sla({
      scopes: {
        ...DEFAULT_SCOPE_SLAS,
        'cross-dc': { latencyWarn: 'ten', latencyBreach: 20, lossWarn: 0, lossBreach: 0 },
      },
    });
    expect(slaConfigOf(normalizeOptions(raw).options.sla).scopes['cross-dc']).toBeUndefined();
    expect(said(raw)).toEqual([
      'SLA for cross-dc: Latency warning `ten` is not a number — using the defaults for cross-dc.',
    ]);
  });

  it.each([
    [{ latencyWarn: -1, latencyBreach: 2, lossWarn: 0, lossBreach: 0 }, 'Latency warning -1 is negative'],
    [{ latencyWarn: null, latencyBreach: 2, lossWarn: 0, lossBreach: 0 }, 'Latency warning `null` is not a number'],
    [{ latencyWarn: 5, latencyBreach: 2, lossWarn: 0, lossBreach: 0 }, 'the latency warning (5) is above the SLA (2)'],
    [{ latencyWarn: 1, latencyBreach: 2, lossWarn: 0, lossBreach: 3 }, 'Loss SLA 3 is above 1 (100 %)'],
  ])('a negative, null, inverted or >100 %% scope %j is named', (scope, problem) => {
    // Broke: negative or null thresholds put every pair over SLA; warn above SLA was accepted.
    const raw = sla({ scopes: { 'same-tor': scope } });
    expect(slaConfigOf(normalizeOptions(raw).options.sla).scopes['same-tor']).toBeUndefined();
    expect(said(raw)).toEqual([`SLA for same-tor: ${problem} — using the defaults for same-tor.`]);
  });

  it('a scope named __proto__ is named and never becomes the table’s prototype', () => {
    const raw = JSON.parse(
      '{"sla": {"scopes": {"__proto__": {"latencyWarn": 1, "latencyBreach": 2, "lossWarn": 0, "lossBreach": 0}}}}'
    );
    const { options } = normalizeOptions(raw);
    expect(Object.getPrototypeOf(options.sla.scopes)).toBe(Object.prototype);
    expect(said(raw)[0]).toMatch(/^SLA for __proto__: not a scope name/);
  });

  it('scopes at the built-in defaults are left for a preset to refine; edited ones are kept', () => {
    const edited = { latencyWarn: 3, latencyBreach: 9, lossWarn: 0.001, lossBreach: 0.01 };
    const raw = sla({ scopes: { ...DEFAULT_SCOPE_SLAS, 'same-tor': edited } });
    expect(slaConfigOf(normalizeOptions(raw).options.sla).scopes).toEqual({ 'same-tor': edited });
    expect(said(raw)).toEqual([]);
  });

  it.each([
    [{ lossWarn: 'x' }, 'Loss warning (ratio) `x` is not valid (a ratio from 0 to 1): using 0.0001.'],
    [{ lossBreach: 2 }, 'Loss SLA (ratio) `2` is not valid (a ratio from 0 to 1): using 0.001.'],
    [{ baselineWarn: 0 }, 'Baseline warning ratio `0` is not valid (a number above 0): using 1.5.'],
    [
      { lossWarn: 0.5, lossBreach: 0.1 },
      'Loss warning (ratio) 0.5 is above Loss SLA (ratio) 0.1: using 0.0001 and 0.001.',
    ],
    [{ mode: 'strict' }, 'Judge cells by `strict` is not valid (auto, thresholds, scopes, baseline): using `auto`.'],
    [{ scopes: 'all' }, 'SLA per scope `all` is not valid (a table of scopes): using the defaults.'],
  ])('%j is named', (o, text) => {
    expect(said(sla(o))).toEqual([text]);
  });
});

describe('topology queries', () => {
  it('are a list of refIds; comma-separated text from older dashboards is read as one', () => {
    const refIds = (v: unknown) =>
      normalizeOptions({ grouping: { topologyRefIds: v } }).options.grouping.topologyRefIds;
    expect(refIds(['B', 'C'])).toEqual(['B', 'C']);
    expect(refIds(' B, C ,,B')).toEqual(['B', 'C']);
    expect(refIds('')).toEqual([]);
  });
});

describe('FLAT_PATHS', () => {
  it('every flat option of plugin 0.1 has its place, and every option came from one', () => {
    expect(Object.keys(FLAT_PATHS)).toHaveLength(37);
    expect(FLAT_PATHS.slaMode).toBe('sla.mode');
    expect(FLAT_PATHS.levels).toBe('grouping.levels');
    expect(new Set(Object.values(FLAT_PATHS)).size).toBe(37);
  });
});
