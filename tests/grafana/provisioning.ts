/**
 * The docker compose stack's provisioned dashboards, generated from one place so their PromQL stays the presets'
 * (src/model/presets.ts), and a check of the stack's YAML and JSON files (no Docker needed):
 *
 *   npx tsx tests/grafana/provisioning.ts           check: files parse, dashboards equal what this generates,
 *                                                   mounts and data source uids line up (exit 1 on a problem)
 *   npx tsx tests/grafana/provisioning.ts --write   regenerate provisioning/dashboards/*.json
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PRESETS, type ExporterPreset } from '../../src/model/presets';
import { sectionsOf } from '../../src/options/flat';

const root = join(__dirname, '..', '..');
const dashboardsDir = join(root, 'provisioning', 'dashboards');

export const DATASOURCE = { type: 'prometheus', uid: 'pingmesh-prom' } as const;
export const PANEL_TYPE = 'netobs-pingmesh-panel';

/** Titles the e2e specs look panels up by. */
export const TITLES = {
  overviewMatrix: 'Pair latency: DC × DC (click a DC to expand it, a cell to zoom in)',
  overviewAgent: 'pingmesh-agent format (breaches only)',
  rackMatrix: 'ToR × ToR from the recording rules, grouped by region, DC and AZ',
  rackDc: 'DC × DC from the recording rules',
} as const;

export const UIDS = {
  overview: 'pingmesh-overview',
  rack: 'pingmesh-rack',
  preset: (id: string) => `pingmesh-preset-${id}`,
} as const;

/** The presets that get a dashboard. */
export const DASHBOARD_PRESETS: ExporterPreset[] = PRESETS;

type CompanionRole = 'loss' | 'fail' | 'topology' | 'mode';
interface Companion {
  what: CompanionRole;
  expr: string;
  /** Instead of the role's usual heading. */
  text?: string;
}

/** kube-state-metrics' node series: IPs (Goldpinger's destinations) and topology labels, joined on `node`. */
const KUBE_TOPOLOGY = [
  { what: 'topology', expr: 'kube_node_info' },
  { what: 'topology', expr: 'kube_node_labels' },
] as const;
/** Group by: Kubernetes' standard topology labels, read from kube_node_labels. */
const KUBE_LEVELS = 'region=label_topology_kubernetes_io_region,zone=label_topology_kubernetes_io_zone';
const GOLDPINGER_MODE = { what: 'mode', expr: 'goldpinger_node_mode' } as const;
/** Goldpinger's UDP loss as exported (percent): unaggregated, so its metric name says the unit. */
const GOLDPINGER_LOSS = {
  what: 'loss',
  expr: 'goldpinger_peers_loss_pct',
  text: 'Loss in percent, the newest UDP probe (the `_pct` name tells the panel the unit)',
} as const;
const KUBENURSE_PATHS = 'kubenurse_httpclient_requests_total{type=~"path_.+"}';

/** Queries that go with a preset's latency query: loss, probe failure, topology, node mode, where the exporter has them. */
export const COMPANION_QUERIES: Record<string, readonly Companion[]> = {
  'pingmesh-agent': [{ what: 'fail', expr: 'max by (instance, target) (pingmesh_fail)' }],
  'ping-exporter': [{ what: 'loss', expr: 'max by (source, target) (ping_loss_ratio)' }],
  smokeping: [
    {
      what: 'loss',
      expr: '1 - sum by (instance, host) (rate(smokeping_response_duration_seconds_count[5m])) / sum by (instance, host) (rate(smokeping_requests_total[5m]))',
    },
  ],
  'tor-rules': [{ what: 'loss', expr: 'tor_pair:pingmesh_pair_loss_ratio:max' }],
  topology: [
    { what: 'loss', expr: 'pingmesh_pair_loss_ratio' },
    { what: 'fail', expr: 'pingmesh_pair_fail' },
  ],
  goldpinger: [...KUBE_TOPOLOGY, GOLDPINGER_MODE],
  'goldpinger-udp': [GOLDPINGER_LOSS, ...KUBE_TOPOLOGY, GOLDPINGER_MODE],
  kubenurse: [
    {
      // Failed requests (round_trip_error, non-200) over all: a pair that only fails still has a row (`or`).
      what: 'loss',
      expr: `1 - (sum by (node, type) (rate(${KUBENURSE_PATHS.replace('}', ',code="200"}')}[5m])) or 0 * sum by (node, type) (rate(${KUBENURSE_PATHS}[5m]))) / sum by (node, type) (rate(${KUBENURSE_PATHS}[5m]))`,
    },
    KUBE_TOPOLOGY[1],
  ],
  rpingmesh: [
    {
      what: 'loss',
      expr: '1 - sum by (source_tor, target_tor) (rate(rpingmesh_probe_success_total[5m])) / sum by (source_tor, target_tor) (rate(rpingmesh_probe_total[5m]))',
    },
  ],
};

