import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startVictoriaMetrics } from '../../harness/victoria';
import { GeneratedFile, generateScenarioFile, startPrometheus, startScenarioStack } from '../../sim/prom';
import { startSimServer } from '../../sim/server';
import type { HarnessEnv } from './env';
import { startDiagnosisBackend } from './stacks/diagnosis';
import { startPresetsBackend } from './stacks/presets';

/**
 * The backends the browser specs read, started once and shared by every run of the suite (both hosts, both
 * backends): four simulator scenarios and the diagnosis meshes backfilled into Prometheus, and the exporter-shaped meshes of the new presets; the two the core specs need (ToR down, and a live
 * scrape with the shipped recording rules) also into VictoriaMetrics — the same generated file through its import
 * API, the same simulator scraped, the same rules evaluated by vmalert. npm test starts it as a process
 * (`tsx tests/harness/stack.ts --out FILE`) and hands FILE to each Playwright run (HARNESS_STACK); a Playwright run
 * without HARNESS_STACK starts its own (globalSetup.ts).
 */
export type Backend = 'prometheus' | 'victoriametrics';
export const BACKENDS: Backend[] = ['prometheus', 'victoriametrics'];

/** The browser specs that also run on VictoriaMetrics: the panel's matrix, drill-down and recording-rule reading. */
export const CORE_SPECS = ['torDown.spec.ts', 'drilldown.spec.ts', 'recordingRules.spec.ts'];

export function backendFromEnv(value = process.env.HARNESS_BACKEND): Backend {
  const backend = value || 'prometheus';
  if (!BACKENDS.includes(backend as Backend)) {
    throw new Error(`HARNESS_BACKEND=${backend} is not a backend; use one of ${BACKENDS.join(', ')}`);
  }
  return backend as Backend;
}

type Scenario = 'torDown' | 'live' | 'spine' | 'sla' | 'diagnosis' | 'presets';

/** Everything about the stack a run needs: backend URLs per scenario, and the facts of the generated data. */
export interface StackInfo {
  backends: Backend[];
  urls: Record<Backend, Partial<Record<Scenario, string>>>;
  /** HarnessEnv without its harness URLs (those belong to a run's own harness servers). */
  facts: Omit<HarnessEnv, 'harnessUrl' | 'host' | 'backend' | 'rules' | 'spine' | 'sla' | 'diagnosis' | 'presets'> & {
    rules: Omit<HarnessEnv['rules'], 'harnessUrl'>;
    spine: Omit<HarnessEnv['spine'], 'harnessUrl'>;
    sla: Omit<HarnessEnv['sla'], 'harnessUrl'>;
    diagnosis: Omit<HarnessEnv['diagnosis'], 'harnessUrl'>;
    presets: Omit<HarnessEnv['presets'], 'harnessUrl'>;
  };
}

export interface Stack {
  info: StackInfo;
  stop(): Promise<void>;
}

const root = join(__dirname, '..', '..');

/**
 * Live scrape and rule interval. The stack runs through every run of npm test (~20 minutes): at 1 s the two live
 * backends kept about half a core busy scraping 2,256 pairs and evaluating 15 rules; at 5 s the rules have long
 * recorded when the spec reads them, for a fifth of that.
 */
const LIVE_INTERVAL = '5s';

/** The shipped rules, evaluated every LIVE_INTERVAL instead of every 30 s (same file otherwise). */
function fastRules(dir: string): string {
  const rules = join(dir, 'pingmesh.rules.yml');
  const shipped = readFileSync(join(root, 'rules', 'pingmesh.rules.yml'), 'utf8');
  writeFileSync(rules, shipped.replace(/^( {4}interval:) 30s$/m, `$1 ${LIVE_INTERVAL}`));
  return rules;
}

const hostFacts = (gen: GeneratedFile) =>
  gen.topo.hosts.map(({ name, ip, tor, dc, region }) => ({ name, ip, tor, dc, region }));

