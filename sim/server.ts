// Node-only: the live simulator, a scrape target exposing /metrics like an exporter would.
import http from 'http';
import { once } from 'events';
import { AddressInfo } from 'net';
import { DEFAULT_DELAY_MS, Format, metricsTextChunks } from './openmetrics';
import { Scenario, isScenarioName, makeScenario, scenarioInfo } from './scenarios';
import { EXPORTER_UPTIME_MS } from './shapes';
import { Topology } from './topology';

export interface SimServerOptions {
  topo: Topology;
  scenario: Scenario;
  format: Format;
  delayMs?: number;
  /**
   * Exporter-shaped formats: when the exporters started, the same as the backfill's (GeneratedFile.originMs) so
   * live counters and histograms continue the backfilled ones; default EXPORTER_UPTIME_MS before the server starts.
   */
  originMs?: number;
  /** Default 127.0.0.1: the simulator is a test fixture, not something to expose. */
  host?: string;
  /** Default 0 = any free port. */
  port?: number;
}

export interface SimServer {
  url: string;
  port: number;
  current(): Scenario;
  /** Same as GET /scenario?name=…&seed=…; throws on an unknown name. */
  setScenario(name: string, seed?: number): Scenario;
  close(): Promise<void>;
}

export async function startSimServer(opts: SimServerOptions): Promise<SimServer> {
  const { topo, format } = opts;
  const delayMs = opts.delayMs ?? DEFAULT_DELAY_MS;
  const originMs = opts.originMs ?? Date.now() - EXPORTER_UPTIME_MS;
  // Counters and histograms keep counting across scrapes (and scenario switches), as an exporter's do.
  const store = new Map<string, unknown>();
  let scenario = opts.scenario;

  const setScenario = (name: string, seed = scenario.seed): Scenario => {
    if (!isScenarioName(name)) {
      throw new Error(`unknown scenario "${name}"`);
    }
    if (!Number.isInteger(seed)) {
      throw new Error(`seed must be an integer, got ${seed}`);
    }
    scenario = makeScenario(name, topo, seed);
    return scenario;
  };

  const serveMetrics = async (res: http.ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
    // Honour backpressure: a 2000-host mesh is gigabytes and must not pile up in memory.
    for (const chunk of metricsTextChunks(topo, scenario, Date.now(), format, { delayMs, originMs, store })) {
      if (!res.write(chunk)) {
        await once(res, 'drain');
      }
    }
    res.end();
  };

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/metrics') {
      serveMetrics(res).catch(() => res.destroy());
    } else if (url.pathname === '/scenario') {
      const name = url.searchParams.get('name');
      const seed = url.searchParams.get('seed');
      try {
        if (name !== null) {
          setScenario(name, seed === null ? undefined : Number(seed));
        }
        json(res, 200, scenarioInfo(topo, scenario));
      } catch (e) {
        json(res, 400, { error: e instanceof Error ? e.message : String(e) });
      }
    } else if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('pingmesh simulator: /metrics, /scenario, /scenario?name=tor-down&seed=1\n');
    } else {
      res.writeHead(404).end('not found\n');
    }
  });
  server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    current: () => scenario,
    setScenario,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
