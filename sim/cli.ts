// Node CLI of the simulator (`npm run sim -- …` = `tsx sim/cli.ts …`): write an OpenMetrics backfill and/or serve live.
import { TOPOLOGY_FLAGS, parseSimArgs } from './args';
import { writeOpenMetricsFile } from './files';
import { SCENARIOS, checkBackfillMinutes, culpritText, makeScenario } from './scenarios';
import { startSimServer } from './server';
import { EXPORTER_UPTIME_MS } from './shapes';
import { buildTopology } from './topology';

const USAGE = `usage: npm run sim -- [options]      (= npx tsx sim/cli.ts [options])
  --scenario NAME     ${SCENARIOS.join('|')} (default healthy)
  --seed N            culprit pick and jitter (default 1)
  --hosts N           roughly N hosts (default 48)
  --regions N --dcs N --azs N --tors N --per-tor N
                      explicit sizes per level (override the shape --hosts picks)
  --format F          pingmesh-agent|topology|both (default both), or an exporter's shape:
                      kubenurse|goldpinger|goldpinger-udp|goldpinger-passive|goldpinger-no-topology|rpingmesh
  --delay MS          pingmesh-agent exports durations above this only (default 200)
  --write FILE        write an OpenMetrics backfill ending now (for promtool tsdb create-blocks-from openmetrics)
  --minutes N         backfill length (default 30)
  --step D            backfill step: 30s, 1m, 500ms (default 30s)
  --serve [HOST:]PORT serve live /metrics and /scenario[?name=X&seed=N] (host defaults to 127.0.0.1)
  --help
examples:
  npm run sim -- --scenario tor-down --hosts 48 --write /tmp/tor-down.om.txt
  npm run sim -- --scenario bad-host --seed 3 --serve 127.0.0.1:9200`;

async function main(argv: string[]): Promise<void> {
  const args = parseSimArgs(argv, [
    ...TOPOLOGY_FLAGS,
    ...(['format', 'delay', 'write', 'minutes', 'step', 'serve', 'help'] as const),
  ]);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!args.write && !args.serve) {
    console.error('nothing to do: pass --write FILE and/or --serve [HOST:]PORT (see --help)');
    process.exit(2);
  }
  const topo = buildTopology(args.sizes);
  const scenario = makeScenario(args.scenario, topo, args.seed);
  const n = topo.hosts.length;
  const s = args.sizes;
  console.log(
    `pingmesh-sim: scenario=${scenario.name} seed=${args.seed} hosts=${n} ` +
      `(${s.regions}r×${s.dcsPerRegion}dc×${s.azsPerDc}az×${s.torsPerAz}tor×${s.hostsPerTor}) pairs=${n * (n - 1)} ` +
      `format=${args.format} culprit=${culpritText(scenario.culprit)}`
  );
  // Exporter-shaped formats: a live server continues the file's counters when both start from the same origin.
  let originMs: number | undefined;
  if (args.write) {
    checkBackfillMinutes(args.scenario, args.minutes);
    const t0 = Date.now();
    const toMs = Math.floor(t0 / args.stepMs) * args.stepMs;
    const fromMs = toMs - Math.round(args.minutes * 60_000);
    originMs = fromMs - EXPORTER_UPTIME_MS;
    const stats = writeOpenMetricsFile(args.write, topo, scenario, {
      fromMs,
      toMs,
      stepMs: args.stepMs,
      format: args.format,
      delayMs: args.delayMs,
      originMs,
    });
    console.log(
      `wrote ${args.write}: ${stats.series} series, ${stats.samples} samples, ` +
        `${(stats.bytes / 1e6).toFixed(1)} MB, ${new Date(fromMs).toISOString()} … ${new Date(toMs).toISOString()} ` +
        `in ${Date.now() - t0} ms`
    );
  }
  if (args.serve) {
    const server = await startSimServer({
      topo,
      scenario,
      format: args.format,
      delayMs: args.delayMs,
      originMs,
      ...args.serve,
    });
    console.log(`serving ${server.url}/metrics and ${server.url}/scenario (Ctrl-C to stop)`);
    const stop = () => server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
