import { createRoot } from 'react-dom/client';

import { readConfigFromSearch } from './config';
import { Harness, HarnessApi } from './harness';
import { initHostI18n } from './i18n';
import { installRuntimeServices } from './runtimeServices';
import { registerSharedModules } from './sharedModules';

/**
 * Host page entry (after bootData.ts): set up what Grafana's boot would (runtime services, option editor
 * registries, SystemJS shared modules), expose `window.harness`, then render `?config=` if present.
 */
declare global {
  interface Window {
    harness: HarnessApi;
  }
}

installRuntimeServices();

const container = document.getElementById('harness-root')!;
const setup = Promise.all([initHostI18n(), registerSharedModules()]).then(() => undefined);
const harness = new Harness(createRoot(container), setup);
window.harness = harness;

async function start(): Promise<void> {
  const config = readConfigFromSearch(window.location.search);
  if (config) {
    await harness.render(config);
  }
}

// render() already recorded why it failed (console.error / errors[]); the page must not die silently.
start().catch((e) => {
  console.error('harness start failed', e);
  container.setAttribute('data-harness-error', e instanceof Error ? e.message : String(e));
});
