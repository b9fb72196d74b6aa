// Exposition writers: OpenMetrics for `promtool tsdb create-blocks-from openmetrics`, Prometheus text for a live
// /metrics. Pure (no Node/DOM APIs) and chunked, so a 2000-host mesh streams instead of living in one string.
import { Sample } from './baseline';
import { familyChunks } from './exposition';
import { Scenario, canFail, samplePair } from './scenarios';
import { EXPORTER_UPTIME_MS, SHAPE_FORMATS, ShapeFormat, isShapeFormat, shapeFamilies } from './shapes';
import { Topology } from './topology';

/** Ours (pingmesh-agent, topology, both) and exporter-shaped ones (shapes.ts). */
export const FORMATS = ['pingmesh-agent', 'topology', 'both', ...SHAPE_FORMATS] as const;
export type Format = (typeof FORMATS)[number];

export const METRIC_NAMES = {
  /** pingmesh-agent: RTT in ms, exported only when above the delay threshold. */
  duration: 'pingmesh_duration_milliseconds',
  /** pingmesh-agent: 1 while the probe fails, absent otherwise. */
  fail: 'pingmesh_fail',
  /** topology format: P99-like RTT in seconds for every probed pair. */
  latency: 'pingmesh_pair_latency_seconds',
  /** topology format: drop ratio 0…1 for every probed pair. */
  loss: 'pingmesh_pair_loss_ratio',
  /** topology format: 1 while the pair's probes fail, absent otherwise; only scenarios that can fail have it. */
  pairFail: 'pingmesh_pair_fail',
} as const;

/** Port in the pingmesh-agent `instance` label (`<src ip>:9115`). */
export const AGENT_PORT = 9115;
/** pingmesh-agent's default: durations at or below this are not exported. */
export const DEFAULT_DELAY_MS = 200;

export interface OpenMetricsOptions {
  fromMs: number;
  toMs: number;
  stepMs: number;
  format: Format;
  delayMs?: number;
  /** Exporter-shaped formats: when the exporters started (counters count from here); default EXPORTER_UPTIME_MS before fromMs. */
  originMs?: number;
}

export interface LiveOptions {
  delayMs?: number;
  /** Exporter-shaped formats: the exporters' start, the same as the backfill's so live counters continue it. */
  originMs?: number;
  /** Exporter-shaped formats: the series' state across scrapes (one Map per server); absent = computed from originMs. */
  store?: Map<string, unknown>;
}

/** Filled in while writing; lets callers report sizes without re-reading the output. */
export interface WriteStats {
  series: number;
  samples: number;
  bytes: number;
}

export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

export function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `{a="x",b="y"}` in the given order, values escaped. */
export function formatLabels(labels: Array<[string, string]>): string {
  return '{' + labels.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',') + '}';
}

// Without the braces, so per-host fragments can be precomputed once and concatenated per pair.
function labelList(labels: Array<[string, string]>): string {
  return formatLabels(labels).slice(1, -1);
}

interface Family {
  name: string;
  help: string;
  /** Only set when the name ends with it: the OpenMetrics parser rejects a UNIT that is not the name's suffix. */
  unit?: string;
  labels(src: number, dst: number): string;
  /** null = no sample for this pair at this time (pingmesh-agent's sparsity). */
  value(s: Sample): string | null;
}

// Rounding keeps files small; Math.round(x·k)/k prints as the shortest decimal, without float noise.
function fixed(v: number, k: number): string {
  return String(Math.round(v * k) / k);
}

function agentFamilies(topo: Topology, delayMs: number): Family[] {
  const src = topo.hosts.map((h) => labelList([['instance', `${h.ip}:${AGENT_PORT}`]]));
  const tor = topo.hosts.map((h) => labelList([['tor', h.tor]]));
  const dst = topo.hosts.map((h) => labelList([['target', h.ip]]));
  const labels = (s: number, d: number) => `{${src[s]},${dst[d]},${tor[s]}}`;
  return [
    {
      name: METRIC_NAMES.duration,
      help: `Ping RTT in milliseconds, exported only above the ${delayMs} ms delay threshold.`,
      unit: 'milliseconds',
      labels,
      value: (x) => (x.latencyMs > delayMs ? fixed(x.latencyMs, 1e3) : null),
    },
    {
      name: METRIC_NAMES.fail,
      help: 'Ping failed (1); absent while the target answers.',
      labels,
      value: (x) => (x.fail ? '1' : null),
    },
  ];
}

