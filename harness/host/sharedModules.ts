/**
 * The modules a plugin's AMD bundle expects from Grafana (the externals of .config/bundler/externals.ts that
 * exist in node_modules), registered the way Grafana's `sharedDependenciesMap` + `buildImportMap` do it:
 * `System.set('app:<name>', namespace)` plus an import map `<name> -> app:<name>`. The values are this
 * bundle's own module instances, so the plugin and the host share React, the theme context and the
 * @grafana/runtime service singletons. `module` needs no entry: SystemJS' AMD extra supplies `module.uri`.
 *
 * `webpackMode: "eager"` keeps everything in the one host bundle (Grafana loads some of these lazily).
 */
type Loader = () => Promise<object>;

/** lodash and moment are callable defaults; Grafana marks them so the AMD extra passes `default` itself. */
const withDefaultExport =
  (load: () => Promise<{ default: unknown }>): Loader =>
  () =>
    load().then((ns) => ({ ...ns, __useDefault: true }));

export const SHARED_PREFIX = 'app:';

export const sharedModules: Record<string, Loader> = {
  react: () => import(/* webpackMode: "eager" */ 'react'),
  'react/jsx-runtime': () => import(/* webpackMode: "eager" */ 'react/jsx-runtime'),
  'react/jsx-dev-runtime': () => import(/* webpackMode: "eager" */ 'react/jsx-dev-runtime'),
  'react-dom': () => import(/* webpackMode: "eager" */ 'react-dom'),
  '@grafana/data': () => import(/* webpackMode: "eager" */ '@grafana/data'),
  '@grafana/ui': () => import(/* webpackMode: "eager" */ '@grafana/ui'),
  '@grafana/ui/unstable': () => import(/* webpackMode: "eager" */ '@grafana/ui/unstable'),
  '@grafana/runtime': () => import(/* webpackMode: "eager" */ '@grafana/runtime'),
  '@grafana/runtime/unstable': () => import(/* webpackMode: "eager" */ '@grafana/runtime/unstable'),
  '@emotion/css': () => import(/* webpackMode: "eager" */ '@emotion/css'),
  '@emotion/react': () => import(/* webpackMode: "eager" */ '@emotion/react'),
  // Legacy plugins import `emotion`; Grafana maps it to @emotion/css.
  emotion: () => import(/* webpackMode: "eager" */ '@emotion/css'),
  lodash: withDefaultExport(() => import(/* webpackMode: "eager" */ 'lodash')),
  moment: withDefaultExport(() => import(/* webpackMode: "eager" */ 'moment')),
  rxjs: () => import(/* webpackMode: "eager" */ 'rxjs'),
  jquery: withDefaultExport(() => import(/* webpackMode: "eager" */ 'jquery')),
  // Grafana shares its i18next *instance*, so a plugin's bundled @grafana/i18n sees the host's translations.
  i18next: () => import(/* webpackMode: "eager" */ 'i18next').then((ns) => ns.default),
  redux: () => import(/* webpackMode: "eager" */ 'redux'),
  'react-redux': () => import(/* webpackMode: "eager" */ 'react-redux'),
  // Grafana exposes the v6-compatible router under `react-router`.
  'react-router': () => import(/* webpackMode: "eager" */ 'react-router-dom-v5-compat'),
  prismjs: () => import(/* webpackMode: "eager" */ 'prismjs'),
  slate: () => import(/* webpackMode: "eager" */ 'slate'),
  'slate-plain-serializer': () => import(/* webpackMode: "eager" */ 'slate-plain-serializer'),
};

export async function registerSharedModules(): Promise<void> {
  const imports: Record<string, string> = {};
  for (const [name, load] of Object.entries(sharedModules)) {
    const id = SHARED_PREFIX + name;
    System.set(id, (await load()) as System.Module);
    imports[name] = id;
  }
  System.addImportMap({ imports });
}
