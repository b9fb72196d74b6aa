import { parseDuration, parseListen, parseSimArgs } from './args';

const ALL = ['scenario', 'seed', 'hosts', 'per-tor', 'format', 'step', 'serve', 'write', 'no-live'] as const;

describe('CLI arguments', () => {
  it('parses durations and listen addresses', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('1m')).toBe(60_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('15')).toBe(15_000);
    expect(() => parseDuration('soon')).toThrow(/bad duration/);
    expect(parseListen('9200')).toEqual({ host: '127.0.0.1', port: 9200 });
    expect(parseListen('0.0.0.0:9300')).toEqual({ host: '0.0.0.0', port: 9300 });
  });

  it('applies defaults, --flag=value, and per-level size overrides', () => {
    const a = parseSimArgs(['--scenario=tor-down', '--hosts', '100', '--per-tor', '4', '--no-live'], ALL);
    expect(a).toMatchObject({ scenario: 'tor-down', seed: 1, format: 'both', stepMs: 30_000, live: false });
    expect(a.sizes).toEqual({ regions: 2, dcsPerRegion: 2, azsPerDc: 2, torsPerAz: 2, hostsPerTor: 4 });
    expect(a.onsetMinutes).toBeUndefined();
    expect(parseSimArgs(['--onset', '4'], ['onset']).onsetMinutes).toBe(4);
    expect(() => parseSimArgs(['--onset', 'later'], ['onset'])).toThrow(/onset/);
  });

  it('rejects unknown scenarios, formats and flags not accepted by the CLI', () => {
    expect(() => parseSimArgs(['--scenario', 'meteor'], ALL)).toThrow(/unknown scenario/);
    expect(() => parseSimArgs(['--format', 'json'], ALL)).toThrow(/unknown format/);
    expect(() => parseSimArgs(['--port', '1'], ALL)).toThrow(/unknown argument/);
    expect(() => parseSimArgs(['--seed'], ALL)).toThrow(/needs a value/);
  });
});
