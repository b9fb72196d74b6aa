/**
 * Everything a test should treat as a failure: uncaught errors, unhandled rejections, console.error calls
 * (React reports render errors and prop/key warnings there) and scripts, stylesheets or images that failed to load.
 * Installed before any Grafana package is evaluated so module-init errors are caught too.
 */
export const harnessErrors: string[] = [];

function describe(value: unknown): string {
  if (value instanceof Error) {
    return value.stack ?? `${value.name}: ${value.message}`;
  }
  if (typeof value === 'string') {
    return value;
  }
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export function installErrorCapture(): void {
  const originalConsoleError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    harnessErrors.push(`console.error: ${args.map(describe).join(' ')}`);
    originalConsoleError(...args);
  };
  window.addEventListener(
    'error',
    (event: Event) => {
      const target = event.target;
      if (target instanceof HTMLScriptElement || target instanceof HTMLImageElement) {
        harnessErrors.push(`failed to load: ${target.src}`);
        return;
      }
      if (target instanceof HTMLLinkElement) {
        harnessErrors.push(`failed to load: ${target.href}`);
        return;
      }
      if (event instanceof ErrorEvent) {
        harnessErrors.push(`uncaught: ${describe(event.error ?? event.message)}`);
      }
    },
    true
  );
  window.addEventListener('unhandledrejection', (event) => {
    harnessErrors.push(`unhandled rejection: ${describe(event.reason)}`);
  });
}
