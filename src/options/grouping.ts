import { PanelOptionsEditorBuilder } from '@grafana/data';
import { t } from '@grafana/i18n';

import { optionName } from '../text/options';
import { DEFAULT_OPTIONS } from './defaults';
import { RefIdSettings, refIdPicker } from './refIds';
import { normalized as opts } from './normalize';
import { PingmeshOptions } from './types';

/** The example in the input: level names are the user's data, not words to translate. */
const LEVELS_EXAMPLE = 'region,dc,az,tor';

/** The Grouping section of the panel's options. */
export function addGroupingOptions(builder: PanelOptionsEditorBuilder<PingmeshOptions>): void {
  // Grafana shows the category name as the section title.
  const grouping = [optionName('grouping')];
  builder
    .addTextInput({
      path: 'grouping.levels',
      name: optionName('grouping.levels'),
      description: t(
        'options.levels.description',
        'Topology levels, outermost first, e.g. region,dc,az,tor. Read from src_<level>/dst_<level> labels or a topology query; zone=label_x reads label_x from the topology query.'
      ),
      category: grouping,
      defaultValue: DEFAULT_OPTIONS.grouping.levels,
      settings: { placeholder: LEVELS_EXAMPLE },
    })
    .addTextInput({
      path: 'grouping.startLevel',
      name: optionName('grouping.startLevel'),
      description: t(
        'options.start-level.description',
        'Level the matrix opens at, collapsed (e.g. dc for DC × DC). Empty: the outermost level; host: every group open.'
      ),
      category: grouping,
      defaultValue: DEFAULT_OPTIONS.grouping.startLevel,
      showIf: (raw) => opts(raw).grouping.levels !== '',
    })
    .addNumberInput({
      path: 'grouping.maxHosts',
      name: optionName('grouping.maxHosts'),
      description: t(
        'options.max-hosts.description',
        'More hosts than this are drawn as their groups (the deepest Group by level that fits, worst pair per cell), so a huge mesh never freezes the dashboard.'
      ),
      category: grouping,
      defaultValue: DEFAULT_OPTIONS.grouping.maxHosts,
      settings: { min: 10, max: 4096, integer: true },
    })
    .addTextInput({
      path: 'grouping.hostOrder',
      name: optionName('grouping.hostOrder'),
      description: t(
        'options.host-order.description',
        'Hosts to put first, in this order (comma-separated; the rest follow by name). Imported from the kubeservice pingmesh panel’s instance list.'
      ),
      category: grouping,
      defaultValue: DEFAULT_OPTIONS.grouping.hostOrder,
    })
    .addSelect({
      path: 'grouping.aggregation',
      name: optionName('grouping.aggregation'),
      description: t(
        'options.aggregation.description',
        'How a group × group cell summarises its pairs. The tooltip also counts pairs over SLA and without data.'
      ),
      category: grouping,
      defaultValue: DEFAULT_OPTIONS.grouping.aggregation,
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
      showIf: (raw) => opts(raw).grouping.levels !== '',
    })
    .addRadio({
      path: 'grouping.sortBy',
      name: optionName('grouping.sortBy'),
      category: grouping,
      defaultValue: DEFAULT_OPTIONS.grouping.sortBy,
      settings: {
        options: [
          { value: 'name', label: t('options.sort-by.option.name', 'Name') },
          { value: 'worst', label: t('options.sort-by.option.worst', 'Worst value') },
          { value: 'breaches', label: t('options.sort-by.option.breaches', 'Pairs over SLA') },
        ],
      },
    })
    .addMultiSelect<string, RefIdSettings>({
      path: 'grouping.topologyRefIds',
      name: optionName('grouping.topologyRefIds'),
      description: t(
        'options.topology-ref-ids.description',
        'The queries giving each host its topology (e.g. kube_node_labels, kube_node_info).'
      ),
      category: grouping,
      // No defaultValue: Grafana types a multi-select's default as one item; none (the normaliser's []) is the default.
      settings: refIdPicker(),
    })
    .addTextInput({
      path: 'grouping.topologyHostLabels',
      name: optionName('grouping.topologyHostLabels'),
      description: t(
        'options.topology-host-labels.description',
        'Labels of the topology series that name a host (node name or IP); series sharing any of them are joined.'
      ),
      category: grouping,
      defaultValue: DEFAULT_OPTIONS.grouping.topologyHostLabels,
      showIf: (raw) => opts(raw).grouping.topologyRefIds.length > 0,
    });
}
