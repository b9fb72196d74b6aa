// Node-only: a real Prometheus (Debian `prometheus` + `promtool`) loaded with simulator data, for integration tests,
// benchmarks and the dev harness. Also a CLI: `tsx sim/prom.ts --scenario tor-down --seed 1 --hosts 48 --minutes 30`.
import { ChildProcess, spawn } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { TOPOLOGY_FLAGS, parseSimArgs } from './args';
import { GenerateOptions, GeneratedFile, generateScenarioFile } from './files';
import { httpGet } from './http';
import { SCENARIOS, culpritText } from './scenarios';
import { SimServer, startSimServer } from './server';

export { generateScenarioFile } from './files';
export type { GenerateOptions, GeneratedFile } from './files';

export interface StartPrometheusOptions {
  /** OpenMetrics files to backfill (each must end with `# EOF`). */
  openMetricsFiles?: string[];
  /** `host:port` or a full URL (`http://127.0.0.1:9200/metrics`). */
  scrapeTargets?: string[];
  /** 0 / undefined = pick a free port. */
  port?: number;
  /** TSDB directory to use (kept on stop); default a fresh temp dir (removed on stop). */
  dataDir?: string;
  /** Default 15s. */
  scrapeInterval?: string;
  /** Rule files for `rule_files:` (e.g. rules/pingmesh.rules.yml); relative paths resolve against the cwd. */
  ruleFiles?: string[];
  /** Global `evaluation_interval`; default = scrapeInterval. A rule group's own `interval:` overrides it. */
  evaluationInterval?: string;
  /** Default 30 000. */
  readyTimeoutMs?: number;
}

export interface PrometheusHandle {
  url: string;
  port: number;
  dataDir: string;
  timings: { backfillMs: number; readyMs: number };
  stop(): Promise<void>;
}

const INSTALL_HINT = 'install it with: apt-get install -y prometheus (provides prometheus and promtool)';

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: NodeJS.ErrnoException;
}

// Async so a simulator served from the same process keeps answering while promtool chews a large file.
function run(cmd: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => resolve({ code: null, stdout, stderr, error }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function checkPrometheusTools(): Promise<void> {
  for (const tool of ['prometheus', 'promtool']) {
    const r = await run(tool, ['--version']);
    if (r.error || r.code !== 0) {
      throw new Error(`${tool} not found or not working (${r.error?.code ?? `exit ${r.code}`}); ${INSTALL_HINT}`);
    }
  }
}

function tail(text: string, lines = 15): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** Backfills one OpenMetrics file into a TSDB dir. Returns promtool's output (a table of created blocks). */
export async function backfillOpenMetrics(file: string, tsdbDir: string): Promise<string> {
  const r = await run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, tsdbDir]);
  const out = r.stdout + r.stderr;
  // promtool has exited 0 after printing a parse error in some versions, so the text is checked too.
  if (r.error || r.code !== 0 || /\berr(or)?\b/i.test(out)) {
    throw new Error(`promtool backfill of ${file} failed (exit ${r.code}):\n${tail(out)}`);
  }
  return out;
}

/**
 * Waits for a state instead of a fixed sleep (tests of a live scrape): polls `ok` until it holds, and throws naming
 * `what` after `timeoutMs`, a generous limit for a busy machine.
 */
