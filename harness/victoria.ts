import { ChildProcess, spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';

import { freePort, prometheusConfig } from '../sim/prom';

/**
 * A throwaway single-node VictoriaMetrics (Debian `victoria-metrics`, which also ships vmalert) serving the
 * Prometheus query API the panel's data source uses: data loaded through its import API from the same OpenMetrics
 * files promtool backfills, optionally scraping live targets with the same scrape config as Prometheus, and
 * recording rules evaluated by vmalert and written back through remote write — VictoriaMetrics' own ruler path.
 */
export interface VictoriaOptions {
  /** OpenMetrics files (as the simulator writes them for promtool) to import. */
  openMetricsFiles?: string[];
  /** `host:port` or URL targets to scrape (same jobs and relabelling as sim/prom.ts' Prometheus). */
  scrapeTargets?: string[];
  /** Default 15s. */
  scrapeInterval?: string;
  /** Rule files for vmalert; a group's own `interval:` wins over evaluationInterval. */
  ruleFiles?: string[];
  /** vmalert's -evaluationInterval; default scrapeInterval. */
  evaluationInterval?: string;
  /** Default 30 000. */
  readyTimeoutMs?: number;
}

export interface VictoriaHandle {
  url: string;
  timings: { importMs: number; readyMs: number };
  stop(): Promise<void>;
}

export const VICTORIA_INSTALL_HINT = 'install it with: apt-get install -y victoria-metrics (provides vmalert too)';

/**
 * Flags that differ from a default install, and why:
 * - `-search.latencyOffset=0s`: by default the newest 30 s are hidden from queries (an instant query "at now" is
 *   answered as of 30 s ago); the specs compare the panel with the backend at one instant right after loading.
 * - `-retentionPeriod=100y`: the backfill's timestamps are kept whatever the clock says.
 */
const VM_FLAGS = ['-search.latencyOffset=0s', '-retentionPeriod=100y', '-loggerLevel=ERROR'];

function toolMissing(tool: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(tool, ['-version'], { stdio: 'ignore' });
    child.on('error', () => resolve(true));
    child.on('close', () => resolve(false));
  });
}

export async function checkVictoriaTools(withRuler = false): Promise<void> {
  for (const tool of ['victoria-metrics', ...(withRuler ? ['vmalert'] : [])]) {
    if (await toolMissing(tool)) {
      throw new Error(`${tool} not found; ${VICTORIA_INSTALL_HINT}`);
    }
  }
}

function request(
  url: string,
  method: 'GET' | 'POST',
  body?: NodeJS.ReadableStream
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body) {
      body.on('error', (e) => req.destroy(e));
      body.pipe(req);
    } else {
      req.end();
    }
  });
}

/**
 * One OpenMetrics sample line as Prometheus text for /api/v1/import/prometheus: comments and `# EOF` dropped,
 * the timestamp (OpenMetrics: seconds) in milliseconds. Exported for its test.
 */
export function openMetricsLineToImport(line: string): string | undefined {
  if (line === '' || line.startsWith('#')) {
    return undefined;
  }
  const labelsEnd = line.lastIndexOf('}');
  const head = labelsEnd >= 0 ? line.slice(0, labelsEnd + 1) : line.slice(0, line.indexOf(' '));
  const [value, timestamp] = line.slice(head.length).trim().split(/\s+/);
  return timestamp === undefined ? `${head} ${value}` : `${head} ${value} ${Math.round(Number(timestamp) * 1000)}`;
}

async function* importLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let batch = '';
  for await (const line of lines) {
    const converted = openMetricsLineToImport(line);
    if (converted !== undefined) {
      batch += converted + '\n';
      if (batch.length > 1 << 20) {
        yield batch;
        batch = '';
      }
    }
  }
  yield batch;
}

/** Streams OpenMetrics files into VictoriaMetrics and flushes, so every sample is searchable on return. */
export async function importOpenMetrics(url: string, files: string[]): Promise<void> {
  for (const file of files) {
    const r = await request(`${url}/api/v1/import/prometheus`, 'POST', Readable.from(importLines(file)));
    if (r.status !== 204 && r.status !== 200) {
      throw new Error(`VictoriaMetrics import of ${file} failed: HTTP ${r.status} ${r.text.slice(0, 500)}`);
    }
  }
  await request(`${url}/internal/force_flush`, 'GET');
}

interface Child {
  proc: ChildProcess;
  log: () => string;
}

function start(cmd: string, args: string[]): Child {
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (b: Buffer) => (log = (log + b.toString()).slice(-20_000));
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  return { proc, log: () => log };
}

async function waitHealthy(name: string, url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) {
      throw new Error(`${name} exited (${child.proc.exitCode ?? child.proc.signalCode}):\n${child.log().slice(-2000)}`);
    }
    try {
      if ((await request(`${url}/health`, 'GET')).status === 200) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${name} not healthy at ${url} after ${timeoutMs} ms:\n${child.log().slice(-2000)}`);
}

function stopChild({ proc }: Child): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const kill = setTimeout(() => proc.kill('SIGKILL'), 5000);
    proc.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

export async function startVictoriaMetrics(opts: VictoriaOptions = {}): Promise<VictoriaHandle> {
  const ruler = Boolean(opts.ruleFiles?.length);
  await checkVictoriaTools(ruler);
  const work = mkdtempSync(path.join(os.tmpdir(), 'pingmesh-vm-'));
  const children: Child[] = [];
  // Never leave an orphan behind when the caller (a test runner) exits without stop().
  const onExit = () => children.forEach((c) => c.proc.kill('SIGKILL'));
  process.once('exit', onExit);
  const stop = async () => {
    await Promise.all(children.reverse().map(stopChild));
    process.removeListener('exit', onExit);
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const args = [`-storageDataPath=${path.join(work, 'data')}`, ...VM_FLAGS];
    if (opts.scrapeTargets?.length) {
      const config = path.join(work, 'scrape.yml');
      writeFileSync(config, prometheusConfig(opts.scrapeTargets, opts.scrapeInterval));
      // Prometheus' global section (evaluation_interval) is not VictoriaMetrics' business.
      args.push(`-promscrape.config=${config}`, '-promscrape.config.strictParse=false');
    }
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const t0 = Date.now();
    const vm = start('victoria-metrics', [...args, `-httpListenAddr=127.0.0.1:${port}`]);
    children.push(vm);
    await waitHealthy('victoria-metrics', url, vm, opts.readyTimeoutMs ?? 30_000);
    const readyMs = Date.now() - t0;
    const t1 = Date.now();
    await importOpenMetrics(url, opts.openMetricsFiles ?? []);
    const importMs = Date.now() - t1;
    if (ruler) {
      const rulerPort = await freePort();
      const alert = start('vmalert', [
        ...(opts.ruleFiles ?? []).map((f) => `-rule=${path.resolve(f)}`),
        `-datasource.url=${url}`,
        `-remoteWrite.url=${url}`,
        // Recorded samples are written within a second (default: batches every 5 s).
        '-remoteWrite.flushInterval=1s',
        `-evaluationInterval=${opts.evaluationInterval ?? opts.scrapeInterval ?? '15s'}`,
        `-httpListenAddr=127.0.0.1:${rulerPort}`,
        '-loggerLevel=ERROR',
      ]);
      children.push(alert);
      await waitHealthy('vmalert', `http://127.0.0.1:${rulerPort}`, alert, opts.readyTimeoutMs ?? 30_000);
    }
    return { url, timings: { importMs, readyMs }, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