export async function startStack({ backends }: { backends: Backend[] }): Promise<Stack> {
  const vm = backends.includes('victoriametrics');
  const work = mkdtempSync(join(tmpdir(), 'pingmesh-stack-'));
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) {
      await s();
    }
    rmSync(work, { recursive: true, force: true });
  };
  try {
    // The ToR fails 4 minutes before the end: healthy before, so the breach timeline and "what changed" have a start.
    const torDown = generateScenarioFile({
      scenario: 'tor-down',
      seed: 1,
      hosts: 48,
      minutes: 10,
      onsetMinutes: 4,
      dir: mkdtempSync(join(work, 'tor-down-')),
    });
    const torDownProm = await startPrometheus({ openMetricsFiles: [torDown.file] });
    stops.push(torDownProm.stop);
    const torDownVm = vm ? await startVictoriaMetrics({ openMetricsFiles: [torDown.file] }) : undefined;
    if (torDownVm) {
      stops.push(torDownVm.stop);
    }
    const spine = await startScenarioStack({ scenario: 'spine-loss', seed: 1, hosts: 48, minutes: 10 });
    stops.push(spine.stop);
    // 30 minutes: the dead pair stops 20 minutes before the end, the stale agent 3 minutes before.
    const slaMix = await startScenarioStack({ scenario: 'sla-mix', seed: 1, hosts: 48, minutes: 30 });
    stops.push(slaMix.stop);
    // Generated meshes of other shapes (sim/mesh) for the diagnosis specs.
    const diagnosis = await startDiagnosisBackend();
    stops.push(diagnosis.stop);
    // kubenurse, R-Pingmesh and Goldpinger (UDP) shaped meshes, healthy and with a ToR down, for the preset specs.
    const presets = await startPresetsBackend();
    stops.push(presets.stop);
    // Live: the simulator scraped and the shipped recording rules evaluated every LIVE_INTERVAL.
    const live = generateScenarioFile({
      scenario: 'tor-down',
      seed: 1,
      hosts: 48,
      minutes: 1,
      dir: mkdtempSync(join(work, 'live-')),
    });
    const sim = await startSimServer({ topo: live.topo, scenario: live.scenario, format: live.format });
    stops.push(() => sim.close());
    const ruleFiles = [fastRules(work)];
    const liveOpts = {
      openMetricsFiles: [live.file],
      scrapeTargets: [sim.url],
      ruleFiles,
      scrapeInterval: LIVE_INTERVAL,
    };
    const liveProm = await startPrometheus(liveOpts);
    stops.push(liveProm.stop);
    const liveVm = vm ? await startVictoriaMetrics(liveOpts) : undefined;
    if (liveVm) {
      stops.push(liveVm.stop);
    }
    // Each backend has its own copy now.
    rmSync(torDown.file);
    rmSync(live.file);

    const facts = slaMix.gen.info.culprit;
    if (facts.kind !== 'sla-mix') {
      throw new Error(`unexpected sla-mix culprit ${facts.kind}`);
    }
    const culprit = torDown.info.culprit;
    const spineCulprit = spine.gen.info.culprit;
    if (culprit.kind !== 'tor' || spineCulprit.kind !== 'dc') {
      throw new Error(`unexpected culprits ${culprit.kind}, ${spineCulprit.kind}`);
    }
    const tors: Record<string, string[]> = {};
    for (const h of spine.gen.topo.hosts) {
      (tors[h.dc] ??= []).includes(h.tor) || tors[h.dc].push(h.tor);
    }
    const info: StackInfo = {
      backends,
      urls: {
        prometheus: {
          torDown: torDownProm.url,
          live: liveProm.url,
          spine: spine.prom.url,
          sla: slaMix.prom.url,
          diagnosis: diagnosis.facts.promUrl,
          presets: presets.facts.promUrl,
        },
        victoriametrics: vm ? { torDown: torDownVm!.url, live: liveVm!.url } : {},
      },
      facts: {
        promUrl: torDownProm.url,
        fromMs: torDown.fromMs,
        toMs: torDown.toMs,
        onsetMs: torDown.info.startsMs!,
        scenario: torDown.info.scenario,
        culpritTor: culprit.id,
        hosts: hostFacts(torDown),
        rules: { promUrl: liveProm.url },
        spine: {
          promUrl: spine.prom.url,
          fromMs: spine.gen.fromMs,
          toMs: spine.gen.toMs,
          culpritDc: spineCulprit.id,
          tors,
        },
        sla: {
          promUrl: slaMix.prom.url,
          fromMs: slaMix.gen.fromMs,
          toMs: slaMix.gen.toMs,
          facts,
          hosts: hostFacts(slaMix.gen),
        },
        diagnosis: diagnosis.facts,
        presets: presets.facts,
      },
    };
    return { info, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

export function readStack(file: string): StackInfo {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * `tsx tests/harness/stack.ts --out FILE [--backends prometheus,victoriametrics]`: starts the stack, writes FILE
 * when every backend is ready, and runs until SIGTERM / SIGINT or until its stdin closes (its parent died).
 */
async function main(argv: string[]) {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = flag('out');
  if (!out) {
    throw new Error('usage: tsx tests/harness/stack.ts --out FILE [--backends prometheus,victoriametrics]');
  }
  const backends = (flag('backends') ?? BACKENDS.join(',')).split(',').map((b) => backendFromEnv(b));
  const started = Date.now();
  const stack = await startStack({ backends });
  writeFileSync(out, JSON.stringify(stack.info, null, 2));
  console.log(`stack (${backends.join(', ')}) ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${out}`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) {
      return;
    }
    stopping = true;
    await stack.stop();
    rmSync(out, { force: true });
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  process.stdin.on('end', shutdown);
  process.stdin.resume();
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    console.error(message);
    // What a parent waiting for --out reads instead (it cannot see this process exit while it waits).
    const i = process.argv.indexOf('--out');
    if (i >= 0) {
      writeFileSync(`${process.argv[i + 1]}.failed`, message);
    }
    process.exit(1);
  });
}
