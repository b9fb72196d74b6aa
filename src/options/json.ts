/** Plain JSON values as a dashboard stores them; no Grafana imports (the provisioning generator runs in Node). */

export type Raw = Record<string, unknown>;

export function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property's value; undefined for inherited ones (`toString`, `__proto__` of a plain object). */
export function own(o: Raw, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Deep equality of JSON-like values (option sections: numbers, strings, booleans, plain objects). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
    )
  );
}
