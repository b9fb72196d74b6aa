/**
 * The one order of host (and group) names on the axes: IPv4 and IPv6 addresses by address, everything else
 * naturally (`tor-2` before `tor-10`, case-insensitive). A total order: two different strings never compare equal
 * (equal addresses written differently, `fd00::a` / `fd00:0:0:0:0:0:0:a`, are told apart by their text last), so
 * sorting is deterministic whatever the input order. Addresses come first (IPv4, then IPv6), then names.
 *
 * Compute a key once per name (`hostSortKey`) and compare keys in hot sorts; `compareHosts` does both.
 */
export interface HostSortKey {
  readonly raw: string;
  /** 0 = IPv4, 1 = IPv6, 2 = name. */
  readonly kind: 0 | 1 | 2;
  /** Address as 16-bit groups (IPv4: two), zone id after `%` for IPv6 link-local; name tokens otherwise. */
  readonly parts: ReadonlyArray<number | string>;
}

// Fixed locale: the axis order must not change with the viewer's browser language (shared links, screenshots).
const text = new Intl.Collator('en', { sensitivity: 'base' });

export function hostSortKey(raw: string): HostSortKey {
  const v4 = parseIPv4(raw);
  if (v4) {
    return { raw, kind: 0, parts: v4 };
  }
  const v6 = parseIPv6(raw);
  if (v6) {
    return { raw, kind: 1, parts: v6 };
  }
  return { raw, kind: 2, parts: tokens(raw) };
}

export function compareHostKeys(a: HostSortKey, b: HostSortKey): number {
  if (a.kind !== b.kind) {
    return a.kind - b.kind;
  }
  const n = Math.min(a.parts.length, b.parts.length);
  for (let i = 0; i < n; i++) {
    const c = comparePart(a.parts[i], b.parts[i]);
    if (c !== 0) {
      return c;
    }
  }
  return a.parts.length - b.parts.length || (a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0);
}

export function compareHosts(a: string, b: string): number {
  return compareHostKeys(hostSortKey(a), hostSortKey(b));
}

/** Sorts names in place by compareHosts, parsing each name once. */
export function sortHosts(names: string[]): string[] {
  const keys = new Map(names.map((n) => [n, hostSortKey(n)]));
  return names.sort((a, b) => compareHostKeys(keys.get(a)!, keys.get(b)!));
}

// Numbers (digit runs, address groups) before text; digit runs by value; text case-insensitively.
function comparePart(x: number | string, y: number | string): number {
  if (typeof x === 'number') {
    return typeof y === 'number' ? x - y : -1;
  }
  return typeof y === 'number' ? 1 : text.compare(x, y);
}

/**
 * Digit runs become numbers (exact up to 2^53; longer runs keep comparing by value through their text, which is
 * zero-stripped so that `007` and `7` tie until the final text tie-break).
 */
function tokens(s: string): Array<number | string> {
  const out: Array<number | string> = [];
  const re = /(\d+)|(\D+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m[1] !== undefined) {
      const digits = m[1].replace(/^0+(?=\d)/, '');
      out.push(digits.length <= 15 ? Number(digits) : digits.padStart(64, '0'));
    } else {
      out.push(m[2]);
    }
  }
  return out;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** `10.0.0.9` → [0x0a00, 0x0009]; undefined unless four octets 0–255. */
function parseIPv4(s: string): number[] | undefined {
  const m = V4.exec(s);
  if (!m) {
    return undefined;
  }
  const o = [m[1], m[2], m[3], m[4]].map(Number);
  if (o.some((x) => x > 255)) {
    return undefined;
  }
  return [o[0] * 256 + o[1], o[2] * 256 + o[3]];
}

/**
 * RFC 4291 text forms: eight groups, `::` for a run of zero groups, an embedded IPv4 tail (`::ffff:10.0.0.1`), and a
 * zone (`fe80::1%eth0`, compared after the address). Returns the 8 groups (+ zone) or undefined.
 */
function parseIPv6(s: string): Array<number | string> | undefined {
  if (!s.includes(':')) {
    return undefined;
  }
  const pct = s.indexOf('%');
  const addr = pct >= 0 ? s.slice(0, pct) : s;
  const zone = pct >= 0 ? s.slice(pct + 1) : undefined;
  if (zone === '' || /[\s%]/.test(zone ?? '')) {
    return undefined;
  }
  const halves = addr.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const groups = (part: string): number[] | undefined => {
    if (part === '') {
      return [];
    }
    const out: number[] = [];
    const fields = part.split(':');
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (i === fields.length - 1 && f.includes('.')) {
        const v4 = parseIPv4(f);
        if (!v4) {
          return undefined;
        }
        out.push(...v4);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(f)) {
        out.push(parseInt(f, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) {
    return undefined;
  }
  // An embedded IPv4 may only end the address.
  if (halves.length === 2 && halves[0].includes('.')) {
    return undefined;
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) {
    return undefined;
  }
  const all: Array<number | string> = [
    ...head,
    ...new Array<number>(halves.length === 2 ? missing : 0).fill(0),
    ...tail,
  ];
  if (zone !== undefined) {
    all.push(zone);
  }
  return all;
}
