import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { familyChunks, family } from '../../../sim/exposition';
import { podIp } from '../../../sim/k8s';
import { sampleTimes } from '../../../sim/openmetrics';
import { Histogram } from '../../../sim/probe';
import { GeneratedFile, generateScenarioFile, startPrometheus } from '../../../sim/prom';
import { Scenario, ScenarioName, samplePair } from '../../../sim/scenarios';
import { ShapeFormat } from '../../../sim/shapes';
import { Topology } from '../../../sim/topology';

/** One time window of the presets' Prometheus: its instant (the harness' time range ends there) and start. */
export interface PresetWindow {
  fromMs: number;
  toMs: number;
}

/** What the preset specs know about the exporter-shaped meshes (from the generator, not from the panel). */
export interface PresetFacts {
  harnessUrl: string;
  promUrl: string;
  /** The healthy mesh, 20 minutes before the end: out of reach of a query at `torDown.toMs` (5-minute lookback). */
  healthy: PresetWindow;
  /** The same mesh with one ToR down all along, ending when the stack started. */
  torDown: PresetWindow;
  culpritTor: string;
  /** The 16 hosts, with the IP of their Goldpinger pod (what `pod_ip` and a source's scrape `instance` carry). */
  hosts: Array<{ name: string; ip: string; tor: string; dc: string; goldpingerPodIp: string }>;
  /** The latency histogram with generic `src`/`dst` labels and no exporter behind it (the unit notice's spec). */
  genericHistogram: string;
}

/** The shapes written: Goldpinger UDP also serves the Goldpinger-without-topology dashboard (the same exporter's series). */
const FORMATS: ShapeFormat[] = ['kubenurse', 'rpingmesh', 'goldpinger-udp'];
const HOSTS = 16;
const MINUTES = 10;
/** Between the healthy window's end and the ToR-down one's: more than the lookback, so a query never sees both. */
const GAP_MINUTES = 10;
const GENERIC_HISTOGRAM = 'pingmesh_probe_rtt_seconds';
const GENERIC_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * A histogram in seconds with `src`/`dst` labels, one observation of the scenario's pair latency per step: what a
 * home-grown prober exports. `histogram_quantile(…, sum by (le, src, dst) (…))` drops its name, and with it the unit.
 */
function genericHistogramFile(dir: string, topo: Topology, scenario: Scenario, w: PresetWindow, stepMs: number) {
  const hosts = topo.hosts;
  const sources = hosts.flatMap((src, s) =>
    hosts
      .filter((_, d) => d !== s)
      .map((dst) => ({
        key: `${s}:${dst.index}`,
        labels: `src="${src.name}",dst="${dst.name}"`,
        lastMs: Infinity,
        create: () => new Histogram(GENERIC_BUCKETS),
        read: (h: Histogram, t: number) => {
          h.observe(samplePair(topo, scenario, s, dst.index, t, scenario.seed).latencyMs / 1000);
          return h;
        },
      }))
  );
  const f = family(
    {
      name: GENERIC_HISTOGRAM,
      type: 'histogram',
      help: 'Probe round-trip time',
      unit: 'seconds',
      le: GENERIC_BUCKETS.map(String),
    },
    sources
  );
  const stats = { series: 0, samples: 0, bytes: 0 };
  const file = join(dir, `generic-${scenario.name}.om.txt`);
  writeFileSync(
    file,
    [...familyChunks([f], { times: sampleTimes(w.fromMs, w.toMs, stepMs), openMetrics: true }, stats)].join('')
  );
  return file;
}

/**
 * kubenurse, R-Pingmesh and Goldpinger (UDP) shaped series of one 16-host mesh, healthy and with a ToR down, in one
 * real Prometheus: the two variants are the same series in two time windows, so the provisioned dashboards' queries
 * run unchanged (the harness' time range picks the window). Part of the shared stack (../stack.ts); each browser run
 * serves it through its own harness (globalSetup.ts), whose URL fills in `harnessUrl`.
 */
export async function startPresetsBackend() {
  const now = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'pingmesh-presets-'));
  try {
    const files: string[] = [];
    const gens: Partial<Record<ScenarioName, GeneratedFile>> = {};
    const windows: Array<[ScenarioName, number]> = [
      ['healthy', now - (MINUTES + GAP_MINUTES) * 60_000],
      ['tor-down', now],
    ];
    for (const [scenario, nowMs] of windows) {
      for (const format of FORMATS) {
        const gen = generateScenarioFile({ scenario, seed: 1, hosts: HOSTS, minutes: MINUTES, format, nowMs, dir });
        files.push(gen.file);
        gens[scenario] = gen;
      }
      const gen = gens[scenario]!;
      files.push(genericHistogramFile(dir, gen.topo, gen.scenario, gen, gen.stepMs));
    }
    const prom = await startPrometheus({ openMetricsFiles: files });
    const healthy = gens.healthy!;
    const torDown = gens['tor-down']!;
    const culprit = torDown.info.culprit;
    if (culprit.kind !== 'tor') {
      throw new Error(`unexpected tor-down culprit ${culprit.kind}`);
    }
    const facts: Omit<PresetFacts, 'harnessUrl'> = {
      promUrl: prom.url,
      healthy: { fromMs: healthy.fromMs, toMs: healthy.toMs },
      torDown: { fromMs: torDown.fromMs, toMs: torDown.toMs },
      culpritTor: culprit.id,
      hosts: torDown.topo.hosts.map((h, i) => ({
        name: h.name,
        ip: h.ip,
        tor: h.tor,
        dc: h.dc,
        goldpingerPodIp: podIp(i, 'goldpinger'),
      })),
      genericHistogram: GENERIC_HISTOGRAM,
    };
    return { facts, stop: prom.stop };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