function topologyFamilies(topo: Topology, withFail: boolean): Family[] {
  const side = (prefix: 'src' | 'dst') =>
    topo.hosts.map((h) => ({
      name: labelList([[prefix, h.name]]),
      place: labelList([
        [`${prefix}_region`, h.region],
        [`${prefix}_dc`, h.dc],
        [`${prefix}_az`, h.az],
        [`${prefix}_tor`, h.tor],
      ]),
    }));
  const src = side('src');
  const dst = side('dst');
  const labels = (s: number, d: number) => `{${src[s].name},${dst[d].name},${src[s].place},${dst[d].place}}`;
  const out: Family[] = [
    {
      name: METRIC_NAMES.latency,
      help: 'Simulated P99 round-trip time between two hosts.',
      unit: 'seconds',
      labels,
      // NaN = no RTT measured (every probe lost): no sample rather than a NaN one.
      value: (x) => (Number.isNaN(x.latencyMs) ? null : fixed(x.latencyMs / 1000, 1e9)),
    },
    {
      name: METRIC_NAMES.loss,
      help: 'Simulated packet drop ratio between two hosts.',
      unit: 'ratio',
      labels,
      value: (x) => fixed(x.loss, 1e9),
    },
  ];
  // Only where a probe can fail, so the files of the other scenarios stay as they were.
  if (withFail) {
    out.push({
      name: METRIC_NAMES.pairFail,
      help: 'Probes between two hosts failed (1); absent while they succeed.',
      labels,
      value: (x) => (x.fail ? '1' : null),
    });
  }
  return out;
}

function familiesFor(
  topo: Topology,
  scenario: Scenario,
  format: Exclude<Format, ShapeFormat>,
  delayMs: number
): Family[] {
  const out: Family[] = [];
  if (format !== 'topology') {
    out.push(...agentFamilies(topo, delayMs));
  }
  if (format !== 'pingmesh-agent') {
    out.push(...topologyFamilies(topo, canFail(scenario.name)));
  }
  return out;
}

function tsSeconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(3);
}

const CHUNK_CHARS = 1 << 18;

interface Plan {
  topo: Topology;
  scenario: Scenario;
  families: Family[];
  times: number[];
  /** OpenMetrics (timestamps, UNIT, # EOF) vs Prometheus text 0.0.4. */
  openMetrics: boolean;
  /** End of the backfill, for Scenario.lastSampleMs; undefined = live. */
  endMs: number | undefined;
}

// All samples of one family together and each series' samples consecutive and ascending: the OpenMetrics grouping
// rules promtool enforces. Pairs outer, time inner. Pairs outside the scenario's mesh have no series; a pair that stops
// (Scenario.lastSampleMs) has its samples up to then.
function* chunks(plan: Plan, stats: WriteStats): Generator<string> {
  const { topo, scenario, families, times, openMetrics, endMs } = plan;
  const probed = scenario.probed;
  const lastSampleMs = scenario.lastSampleMs;
  const n = topo.hosts.length;
  const stamps = times.map((t) => ' ' + tsSeconds(t));
  let buf = '';
  for (const fam of families) {
    buf += `# HELP ${fam.name} ${fam.help}\n# TYPE ${fam.name} gauge\n`;
    if (openMetrics && fam.unit) {
      buf += `# UNIT ${fam.name} ${fam.unit}\n`;
    }
    for (let s = 0; s < n; s++) {
      for (let d = 0; d < n; d++) {
        if (s === d || (probed !== undefined && !probed(s, d))) {
          continue;
        }
        const last = lastSampleMs === undefined ? Infinity : lastSampleMs(s, d, endMs);
        let head: string | null = null;
        for (let i = 0; i < times.length && times[i] <= last; i++) {
          const v = fam.value(samplePair(topo, scenario, s, d, times[i], scenario.seed));
          if (v === null) {
            continue;
          }
          if (head === null) {
            head = fam.name + fam.labels(s, d) + ' ';
            stats.series++;
          }
          buf += openMetrics ? head + v + stamps[i] + '\n' : head + v + '\n';
          stats.samples++;
        }
        if (buf.length >= CHUNK_CHARS) {
          stats.bytes += buf.length;
          yield buf;
          buf = '';
        }
      }
    }
  }
  if (openMetrics) {
    buf += '# EOF\n';
  }
  stats.bytes += buf.length;
  yield buf;
}

