/** @grafana/i18n's `internal` entry (dropped from the published package): see webpack.config.ts. */
declare module 'grafana-i18n-internal' {
  export function initializeI18n(
    options: { language?: string; ns?: string[]; module?: { type: 'backend' } },
    /** Grafana 12.x only; 13.2 takes the options alone. */
    regionalFormat?: string
  ): Promise<{ language: string | undefined }>;
  export function addResourceBundle(language: string, namespace: string, resources: object): void;
  export function getResolvedLanguage(): string;
}
