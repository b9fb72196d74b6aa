/**
 * Spread into every translation call that interpolates values, next to the values themselves (see Legend.tsx). React
 * and the canvas escape text themselves; i18next's own HTML escaping would show `dc1/tor` as `dc1&#x2F;tor`.
 */
export const RAW = { interpolation: { escapeValue: false } } as const;
