import { initPluginTranslations } from '@grafana/i18n';
import { config } from '@grafana/runtime';

import { loadResources } from './loadResources';
import pluginJson from './plugin.json';

/** major.minor of a Grafana version string ("12.4.10", "12.2.0-pre", "11.6.0+security-01"); 0.0 if unparsable. */
function majorMinor(version = ''): [number, number] {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/**
 * Grafana >= 12.2 (12.1 with the localizationForPlugins feature toggle) reads `languages` from plugin.json and adds
 * public/plugins/<id>/locales/<lang>/<id>.json to i18next before it imports module.js; older Grafana needs the
 * plugin's own loader.
 */
export function grafanaLoadsPluginTranslations(version = config.buildInfo?.version): boolean {
  const [major, minor] = majorMinor(version);
  const toggles = config.featureToggles as Record<string, boolean | undefined>;
  return major > 12 || (major === 12 && (minor >= 2 || (minor === 1 && Boolean(toggles.localizationForPlugins))));
}

export const initTranslations = () =>
  initPluginTranslations(pluginJson.id, grafanaLoadsPluginTranslations() ? [] : [loadResources]);
