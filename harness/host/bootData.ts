import { installErrorCapture } from './errors';

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

function initialTheme(): 'dark' | 'light' {
  try {
    const raw = new URLSearchParams(window.location.search).get('config');
    return raw && JSON.parse(raw).theme === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark'; // the host reports the malformed config when it parses it for real
  }
}

window.__grafana_public_path__ = '/public/';
window.grafanaBootData = {
  assets: { dark: '', light: '' },
  navTree: [],
  settings: {
    appSubUrl: '',
    appUrl: `${window.location.origin}/`,
    buildInfo: { version: '12.4.10', commit: 'harness', env: 'production', edition: 'Open Source' },
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
    locale: 'en-US',
    language: 'en-US',
    regionalFormat: 'en-US',
  },
};

export {};
