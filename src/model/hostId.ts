/**
 * Host identity from a label value: strips a trailing `:port` (agents are scraped as `host:9115`) without
 * breaking IPv6 — `[fe80::1]:9115` → `fe80::1`, while a bare `fe80::1` has no port to strip.
 */
export function hostIdentity(value: string): string {
  const v = value.trim();
  if (v.startsWith('[')) {
    const close = v.indexOf(']');
    if (close > 0) {
      const rest = v.slice(close + 1);
      if (rest === '' || /^:\d+$/.test(rest)) {
        return v.slice(1, close);
      }
    }
    return v;
  }
  const colon = v.lastIndexOf(':');
  // More than one colon without brackets is a bare IPv6 address.
  if (colon > 0 && v.indexOf(':') === colon && /^\d+$/.test(v.slice(colon + 1))) {
    return v.slice(0, colon);
  }
  return v;
}
