// Writing exporter-shaped families (gauges, counters, histograms whose series carry state over time) as OpenMetrics
// backfill or Prometheus text. Pure: no Node or DOM APIs. The shapes themselves are in shapes.ts.
import { Histogram } from './probe';

/** As openmetrics.ts' WriteStats (same shape): filled in while writing. */
export interface Stats {
  series: number;
  samples: number;
  bytes: number;
}

export type FamilyType = 'gauge' | 'counter' | 'histogram';

/** One series (a histogram: its buckets, count and sum) and how to read its value from a state that evolves. */
export interface Source<S> {
  /** States are shared by key between families on a live scrape (every family at the same time). */
  key: string;
  /** Labels, formatted without braces. */
  labels: string;
  /** Newest time the series exports (a pod gone, sla-mix's dead pair / stale host); Infinity = always. */
  lastMs: number;
  create(): S;
  /** Brings the state to tMs and reads the value; null = no sample (not created yet, e.g. a counter still at 0). */
  read(state: S, tMs: number): number | Histogram | null;
}

export interface ShapeFamily {
  /** Sample name of gauges and counters (`…_total`), base name of histograms. */
  name: string;
  type: FamilyType;
  help: string;
  /** Only when the name ends with it (the OpenMetrics parser rejects other units). */
  unit?: string;
  sources: Array<Source<unknown>>;
  /** Histogram upper bounds as written in `le`. */
  le?: string[];
}

export function family<S>(meta: Omit<ShapeFamily, 'sources'>, sources: Array<Source<S>>): ShapeFamily {
  return { ...meta, sources: sources as Array<Source<unknown>> };
}

// The shortest decimal, rounded to 1e-9 without float noise (as openmetrics.ts writes gauges).
function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e9) / 1e9);
}

function tsSeconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(3);
}

export interface WriteFamiliesOptions {
  times: number[];
  /** OpenMetrics (timestamps, UNIT, counter families without `_total`, `# EOF`) vs Prometheus text 0.0.4. */
  openMetrics: boolean;
  /** Live: one state per source key across scrapes and families. Absent (backfill): a fresh state per series. */
  store?: Map<string, unknown>;
  /** Prometheus text without HELP/TYPE (kubenurse exposes metadata only with KUBENURSE_EXPOSE_METADATA=true). */
  noMetadata?: boolean;
}

const CHUNK_CHARS = 1 << 18;

function header(f: ShapeFamily, openMetrics: boolean): string {
  const name = openMetrics && f.type === 'counter' ? f.name.replace(/_total$/, '') : f.name;
  let out = `# HELP ${name} ${f.help}\n# TYPE ${name} ${f.type}\n`;
  if (openMetrics && f.unit) {
    out += `# UNIT ${name} ${f.unit}\n`;
  }
  return out;
}

/**
 * Families one after another, each series' samples together and ascending (the OpenMetrics grouping promtool
 * enforces); a histogram writes its buckets, count and sum per timestamp (one MetricPoint).
 */
export function* familyChunks(families: ShapeFamily[], o: WriteFamiliesOptions, stats: Stats): Generator<string> {
  const stamps = o.times.map((t) => ' ' + tsSeconds(t));
  let buf = '';
  for (const f of families) {
    if (!(o.noMetadata && !o.openMetrics)) {
      buf += header(f, o.openMetrics);
    }
    for (const src of f.sources) {
      let state = o.store?.get(src.key);
      if (state === undefined) {
        state = src.create();
        o.store?.set(src.key, state);
      }
      let seen = false;
      for (let i = 0; i < o.times.length && o.times[i] <= src.lastMs; i++) {
        const v = src.read(state, o.times[i]);
        if (v === null) {
          continue;
        }
        const ts = o.openMetrics ? stamps[i] : '';
        if (typeof v === 'number') {
          buf += `${f.name}{${src.labels}} ${num(v)}${ts}\n`;
          stats.samples++;
          stats.series += seen ? 0 : 1;
        } else {
          const le = f.le ?? [];
          for (let b = 0; b < le.length; b++) {
            buf += `${f.name}_bucket{${src.labels},le="${le[b]}"} ${v.counts[b]}${ts}\n`;
          }
          buf += `${f.name}_bucket{${src.labels},le="+Inf"} ${v.count}${ts}\n`;
          buf += `${f.name}_count{${src.labels}} ${v.count}${ts}\n`;
          buf += `${f.name}_sum{${src.labels}} ${num(v.sum)}${ts}\n`;
          stats.samples += le.length + 3;
          stats.series += seen ? 0 : le.length + 3;
        }
        seen = true;
      }
      if (buf.length >= CHUNK_CHARS) {
        stats.bytes += buf.length;
        yield buf;
        buf = '';
      }
    }
  }
  if (o.openMetrics) {
    buf += '# EOF\n';
  }
  stats.bytes += buf.length;
  yield buf;
}
