// Node-only: times file generation, promtool backfill and Prometheus start-up for a few mesh sizes.
// Usage: npx tsx sim/bench.ts [hosts…] [--scenario NAME] [--format F] [--minutes N]   (default 48 100 300, tor-down, both, 30)
import fs from 'fs';
import path from 'path';
import { httpGet } from './http';
import { isFormat } from './openmetrics';
import { generateScenarioFile, startPrometheus } from './prom';
import { isScenarioName } from './scenarios';

async function main(argv: string[]): Promise<void> {
  const sizes: number[] = [];
  let scenario = 'tor-down';
  let format = 'both';
  let minutes = 30;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--scenario') {
      scenario = argv[++i];
    } else if (argv[i] === '--format') {
      format = argv[++i];
    } else if (argv[i] === '--minutes') {
      minutes = Number(argv[++i]);
    } else {
      sizes.push(Number(argv[i]));
    }
  }
  if (!isScenarioName(scenario) || !isFormat(format)) {
    throw new Error(`bad --scenario ${scenario} or --format ${format}`);
  }
  for (const hosts of sizes.length ? sizes : [48, 100, 300]) {
    const gen = generateScenarioFile({ scenario, hosts, format, minutes, stepMs: 30_000 });
    const mb = fs.statSync(gen.file).size / 1e6;
    const prom = await startPrometheus({ openMetricsFiles: [gen.file] });
    const t0 = Date.now();
    const res = await httpGet(`${prom.url}/api/v1/query?query=count(pingmesh_pair_latency_seconds)`);
    const queryMs = Date.now() - t0;
    await prom.stop();
    fs.rmSync(path.dirname(gen.file), { recursive: true, force: true });
    const n = gen.topo.hosts.length;
    const count = (JSON.parse(res.body) as { data: { result: Array<{ value: [number, string] }> } }).data.result[0]
      ?.value[1];
    console.log(
      `hosts=${n} pairs=${n * (n - 1)} series=${gen.stats.series} samples=${gen.stats.samples} file=${mb.toFixed(1)}MB ` +
        `generate=${gen.writeMs}ms promtool=${prom.timings.backfillMs}ms ready=${prom.timings.readyMs}ms ` +
        `count=${count} (query ${queryMs}ms)`
    );
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
