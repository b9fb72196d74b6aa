// Browser-safe entry point of the simulator: only the pure core (no Node APIs). Node-only parts: prom.ts, server.ts, cli.ts.
export * from './rng';
export * from './topology';
export * from './baseline';
export * from './scenarios';
export * from './openmetrics';
export * from './shapes';
export * from './k8s';
export * from './args';
