import { PanelOptionsEditorBuilder } from '@grafana/data';
import { t } from '@grafana/i18n';

import { DEFAULT_OPTIONS, PingmeshOptions } from './types';

/** Examples in the inputs: level names and refIds are the user's data, not words to translate. */
const LEVELS_EXAMPLE = 'region,dc,az,tor';
const REF_IDS_EXAMPLE = 'B,C';

/** The Grouping section of the panel's options. */
export function addGroupingOptions(builder: PanelOptionsEditorBuilder<PingmeshOptions>): void {
  // One t() per category name: Grafana shows it as the section title.
  const grouping = [t('options.category.grouping', 'Grouping')];
  builder
    .addTextInput({
      path: 'levels',
      name: t('options.levels.name', 'Group by'),
      description: t(
        'options.levels.description',
        'Topology levels, outermost first, e.g. region,dc,az,tor. Read from src_<level>/dst_<level> labels or a topology query; zone=label_x reads label_x from the topology query.'
      ),
      category: grouping,
      defaultValue: DEFAULT_OPTIONS.levels,
      settings: { placeholder: LEVELS_EXAMPLE },
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
      settings: { placeholder: REF_IDS_EXAMPLE },
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
    });
}
