import { DEFAULT_OPTIONS } from '../options/types';
import { DEFAULT_SCOPE_SLAS } from './sla';
import { SlaOptions, slaConfigOf } from './slaOptions';

const base: SlaOptions = {
  slaMode: DEFAULT_OPTIONS.slaMode,
  slaScopes: DEFAULT_OPTIONS.slaScopes,
  lossWarn: DEFAULT_OPTIONS.lossWarn,
  lossBreach: DEFAULT_OPTIONS.lossBreach,
  baselineWarn: DEFAULT_OPTIONS.baselineWarn,
  baselineBreach: DEFAULT_OPTIONS.baselineBreach,
  staleAfter: DEFAULT_OPTIONS.staleAfter,
};
const of = (o: Record<string, unknown>) => slaConfigOf({ ...base, ...o } as SlaOptions);

describe('SLA options from the editor or dashboard JSON', () => {
  it('Stale after -5m is named, not silently ignored', () => {
    // Broke: "-5m" parsed to a negative age and stale detection was off without a word (while "abc" got a notice).
    const r = of({ staleAfter: '-5m' });
    expect(r.config.staleMs).toBe(0);
    expect(r.notices).toEqual(['“Stale after” is not a positive duration such as 2m (-5m); stale detection is off.']);
    expect(of({ staleAfter: 'abc' }).notices).toHaveLength(1);
    expect(of({ staleAfter: '' }).notices).toEqual([]);
    expect(of({ staleAfter: '5m' }).config.staleMs).toBe(300_000);
  });

  it('an SLA table value that is text falls back to the defaults for that scope, and says so', () => {
    // Broke: text in the SLA table gave NaN thresholds, and every pair was OK.
    const r = of({
      slaScopes: {
        ...DEFAULT_SCOPE_SLAS,
        'cross-dc': { latencyWarn: 'ten', latencyBreach: 20, lossWarn: 0, lossBreach: 0 },
      },
    });
    expect(r.config.scopes['cross-dc']).toBeUndefined();
    expect(r.notices).toEqual([
      'SLA for cross-dc: Latency warning `ten` is not a number — using the defaults for cross-dc.',
    ]);
  });

  it.each([
    [{ latencyWarn: -1, latencyBreach: 2, lossWarn: 0, lossBreach: 0 }, 'Latency warning -1 is negative'],
    [{ latencyWarn: null, latencyBreach: 2, lossWarn: 0, lossBreach: 0 }, 'Latency warning `null` is not a number'],
    [{ latencyWarn: 5, latencyBreach: 2, lossWarn: 0, lossBreach: 0 }, 'the latency warning (5) is above the SLA (2)'],
    [{ latencyWarn: 1, latencyBreach: 2, lossWarn: 0, lossBreach: 3 }, 'Loss SLA 3 is above 1 (100 %)'],
  ])('a negative, null, inverted or >100 %% scope %j is named', (sla, problem) => {
    // Broke: negative or null thresholds put every pair over SLA; warn above SLA was accepted.
    const r = of({ slaScopes: { 'same-tor': sla } });
    expect(r.config.scopes['same-tor']).toBeUndefined();
    expect(r.notices).toEqual([`SLA for same-tor: ${problem} — using the defaults for same-tor.`]);
  });

  it('scopes at the built-in defaults are left for a preset to refine; edited ones are kept', () => {
    const edited = { latencyWarn: 3, latencyBreach: 9, lossWarn: 0.001, lossBreach: 0.01 };
    const r = of({ slaScopes: { ...DEFAULT_SCOPE_SLAS, 'same-tor': edited } });
    expect(r.config.scopes).toEqual({ 'same-tor': edited });
    expect(r.notices).toEqual([]);
  });

  it.each([
    [{ lossWarn: 'x' }, 'Loss warning (ratio) `x` is not valid (a ratio from 0 to 1): using 0.0001.'],
    [{ lossBreach: 2 }, 'Loss SLA (ratio) `2` is not valid (a ratio from 0 to 1): using 0.001.'],
    [{ baselineWarn: 0 }, 'Baseline warning ratio `0` is not valid (a number above 0): using 1.5.'],
    [
      { lossWarn: 0.5, lossBreach: 0.1 },
      'Loss warning (ratio) 0.5 is above Loss SLA (ratio) 0.1: using 0.0001 and 0.001.',
    ],
    [{ slaMode: 'strict' }, 'Judge cells by `strict` is not valid (auto, thresholds, scopes, baseline): using auto.'],
    [{ slaScopes: 'all' }, 'SLA per scope `all` is not valid (a table of scopes): using the defaults.'],
  ])('%j is named', (o, text) => {
    expect(of(o).notices).toEqual([text]);
  });
});
