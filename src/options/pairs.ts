import { PanelOptionsEditorBuilder, ReducerID, fieldReducers } from '@grafana/data';
import { t } from '@grafana/i18n';

import { PRESETS, presetLabel } from '../model/presets';
import { DEFAULT_OPTIONS, InputUnit, PingmeshOptions } from './types';

/** Input units and their symbols (not words: the same in every language). */
const UNIT_SYMBOLS: Array<[InputUnit, string]> = [
  ['s', 's'],
  ['ms', 'ms'],
  ['us', 'µs'],
  ['ns', 'ns'],
];

/** The Pairs section of the panel's options. */
export function addPairOptions(builder: PanelOptionsEditorBuilder<PingmeshOptions>): void {
  // One t() per category name: Grafana shows it as the section title.
  const category = [t('options.category.pairs', 'Pairs')];
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
          // Unit symbols, the same in every language.
          ...UNIT_SYMBOLS.map(([value, label]) => ({ value, label })),
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
    });
}
