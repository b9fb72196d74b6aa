import { FieldColorModeId, FieldConfigProperty, PanelPlugin, ThresholdsMode } from '@grafana/data';

import { PingmeshPanel } from './components/PingmeshPanel';
import { pingmeshMigrationHandler, pingmeshPanelChangeHandler } from './options/migrations';
import { initTranslations } from './i18nInit';
import { addDisplayOptions } from './options/display';
import { addDrillOptions } from './options/drill';
import { addGroupingOptions } from './options/grouping';
import { addQueryOptions } from './options/queries';
import { addSlaOptions } from './options/sla';
import { DEFAULT_THRESHOLD_STEPS, DEFAULT_UNIT } from './options/defaults';
import { PingmeshOptions } from './options/types';

// Before anything can call t(): top-level await, as create-plugin's scenes-app template does.
await initTranslations();

export const plugin = new PanelPlugin<PingmeshOptions>(PingmeshPanel)
  // Switching an old AngularJS pingmesh panel (kubeservice) to this one imports its options (src/options/migrations.ts).
  .setPanelChangeHandler(pingmeshPanelChangeHandler)
  .setMigrationHandler(pingmeshMigrationHandler)
  .useFieldConfig({
    standardOptions: {
      [FieldConfigProperty.Unit]: { defaultValue: DEFAULT_UNIT },
      [FieldConfigProperty.Color]: { defaultValue: { mode: FieldColorModeId.Thresholds } },
      [FieldConfigProperty.Thresholds]: {
        defaultValue: { mode: ThresholdsMode.Absolute, steps: DEFAULT_THRESHOLD_STEPS },
      },
    },
  })
  // One section per file (src/options/), in the order Grafana shows them.
  .setPanelOptions((builder) => {
    addQueryOptions(builder);
    addGroupingOptions(builder);
    addDisplayOptions(builder);
    addSlaOptions(builder);
    addDrillOptions(builder);
  });
