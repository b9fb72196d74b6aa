import {
  FieldColorModeId,
  FieldConfigProperty,
  PanelPlugin,
  ReducerID,
  ThresholdsMode,
  fieldReducers,
} from '@grafana/data';
import { t } from '@grafana/i18n';

import { PingmeshPanel } from './components/PingmeshPanel';
import { SlaScopesEditor } from './components/SlaScopesEditor';
import { pingmeshMigrationHandler, pingmeshPanelChangeHandler } from './migration';
import { PRESETS, presetLabel } from './model/presets';
import { initTranslations } from './i18nInit';
import { DEFAULT_OPTIONS, DEFAULT_THRESHOLD_STEPS, DEFAULT_UNIT, PingmeshOptions } from './types';

// Before anything can call t(): top-level await, as create-plugin's scenes-app template does.
await initTranslations();

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
    // One t() per category name: Grafana shows it as the section title.
    const category = [t('options.category.pairs', 'Pairs')];
    const grouping = [t('options.category.grouping', 'Grouping')];
    const display = [t('options.category.display', 'Display')];
    const sla = [t('options.category.sla', 'SLA')];
    const drillDown = [t('options.category.drill-down', 'Drill-down')];
    const auto = t('options.option.auto', 'Auto');
    builder
      .addSelect({
        path: 'preset',
        name: t('options.preset.name', 'Exporter preset'),
        description: t(
          'options.preset.description',
          'Which labels name the source and destination host. Auto picks the preset whose labels are present.'
        ),
        category,
        defaultValue: DEFAULT_OPTIONS.preset,
        settings: {
          options: [
            { value: 'auto', label: t('options.preset.option.auto', 'Auto-detect') },
            ...PRESETS.map((p) => ({ value: p.id, label: presetLabel(p), description: p.query })),
            { value: 'custom', label: t('options.preset.option.custom', 'Custom labels') },
          ],
        },
      })
      .addTextInput({
        path: 'sourceLabel',
        name: t('options.source-label.name', 'Source label'),
        description: t(
          'options.source-label.description',
          'Label holding the probing host. Comma-separated candidates: the first non-empty one wins.'
        ),
        category,
        defaultValue: DEFAULT_OPTIONS.sourceLabel,
        // Also for presets whose source is a scrape label you name (kubenurse: the pod's node).
        showIf: (o) => o.preset === 'custom' || PRESETS.some((p) => p.id === o.preset && p.sourceConfigurable),
      })
      .addTextInput({
        path: 'destinationLabel',
        name: t('options.destination-label.name', 'Destination label'),
        description: t(
          'options.destination-label.description',
          'Label holding the probed host. Comma-separated candidates: the first non-empty one wins.'
        ),
        category,
        defaultValue: DEFAULT_OPTIONS.destinationLabel,
        showIf: (o) => o.preset === 'custom',
      })
      .addTextInput({
        path: 'latencyRefId',
        name: t('options.latency-ref-id.name', 'Latency query'),
        description: t(
          'options.latency-ref-id.description',
          'refId of the latency query (e.g. A). Empty: the first query.'
        ),
        category,
        defaultValue: DEFAULT_OPTIONS.latencyRefId,
        settings: { placeholder: t('options.latency-ref-id.placeholder', 'first query') },
      })
      .addSelect({
        path: 'reducer',
        name: t('options.reducer.name', 'Value per pair'),
        description: t('options.reducer.description', 'How a pair’s time series becomes one value.'),
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
        name: t('options.input-unit.name', 'Input unit'),
        description: t(
          'options.input-unit.description',
          'Unit of the series as stored. Auto reads it from the metric name or preset; values are shown in the field unit.'
        ),
        category,
        defaultValue: DEFAULT_OPTIONS.inputUnit,
        settings: {
          options: [
            { value: 'auto', label: auto },
            { value: 's', label: 's' },
            { value: 'ms', label: 'ms' },
            { value: 'us', label: 'µs' },
            { value: 'ns', label: 'ns' },
          ],
        },
      })
      .addTextInput({
        path: 'lossRefId',
        name: t('options.loss-ref-id.name', 'Loss query'),
        description: t(
          'options.loss-ref-id.description',
          'refId of a loss-ratio query (0.01 = 1 %). Empty: a query whose metric name mentions loss or drops. `none`: no loss.'
        ),
        category,
        defaultValue: DEFAULT_OPTIONS.lossRefId,
        settings: { placeholder: t('options.loss-ref-id.placeholder', 'auto') },
      })
      .addTextInput({
        path: 'failRefId',
        name: t('options.fail-ref-id.name', 'Probe failure query'),
        description: t(
          'options.fail-ref-id.description',
          'refId of a query that is > 0 when a pair’s probe failed (e.g. pingmesh_fail). Empty: by metric name. `none`: off.'
        ),
        category,
        defaultValue: DEFAULT_OPTIONS.failRefId,
        settings: { placeholder: t('options.fail-ref-id.placeholder', 'auto') },
      })
      .addTextInput({
        path: 'expectedRefId',
        name: t('options.expected-ref-id.name', 'Expected pairs query'),
        description: t(
          'options.expected-ref-id.description',
          'refId of a query listing every probed pair (e.g. group by (src, dst) (last_over_time(x[1d]))). Pairs in it without samples have no data; pairs not in it are not probed.'
        ),
        category,
        defaultValue: DEFAULT_OPTIONS.expectedRefId,
      })
      .addTextInput({
        path: 'baselineRefId',
        name: t('options.baseline-ref-id.name', 'Baseline query'),
        description: t(
          'options.baseline-ref-id.description',
          'refId of each pair’s usual latency (e.g. its median over a week), for the Baseline SLA mode.'
        ),
        category,
        defaultValue: DEFAULT_OPTIONS.baselineRefId,
      })
      .addTextInput({
        path: 'timestampRefId',
        name: t('options.timestamp-ref-id.name', 'Sample time query'),
        description: t(
          'options.timestamp-ref-id.description',
          'refId of a query giving each pair’s newest sample time (e.g. timestamp(x)); a pair much older than the freshest is stale. Range queries need none.'
        ),
        category,
        defaultValue: DEFAULT_OPTIONS.timestampRefId,
      })
      .addRadio({
        path: 'missingMeans',
        name: t('options.missing-means.name', 'A pair with no series is'),
        description: t(
          'options.missing-means.description',
          'Auto: no data, except for breach-only exporters (kubeservice pingmesh-agent exports a pair only when slow or failing), where it is OK. Not probed: sparse meshes (kubenurse, Pingmesh levels).'
        ),
        category,
        defaultValue: DEFAULT_OPTIONS.missingMeans,
        settings: {
          options: [
            { value: 'auto', label: auto },
            { value: 'noData', label: t('options.missing-means.option.no-data', 'No data') },
            { value: 'notProbed', label: t('options.missing-means.option.not-probed', 'Not probed') },
            { value: 'ok', label: t('options.missing-means.option.ok', 'OK') },
          ],
        },
      })
      .addTextInput({
        path: 'levels',
        name: t('options.levels.name', 'Group by'),
        description: t(
          'options.levels.description',
          'Topology levels, outermost first, e.g. region,dc,az,tor. Read from src_<level>/dst_<level> labels or a topology query; zone=label_x reads label_x from the topology query.'
        ),
        category: grouping,
        defaultValue: DEFAULT_OPTIONS.levels,
        settings: { placeholder: 'region,dc,az,tor' },
      })
      .addTextInput({
        path: 'startLevel',
        name: t('options.start-level.name', 'Start at level'),
        description: t(
          'options.start-level.description',
          'Level the matrix opens at, collapsed (e.g. dc for DC × DC). Empty: the outermost level; host: every group open.'
        ),
        category: grouping,
        defaultValue: DEFAULT_OPTIONS.startLevel,
        showIf: (o) => o.levels !== '',
      })
      .addNumberInput({
        path: 'maxHosts',
        name: t('options.max-hosts.name', 'Max hosts'),
        description: t(
          'options.max-hosts.description',
          'More hosts than this are drawn as their groups (the deepest Group by level that fits, worst pair per cell), so a huge mesh never freezes the dashboard.'
        ),
        category: grouping,
        defaultValue: DEFAULT_OPTIONS.maxHosts,
        settings: { min: 10, max: 4096, integer: true },
      })
      .addTextInput({
        path: 'hostOrder',
        name: t('options.host-order.name', 'Host order'),
        description: t(
          'options.host-order.description',
          'Hosts to put first, in this order (comma-separated; the rest follow by name). Imported from the kubeservice pingmesh panel’s instance list.'
        ),
        category: grouping,
        defaultValue: DEFAULT_OPTIONS.hostOrder,
      })
      .addSelect({
        path: 'aggregation',
        name: t('options.aggregation.name', 'Group cell value'),
        description: t(
          'options.aggregation.description',
          'How a group × group cell summarises its pairs. The tooltip also counts pairs over SLA and without data.'
        ),
        category: grouping,
        defaultValue: DEFAULT_OPTIONS.aggregation,
        settings: {
          options: [
            { value: 'max', label: t('options.aggregation.option.max', 'Worst pair') },
            { value: 'mean', label: t('options.aggregation.option.mean', 'Mean') },
            { value: 'p50', label: t('options.aggregation.option.p50', 'p50 of pairs') },
            { value: 'p90', label: t('options.aggregation.option.p90', 'p90 of pairs') },
            { value: 'p99', label: t('options.aggregation.option.p99', 'p99 of pairs') },
            {
              value: 'share',
              label: t('options.aggregation.option.share', 'Share of pairs over SLA'),
              description: t(
                'options.aggregation.option.share-description',
                'Colour by how many of the group’s pairs are over SLA: a rack down shows where it is, not every region in red'
              ),
            },
          ],
        },
        showIf: (o) => o.levels !== '',
      })
      .addRadio({
        path: 'sortBy',
        name: t('options.sort-by.name', 'Sort within level'),
        category: grouping,
        defaultValue: DEFAULT_OPTIONS.sortBy,
        settings: {
          options: [
            { value: 'name', label: t('options.sort-by.option.name', 'Name') },
            { value: 'worst', label: t('options.sort-by.option.worst', 'Worst value') },
            { value: 'breaches', label: t('options.sort-by.option.breaches', 'Pairs over SLA') },
          ],
        },
      })
      .addTextInput({
        path: 'topologyRefIds',
        name: t('options.topology-ref-ids.name', 'Topology queries'),
        description: t(
          'options.topology-ref-ids.description',
          'refIds of queries giving each host its topology (e.g. kube_node_labels, kube_node_info), comma-separated.'
        ),
        category: grouping,
        defaultValue: DEFAULT_OPTIONS.topologyRefIds,
        settings: { placeholder: 'B,C' },
      })
      .addTextInput({
        path: 'topologyHostLabels',
        name: t('options.topology-host-labels.name', 'Topology host labels'),
        description: t(
          'options.topology-host-labels.description',
          'Labels of the topology series that name a host (node name or IP); series sharing any of them are joined.'
        ),
        category: grouping,
        defaultValue: DEFAULT_OPTIONS.topologyHostLabels,
        showIf: (o) => o.topologyRefIds !== '',
      })
      .addBooleanSwitch({
        path: 'showAxisLabels',
        name: t('options.show-axis-labels.name', 'Axis labels'),
        description: t(
          'options.show-axis-labels.description',
          'Host names on the axes; only those that fit are drawn.'
        ),
        category: display,
        defaultValue: DEFAULT_OPTIONS.showAxisLabels,
      })
      .addBooleanSwitch({
        path: 'shortNames',
        name: t('options.short-names.name', 'Shorten host names'),
        description: t(
          'options.short-names.description',
          'Drop the prefix and domain suffix every host shares (node-…, ….prod.example) from the axis labels; tooltips, search and links keep the full names.'
        ),
        category: display,
        defaultValue: DEFAULT_OPTIONS.shortNames,
        showIf: (o) => o.showAxisLabels,
      })
      .addBooleanSwitch({
        path: 'showDiagnosis',
        name: t('options.show-diagnosis.name', 'Diagnosis'),
        description: t(
          'options.show-diagnosis.description',
          'One line above the matrix naming the likely culprit from the pattern (bad row → source, column → destination, cross → the group, block → a link), with how sure it is.'
        ),
        category: display,
        defaultValue: DEFAULT_OPTIONS.showDiagnosis,
      })
      .addBooleanSwitch({
        path: 'showTimeline',
        name: t('options.show-timeline.name', 'Breach timeline'),
        description: t(
          'options.show-timeline.description',
          'A strip above the matrix with the share of pairs over SLA at each step of the time range; click or drag it (or use the arrow keys) to see the matrix at that time. Needs a range query.'
        ),
        category: display,
        defaultValue: DEFAULT_OPTIONS.showTimeline,
      })
      .addTextInput({
        path: 'changedSince',
        name: t('options.changed-since.name', 'Highlight changes'),
        description: t(
          'options.changed-since.description',
          'Outline the cells whose state changed versus this long before the shown time, e.g. 5m (empty = off). Needs a range query that reaches that far back.'
        ),
        category: display,
        settings: { placeholder: t('options.changed-since.placeholder', 'e.g. 5m') },
        defaultValue: DEFAULT_OPTIONS.changedSince,
      })
      .addBooleanSwitch({
        path: 'showSearch',
        name: t('options.show-search.name', 'Search box'),
        description: t(
          'options.show-search.description',
          'Find a host or group: it is highlighted on both axes, and Enter expands its groups to show it.'
        ),
        category: display,
        defaultValue: DEFAULT_OPTIONS.showSearch,
      })
      .addSliderInput({
        path: 'worstPairs',
        name: t('options.worst-pairs.name', 'Worst pairs list'),
        description: t(
          'options.worst-pairs.description',
          'A list of the N worst cells beside the matrix (0 = none); each opens the same drill-down.'
        ),
        category: display,
        defaultValue: DEFAULT_OPTIONS.worstPairs,
        settings: { min: 0, max: 50, step: 1 },
      })
      .addRadio({
        path: 'slaMode',
        name: t('options.sla-mode.name', 'Judge cells by'),
        description: t(
          'options.sla-mode.description',
          'Auto: per-scope SLAs when the matrix is grouped (same ToR … cross-region), else the Thresholds field option. Baseline: the ratio to each pair’s own baseline query.'
        ),
        category: sla,
        defaultValue: DEFAULT_OPTIONS.slaMode,
        settings: {
          options: [
            { value: 'auto', label: auto },
            { value: 'scopes', label: t('options.sla-mode.option.scopes', 'SLA per scope') },
            { value: 'thresholds', label: t('options.sla-mode.option.thresholds', 'Thresholds') },
            { value: 'baseline', label: t('options.sla-mode.option.baseline', 'Baseline') },
          ],
        },
      })
      .addCustomEditor({
        id: 'slaScopes',
        path: 'slaScopes',
        name: t('options.sla-scopes.name', 'SLA per scope'),
        description: t(
          'options.sla-scopes.description',
          'Latency (ms) and loss (%) at which a pair is a warning or over its SLA, by how far apart it is.'
        ),
        category: sla,
        editor: SlaScopesEditor,
        defaultValue: DEFAULT_OPTIONS.slaScopes,
        showIf: (o) => o.slaMode === 'auto' || o.slaMode === 'scopes',
      })
      .addNumberInput({
        path: 'lossWarn',
        name: t('options.loss-warn.name', 'Loss warning (ratio)'),
        description: t(
          'options.loss-warn.description',
          'Loss ratio at which a pair is a warning when not judged per scope (0.0001 = 0.01 %).'
        ),
        category: sla,
        defaultValue: DEFAULT_OPTIONS.lossWarn,
        settings: { min: 0, max: 1 },
        showIf: (o) => o.slaMode !== 'scopes',
      })
      .addNumberInput({
        path: 'lossBreach',
        name: t('options.loss-breach.name', 'Loss SLA (ratio)'),
        description: t(
          'options.loss-breach.description',
          'Loss ratio at which a pair is over SLA when not judged per scope (0.001 = 0.1 %).'
        ),
        category: sla,
        defaultValue: DEFAULT_OPTIONS.lossBreach,
        settings: { min: 0, max: 1 },
        showIf: (o) => o.slaMode !== 'scopes',
      })
      .addNumberInput({
        path: 'baselineWarn',
        name: t('options.baseline-warn.name', 'Baseline warning ratio'),
        category: sla,
        defaultValue: DEFAULT_OPTIONS.baselineWarn,
        settings: { min: 1 },
        showIf: (o) => o.slaMode === 'baseline',
      })
      .addNumberInput({
        path: 'baselineBreach',
        name: t('options.baseline-breach.name', 'Baseline SLA ratio'),
        description: t(
          'options.baseline-breach.description',
          'Latency at or above this multiple of the pair’s baseline is over SLA.'
        ),
        category: sla,
        defaultValue: DEFAULT_OPTIONS.baselineBreach,
        settings: { min: 1 },
        showIf: (o) => o.slaMode === 'baseline',
      })
      .addTextInput({
        path: 'staleAfter',
        name: t('options.stale-after.name', 'Stale after'),
        description: t(
          'options.stale-after.description',
          'A pair whose newest sample is this much older than the newest in the response is stale (needs a range query; empty = never).'
        ),
        category: sla,
        defaultValue: DEFAULT_OPTIONS.staleAfter,
      })
      .addRadio({
        path: 'palette',
        name: t('options.palette.name', 'Colours'),
        description: t(
          'options.palette.description',
          'Colour-blind-safe state colours (with marks in big cells), or the Thresholds field option’s colours.'
        ),
        category: sla,
        defaultValue: DEFAULT_OPTIONS.palette,
        settings: {
          options: [
            { value: 'accessible', label: t('options.palette.option.accessible', 'Colour-blind safe') },
            { value: 'thresholds', label: t('options.palette.option.thresholds', 'Threshold colours') },
          ],
        },
      })
      .addTextInput({
        path: 'sourceVariable',
        name: t('options.source-variable.name', 'Source variable'),
        description: t(
          'options.source-variable.description',
          'Dashboard variable the cell menu sets to the source host ("Set variables"); empty = none.'
        ),
        category: drillDown,
        defaultValue: DEFAULT_OPTIONS.sourceVariable,
      })
      .addTextInput({
        path: 'destinationVariable',
        name: t('options.destination-variable.name', 'Destination variable'),
        description: t(
          'options.destination-variable.description',
          'Dashboard variable the cell menu sets to the destination host; empty = none.'
        ),
        category: drillDown,
        defaultValue: DEFAULT_OPTIONS.destinationVariable,
      });
  });
