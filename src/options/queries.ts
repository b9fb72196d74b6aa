import { PanelOptionsEditorBuilder, ReducerID, fieldReducers } from '@grafana/data';
import { t } from '@grafana/i18n';

import { PRESETS, presetLabel } from '../model/presets';
import { optionName } from '../text/options';
import { DEFAULT_OPTIONS } from './defaults';
import { refIdPicker } from './refIds';
import { normalized as opts } from './normalize';
import { InputUnit, PingmeshOptions } from './types';

/** Input units and their symbols (not words: the same in every language). */
const UNIT_SYMBOLS: Array<[InputUnit, string]> = [
  ['s', 's'],
  ['ms', 'ms'],
  ['us', 'µs'],
  ['ns', 'ns'],
];

/** The Pairs section of the panel's options. */
export function addQueryOptions(builder: PanelOptionsEditorBuilder<PingmeshOptions>): void {
  // Grafana shows the category name as the section title.
  const category = [optionName('queries')];
  const auto = t('options.option.auto', 'Auto');
  const none = t('options.option.none', 'None');
  // Empty = found by metric name; `none` = no such query.
  const autoOrNone = [
    { value: '', label: auto },
    { value: 'none', label: none },
  ];
  const noneEmpty = [{ value: '', label: none }];
  builder
    .addSelect({
      path: 'queries.preset',
      name: optionName('queries.preset'),
      description: t(
        'options.preset.description',
        'Which labels name the source and destination host. Auto picks the preset whose labels are present.'
      ),
      category,
      defaultValue: DEFAULT_OPTIONS.queries.preset,
      settings: {
        options: [
          { value: 'auto', label: t('options.preset.option.auto', 'Auto-detect') },
          ...PRESETS.map((p) => ({ value: p.id, label: presetLabel(p), description: p.query })),
          { value: 'custom', label: t('options.preset.option.custom', 'Custom labels') },
        ],
      },
    })
    .addTextInput({
      path: 'queries.sourceLabel',
      name: optionName('queries.sourceLabel'),
      description: t(
        'options.source-label.description',
        'Label holding the probing host. Comma-separated candidates: the first non-empty one wins.'
      ),
      category,
      defaultValue: DEFAULT_OPTIONS.queries.sourceLabel,
      // Also for presets whose source is a scrape label you name (kubenurse: the pod's node).
      showIf: (raw) =>
        opts(raw).queries.preset === 'custom' ||
        PRESETS.some((p) => p.id === opts(raw).queries.preset && p.sourceConfigurable),
    })
    .addTextInput({
      path: 'queries.destinationLabel',
      name: optionName('queries.destinationLabel'),
      description: t(
        'options.destination-label.description',
        'Label holding the probed host. Comma-separated candidates: the first non-empty one wins.'
      ),
      category,
      defaultValue: DEFAULT_OPTIONS.queries.destinationLabel,
      showIf: (raw) => opts(raw).queries.preset === 'custom',
    })
    .addSelect({
      path: 'queries.latencyRefId',
      name: optionName('queries.latencyRefId'),
      description: t(
        'options.latency-ref-id.description',
        'refId of the latency query (e.g. A). Empty: the first query.'
      ),
      category,
      defaultValue: DEFAULT_OPTIONS.queries.latencyRefId,
      settings: refIdPicker([{ value: '', label: t('options.latency-ref-id.option.first', 'First query') }]),
    })
    .addSelect({
      path: 'queries.reducer',
      name: optionName('queries.reducer'),
      description: t('options.reducer.description', 'How a pair’s time series becomes one value.'),
      category,
      defaultValue: DEFAULT_OPTIONS.queries.reducer,
      settings: {
        // Reducers that give one number; allValues/uniqueValues give arrays.
        options: fieldReducers
          .selectOptions([], (r) => r.id !== ReducerID.allValues && r.id !== ReducerID.uniqueValues)
          .options.map((o) => ({ ...o, value: o.value as ReducerID })),
      },
    })
    .addRadio({
      path: 'queries.inputUnit',
      name: optionName('queries.inputUnit'),
      description: t(
        'options.input-unit.description',
        'Unit of the series as stored. Auto reads it from the metric name or preset; values are shown in the field unit.'
      ),
      category,
      defaultValue: DEFAULT_OPTIONS.queries.inputUnit,
      settings: {
        options: [
          { value: 'auto', label: auto },
          // Unit symbols, the same in every language.
          ...UNIT_SYMBOLS.map(([value, label]) => ({ value, label })),
        ],
      },
    })
    .addSelect({
      path: 'queries.lossRefId',
      name: optionName('queries.lossRefId'),
      description: t(
        'options.loss-ref-id.description',
        'refId of a loss-ratio query (0.01 = 1 %). Empty: a query whose metric name mentions loss or drops. `none`: no loss.'
      ),
      category,
      defaultValue: DEFAULT_OPTIONS.queries.lossRefId,
      settings: refIdPicker(autoOrNone),
    })
    .addSelect({
      path: 'queries.failRefId',
      name: optionName('queries.failRefId'),
      description: t(
        'options.fail-ref-id.description',
        'refId of a query that is > 0 when a pair’s probe failed (e.g. pingmesh_fail). Empty: by metric name. `none`: off.'
      ),
      category,
      defaultValue: DEFAULT_OPTIONS.queries.failRefId,
      settings: refIdPicker(autoOrNone),
    })
    .addSelect({
      path: 'queries.expectedRefId',
      name: optionName('queries.expectedRefId'),
      description: t(
        'options.expected-ref-id.description',
        'refId of a query listing every probed pair (e.g. group by (src, dst) (last_over_time(x[1d]))). Pairs in it without samples have no data; pairs not in it are not probed.'
      ),
      category,
      defaultValue: DEFAULT_OPTIONS.queries.expectedRefId,
      settings: refIdPicker(noneEmpty),
    })
    .addSelect({
      path: 'queries.baselineRefId',
      name: optionName('queries.baselineRefId'),
      description: t(
        'options.baseline-ref-id.description',
        'refId of each pair’s usual latency (e.g. its median over a week), for the Baseline SLA mode.'
      ),
      category,
      defaultValue: DEFAULT_OPTIONS.queries.baselineRefId,
      settings: refIdPicker(noneEmpty),
    })
    .addSelect({
      path: 'queries.timestampRefId',
      name: optionName('queries.timestampRefId'),
      description: t(
        'options.timestamp-ref-id.description',
        'refId of a query giving each pair’s newest sample time (e.g. timestamp(x)); a pair much older than the freshest is stale. Range queries need none.'
      ),
      category,
      defaultValue: DEFAULT_OPTIONS.queries.timestampRefId,
      settings: refIdPicker(noneEmpty),
    })
    .addRadio({
      path: 'queries.missingMeans',
      name: optionName('queries.missingMeans'),
      description: t(
        'options.missing-means.description',
        'Auto: no data, except for breach-only exporters (kubeservice pingmesh-agent exports a pair only when slow or failing), where it is OK. Not probed: sparse meshes (kubenurse, Pingmesh levels).'
      ),
      category,
      defaultValue: DEFAULT_OPTIONS.queries.missingMeans,
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
