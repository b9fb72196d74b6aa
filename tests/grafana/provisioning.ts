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

import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';

import { PRESETS, type ExporterPreset } from '../../src/model/presets';

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

/** Queries that go with a preset's latency query: loss ratio or probe failure, where the exporter has them. */
export const COMPANION_QUERIES: Record<string, Array<{ what: 'loss' | 'fail'; expr: string }>> = {
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
};

/** Presets whose metrics the stack's simulator (or its recording rules) produces. */
const SIMULATED = new Set(['pingmesh-agent', 'topology', 'tor-rules']);

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
    options,
    fieldConfig: {
      defaults: { unit: 'ms', color: { mode: 'thresholds' }, thresholds: THRESHOLDS, ...defaults },
      overrides: [],
    },
  };
}

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

function presetDashboard(p: ExporterPreset): Json {
  const companions = COMPANION_QUERIES[p.id] ?? [];
  const lines = [
    `**Source** ${p.source.map((l) => `\`${l}\``).join(', else ')} → **destination** ${p.destination
      .map((l) => `\`${l}\``)
      .join(
        ', else '
      )}${p.unit ? `; values in **${p.unit}**` : '; no fixed unit (set *Input unit* if the metric name is aggregated away)'}.`,
    '',
    'Latency (query A, instant, Format: Table):',
    '',
    '```promql',
    p.query,
    '```',
    ...companions.flatMap((c, i) => [
      '',
      `${c.what === 'loss' ? 'Loss ratio' : 'Probe failure (> 0 = failed)'} (query ${refIdOf(i)}):`,
      '',
      '```promql',
      c.expr,
      '```',
    ]),
    '',
    p.breachOnly ? 'This exporter exports a pair only when it is slow or failing: a missing pair is healthy.' : '',
    SIMULATED.has(p.id)
      ? "This stack's simulator produces these metrics."
      : "This stack's simulator does not export these metrics, so the panel says so: set `PROMETHEUS_URL` (see `.env.example`) to a Prometheus that scrapes the exporter.",
  ].filter((l, i, all) => l !== '' || all[i - 1] !== '');
  return dashboard(UIDS.preset(p.id), `Pingmesh preset: ${p.name}`, [
    textPanel(1, `PromQL for ${p.name}`, { x: 0, y: 0, w: 9, h: 20 }, lines.join('\n')),
    pingmeshPanel(
      2,
      `Matrix: ${p.name}`,
      { x: 9, y: 0, w: 15, h: 20 },
      [target('A', p.query), ...companions.map((c, i) => target(refIdOf(i), c.expr))],
      {
        preset: p.id,
        // Named explicitly: aggregations and arithmetic drop the metric name the panel would find them by.
        ...Object.fromEntries(companions.map((c, i) => [c.what === 'loss' ? 'lossRefId' : 'failRefId', refIdOf(i)])),
      }
    ),
  ]);
}

/** File name → dashboard. `dashboard.json` stays the overview (the e2e specs and README refer to it). */
export function dashboards(): Record<string, Json> {
  const out: Record<string, Json> = { 'dashboard.json': overview(), 'rack-view.json': rack() };
  for (const p of PRESETS) {
    out[`preset-${p.id}.json`] = presetDashboard(p);
  }
  return out;
}

/** As the repo's Prettier writes JSON, so `npm run lint:fix` leaves the generated files alone. */
async function serialize(d: Json, file: string): Promise<string> {
  const options = (await resolveConfig(file)) ?? {};
  return format(JSON.stringify(d), { ...options, parser: 'json', filepath: file });
}

function yaml(file: string): any {
  return parse(readFileSync(join(root, file), 'utf8'));
}

/** Problems with the stack's files; empty when all is well. */
export async function check(): Promise<string[]> {
  const problems: string[] = [];
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
  expect(
    /--scenario \$\{SCENARIO:-/.test(JSON.stringify(compose?.services?.simulator?.command ?? '')),
    'SCENARIO selects the simulator scenario'
  );
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