export async function until(what: string, ok: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function scrapeJob(target: string, i: number): string {
  const u = new URL(/^https?:\/\//.test(target) ? target : `http://${target}`);
  const metricsPath = u.pathname === '/' ? '/metrics' : u.pathname;
  // honor_labels keeps pingmesh-agent's own `instance`; the relabels drop what scraping adds (job, and instance on
  // the topology metrics) so live series continue the backfilled ones instead of doubling count().
  return `  - job_name: sim-${i}
    honor_labels: true
    scheme: ${u.protocol.replace(':', '')}
    metrics_path: ${JSON.stringify(metricsPath)}
    static_configs:
      - targets: [${JSON.stringify(u.host)}]
    metric_relabel_configs:
      - action: labeldrop
        regex: job
      - source_labels: [__name__]
        regex: pingmesh_pair_.*
        target_label: instance
        replacement: ''
`;
}

export function prometheusConfig(
  scrapeTargets: string[],
  scrapeInterval = '15s',
  opts: { ruleFiles?: string[]; evaluationInterval?: string } = {}
): string {
  const jobs = scrapeTargets.map(scrapeJob).join('');
  const rules = (opts.ruleFiles ?? []).map((f) => `  - ${JSON.stringify(path.resolve(f))}\n`).join('');
  return `global:
  scrape_interval: ${scrapeInterval}
  evaluation_interval: ${opts.evaluationInterval ?? scrapeInterval}
${rules ? `rule_files:\n${rules}` : ''}scrape_configs:${jobs ? '\n' + jobs : ' []\n'}`;
}

async function waitReady(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`prometheus exited (${child.exitCode ?? child.signalCode}) before ready:\n${tail(log())}`);
    }
    try {
      if ((await httpGet(`${url}/-/ready`, 2000)).status === 200) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`prometheus not ready at ${url} after ${timeoutMs} ms; last log lines:\n${tail(log())}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startPrometheus(opts: StartPrometheusOptions = {}): Promise<PrometheusHandle> {
  await checkPrometheusTools();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pingmesh-prom-'));
  const cleanup = () => fs.rmSync(work, { recursive: true, force: true });
  try {
    const dataDir = opts.dataDir ?? path.join(work, 'tsdb');
    fs.mkdirSync(dataDir, { recursive: true });
    const t0 = Date.now();
    for (const file of opts.openMetricsFiles ?? []) {
      await backfillOpenMetrics(file, dataDir);
    }
    const backfillMs = Date.now() - t0;
    const configFile = path.join(work, 'prometheus.yml');
    fs.writeFileSync(
      configFile,
      prometheusConfig(opts.scrapeTargets ?? [], opts.scrapeInterval, {
        ruleFiles: opts.ruleFiles,
        evaluationInterval: opts.evaluationInterval,
      })
    );
    const port = opts.port || (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const t1 = Date.now();
    const child = spawn(
      'prometheus',
      [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${dataDir}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--storage.tsdb.retention.time=3650d',
        '--web.enable-lifecycle',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    );
    let log = '';
    const keep = (b: Buffer) => (log = (log + b.toString()).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    // Never leave an orphan Prometheus behind when the caller (a test runner) exits without stop().
    const onExit = () => child.kill('SIGKILL');
    process.once('exit', onExit);
    try {
      await waitReady(url, child, () => log, opts.readyTimeoutMs ?? 30_000);
    } catch (e) {
      await stopChild(child);
      process.removeListener('exit', onExit);
      throw e;
    }
    return {
      url,
      port,
      dataDir,
      timings: { backfillMs, readyMs: Date.now() - t1 },
      stop: async () => {
        await stopChild(child);
        process.removeListener('exit', onExit);
        cleanup();
      },
    };
  } catch (e) {
    cleanup();
    throw e;
  }
}

const PROM_USAGE = `usage: npx tsx sim/prom.ts [options]
Generates a scenario backfill ending now, loads it into a real Prometheus on 127.0.0.1 and, unless --no-live, also
serves the simulator live and scrapes it so instant queries keep working after the 5-minute lookback.
  --scenario NAME   ${SCENARIOS.join('|')}
  --seed N          default 1
  --hosts N         roughly N hosts (default 48), or --regions --dcs --azs --tors --per-tor
  --format F        pingmesh-agent|topology|both, or an exporter's shape:
                    kubenurse|goldpinger|goldpinger-udp|goldpinger-passive|goldpinger-no-topology|rpingmesh
  --delay MS        pingmesh-agent export threshold (default 200)
  --minutes N       backfill length (default 30)      --step D   sample step (default 30s)
  --onset N         the fault starts N minutes before the end (healthy before; default: all along)
  --port N          Prometheus port (default: a free one)
  --no-live         backfill only
Prints PROMETHEUS_URL=http://127.0.0.1:PORT and runs until SIGINT/SIGTERM.`;

export interface ScenarioStack {
  gen: GeneratedFile;
  prom: PrometheusHandle;
  sim?: SimServer;
  stop(): Promise<void>;
}

/**
 * Simulator → backfill → real Prometheus, and (live) the simulator served and scraped so instant queries keep
 * working after the 5-minute lookback. Used by the CLI below, `npm run demo` and the benchmark.
 */
export async function startScenarioStack(
  opts: GenerateOptions &
    Pick<StartPrometheusOptions, 'ruleFiles' | 'scrapeInterval' | 'evaluationInterval'> & {
      live?: boolean;
      port?: number;
      log?: (line: string) => void;
    }
): Promise<ScenarioStack> {
  const log = opts.log ?? (() => undefined);
  const gen = generateScenarioFile(opts);
  const n = gen.topo.hosts.length;
  log(
    `pingmesh-sim: scenario=${gen.scenario.name} seed=${gen.scenario.seed} hosts=${n} pairs=${n * (n - 1)} ` +
      `format=${gen.format} culprit=${culpritText(gen.scenario.culprit)}`
  );
  log(`generated ${gen.stats.samples} samples / ${gen.stats.series} series in ${gen.writeMs} ms`);
  const sim = opts.live
    ? await startSimServer({
        topo: gen.topo,
        scenario: gen.scenario,
        format: gen.format,
        delayMs: opts.delayMs,
        originMs: gen.originMs,
      })
    : undefined;
  try {
    const prom = await startPrometheus({
      openMetricsFiles: [gen.file],
      scrapeTargets: sim ? [sim.url] : [],
      port: opts.port,
      ruleFiles: opts.ruleFiles,
      scrapeInterval: opts.scrapeInterval,
      evaluationInterval: opts.evaluationInterval,
    });
    log(`backfill ${prom.timings.backfillMs} ms, ready ${prom.timings.readyMs} ms`);
    return {
      gen,
      prom,
      sim,
      stop: async () => {
        await prom.stop();
        await sim?.close();
      },
    };
  } finally {
    // Prometheus has its own copy now; a directory the caller chose is the caller's.
    if (!opts.dir) {
      fs.rmSync(path.dirname(gen.file), { recursive: true, force: true });
    }
  }
}

async function main(argv: string[]): Promise<void> {
  const args = parseSimArgs(argv, [
    ...TOPOLOGY_FLAGS,
    ...(['format', 'delay', 'minutes', 'onset', 'step', 'port', 'no-live', 'help'] as const),
  ]);
  if (args.help) {
    console.log(PROM_USAGE);
    return;
  }
  const stack = await startScenarioStack({ ...args, sizes: args.sizes, log: console.log });
  if (stack.sim) {
    console.log(`SIM_URL=${stack.sim.url}`);
  }
  console.log(`PROMETHEUS_URL=${stack.prom.url}`);
  const shutdown = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
