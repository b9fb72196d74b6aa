import { PanelOptionsEditorBuilder } from '@grafana/data';
import { t } from '@grafana/i18n';

import { optionName } from '../text/options';
import { DEFAULT_OPTIONS } from './defaults';
import { PingmeshOptions } from './types';

/** The Drill-down section of the panel's options. */
export function addDrillOptions(builder: PanelOptionsEditorBuilder<PingmeshOptions>): void {
  // Grafana shows the category name as the section title.
  const drillDown = [optionName('drill')];
  builder
    .addTextInput({
      path: 'drill.sourceVariable',
      name: optionName('drill.sourceVariable'),
      description: t(
        'options.source-variable.description',
        'Dashboard variable the cell menu sets to the source host ("Set variables"); empty = none.'
      ),
      category: drillDown,
      defaultValue: DEFAULT_OPTIONS.drill.sourceVariable,
    })
    .addTextInput({
      path: 'drill.destinationVariable',
      name: optionName('drill.destinationVariable'),
      description: t(
        'options.destination-variable.description',
        'Dashboard variable the cell menu sets to the destination host; empty = none.'
      ),
      category: drillDown,
      defaultValue: DEFAULT_OPTIONS.drill.destinationVariable,
    });
}
