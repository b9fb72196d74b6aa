import { PanelOptionsEditorBuilder } from '@grafana/data';
import { t } from '@grafana/i18n';

import { DEFAULT_OPTIONS, PingmeshOptions } from './types';

/** The Drill-down section of the panel's options. */
export function addDrillDownOptions(builder: PanelOptionsEditorBuilder<PingmeshOptions>): void {
  // One t() per category name: Grafana shows it as the section title.
  const drillDown = [t('options.category.drill-down', 'Drill-down')];
  builder
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
}
