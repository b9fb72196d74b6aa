// Command-line parsing shared by cli.ts and prom.ts. Pure (takes argv as an array) so it is unit-testable.
import { FORMATS, Format, DEFAULT_DELAY_MS, isFormat } from './openmetrics';
import { ScenarioName, SCENARIOS, isScenarioName } from './scenarios';
import { TopologySizes, topologySizesForHosts } from './topology';

export interface SimArgs {
  scenario: ScenarioName;
  seed: number;
  sizes: TopologySizes;
  format: Format;
  delayMs: number;
  minutes: number;
  /** The fault starts this many minutes before the end of the backfill (healthy before); absent = from the start. */
  onsetMinutes?: number;
  stepMs: number;
  serve?: { host: string; port: number };
  write?: string;
  /** prom.ts: Prometheus port (0 = pick a free one). */
  port: number;
  /** prom.ts: also serve the simulator live and let Prometheus scrape it, so data stays fresh past the backfill. */
  live: boolean;
  help: boolean;
}

const FLAGS = {
  scenario: 'value',
  seed: 'value',
  hosts: 'value',
  regions: 'value',
  dcs: 'value',
  azs: 'value',
  tors: 'value',
  'per-tor': 'value',
  format: 'value',
  delay: 'value',
  minutes: 'value',
  onset: 'value',
  step: 'value',
  serve: 'value',
  write: 'value',
  port: 'value',
  'no-live': 'switch',
  help: 'switch',
} as const;

export type Flag = keyof typeof FLAGS;

/** The flags that size the topology and pick the scenario, shared by the CLIs. */
export const TOPOLOGY_FLAGS = [
  'scenario',
  'seed',
  'hosts',
  'regions',
  'dcs',
  'azs',
  'tors',
  'per-tor',
] as const satisfies readonly Flag[];

/** `30s`, `1m`, `500ms`, `2h`; a bare number is seconds. */
export function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s.trim());
  if (!m) {
    throw new Error(`bad duration "${s}" (use e.g. 30s, 1m, 500ms)`);
  }
  const mult = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'] ?? 1000;
  const ms = Math.round(Number(m[1]) * mult);
  if (ms <= 0) {
    throw new Error(`duration must be positive: "${s}"`);
  }
  return ms;
}

/** `127.0.0.1:9200` or `9200` (then bound to 127.0.0.1: never expose the simulator by accident). */
export function parseListen(s: string): { host: string; port: number } {
  const i = s.lastIndexOf(':');
  const host = i >= 0 ? s.slice(0, i) : '127.0.0.1';
  const port = Number(i >= 0 ? s.slice(i + 1) : s);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || host === '') {
    throw new Error(`bad listen address "${s}" (use host:port)`);
  }
  return { host, port };
}

function int(name: string, v: string, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`--${name} needs an integer ≥ ${min}, got "${v}"`);
  }
  return n;
}

function num(name: string, v: string, min: number): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) {
    throw new Error(`--${name} needs a number ≥ ${min}, got "${v}"`);
  }
  return n;
}

function isFlag(name: string, allowed: readonly Flag[]): name is Flag {
  return (allowed as readonly string[]).includes(name);
}

/** Raw `--flag value` / `--flag=value` pairs, restricted to the flags a given CLI accepts. */
export function parseFlags(argv: string[], allowed: readonly Flag[]): Partial<Record<Flag, string>> {
  const out: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !isFlag(m[1], allowed)) {
      throw new Error(`unknown argument "${arg}" (see --help)`);
    }
    const name = m[1];
    if (FLAGS[name] === 'switch') {
      out[name] = 'true';
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) {
      throw new Error(`--${name} needs a value`);
    }
    out[name] = value;
  }
  return out;
}

export function parseSimArgs(argv: string[], allowed: readonly Flag[]): SimArgs {
  const f = parseFlags(argv, allowed);
  const scenario = f.scenario ?? 'healthy';
  if (!isScenarioName(scenario)) {
    throw new Error(`unknown scenario "${scenario}"; one of: ${SCENARIOS.join(', ')}`);
  }
  const format = f.format ?? 'both';
  if (!isFormat(format)) {
    throw new Error(`unknown format "${format}"; one of: ${FORMATS.join(', ')}`);
  }
  // Explicit sizes override the shape --hosts would pick, one level at a time.
  const base = topologySizesForHosts(int('hosts', f.hosts ?? '48', 1));
  const sizes: TopologySizes = {
    regions: f.regions ? int('regions', f.regions, 1) : base.regions,
    dcsPerRegion: f.dcs ? int('dcs', f.dcs, 1) : base.dcsPerRegion,
    azsPerDc: f.azs ? int('azs', f.azs, 1) : base.azsPerDc,
    torsPerAz: f.tors ? int('tors', f.tors, 1) : base.torsPerAz,
    hostsPerTor: f['per-tor'] ? int('per-tor', f['per-tor'], 1) : base.hostsPerTor,
  };
  return {
    scenario,
    seed: int('seed', f.seed ?? '1', 0),
    sizes,
    format,
    delayMs: f.delay ? num('delay', f.delay, 0) : DEFAULT_DELAY_MS,
    minutes: f.minutes ? num('minutes', f.minutes, 0) : 30,
    ...(f.onset !== undefined && { onsetMinutes: num('onset', f.onset, 0) }),
    stepMs: parseDuration(f.step ?? '30s'),
    serve: f.serve ? parseListen(f.serve) : undefined,
    write: f.write,
    port: f.port ? int('port', f.port, 0) : 0,
    live: f['no-live'] === undefined,
    help: f.help !== undefined,
  };
}
