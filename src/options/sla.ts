import { PanelOptionsEditorBuilder } from '@grafana/data';
import { t } from '@grafana/i18n';

import { SlaScopesEditor } from '../components/SlaScopesEditor';
import { optionName } from '../text/options';
import { DEFAULT_OPTIONS } from './defaults';
import { normalized as opts } from './normalize';
import { PingmeshOptions } from './types';

/** The SLA section of the panel's options. */
export function addSlaOptions(builder: PanelOptionsEditorBuilder<PingmeshOptions>): void {
  // Grafana shows the category name as the section title.
  const sla = [optionName('sla')];
  const auto = t('options.option.auto', 'Auto');
  builder
    .addRadio({
      path: 'sla.mode',
      name: optionName('sla.mode'),
      description: t(
        'options.sla-mode.description',
        'Auto: per-scope SLAs when the matrix is grouped (same ToR … cross-region), else the Thresholds field option. Baseline: the ratio to each pair’s own baseline query.'
      ),
      category: sla,
      defaultValue: DEFAULT_OPTIONS.sla.mode,
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
      id: 'sla.scopes',
      path: 'sla.scopes',
      name: optionName('sla.scopes'),
      description: t(
        'options.sla-scopes.description',
        'Latency (ms) and loss (%) at which a pair is a warning or over its SLA, by how far apart it is.'
      ),
      category: sla,
      editor: SlaScopesEditor,
      defaultValue: DEFAULT_OPTIONS.sla.scopes,
      showIf: (raw) => opts(raw).sla.mode === 'auto' || opts(raw).sla.mode === 'scopes',
    })
    .addNumberInput({
      path: 'sla.lossWarn',
      name: optionName('sla.lossWarn'),
      description: t(
        'options.loss-warn.description',
        'Loss ratio at which a pair is a warning when not judged per scope (0.0001 = 0.01 %).'
      ),
      category: sla,
      defaultValue: DEFAULT_OPTIONS.sla.lossWarn,
      settings: { min: 0, max: 1 },
      showIf: (raw) => opts(raw).sla.mode !== 'scopes',
    })
    .addNumberInput({
      path: 'sla.lossBreach',
      name: optionName('sla.lossBreach'),
      description: t(
        'options.loss-breach.description',
        'Loss ratio at which a pair is over SLA when not judged per scope (0.001 = 0.1 %).'
      ),
      category: sla,
      defaultValue: DEFAULT_OPTIONS.sla.lossBreach,
      settings: { min: 0, max: 1 },
      showIf: (raw) => opts(raw).sla.mode !== 'scopes',
    })
    .addNumberInput({
      path: 'sla.baselineWarn',
      name: optionName('sla.baselineWarn'),
      category: sla,
      defaultValue: DEFAULT_OPTIONS.sla.baselineWarn,
      settings: { min: 1 },
      showIf: (raw) => opts(raw).sla.mode === 'baseline',
    })
    .addNumberInput({
      path: 'sla.baselineBreach',
      name: optionName('sla.baselineBreach'),
      description: t(
        'options.baseline-breach.description',
        'Latency at or above this multiple of the pair’s baseline is over SLA.'
      ),
      category: sla,
      defaultValue: DEFAULT_OPTIONS.sla.baselineBreach,
      settings: { min: 1 },
      showIf: (raw) => opts(raw).sla.mode === 'baseline',
    })
    .addTextInput({
      path: 'sla.staleAfter',
      name: optionName('sla.staleAfter'),
      description: t(
        'options.stale-after.description',
        'A pair whose newest sample is this much older than the newest in the response is stale (needs a range query; empty = never).'
      ),
      category: sla,
      defaultValue: DEFAULT_OPTIONS.sla.staleAfter,
    });
}
