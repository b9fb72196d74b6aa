import {
  FieldColorModeId,
  FieldConfigProperty,
  PanelPlugin,
  ReducerID,
  ThresholdsMode,
  fieldReducers,
} from '@grafana/data';

import { PingmeshPanel } from './components/PingmeshPanel';
import { SlaScopesEditor } from './components/SlaScopesEditor';
import { pingmeshMigrationHandler, pingmeshPanelChangeHandler } from './migration';
import { PRESETS } from './model/presets';
import { DEFAULT_OPTIONS, DEFAULT_THRESHOLD_STEPS, DEFAULT_UNIT, PingmeshOptions } from './types';

export const plugin = new PanelPlugin<PingmeshOptions>(PingmeshPanel)
  // Switching an old AngularJS pingmesh panel (kubeservice) to this one imports its options (src/migration.ts).
  .setPanelChangeHandler(pingmeshPanelChangeHandler)
  .setMigrationHandler(pingmeshMigrationHandler)
  .useFieldConfig({
    standardOptions: {
      [FieldConfigProperty.Unit]: { defaultValue: DEFAULT_UNIT },
      [FieldConfigProperty.Color]: { defaultValue: { mode: FieldColorModeId.Thresholds } },
      [FieldConfigProperty.Thresholds]: {
        defaultValue: { mode: ThresholdsMode.Absolute, steps: DEFAULT_THRESHOLD_STEPS },
      },
    },
  })
  .setPanelOptions((builder) => {
    const category = ['Pairs'];
    builder
      .addSelect({
        path: 'preset',
        name: 'Exporter preset',
        description:
          'Which labels name the source and destination host. Auto picks the preset whose labels are present.',
        category,
        defaultValue: DEFAULT_OPTIONS.preset,
        settings: {
          options: [
            { value: 'auto', label: 'Auto-detect' },
            ...PRESETS.map((p) => ({ value: p.id, label: p.name, description: p.query })),
            { value: 'custom', label: 'Custom labels' },
          ],
        },
      })
      .addTextInput({
        path: 'sourceLabel',
        name: 'Source label',
        description: 'Label holding the probing host. Comma-separated candidates: the first non-empty one wins.',
        category,
        defaultValue: DEFAULT_OPTIONS.sourceLabel,
        showIf: (o) => o.preset === 'custom',
      })
      .addTextInput({
        path: 'destinationLabel',
        name: 'Destination label',
        description: 'Label holding the probed host. Comma-separated candidates: the first non-empty one wins.',
        category,
        defaultValue: DEFAULT_OPTIONS.destinationLabel,
        showIf: (o) => o.preset === 'custom',
      })
      .addTextInput({
        path: 'latencyRefId',
        name: 'Latency query',
        description: 'refId of the latency query (e.g. A). Empty: the first query.',
        category,
        defaultValue: DEFAULT_OPTIONS.latencyRefId,
        settings: { placeholder: 'first query' },
      })
      .addSelect({
        path: 'reducer',
        name: 'Value per pair',
        description: 'How a pair’s time series becomes one value.',
        category,
        defaultValue: DEFAULT_OPTIONS.reducer,
        settings: {
          // Reducers that give one number; allValues/uniqueValues give arrays.
          options: fieldReducers
            .selectOptions([], (r) => r.id !== ReducerID.allValues && r.id !== ReducerID.uniqueValues)
            .options.map((o) => ({ ...o, value: o.value as ReducerID })),
        },
      })
      .addRadio({
        path: 'inputUnit',
        name: 'Input unit',
        description:
          'Unit of the series as stored. Auto reads it from the metric name or preset; values are shown in the field unit.',
        category,
        defaultValue: DEFAULT_OPTIONS.inputUnit,
        settings: {
          options: [
            { value: 'auto', label: 'Auto' },
            { value: 's', label: 's' },
            { value: 'ms', label: 'ms' },
            { value: 'us', label: 'µs' },
            { value: 'ns', label: 'ns' },
          ],
        },
      })
      .addTextInput({
        path: 'lossRefId',
        name: 'Loss query',
        description:
          'refId of a loss-ratio query (0.01 = 1 %). Empty: a query whose metric name mentions loss or drops. `none`: no loss.',
        category,
        defaultValue: DEFAULT_OPTIONS.lossRefId,
        settings: { placeholder: 'auto' },
      })
      .addTextInput({
        path: 'failRefId',
        name: 'Probe failure query',
        description:
          'refId of a query that is > 0 when a pair’s probe failed (e.g. pingmesh_fail). Empty: by metric name. `none`: off.',
        category,
        defaultValue: DEFAULT_OPTIONS.failRefId,
        settings: { placeholder: 'auto' },
      })
      .addTextInput({
        path: 'expectedRefId',
        name: 'Expected pairs query',
        description:
          'refId of a query listing every probed pair (e.g. group by (src, dst) (last_over_time(x[1d]))). Pairs in it without samples have no data; pairs not in it are not probed.',
        category,
        defaultValue: DEFAULT_OPTIONS.expectedRefId,
      })
      .addTextInput({
        path: 'baselineRefId',
        name: 'Baseline query',
        description: 'refId of each pair’s usual latency (e.g. its median over a week), for the Baseline SLA mode.',
        category,
        defaultValue: DEFAULT_OPTIONS.baselineRefId,
      })
      .addTextInput({
        path: 'timestampRefId',
        name: 'Sample time query',
        description:
          'refId of a query giving each pair’s newest sample time (e.g. timestamp(x)); a pair much older than the freshest is stale. Range queries need none.',
        category,
        defaultValue: DEFAULT_OPTIONS.timestampRefId,
      })
      .addRadio({
        path: 'missingMeans',
        name: 'A pair with no series is',
        description:
          'Auto: no data, except for breach-only exporters (kubeservice pingmesh-agent exports a pair only when slow or failing), where it is OK. Not probed: sparse meshes (kubenurse, Pingmesh levels).',
        category,
        defaultValue: DEFAULT_OPTIONS.missingMeans,
        settings: {
          options: [
            { value: 'auto', label: 'Auto' },
            { value: 'noData', label: 'No data' },
            { value: 'notProbed', label: 'Not probed' },
            { value: 'ok', label: 'OK' },
          ],
        },
      })
      .addTextInput({
        path: 'levels',
        name: 'Group by',
        description:
          'Topology levels, outermost first, e.g. region,dc,az,tor. Read from src_<level>/dst_<level> labels or a topology query; zone=label_x reads label_x from the topology query.',
        category: ['Grouping'],
        defaultValue: DEFAULT_OPTIONS.levels,
        settings: { placeholder: 'region,dc,az,tor' },
      })
      .addTextInput({
        path: 'startLevel',
        name: 'Start at level',
        description:
          'Level the matrix opens at, collapsed (e.g. dc for DC × DC). Empty: the outermost level; host: every group open.',
        category: ['Grouping'],
        defaultValue: DEFAULT_OPTIONS.startLevel,
        showIf: (o) => o.levels !== '',
      })
      .addNumberInput({
        path: 'maxHosts',
        name: 'Max hosts',
        description:
          'More hosts than this are drawn as their groups (the deepest Group by level that fits, worst pair per cell), so a huge mesh never freezes the dashboard.',
        category: ['Grouping'],
        defaultValue: DEFAULT_OPTIONS.maxHosts,
        settings: { min: 10, max: 4096, integer: true },
      })
      .addTextInput({
        path: 'hostOrder',
        name: 'Host order',
        description:
          'Hosts to put first, in this order (comma-separated; the rest follow by name). Imported from the kubeservice pingmesh panel’s instance list.',
        category: ['Grouping'],
        defaultValue: DEFAULT_OPTIONS.hostOrder,
      })
      .addSelect({
        path: 'aggregation',
        name: 'Group cell value',
        description:
          'How a group × group cell summarises its pairs. The tooltip also counts pairs over SLA and without data.',
        category: ['Grouping'],
        defaultValue: DEFAULT_OPTIONS.aggregation,
        settings: {
          options: [
            { value: 'max', label: 'Worst pair' },
            { value: 'mean', label: 'Mean' },
            { value: 'p50', label: 'p50 of pairs' },
            { value: 'p90', label: 'p90 of pairs' },
            { value: 'p99', label: 'p99 of pairs' },
          ],
        },
        showIf: (o) => o.levels !== '',
      })
      .addRadio({
        path: 'sortBy',
        name: 'Sort within level',
        category: ['Grouping'],
        defaultValue: DEFAULT_OPTIONS.sortBy,
        settings: {
          options: [
            { value: 'name', label: 'Name' },
            { value: 'worst', label: 'Worst value' },
            { value: 'breaches', label: 'Pairs over SLA' },
          ],
        },
      })
      .addTextInput({
        path: 'topologyRefIds',
        name: 'Topology queries',
        description:
          'refIds of queries giving each host its topology (e.g. kube_node_labels, kube_node_info), comma-separated.',
        category: ['Grouping'],
        defaultValue: DEFAULT_OPTIONS.topologyRefIds,
        settings: { placeholder: 'B,C' },
      })
      .addTextInput({
        path: 'topologyHostLabels',
        name: 'Topology host labels',
        description:
          'Labels of the topology series that name a host (node name or IP); series sharing any of them are joined.',
        category: ['Grouping'],
        defaultValue: DEFAULT_OPTIONS.topologyHostLabels,
        showIf: (o) => o.topologyRefIds !== '',
      })
      .addBooleanSwitch({
        path: 'showAxisLabels',
        name: 'Axis labels',
        description: 'Host names on the axes; only those that fit are drawn.',
        category: ['Display'],
        defaultValue: DEFAULT_OPTIONS.showAxisLabels,
      })
      .addBooleanSwitch({
        path: 'showDiagnosis',
        name: 'Diagnosis',
        description:
          'One line above the matrix naming the likely culprit from the pattern (bad row → source, column → destination, cross → the group, block → a link), with how sure it is.',
        category: ['Display'],
        defaultValue: DEFAULT_OPTIONS.showDiagnosis,
      })
      .addBooleanSwitch({
        path: 'showTimeline',
        name: 'Breach timeline',
        description:
          'A strip above the matrix with the share of pairs over SLA at each step of the time range; click or drag it (or use the arrow keys) to see the matrix at that time. Needs a range query.',
        category: ['Display'],
        defaultValue: DEFAULT_OPTIONS.showTimeline,
      })
      .addTextInput({
        path: 'changedSince',
        name: 'Highlight changes',
        description:
          'Outline the cells whose state changed versus this long before the shown time, e.g. 5m (empty = off). Needs a range query that reaches that far back.',
        category: ['Display'],
        settings: { placeholder: 'e.g. 5m' },
        defaultValue: DEFAULT_OPTIONS.changedSince,
      })
      .addBooleanSwitch({
        path: 'showSearch',
        name: 'Search box',
        description: 'Find a host or group: it is highlighted on both axes, and Enter expands its groups to show it.',
        category: ['Display'],
        defaultValue: DEFAULT_OPTIONS.showSearch,
      })
      .addSliderInput({
        path: 'worstPairs',
        name: 'Worst pairs list',
        description: 'A list of the N worst cells beside the matrix (0 = none); each opens the same drill-down.',
        category: ['Display'],
        defaultValue: DEFAULT_OPTIONS.worstPairs,
        settings: { min: 0, max: 50, step: 1 },
      })
      .addRadio({
        path: 'slaMode',
        name: 'Judge cells by',
        description:
          'Auto: per-scope SLAs when the matrix is grouped (same ToR … cross-region), else the Thresholds field option. Baseline: the ratio to each pair’s own baseline query.',
        category: ['SLA'],
        defaultValue: DEFAULT_OPTIONS.slaMode,
        settings: {
          options: [
            { value: 'auto', label: 'Auto' },
            { value: 'scopes', label: 'SLA per scope' },
            { value: 'thresholds', label: 'Thresholds' },
            { value: 'baseline', label: 'Baseline' },
          ],
        },
      })
      .addCustomEditor({
        id: 'slaScopes',
        path: 'slaScopes',
        name: 'SLA per scope',
        description: 'Latency (ms) and loss (%) at which a pair is a warning or over its SLA, by how far apart it is.',
        category: ['SLA'],
        editor: SlaScopesEditor,
        defaultValue: DEFAULT_OPTIONS.slaScopes,
        showIf: (o) => o.slaMode === 'auto' || o.slaMode === 'scopes',
      })
      .addNumberInput({
        path: 'lossWarn',
        name: 'Loss warning (ratio)',
        description: 'Loss ratio at which a pair is a warning when not judged per scope (0.0001 = 0.01 %).',
        category: ['SLA'],
        defaultValue: DEFAULT_OPTIONS.lossWarn,
        settings: { min: 0, max: 1 },
        showIf: (o) => o.slaMode !== 'scopes',
      })
      .addNumberInput({
        path: 'lossBreach',
        name: 'Loss SLA (ratio)',
        description: 'Loss ratio at which a pair is over SLA when not judged per scope (0.001 = 0.1 %).',
        category: ['SLA'],
        defaultValue: DEFAULT_OPTIONS.lossBreach,
        settings: { min: 0, max: 1 },
        showIf: (o) => o.slaMode !== 'scopes',
      })
      .addNumberInput({
        path: 'baselineWarn',
        name: 'Baseline warning ratio',
        category: ['SLA'],
        defaultValue: DEFAULT_OPTIONS.baselineWarn,
        settings: { min: 1 },
        showIf: (o) => o.slaMode === 'baseline',
      })
      .addNumberInput({
        path: 'baselineBreach',
        name: 'Baseline SLA ratio',
        description: 'Latency at or above this multiple of the pair’s baseline is over SLA.',
        category: ['SLA'],
        defaultValue: DEFAULT_OPTIONS.baselineBreach,
        settings: { min: 1 },
        showIf: (o) => o.slaMode === 'baseline',
      })
      .addTextInput({
        path: 'staleAfter',
        name: 'Stale after',
        description:
          'A pair whose newest sample is this much older than the newest in the response is stale (needs a range query; empty = never).',
        category: ['SLA'],
        defaultValue: DEFAULT_OPTIONS.staleAfter,
      })
      .addRadio({
        path: 'palette',
        name: 'Colours',
        description:
          'Colour-blind-safe state colours (with marks in big cells), or the Thresholds field option’s colours.',
        category: ['SLA'],
        defaultValue: DEFAULT_OPTIONS.palette,
        settings: {
          options: [
            { value: 'accessible', label: 'Colour-blind safe' },
            { value: 'thresholds', label: 'Threshold colours' },
          ],
        },
      })
      .addTextInput({
        path: 'sourceVariable',
        name: 'Source variable',
        description: 'Dashboard variable the cell menu sets to the source host ("Set variables"); empty = none.',
        category: ['Drill-down'],
        defaultValue: DEFAULT_OPTIONS.sourceVariable,
      })
      .addTextInput({
        path: 'destinationVariable',
        name: 'Destination variable',
        description: 'Dashboard variable the cell menu sets to the destination host; empty = none.',
        category: ['Drill-down'],
        defaultValue: DEFAULT_OPTIONS.destinationVariable,
      });
  });