/**
 * Options beyond the preset that its dashboard sets: the topology query's series name a node by `node` and
 * `internal_ip` only (their `instance` is kube-state-metrics' own address, the same on every series); the HTTP pingers
 * group by region and zone, whose per-scope SLAs fit them. Goldpinger UDP is not grouped: its RTTs are sub-millisecond
 * inside a zone but read through 1–2.5 ms and 2.5–5 ms buckets across, finer than the built-in per-scope SLAs can tell.
 */
const KUBE_HOSTS = { topologyHostLabels: 'node,internal_ip' };
const KUBE_GROUPING = { levels: KUBE_LEVELS, ...KUBE_HOSTS };
const DASHBOARD_OPTIONS: Record<string, Json> = {
  goldpinger: KUBE_GROUPING,
  'goldpinger-udp': KUBE_HOSTS,
  kubenurse: KUBE_GROUPING,
};

/** A dashboard of its own for a preset used another way than its preset dashboard. */
interface Variant {
  /** File `preset-<id>.json`, uid `pingmesh-preset-<id>`. */
  id: string;
  preset: string;
  title: string;
  query: string;
  companions: readonly Companion[];
  note: string;
}

export const VARIANTS: Variant[] = [
  {
    id: 'goldpinger-no-topology',
    preset: 'goldpinger',
    title: 'Goldpinger without a topology query',
    // `instance` (the source pod's IP:port) and `pod_ip` stay in the result: they are how names meet IPs.
    query:
      'histogram_quantile(0.99, sum by (le, goldpinger_instance, instance, host_ip, pod_ip) (rate(goldpinger_peers_response_time_s_bucket{call_type="ping"}[5m])))',
    companions: [GOLDPINGER_LOSS, GOLDPINGER_MODE],
    note: 'No topology query: the panel joins node names (`goldpinger_instance`) and IPs through the series themselves — a source is scraped at its pod IP (`instance`), which is the `pod_ip` the others ping it at — so self pairs are *Self* and each node is one row and one column. Keep `instance` and `pod_ip` in the `sum by`.',
  },
];

/** The compose stack's exporter-shaped simulators (port → sim format) behind the new presets' dashboards. */
export const SHAPE_SIMULATORS: Record<string, string> = {
  '9201': 'kubenurse',
  '9202': 'goldpinger-udp',
  '9203': 'rpingmesh',
};

/** Presets (and variants) whose metrics the stack's simulator (or its recording rules) produces. */
const SIMULATED = new Set([
  'pingmesh-agent',
  'topology',
  'tor-rules',
  'goldpinger',
  'goldpinger-udp',
  'goldpinger-no-topology',
  'kubenurse',
  'rpingmesh',
]);

type Json = Record<string, unknown>;
type GridPos = { x: number; y: number; w: number; h: number };

const THRESHOLDS = {
  mode: 'absolute',
  steps: [
    { value: null, color: 'green' },
    { value: 10, color: 'orange' },
    { value: 100, color: 'red' },
  ],
};

function target(refId: string, expr: string, extra: Json = {}): Json {
  return { refId, expr, format: 'table', instant: true, range: false, datasource: DATASOURCE, ...extra };
}