export function newStats(): WriteStats {
  return { series: 0, samples: 0, bytes: 0 };
}

/** Sample times fromMs, fromMs+step, … ≤ toMs. */
export function sampleTimes(fromMs: number, toMs: number, stepMs: number): number[] {
  if (!(stepMs > 0) || toMs < fromMs) {
    throw new Error(`bad time range: from ${fromMs} to ${toMs} step ${stepMs}`);
  }
  const out: number[] = [];
  for (let t = fromMs; t <= toMs; t += stepMs) {
    out.push(t);
  }
  return out;
}

/** OpenMetrics backfill as chunks (ASCII, so `bytes` counts characters). Stats are complete once iteration ends. */
export function openMetricsChunks(
  topo: Topology,
  scenario: Scenario,
  opts: OpenMetricsOptions,
  stats: WriteStats = newStats()
): Generator<string> {
  const times = sampleTimes(opts.fromMs, opts.toMs, opts.stepMs);
  if (isShapeFormat(opts.format)) {
    const originMs = opts.originMs ?? opts.fromMs - EXPORTER_UPTIME_MS;
    const families = shapeFamilies({ topo, scenario, format: opts.format, originMs, endMs: opts.toMs });
    return familyChunks(families, { times, openMetrics: true }, stats);
  }
  const families = familiesFor(topo, scenario, opts.format, opts.delayMs ?? DEFAULT_DELAY_MS);
  return chunks({ topo, scenario, families, times, openMetrics: true, endMs: opts.toMs }, stats);
}

export function writeOpenMetrics(
  topo: Topology,
  scenario: Scenario,
  opts: OpenMetricsOptions,
  write: (chunk: string) => void
): WriteStats {
  const stats = newStats();
  for (const c of openMetricsChunks(topo, scenario, opts, stats)) {
    write(c);
  }
  return stats;
}

export function renderOpenMetrics(topo: Topology, scenario: Scenario, opts: OpenMetricsOptions): string {
  const parts: string[] = [];
  writeOpenMetrics(topo, scenario, opts, (c) => parts.push(c));
  return parts.join('');
}

/**
 * Live /metrics body (text/plain; version=0.0.4): no timestamps, no UNIT, no # EOF. There is no "end" live, so pairs
 * that stop before the end of a backfill (sla-mix's dead pair and stale host) are never exported.
 */
export function metricsTextChunks(
  topo: Topology,
  scenario: Scenario,
  nowMs: number,
  format: Format,
  opts: LiveOptions = {},
  stats: WriteStats = newStats()
): Generator<string> {
  if (isShapeFormat(format)) {
    const originMs = opts.originMs ?? nowMs - EXPORTER_UPTIME_MS;
    const families = shapeFamilies({ topo, scenario, format, originMs, endMs: undefined });
    // kubenurse exposes HELP/TYPE only with KUBENURSE_EXPOSE_METADATA=true.
    return familyChunks(
      families,
      { times: [nowMs], openMetrics: false, store: opts.store, noMetadata: format === 'kubenurse' },
      stats
    );
  }
  const families = familiesFor(topo, scenario, format, opts.delayMs ?? DEFAULT_DELAY_MS);
  return chunks({ topo, scenario, families, times: [nowMs], openMetrics: false, endMs: undefined }, stats);
}

export function renderMetricsText(
  topo: Topology,
  scenario: Scenario,
  nowMs: number,
  format: Format,
  opts: LiveOptions = {}
): string {
  return [...metricsTextChunks(topo, scenario, nowMs, format, opts)].join('');
}
