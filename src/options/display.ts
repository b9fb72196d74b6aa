import { PanelOptionsEditorBuilder } from '@grafana/data';
import { t } from '@grafana/i18n';

import { optionName } from '../text/options';
import { DEFAULT_OPTIONS } from './defaults';
import { normalized as opts } from './normalize';
import { PingmeshOptions } from './types';

/** The Display section of the panel's options. */
export function addDisplayOptions(builder: PanelOptionsEditorBuilder<PingmeshOptions>): void {
  // Grafana shows the category name as the section title.
  const display = [optionName('display')];
  builder
    .addBooleanSwitch({
      path: 'display.showAxisLabels',
      name: optionName('display.showAxisLabels'),
      description: t('options.show-axis-labels.description', 'Host names on the axes; only those that fit are drawn.'),
      category: display,
      defaultValue: DEFAULT_OPTIONS.display.showAxisLabels,
    })
    .addBooleanSwitch({
      path: 'display.shortNames',
      name: optionName('display.shortNames'),
      description: t(
        'options.short-names.description',
        'Drop the prefix and domain suffix every host shares (node-…, ….prod.example) from the axis labels; tooltips, search and links keep the full names.'
      ),
      category: display,
      defaultValue: DEFAULT_OPTIONS.display.shortNames,
      showIf: (raw) => opts(raw).display.showAxisLabels,
    })
    .addBooleanSwitch({
      path: 'display.showDiagnosis',
      name: optionName('display.showDiagnosis'),
      description: t(
        'options.show-diagnosis.description',
        'One line above the matrix naming the likely culprit from the pattern (bad row → source, column → destination, cross → the group, block → a link), with how sure it is.'
      ),
      category: display,
      defaultValue: DEFAULT_OPTIONS.display.showDiagnosis,
    })
    .addBooleanSwitch({
      path: 'display.showTimeline',
      name: optionName('display.showTimeline'),
      description: t(
        'options.show-timeline.description',
        'A strip above the matrix with the share of pairs over SLA at each step of the time range; click or drag it (or use the arrow keys) to see the matrix at that time. Needs a range query.'
      ),
      category: display,
      defaultValue: DEFAULT_OPTIONS.display.showTimeline,
    })
    .addTextInput({
      path: 'display.changedSince',
      name: optionName('display.changedSince'),
      description: t(
        'options.changed-since.description',
        'Outline the cells whose state changed versus this long before the shown time, e.g. 5m (empty = off). Needs a range query that reaches that far back.'
      ),
      category: display,
      settings: { placeholder: t('options.changed-since.placeholder', 'e.g. 5m') },
      defaultValue: DEFAULT_OPTIONS.display.changedSince,
    })
    .addBooleanSwitch({
      path: 'display.showSearch',
      name: optionName('display.showSearch'),
      description: t(
        'options.show-search.description',
        'Find a host or group: it is highlighted on both axes, and Enter expands its groups to show it.'
      ),
      category: display,
      defaultValue: DEFAULT_OPTIONS.display.showSearch,
    })
    .addSliderInput({
      path: 'display.worstPairs',
      name: optionName('display.worstPairs'),
      description: t(
        'options.worst-pairs.description',
        'A list of the N worst cells beside the matrix (0 = none); each opens the same drill-down.'
      ),
      category: display,
      defaultValue: DEFAULT_OPTIONS.display.worstPairs,
      settings: { min: 0, max: 50, step: 1 },
    })
    .addRadio({
      path: 'display.palette',
      name: optionName('display.palette'),
      description: t(
        'options.palette.description',
        'Colour-blind-safe state colours (with marks in big cells), or the Thresholds field option’s colours.'
      ),
      category: display,
      defaultValue: DEFAULT_OPTIONS.display.palette,
      settings: {
        options: [
          { value: 'accessible', label: t('options.palette.option.accessible', 'Colour-blind safe') },
          { value: 'thresholds', label: t('options.palette.option.thresholds', 'Threshold colours') },
        ],
      },
    });
}
