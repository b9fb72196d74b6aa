import { ReducerID, fieldReducers } from '@grafana/data';
import { t } from '@grafana/i18n';

import { RAW } from '../util/i18n';
import { invalidOption, numberOf } from '../text/options';
import { DEFAULT_OPTIONS, InputUnit, ModelOptions } from '../options/types';
import { MAX_HOSTS } from './cardinality';

const INPUT_UNITS: InputUnit[] = ['auto', 's', 'ms', 'us', 'ns'];
const MISSING: Array<ModelOptions['missingMeans']> = ['auto', 'noData', 'notProbed', 'ok'];
const TEXT_OPTIONS = [
  'preset',
  'sourceLabel',
  'destinationLabel',
  'latencyRefId',
  'lossRefId',
  'failRefId',
  'expectedRefId',
  'baselineRefId',
  'timestampRefId',
  'levels',
  'topologyRefIds',
  'topologyHostLabels',
] as const;

/** The option's name as the editor shows it (the same keys as module.ts). */
function optionName(key: keyof ModelOptions): string {
  switch (key) {
    case 'preset':
      return t('options.preset.name', 'Exporter preset');
    case 'sourceLabel':
      return t('options.source-label.name', 'Source label');
    case 'destinationLabel':
      return t('options.destination-label.name', 'Destination label');
    case 'latencyRefId':
      return t('options.latency-ref-id.name', 'Latency query');
    case 'reducer':
      return t('options.reducer.name', 'Value per pair');
    case 'inputUnit':
      return t('options.input-unit.name', 'Input unit');
    case 'lossRefId':
      return t('options.loss-ref-id.name', 'Loss query');
    case 'failRefId':
      return t('options.fail-ref-id.name', 'Probe failure query');
    case 'expectedRefId':
      return t('options.expected-ref-id.name', 'Expected pairs query');
    case 'baselineRefId':
      return t('options.baseline-ref-id.name', 'Baseline query');
    case 'timestampRefId':
      return t('options.timestamp-ref-id.name', 'Sample time query');
    case 'maxHosts':
      return t('options.max-hosts.name', 'Max hosts');
    case 'missingMeans':
      return t('options.missing-means.name', 'A pair with no series is');
    case 'levels':
      return t('options.levels.name', 'Group by');
    case 'topologyRefIds':
      return t('options.topology-ref-ids.name', 'Topology queries');
    case 'topologyHostLabels':
      return t('options.topology-host-labels.name', 'Topology host labels');
  }
}

/**
 * The model options as the build uses them: every value of the wrong type or out of range (from the editor or from
 * dashboard JSON) is replaced by its default, and named in a notice. Never throws.
 */
export function checkModelOptions(raw: Partial<ModelOptions> | undefined): {
  options: ModelOptions;
  notices: string[];
} {
  const given: Partial<ModelOptions> = raw && typeof raw === 'object' ? raw : {};
  const options = { ...DEFAULT_OPTIONS, ...given } as ModelOptions;
  const notices: string[] = [];
  const reject = (key: keyof ModelOptions, expected: string, fallback: string) => {
    notices.push(invalidOption(optionName(key), given[key], expected, fallback));
    (options as unknown as Record<string, unknown>)[key] = DEFAULT_OPTIONS[key];
  };
  const has = (key: keyof ModelOptions) => given[key] !== undefined;

  for (const key of TEXT_OPTIONS) {
    if (has(key) && typeof given[key] !== 'string') {
      reject(key, t('options.expected.text', 'text'), `\`${DEFAULT_OPTIONS[key]}\``);
    }
  }
  if (has('reducer') && (typeof given.reducer !== 'string' || !fieldReducers.getIfExists(given.reducer))) {
    reject('reducer', t('options.expected.reducer', 'a Grafana reducer such as lastNotNull'), ReducerID.lastNotNull);
  }
  if (has('inputUnit') && !INPUT_UNITS.includes(given.inputUnit as InputUnit)) {
    reject('inputUnit', INPUT_UNITS.join(', '), DEFAULT_OPTIONS.inputUnit);
  }
  if (has('missingMeans') && !MISSING.includes(given.missingMeans as ModelOptions['missingMeans'])) {
    reject('missingMeans', MISSING.join(', '), DEFAULT_OPTIONS.missingMeans);
  }
  if (has('maxHosts')) {
    const n = numberOf(given.maxHosts);
    const limit = MAX_HOSTS.toLocaleString('en-US');
    if (n === undefined || !Number.isInteger(n) || n < 0) {
      notices.push(
        invalidOption(
          optionName('maxHosts'),
          given.maxHosts,
          t('options.expected.max-hosts', 'a whole number from 0 to {{limit}}', { limit, ...RAW }),
          DEFAULT_OPTIONS.maxHosts.toLocaleString('en-US')
        )
      );
      options.maxHosts = DEFAULT_OPTIONS.maxHosts;
    } else if (n > MAX_HOSTS) {
      notices.push(
        t(
          'options.max-hosts.above-limit',
          'Max hosts {{value}} is above what the panel draws one by one: using {{limit}}.',
          {
            value: n.toLocaleString('en-US'),
            limit,
            ...RAW,
          }
        )
      );
      options.maxHosts = MAX_HOSTS;
    } else {
      options.maxHosts = n;
    }
  }
  return { options, notices };
}
