import { PanelPlugin, PanelPluginMeta, PluginType } from '@grafana/data';
import { config } from '@grafana/runtime';

import { addPluginTranslations } from './i18n';

/**
 * Loads a panel plugin the way Grafana does: `System.import('/public/plugins/<id>/module.js')`, take the
 * `plugin` export and attach the meta Grafana's backend would serve for plugin.json (the plugin needs
 * `meta.name` as soon as its field config registry is built).
 */
const cache = new Map<string, Promise<PanelPlugin>>();

export const pluginPublicPath = (id: string) => `public/plugins/${id}`;

type PluginJson = Partial<PanelPluginMeta> & { id: string; name: string; info?: PanelPluginMeta['info'] };

async function readPluginJson(id: string): Promise<PluginJson> {
  const res = await fetch(`/${pluginPublicPath(id)}/plugin.json`);
  if (!res.ok) {
    throw new Error(`plugin ${id}: /${pluginPublicPath(id)}/plugin.json answered HTTP ${res.status}`);
  }
  return res.json();
}

function toMeta(id: string, json: PluginJson): PanelPluginMeta {
  const base = pluginPublicPath(id);
  const logos = json.info?.logos ?? { small: '', large: '' };
  return {
    ...json,
    id,
    type: PluginType.panel,
    module: `${base}/module.js`,
    baseUrl: base,
    sort: json.sort ?? 100,
    skipDataQuery: json.skipDataQuery ?? false,
    hideFromList: false,
    info: {
      author: { name: '' },
      description: '',
      links: [],
      screenshots: [],
      updated: '',
      version: '',
      ...json.info,
      logos: { small: `${base}/${logos.small}`, large: `${base}/${logos.large}` },
    },
  };
}

/**
 * Grafana's SystemJS import hook (plugin_loader.ts: "support plugins that only have a default export"): the AMD
 * extra registers `{ default: exports, __useDefault: true }`, Grafana returns `default`, and a module.js with a
 * top-level await (async webpack module) has a Promise there, which the promise chain resolves.
 */
async function importModule(url: string): Promise<Record<string, unknown>> {
  const ns = (await System.import(url)) as Record<string, unknown>;
  return (ns && ns.__useDefault ? await ns.default : ns) as Record<string, unknown>;
}

async function load(id: string): Promise<PanelPlugin> {
  const json = await readPluginJson(id);
  // Grafana >= 12.2 adds the plugin's locales/<lang>/<id>.json to i18next before importing module.js.
  await addPluginTranslations(id, (json as { languages?: string[] }).languages);
  const exports = await importModule(`/${pluginPublicPath(id)}/module.js`);
  const plugin: unknown = exports.plugin;
  if (!(plugin instanceof PanelPlugin)) {
    throw new Error(
      `plugin ${id}: module.js has no \`plugin\` export that is a PanelPlugin of the shared @grafana/data ` +
        '(is @grafana/data external in its webpack config?)'
    );
  }
  plugin.meta = toMeta(id, json);
  config.panels[id] = plugin.meta;
  return plugin;
}

export function loadPanelPlugin(id: string): Promise<PanelPlugin> {
  let pending = cache.get(id);
  if (!pending) {
    pending = load(id);
    cache.set(id, pending);
  }
  return pending;
}

/** Host-provided plugins (the `timeseries` stand-in) are registered here so panels can use them by id. */
export function registerHostPlugin(plugin: PanelPlugin): void {
  cache.set(plugin.meta.id, Promise.resolve(plugin));
}

export function loadedPlugin(id: string): Promise<PanelPlugin> | undefined {
  return cache.get(id);
}