function pingmeshPanel(
  id: number,
  title: string,
  gridPos: GridPos,
  targets: Json[],
  options: Json,
  defaults: Json = {}
): Json {
  return {
    id,
    type: PANEL_TYPE,
    title,
    gridPos: { h: gridPos.h, w: gridPos.w, x: gridPos.x, y: gridPos.y },
    datasource: DATASOURCE,
    targets,
    options: nested(options),
    fieldConfig: {
      defaults: { unit: 'ms', color: { mode: 'thresholds' }, thresholds: THRESHOLDS, ...defaults },
      overrides: [],
    },
  };
}

/** The panel's options by section (`queries.*`, `grouping.*` …), from the option names used above. */
const nested = sectionsOf;

function textPanel(id: number, title: string, gridPos: GridPos, content: string): Json {
  return {
    id,
    type: 'text',
    title,
    gridPos: { h: gridPos.h, w: gridPos.w, x: gridPos.x, y: gridPos.y },
    options: { mode: 'markdown', content },
  };
}

function dashboard(uid: string, title: string, panels: Json[], variables: Json[] = []): Json {
  return {
    uid,
    title,
    tags: ['pingmesh'],
    editable: true,
    schemaVersion: 39,
    time: { from: 'now-30m', to: 'now' },
    refresh: '30s',
    links: [{ type: 'dashboards', tags: ['pingmesh'], asDropdown: true, title: 'Pingmesh dashboards', keepTime: true }],
    templating: { list: variables },
    panels,
  };
}

function labelVariable(name: string, label: string): Json {
  const query = `label_values(pingmesh_pair_latency_seconds, ${label})`;
  return {
    name,
    label: name === 'src' ? 'Source' : 'Destination',
    type: 'query',
    datasource: DATASOURCE,
    query,
    definition: query,
    refresh: 1,
    sort: 3,
    includeAll: false,
    multi: false,
  };
}

function overview(): Json {
  return dashboard(
    UIDS.overview,
    'Pingmesh overview',
    [
      pingmeshPanel(
        1,
        TITLES.overviewMatrix,
        { x: 0, y: 0, w: 14, h: 20 },
        [
          target('A', 'pingmesh_pair_latency_seconds'),
          target('B', 'pingmesh_pair_loss_ratio'),
          target('C', 'pingmesh_pair_fail'),
        ],
        {
          preset: 'topology',
          reducer: 'lastNotNull',
          showAxisLabels: true,
          levels: 'region,dc,az,tor',
          startLevel: 'dc',
          aggregation: 'max',
          sortBy: 'name',
          showSearch: true,
          worstPairs: 0,
          sourceVariable: 'src',
          destinationVariable: 'dst',
          lossRefId: 'B',
          failRefId: 'C',
        }
      ),
      pingmeshPanel(
        2,
        TITLES.overviewAgent,
        { x: 14, y: 0, w: 10, h: 20 },
        [
          target('A', 'max by (instance, target) (pingmesh_duration_milliseconds)'),
          target('B', 'max by (instance, target) (pingmesh_fail)'),
        ],
        // Aggregations drop the metric name the panel would recognise the failure query by: name it.
        { preset: 'pingmesh-agent', failRefId: 'B' }
      ),
      {
        id: 3,
        type: 'timeseries',
        title: 'Pair $src ⇄ $dst (the cell menu’s “Set variables” picks the pair)',
        gridPos: { h: 9, w: 24, x: 0, y: 20 },
        datasource: DATASOURCE,
        targets: [
          {
            refId: 'A',
            expr: 'pingmesh_pair_latency_seconds{src="$src", dst="$dst"}',
            legendFormat: '{{src}} → {{dst}}',
            range: true,
            instant: false,
            datasource: DATASOURCE,
          },
          {
            refId: 'B',
            expr: 'pingmesh_pair_latency_seconds{src="$dst", dst="$src"}',
            legendFormat: '{{src}} → {{dst}}',
            range: true,
            instant: false,
            datasource: DATASOURCE,
          },
        ],
        fieldConfig: { defaults: { unit: 's' }, overrides: [] },
        options: { legend: { displayMode: 'table', placement: 'right', calcs: ['mean', 'max', 'lastNotNull'] } },
      },
    ],
    [labelVariable('src', 'src'), labelVariable('dst', 'dst')]
  );
}

