// Node-only: OpenMetrics backfill files for promtool.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { DEFAULT_DELAY_MS, Format, OpenMetricsOptions, WriteStats, newStats, openMetricsChunks } from './openmetrics';
import { Scenario, ScenarioInfo, ScenarioName, checkBackfillMinutes, makeScenario, scenarioInfo } from './scenarios';
import { EXPORTER_UPTIME_MS } from './shapes';
import { Topology, TopologySizes, buildTopology, topologySizesForHosts } from './topology';

/** Streams the backfill to disk chunk by chunk: a 300-host topology file is ~2 GB and must never be one string. */
export function writeOpenMetricsFile(
  file: string,
  topo: Topology,
  scenario: Scenario,
  opts: OpenMetricsOptions
): WriteStats {
  const stats = newStats();
  const fd = fs.openSync(file, 'w');
  try {
    for (const chunk of openMetricsChunks(topo, scenario, opts, stats)) {
      fs.writeSync(fd, chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
  return stats;
}

export interface GenerateOptions {
  scenario: ScenarioName;
  seed?: number;
  /** Roughly this many hosts (topologySizesForHosts); ignored when `sizes` is given. Default 48. */
  hosts?: number;
  sizes?: TopologySizes;
  format?: Format;
  /** Backfill length, default 30. */
  minutes?: number;
  /** Default 30 000. */
  stepMs?: number;
  /** End of the backfill, default Date.now(): instant queries only look back 5 minutes. */
  nowMs?: number;
  /** Directory for the file, default a fresh temp dir. */
  dir?: string;
  delayMs?: number;
  /** The fault starts this many minutes before the end of the backfill (healthy before); default: from the start. */
  onsetMinutes?: number;
}

export interface GeneratedFile {
  file: string;
  fromMs: number;
  toMs: number;
  stepMs: number;
  format: Format;
  /** When the simulated exporters started (exporter-shaped formats count from here); pass it to a live server. */
  originMs: number;
  stats: WriteStats;
  /** Wall time spent generating and writing, ms. */
  writeMs: number;
  /** What the data should reveal: scenario, culprit, sizes and the full host list. */
  info: ScenarioInfo;
  topo: Topology;
  scenario: Scenario;
}

export function generateScenarioFile(opts: GenerateOptions): GeneratedFile {
  const seed = opts.seed ?? 1;
  checkBackfillMinutes(opts.scenario, opts.minutes ?? 30);
  const topo = buildTopology(opts.sizes ?? topologySizesForHosts(opts.hosts ?? 48));
  const scenario = makeScenario(opts.scenario, topo, seed);
  const format = opts.format ?? 'both';
  const stepMs = opts.stepMs ?? 30_000;
  // Align to the step so repeated runs produce the same timestamps within one step window.
  const toMs = Math.floor((opts.nowMs ?? Date.now()) / stepMs) * stepMs;
  const fromMs = toMs - Math.round((opts.minutes ?? 30) * 60_000);
  if (opts.onsetMinutes !== undefined) {
    scenario.startsMs = toMs - Math.round(opts.onsetMinutes * 60_000);
  }
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pingmesh-sim-'));
  const file = path.join(dir, `${opts.scenario}-s${seed}-${topo.hosts.length}h-${format}.om.txt`);
  const t0 = Date.now();
  const originMs = fromMs - EXPORTER_UPTIME_MS;
  const stats = writeOpenMetricsFile(file, topo, scenario, {
    fromMs,
    toMs,
    stepMs,
    format,
    delayMs: opts.delayMs ?? DEFAULT_DELAY_MS,
    originMs,
  });
  return {
    file,
    fromMs,
    toMs,
    stepMs,
    format,
    originMs,
    stats,
    writeMs: Date.now() - t0,
    info: scenarioInfo(topo, scenario),
    topo,
    scenario,
  };
}
