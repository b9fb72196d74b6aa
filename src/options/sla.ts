import { PanelOptionsEditorBuilder } from '@grafana/data';
import { t } from '@grafana/i18n';

import { SlaScopesEditor } from '../components/SlaScopesEditor';
import { DEFAULT_OPTIONS, PingmeshOptions } from './types';

/** The SLA section of the panel's options. */
export function addSlaOptions(builder: PanelOptionsEditorBuilder<PingmeshOptions>): void {
  // One t() per category name: Grafana shows it as the section title.
  const sla = [t('options.category.sla', 'SLA')];
  const auto = t('options.option.auto', 'Auto');
  builder
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
    });
}