function rack(): Json {
  return dashboard(UIDS.rack, 'Pingmesh rack view', [
    textPanel(
      1,
      'Recording rules',
      { x: 0, y: 0, w: 24, h: 5 },
      [
        'At thousands of hosts the N² pair series are too many for one query: `rules/pingmesh.rules.yml` (evaluated by this',
        "stack's Prometheus) pre-aggregates them to ToR × ToR, AZ × AZ and DC × DC cells. The panels below read",
        '`tor_pair:pingmesh_pair_latency_seconds:max` (preset *Recording rules, ToR × ToR*, *Group by* `region,dc,az`) and',
        '`dc_pair:pingmesh_pair_latency_seconds:max` (custom labels `src_dc` → `dst_dc`, input unit s). The first evaluation',
        'comes 30 s after Prometheus starts.',
      ].join('\n')
    ),
    pingmeshPanel(
      2,
      TITLES.rackMatrix,
      { x: 0, y: 5, w: 16, h: 20 },
      [target('A', 'tor_pair:pingmesh_pair_latency_seconds:max'), target('B', 'tor_pair:pingmesh_pair_loss_ratio:max')],
      {
        preset: 'tor-rules',
        levels: 'region,dc,az',
        startLevel: 'host',
        aggregation: 'max',
        sortBy: 'name',
        lossRefId: 'B',
      }
    ),
    pingmeshPanel(
      3,
      TITLES.rackDc,
      { x: 16, y: 5, w: 8, h: 20 },
      [target('A', 'dc_pair:pingmesh_pair_latency_seconds:max'), target('B', 'dc_pair:pingmesh_pair_loss_ratio:max')],
      {
        preset: 'custom',
        sourceLabel: 'src_dc',
        destinationLabel: 'dst_dc',
        inputUnit: 's',
        levels: 'region',
        startLevel: 'host',
        lossRefId: 'B',
      }
    ),
  ]);
}

const refIdOf = (companion: number) => String.fromCharCode(66 + companion);

const COMPANION_TEXT: Record<CompanionRole, string> = {
  loss: 'Loss ratio',
  fail: 'Probe failure (> 0 = failed)',
  topology: 'Topology (*Topology queries*)',
  mode: 'Node mode (0 = passive: its row is not probed, not missing)',
};

/** Options naming the companion queries: aggregations and arithmetic drop the metric name the panel finds them by. */
function companionOptions(companions: ReadonlyArray<{ what: CompanionRole }>): Json {
  const out: Json = {};
  const topology: string[] = [];
  companions.forEach((c, i) => {
    if (c.what === 'loss') {
      out.lossRefId = refIdOf(i);
    } else if (c.what === 'fail') {
      out.failRefId = refIdOf(i);
    } else if (c.what === 'topology') {
      topology.push(refIdOf(i));
    }
  });
  return topology.length > 0 ? { ...out, topologyRefIds: topology } : out;
}

