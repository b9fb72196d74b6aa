import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { HOSTS, HostId, HostVariant, hostDistDir, hostFromEnv, hostPackageDir, isHostId } from './hosts';

/**
 * Static + proxy server for the harness page, laid out like Grafana so plugin bundles find their assets:
 *   /                          harness/dist/grafana-<host> (host page)
 *   /public/plugins/<id>/...   each plugin's dist folder
 *   /public/build/img/icons/   @grafana/ui's icons (what <Icon> fetches)
 *   /public/fonts/...          Inter and Roboto Mono (what GlobalStyles' @font-face asks for)
 *   /api/prom/...              proxied to Prometheus (one origin for the page)
 *   <prefix>/...               extra --mount folders (e.g. synthetic data modules)
 * Binds 127.0.0.1 only.
 *
 * CLI: npx tsx harness/server.ts --port 3001 --prom http://127.0.0.1:9090 --plugin netobs-pingmesh-panel=dist
 *      [--plugin other-id=/path/to/dist ...] [--mount /sim=sim] [--host 12.4|13.2] [--dist harness/dist/grafana-12.4]
 */

export interface HarnessServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Prometheus base URL, e.g. http://127.0.0.1:9090. Without it /api/prom answers 503. */
  prom?: string;
  /** plugin id -> folder holding module.js and plugin.json. */
  plugins: Record<string, string>;
  /** URL prefix -> folder. */
  mounts?: Record<string, string>;
  /** Host page variant (harness/hosts.ts); default HARNESS_HOST, else 12.4. */
  host?: HostId;
  /** Host page build; default the variant's harness/dist/grafana-<host>. */
  distDir?: string;
}

export interface HarnessServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** Files Grafana serves from its own public/ folder that @grafana/ui's icons and GlobalStyles fetch. */
function grafanaPublicMounts(host: HostVariant): Array<readonly [string, string]> {
  return [
    ['/public/build/img/icons', path.join(hostPackageDir(host, '@grafana/ui'), 'dist/public/img/icons')],
    ['/public/fonts/inter', path.join(packageDir('inter-ui'), 'web')],
  ];
}

/** GlobalStyles asks for Google's file name of Roboto Mono (latin); any latin Roboto Mono woff2 serves. */
const ROBOTO_MONO_URL = '/public/fonts/roboto/L0xTDF4xlVMF-BfR8bXMIhJHg45mwgGEFl0_3vrtSM1J-gEPT5Ese6hmHSh0mQ.woff2';
const robotoMonoFile = () =>
  path.join(packageDir('@fontsource/roboto-mono'), 'files/roboto-mono-latin-400-normal.woff2');

