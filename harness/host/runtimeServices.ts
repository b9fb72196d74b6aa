import { EventBusSrv } from '@grafana/data';
import {
  FakeEchoSrv,
  locationService,
  setAppEvents,
  setDataSourceSrv,
  setEchoSrv,
  setTemplateSrv,
} from '@grafana/runtime';
import { setPanelDataErrorView } from 'grafana-runtime-internal/PanelDataErrorView';
import { setPanelRenderer } from 'grafana-runtime-internal/PanelRenderer';

import { registerStandardEditors } from './editors';
import { HostPanelDataErrorView, HostPanelRenderer } from './hostViews';
import { registerHostPlugin } from './pluginLoader';
import { HarnessDataSourceSrv, HarnessPrometheusDatasource } from './promDatasource';
import { HarnessTemplateSrv } from './templateSrv';
import { createTimeseriesStandIn } from './timeseriesStandIn';

/**
 * Which @grafana/runtime services are real and which are host implementations:
 * - real (the package's own code, shared with the plugin through SystemJS): `config`, `locationService`
 *   (runtime's default HistoryWrapper over the page's browser history, as in Grafana — runtime refuses
 *   replacements outside tests), `FakeEchoSrv`, and the `PanelDataErrorView` / `PanelRenderer` slots
 *   (setters aliased in from runtime's internal entry);
 * - host implementations: TemplateSrv (templateSrv.ts), DataSourceSrv + Prometheus data source
 *   (promDatasource.ts, frames shaped like Grafana's), the PanelRenderer / PanelDataErrorView components
 *   (hostViews.tsx, timeseries via timeseriesStandIn.tsx), the standard option editor registries (editors.ts),
 *   app events (a plain EventBusSrv).
 * - not provided: BackendSrv, Grafana Live, plugin extensions, user storage — a plugin calling them fails loudly.
 */
export const templateSrv = new HarnessTemplateSrv();
export const prometheus = new HarnessPrometheusDatasource(templateSrv);
export { locationService };

export function installRuntimeServices(): void {
  registerStandardEditors();
  setTemplateSrv(templateSrv);
  setDataSourceSrv(new HarnessDataSourceSrv(prometheus, templateSrv));
  setEchoSrv(new FakeEchoSrv());
  setAppEvents(new EventBusSrv());
  setPanelRenderer(HostPanelRenderer);
  setPanelDataErrorView(HostPanelDataErrorView);
  registerHostPlugin(createTimeseriesStandIn());
}