function presetDashboard(p: ExporterPreset, variant?: Variant): Json {
  const id = variant?.id ?? p.id;
  const name = variant?.title ?? p.name;
  const query = variant?.query ?? p.query;
  const companions = variant?.companions ?? COMPANION_QUERIES[p.id] ?? [];
  const options: Json = { ...(variant ? {} : DASHBOARD_OPTIONS[p.id]), ...companionOptions(companions) };
  const lines = [
    `**Source** ${p.source.map((l) => `\`${l}\``).join(', else ')} → **destination** ${p.destination
      .map((l) => `\`${l}\``)
      .join(
        ', else '
      )}${p.unit ? `; values in **${p.unit}**` : '; no fixed unit (set *Input unit* if the metric name is aggregated away)'}.`,
    ...(variant ? ['', variant.note] : []),
    '',
    'Latency (query A, instant, Format: Table):',
    '',
    '```promql',
    query,
    '```',
    ...companions.flatMap((c, i) => [
      '',
      `${c.text ?? COMPANION_TEXT[c.what]} (query ${refIdOf(i)}):`,
      '',
      '```promql',
      c.expr,
      '```',
    ]),
    ...(typeof options.levels === 'string' ? ['', `*Group by* \`${options.levels}\` (from the topology query).`] : []),
    ...(typeof options.topologyHostLabels === 'string'
      ? [
          '',
          `*Topology host labels* \`${options.topologyHostLabels}\`: kube-state-metrics' own \`instance\` is on every one of its series and names no node.`,
        ]
      : []),
    '',
    p.breachOnly ? 'This exporter exports a pair only when it is slow or failing: a missing pair is healthy.' : '',
    SIMULATED.has(id)
      ? "This stack's simulator produces these metrics."
      : "This stack's simulator does not export these metrics, so the panel says so: set `PROMETHEUS_URL` (see `.env.example`) to a Prometheus that scrapes the exporter.",
  ].filter((l, i, all) => l !== '' || all[i - 1] !== '');
  return dashboard(UIDS.preset(id), `Pingmesh preset: ${name}`, [
    textPanel(1, `PromQL for ${name}`, { x: 0, y: 0, w: 9, h: 20 }, lines.join('\n')),
    pingmeshPanel(
      2,
      `Matrix: ${name}`,
      { x: 9, y: 0, w: 15, h: 20 },
      [target('A', query), ...companions.map((c, i) => target(refIdOf(i), c.expr))],
      { preset: p.id, ...options }
    ),
  ]);
}

/** File name → dashboard. `dashboard.json` stays the overview (the e2e specs and README refer to it). */
export function dashboards(): Record<string, Json> {
  const out: Record<string, Json> = { 'dashboard.json': overview(), 'rack-view.json': rack() };
  for (const p of DASHBOARD_PRESETS) {
    out[`preset-${p.id}.json`] = presetDashboard(p);
  }
  for (const v of VARIANTS) {
    out[`preset-${v.id}.json`] = presetDashboard(
      DASHBOARD_PRESETS.find((p) => p.id === v.preset)!,
      v
    );
  }
  return out;
}

/** As the repo's Prettier writes JSON, so `npm run lint:fix` leaves the generated files alone. */
async function serialize(d: Json, file: string): Promise<string> {
  // Loaded when writing or checking only: importing the dashboards (a jest test, in jsdom) needs neither.
  const { format, resolveConfig } = await import('prettier');
  const options = (await resolveConfig(file)) ?? {};
  return format(JSON.stringify(d), { ...options, parser: 'json', filepath: file });
}

async function yamlParser(): Promise<(file: string) => any> {
  const { parse } = await import('yaml');
  return (file) => parse(readFileSync(join(root, file), 'utf8'));
}

