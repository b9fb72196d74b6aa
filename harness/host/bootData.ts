import { installErrorCapture } from './errors';
import { HOST_INFO } from './hostInfo';

/**
 * First module of the bundle (own webpack entry), because @grafana/runtime reads `window.grafanaBootData`
 * when it is evaluated and @grafana/ui resolves icon URLs from `window.__grafana_public_path__`.
 */
declare global {
  interface Window {
    grafanaBootData?: object;
    __grafana_public_path__?: string;
  }
}

installErrorCapture();

/** Page-level settings from `?config=`: Grafana fixes them at boot too (changing the language reloads the page). */
function bootConfig(): { theme?: string; language?: string; grafanaVersion?: string } {
  try {
    const raw = new URLSearchParams(window.location.search).get('config');
    return raw ? JSON.parse(raw) : {};
  } catch {
    return {}; // the host reports the malformed config when it parses it for real
  }
}
const boot = bootConfig();
const initialTheme = (): 'dark' | 'light' => (boot.theme === 'light' ? 'light' : 'dark');
const language = typeof boot.language === 'string' ? boot.language : 'en-US';

window.__grafana_public_path__ = '/public/';
window.grafanaBootData = {
  assets: { dark: '', light: '' },
  navTree: [],
  settings: {
    appSubUrl: '',
    appUrl: `${window.location.origin}/`,
    buildInfo: {
      version: boot.grafanaVersion ?? HOST_INFO.grafana,
      commit: 'harness',
      env: 'production',
      edition: 'Open Source',
    },
    featureToggles: {},
    defaultDatasource: 'Prometheus',
  },
  user: {
    id: 1,
    login: 'harness',
    name: 'Harness',
    isSignedIn: true,
    orgId: 1,
    orgRole: 'Admin',
    theme: initialTheme(),
    timezone: 'utc',
    weekStart: 'monday',
    locale: language,
    language,
    // Grafana 12.x only (13.2 dropped it from CurrentUserDTO).
    regionalFormat: language,
  },
};

export {};
