import { DEFAULT_LANGUAGE, LANGUAGES } from '@grafana/i18n';
import { config } from '@grafana/runtime';
// Not exported by the published @grafana/i18n; webpack.config.ts aliases it to the file its index imports, so this
// is the very module (one i18next instance, one t()) that @grafana/ui and the plugins' shared `i18next` see.
import { addResourceBundle, getResolvedLanguage, initializeI18n } from 'grafana-i18n-internal';

/**
 * What Grafana's app.ts does at boot: `initializeI18n({ language: user.language, ns, module: loadTranslations })`.
 * The backend module stands in for Grafana's own public/locales/<lang>/grafana.json: i18next only sets
 * `resolvedLanguage` for a language that has some resources, and plugins read `resolvedLanguage`.
 */
const coreTranslations = {
  type: 'backend' as const,
  init() {},
  read(language: string, namespace: string, callback: (err: unknown, data: object) => void) {
    callback(null, language === DEFAULT_LANGUAGE ? {} : { harness: { language } });
  },
};

export async function initHostI18n(): Promise<void> {
  const user = config.bootData.user;
  // 12.x passes the regional format as a second argument; 13.2 dropped both it and CurrentUserDTO.regionalFormat.
  const { regionalFormat } = user as { regionalFormat?: string };
  await initializeI18n({ language: user.language, ns: ['grafana'], module: coreTranslations }, regionalFormat);
}

const versionAtLeast = (version: string, major: number, minor: number) => {
  const [ma = 0, mi = 0] = version.split('.').map((n) => parseInt(n, 10) || 0);
  return ma > major || (ma === major && mi >= minor);
};

/** Grafana 12.2+ (12.1 with the localizationForPlugins toggle) loads plugin locales itself. */
export function hostLoadsPluginTranslations(): boolean {
  const version = config.buildInfo.version;
  const toggles = config.featureToggles as Record<string, boolean | undefined>;
  return versionAtLeast(version, 12, 2) || (versionAtLeast(version, 12, 1) && Boolean(toggles.localizationForPlugins));
}

/**
 * Grafana's importPluginModule -> addTranslationsToI18n (12.4): before module.js is imported, the file for the
 * resolved language (else en-US) among plugin.json `languages` is added under the plugin id namespace.
 * The backend builds the URLs as public/plugins/<id>/locales/<lang>/<id>.json.
 */
export async function addPluginTranslations(pluginId: string, languages: string[] | undefined): Promise<void> {
  const resolved = getResolvedLanguage();
  if (!hostLoadsPluginTranslations() || !languages?.length || resolved === DEFAULT_LANGUAGE) {
    return;
  }
  const language = languages.includes(resolved)
    ? resolved
    : languages.includes(DEFAULT_LANGUAGE)
      ? DEFAULT_LANGUAGE
      : undefined;
  if (!language || !LANGUAGES.some((l) => l.code === language)) {
    console.warn(`Could not find any translation for plugin ${pluginId}`, { resolved });
    return;
  }
  const res = await fetch(`/public/plugins/${pluginId}/locales/${language}/${pluginId}.json`);
  if (!res.ok) {
    console.warn(`Could not load translation for plugin ${pluginId}: HTTP ${res.status}`);
    return;
  }
  addResourceBundle(language, pluginId, await res.json());
}