/** Serves `rest` from `root`, refusing paths that escape it. */
async function serveFile(res: http.ServerResponse, root: string, rest: string): Promise<void> {
  const target = path.resolve(root, `.${decodeURIComponent(rest)}`);
  if (target !== root && !target.startsWith(root + path.sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  let file = target;
  try {
    if ((await fs.stat(file)).isDirectory()) {
      file = path.join(file, 'index.html');
      await fs.access(file);
    }
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${rest}`);
    return;
  }
  res.writeHead(200, {
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    // Rebuilt bundles must never be served stale.
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

/**
 * With `x-harness-status-in-header: 1` (sent by the host page) every answer is HTTP 200 and the real status
 * travels in `x-upstream-status`: a deliberate failing query then does not put a "Failed to load resource"
 * line in the browser console, which tests treat as an error.
 */
export const STATUS_IN_HEADER = 'x-harness-status-in-header';
export const UPSTREAM_STATUS = 'x-upstream-status';

function proxy(req: http.IncomingMessage, res: http.ServerResponse, base: string | undefined, rest: string): void {
  const statusInHeader = req.headers[STATUS_IN_HEADER] === '1';
  const reply = (status: number, headers: http.OutgoingHttpHeaders) =>
    statusInHeader
      ? res.writeHead(200, { ...headers, [UPSTREAM_STATUS]: String(status) })
      : res.writeHead(status, headers);
  if (!base) {
    reply(503, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ status: 'error', errorType: 'unavailable', error: 'harness server started without --prom' })
    );
    return;
  }
  const target = new URL(base.replace(/\/$/, '') + rest);
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host };
  delete headers[STATUS_IN_HEADER];
  const upstream = http.request(target, { method: req.method, headers }, (up) => {
    reply(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', (e) => {
    if (!res.headersSent) {
      reply(502, { 'content-type': 'text/plain' });
    }
    res.end(`proxy error: ${e.message}`);
  });
  req.pipe(upstream);
}

export async function startHarnessServer(opts: HarnessServerOptions): Promise<HarnessServer> {
  const host = opts.host ? HOSTS[opts.host] : hostFromEnv();
  const distDir = path.resolve(opts.distDir ?? hostDistDir(host));
  const plugins = Object.entries(opts.plugins).map(
    ([id, dir]) => [`/public/plugins/${id}`, path.resolve(dir)] as const
  );
  const mounts = [
    ...plugins,
    ...grafanaPublicMounts(host),
    ...Object.entries(opts.mounts ?? {}).map(
      ([prefix, dir]) => [prefix.replace(/\/$/, ''), path.resolve(dir)] as const
    ),
  ];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (url.pathname === '/api/prom' || url.pathname.startsWith('/api/prom/')) {
        proxy(req, res, opts.prom, url.pathname.slice('/api/prom'.length) + url.search);
        return;
      }
      if (url.pathname === ROBOTO_MONO_URL) {
        await serveFile(res, path.dirname(robotoMonoFile()), `/${path.basename(robotoMonoFile())}`);
        return;
      }
      const mount = mounts.find(([prefix]) => url.pathname.startsWith(prefix + '/'));
      if (mount) {
        await serveFile(res, mount[1], url.pathname.slice(mount[0].length));
        return;
      }
      await serveFile(res, distDir, url.pathname);
    };
    handle().catch((e) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
      }
      res.end(String(e));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `--plugin a=dir --plugin b=dir` style arguments. */
export function parseArgs(argv: string[]): HarnessServerOptions {
  const opts: HarnessServerOptions = { plugins: {}, mounts: {} };
  const pair = (value: string, flag: string) => {
    const i = value.indexOf('=');
    if (i <= 0) {
      throw new Error(`${flag} expects name=path, got "${value}"`);
    }
    return [value.slice(0, i), value.slice(i + 1)] as const;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (value === undefined) {
      throw new Error(`${flag} needs a value`);
    }
    if (flag === '--port') {
      opts.port = Number(value);
    } else if (flag === '--prom') {
      opts.prom = value;
    } else if (flag === '--host') {
      if (!isHostId(value)) {
        throw new Error(`--host expects one of ${Object.keys(HOSTS).join(', ')}, got "${value}"`);
      }
      opts.host = value;
    } else if (flag === '--dist') {
      opts.distDir = value;
    } else if (flag === '--plugin') {
      const [id, dir] = pair(value, flag);
      opts.plugins[id] = dir;
    } else if (flag === '--mount') {
      const [prefix, dir] = pair(value, flag);
      opts.mounts![prefix] = dir;
    } else {
      throw new Error(`unknown option ${flag}`);
    }
  }
  return opts;
}

if (require.main === module) {
  const opts = parseArgs(process.argv.slice(2));
  startHarnessServer({ port: 3001, ...opts }).then(
    (server) => {
      console.log(`harness: ${server.url}/  prom=${opts.prom ?? '(none)'}`);
      for (const [id, dir] of Object.entries(opts.plugins)) {
        console.log(`  /public/plugins/${id}/ -> ${path.resolve(dir)}`);
      }
      const stop = () => server.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    }
  );
}
