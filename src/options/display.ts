import { PanelOptionsEditorBuilder } from '@grafana/data';
import { t } from '@grafana/i18n';

import { DEFAULT_OPTIONS, PingmeshOptions } from './types';

/** The Display section of the panel's options. */
export function addDisplayOptions(builder: PanelOptionsEditorBuilder<PingmeshOptions>): void {
  // One t() per category name: Grafana shows it as the section title.
  const display = [t('options.category.display', 'Display')];
  builder
    .addBooleanSwitch({
      path: 'showAxisLabels',
      name: t('options.show-axis-labels.name', 'Axis labels'),
      description: t('options.show-axis-labels.description', 'Host names on the axes; only those that fit are drawn.'),
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
    });
}
