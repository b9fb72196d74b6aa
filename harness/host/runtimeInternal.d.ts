/**
 * @grafana/runtime keeps these setters in its `internal` entry, which the published package does not
 * export; webpack.config.ts aliases the names below to the very files `@grafana/runtime`'s index imports,
 * so setting them here changes what plugins get from the shared @grafana/runtime.
 */
declare module 'grafana-runtime-internal/PanelRenderer' {
  export function setPanelRenderer(
    renderer: import('react').ComponentType<import('@grafana/runtime').PanelRendererProps>
  ): void;
}

declare module 'grafana-runtime-internal/PanelDataErrorView' {
  export function setPanelDataErrorView(
    view: import('react').ComponentType<import('@grafana/runtime').PanelDataErrorViewProps>
  ): void;
}
