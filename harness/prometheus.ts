import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startPrometheus as startSimPrometheus } from '../sim/prom';

/**
 * A throwaway real Prometheus holding a small hand-made OpenMetrics text (the harness self-test needs exact
 * NaN/±Inf pairs the simulator never makes). The Prometheus itself is sim/prom.ts's.
 */
export interface PrometheusFixture {
  url: string;
  stop(): Promise<void>;
}

export async function startPrometheus(opts: {
  openMetrics: string;
  port?: number;
  timeoutMs?: number;
}): Promise<PrometheusFixture> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'harness-prom-'));
  const omFile = path.join(dir, 'data.om');
  const text = opts.openMetrics.trimEnd();
  await fs.writeFile(omFile, text.endsWith('# EOF') ? `${text}\n` : `${text}\n# EOF\n`);
  try {
    const prom = await startSimPrometheus({
      openMetricsFiles: [omFile],
      port: opts.port,
      readyTimeoutMs: opts.timeoutMs,
    });
    return { url: prom.url, stop: prom.stop };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * OpenMetrics text for a full mesh of `pingmesh_pair_latency_seconds{src,dst}` gauges ending at `endMs`.
 * Latency grows with the distance between node indexes so a matrix shows structure; `special` pairs get
 * NaN / +Inf values to exercise those paths.
 */
export function pingmeshOpenMetrics(opts: {
  nodes: string[];
  endMs?: number;
  minutes?: number;
  stepSeconds?: number;
  metric?: string;
  special?: Array<{ src: string; dst: string; value: 'NaN' | '+Inf' | '-Inf' }>;
}): string {
  const metric = opts.metric ?? 'pingmesh_pair_latency_seconds';
  const step = opts.stepSeconds ?? 15;
  const end = Math.floor((opts.endMs ?? Date.now()) / 1000);
  const count = Math.floor(((opts.minutes ?? 60) * 60) / step);
  const lines = [`# HELP ${metric} Round-trip time between two agents.`, `# TYPE ${metric} gauge`];
  opts.nodes.forEach((src, i) => {
    opts.nodes.forEach((dst, j) => {
      if (src === dst) {
        return;
      }
      const special = opts.special?.find((s) => s.src === src && s.dst === dst)?.value;
      for (let k = count - 1; k >= 0; k--) {
        const t = end - k * step;
        const value = special ?? (0.0005 * (1 + Math.abs(i - j)) * (1 + 0.1 * Math.sin(t / 300))).toFixed(6);
        lines.push(`${metric}{src="${src}",dst="${dst}"} ${value} ${t}`);
      }
    });
  });
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}