/** Problems with the stack's files; empty when all is well. */
export async function check(): Promise<string[]> {
  const problems: string[] = [];
  const yaml = await yamlParser();
  const generated = dashboards();
  const onDisk = readdirSync(dashboardsDir).filter((f) => f.endsWith('.json'));
  for (const f of onDisk) {
    if (!(f in generated)) {
      problems.push(`provisioning/dashboards/${f} is not generated by tests/grafana/provisioning.ts`);
    }
  }
  for (const [f, d] of Object.entries(generated)) {
    const file = join(dashboardsDir, f);
    if (!existsSync(file)) {
      problems.push(`provisioning/dashboards/${f} is missing (run with --write)`);
      continue;
    }
    try {
      JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(`provisioning/dashboards/${f} does not parse: ${e}`);
      continue;
    }
    if (readFileSync(file, 'utf8') !== (await serialize(d, file))) {
      problems.push(
        `provisioning/dashboards/${f} differs from what tests/grafana/provisioning.ts generates (run with --write)`
      );
    }
  }
  const uids = Object.values(generated).map((d) => d.uid);
  if (new Set(uids).size !== uids.length) {
    problems.push('dashboard uids are not unique');
  }

  const expect = (ok: boolean, what: string) => ok || problems.push(what);
  const tryYaml = (file: string) => {
    try {
      return yaml(file);
    } catch (e) {
      problems.push(`${file} does not parse: ${e instanceof Error ? e.message : e}`);
      return undefined;
    }
  };
  const ds = tryYaml('provisioning/datasources/datasources.yml');
  const prom = ds?.datasources?.find((d: Json) => d.uid === DATASOURCE.uid);
  expect(
    prom?.type === 'prometheus',
    `provisioning/datasources/datasources.yml has no prometheus data source uid ${DATASOURCE.uid}`
  );
  expect(prom?.url === '${PROMETHEUS_URL}', 'the data source url must come from ${PROMETHEUS_URL}');
  const providers = tryYaml('provisioning/dashboards/default.yaml');
  expect(
    providers?.providers?.[0]?.options?.path === '/etc/grafana/provisioning/dashboards',
    'dashboard provider path'
  );

  const promConfig = tryYaml('provisioning/prometheus/prometheus.yml');
  expect(
    (promConfig?.rule_files ?? []).includes('/etc/prometheus/rules/*.yml'),
    'prometheus.yml must load /etc/prometheus/rules/*.yml'
  );
  expect(
    promConfig?.scrape_configs?.[0]?.static_configs?.[0]?.targets?.[0] === 'simulator:9200',
    'prometheus.yml must scrape simulator:9200'
  );
  const scraped = (promConfig?.scrape_configs ?? []).flatMap((j: Json) =>
    ((j.static_configs as Json[] | undefined) ?? []).flatMap((c) => (c.targets as string[] | undefined) ?? [])
  );
  for (const [port, format] of Object.entries(SHAPE_SIMULATORS)) {
    expect(scraped.includes(`simulator:${port}`), `prometheus.yml must scrape simulator:${port} (${format})`);
  }

  const compose = tryYaml('docker-compose.yaml');
  const volumes: string[] = compose?.services?.prometheus?.volumes ?? [];
  for (const v of volumes) {
    const host = v.split(':')[0];
    expect(existsSync(join(root, host)), `docker-compose.yaml mounts ${host}, which does not exist`);
  }
  expect(
    volumes.some((v) => v.endsWith(':/etc/prometheus/rules/pingmesh.rules.yml:ro')),
    'docker-compose.yaml must mount the recording rules into /etc/prometheus/rules/'
  );
  expect(
    String(compose?.services?.grafana?.environment?.PROMETHEUS_URL ?? '').startsWith('${PROMETHEUS_URL:-'),
    'docker-compose.yaml must pass PROMETHEUS_URL (with a default) to Grafana'
  );
  const simCommand = JSON.stringify(compose?.services?.simulator?.command ?? '');
  expect(/--scenario \$\{SCENARIO:-/.test(simCommand), 'SCENARIO selects the simulator scenario');
  for (const [port, format] of Object.entries(SHAPE_SIMULATORS)) {
    expect(
      simCommand.includes(`--serve 0.0.0.0:${port} --format ${format}`),
      `docker-compose.yaml's simulator must serve ${format} on ${port}`
    );
  }
  const base = tryYaml('.config/docker-compose-base.yaml');
  expect(
    /\$\{GRAFANA_VERSION:-/.test(JSON.stringify(base?.services?.grafana?.build?.args ?? {})),
    'the Grafana version comes from GRAFANA_VERSION'
  );

  for (const wf of ['.github/workflows/ci.yml', '.github/workflows/e2e.yml']) {
    if (existsSync(join(root, wf))) {
      const w = tryYaml(wf);
      expect(w && typeof w.jobs === 'object', `${wf} has no jobs`);
    }
  }
  return problems;
}

async function main(): Promise<number> {
  if (process.argv.includes('--write')) {
    for (const [f, d] of Object.entries(dashboards())) {
      const file = join(dashboardsDir, f);
      writeFileSync(file, await serialize(d, file));
      console.log(`wrote provisioning/dashboards/${f}`);
    }
  }
  const problems = await check();
  for (const p of problems) {
    console.error(`provisioning: ${p}`);
  }
  console.log(problems.length === 0 ? 'provisioning: ok' : `provisioning: ${problems.length} problem(s)`);
  return problems.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    }
  );
}
