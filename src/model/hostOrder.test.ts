import fc from 'fast-check';

import { compareHosts, hostSortKey, sortHosts } from './hostOrder';

const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0);

/** Eight 16-bit groups written in a random but valid RFC 4291 form: case, leading zeros, one `::` run. */
const ipv6Text = (groups: number[], style: { upper: boolean[]; pad: number[]; compress: number; len: number }) => {
  const hex = groups.map((g, i) => {
    const h = g.toString(16).padStart(style.pad[i], '0');
    return style.upper[i] ? h.toUpperCase() : h;
  });
  // Compress a run of zero groups starting at `compress` (if it is zero) of up to `len` groups.
  const start = style.compress;
  if (groups[start] !== 0) {
    return hex.join(':');
  }
  let end = start;
  while (end < 8 && end - start < style.len && groups[end] === 0) {
    end++;
  }
  return `${hex.slice(0, start).join(':')}::${hex.slice(end).join(':')}`;
};

const groupsArb = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
  minLength: 8,
  maxLength: 8,
});
const styleArb = fc.record({
  upper: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  pad: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 8, maxLength: 8 }),
  compress: fc.integer({ min: 0, max: 7 }),
  len: fc.integer({ min: 1, max: 8 }),
});
const ipv6Arb = fc.tuple(groupsArb, styleArb).map(([g, s]) => ipv6Text(g, s));
const ipv4Arb = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }).map((o) => o.join('.'));
const hostnameArb = fc
  .array(
    fc.oneof(
      fc.constantFrom('tor', 'node', 'Node', 'h', 'rack', 'ip', 'a', '-', '.', '_', ':'),
      fc.nat(120).map(String)
    ),
    {
      minLength: 1,
      maxLength: 6,
    }
  )
  .map((p) => p.join(''));
// Anything at all, including strings that only look like addresses, unicode and digit runs past 2^53.
const anyHost = fc.oneof(
  ipv4Arb,
  ipv6Arb,
  hostnameArb,
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.stringMatching(/^[0-9a-f:.%]{1,12}$/),
  fc.stringMatching(/^[1-9][0-9]{14,30}$/).map((d) => `h${d}`)
);

describe('compareHosts: examples', () => {
  it.each([
    ['fd00::2', 'fd00::a'],
    ['fd00::a', 'fd00::10'],
    ['10.0.0.9', '10.0.0.10'],
    ['9.255.255.255', '10.0.0.0'],
    ['tor-2', 'tor-10'],
    ['h9', 'h10'],
    ['rack-2-node-9', 'rack-2-node-10'],
    ['node-1', 'Node-2'],
    // Addresses before names, IPv4 before IPv6.
    ['192.168.0.1', '::1'],
    ['::ffff:10.0.0.1', 'alpha'],
    ['fe80::1', 'fe80::1%eth0'],
    ['h18446744073709551615', 'h18446744073709551616'],
  ])('%s before %s', (a, b) => {
    expect(compareHosts(a, b)).toBeLessThan(0);
    expect(compareHosts(b, a)).toBeGreaterThan(0);
  });

  it('reads compressed and expanded IPv6, with and without leading zeros and embedded IPv4, as one address', () => {
    const same = ['fd00::a', 'FD00:0:0:0:0:0:0:A', 'fd00:0000:0000:0000:0000:0000:0000:000a', 'fd00:0::0:a'];
    const keys = same.map((s) => hostSortKey(s).parts);
    keys.forEach((k) => expect(k).toEqual(keys[0]));
    expect(hostSortKey('::ffff:10.0.0.1').parts).toEqual(hostSortKey('::ffff:a00:1').parts);
    // Sorted among others, the spellings of one address stay together, between its neighbours.
    const sorted = sortHosts(['fd00::b', ...same, 'fd00::9', 'fd00::10']);
    expect(sorted.slice(1, 5).map((s) => hostSortKey(s).parts)).toEqual(same.map(() => keys[0]));
    expect(sorted[0]).toBe('fd00::9');
    expect(sorted.slice(5)).toEqual(['fd00::b', 'fd00::10']);
  });

  it('keeps text that only looks like an address a name', () => {
    for (const s of ['10.0.0.256', '10.0.0', '1::2::3', 'fd00:::1', 'host:http', 'a:b', '10.0.0.1:9115', 'fe80::1%']) {
      expect(hostSortKey(s).kind).toBe(2);
    }
    expect(hostSortKey('10.0.0.1').kind).toBe(0);
    expect(hostSortKey('::').kind).toBe(1);
    expect(hostSortKey('fe80::1%eth0').kind).toBe(1);
  });

  it('orders a kubeservice-style mixed list the way an operator reads it', () => {
    expect(
      sortHosts([
        '10.1.1.10',
        '10.1.1.9',
        '10.1.10.1',
        '10.1.2.1',
        'fd00::10',
        'fd00::a',
        'fd00::2',
        'node-b',
        'node-a',
      ])
    ).toEqual(['10.1.1.9', '10.1.1.10', '10.1.2.1', '10.1.10.1', 'fd00::2', 'fd00::a', 'fd00::10', 'node-a', 'node-b']);
  });
});

describe('compareHosts: a total order (fast-check)', () => {
  it('an IPv6 address in any valid spelling parses to its groups', () => {
    fc.assert(
      fc.property(groupsArb, styleArb, (g, s) => {
        expect(hostSortKey(ipv6Text(g, s)).parts).toEqual(g);
      }),
      { numRuns: 500 }
    );
  });

  it('is antisymmetric, and 0 only for the same string', () => {
    fc.assert(
      fc.property(anyHost, anyHost, (a, b) => {
        expect(sign(compareHosts(a, b)) + sign(compareHosts(b, a))).toBe(0);
        expect(compareHosts(a, b) === 0).toBe(a === b);
      }),
      { numRuns: 2000 }
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(anyHost, anyHost, anyHost, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareHosts);
        expect(compareHosts(x, y)).toBeLessThanOrEqual(0);
        expect(compareHosts(y, z)).toBeLessThanOrEqual(0);
        expect(compareHosts(x, z)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 }
    );
  });

  it('sorts every permutation of a list to the same order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyHost, { maxLength: 12 }), fc.integer(), (list, seed) => {
        const shuffled = [...list].sort((a, b) => ((hash(a) ^ seed) >>> 0) - ((hash(b) ^ seed) >>> 0));
        expect(sortHosts(shuffled)).toEqual(sortHosts([...list]));
      }),
      { numRuns: 300 }
    );
  });

  // What broke: natural string sort put fd00:0:a::… (rack 10) after fd00:0:10::… and split a rack whose hosts were
  // written with and without `::`; by address every rack is one run.
  it('keeps a rack’s hosts adjacent, however its addresses are written', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 0xffff }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 0xffff }), styleArb), { minLength: 1, maxLength: 5 }),
        (racks, hosts) => {
          const names = new Map<string, number>();
          for (const rack of racks) {
            for (const [h, style] of hosts) {
              names.set(ipv6Text([0xfd00, 0, rack, 0, 0, 0, 0, h], style), rack);
            }
          }
          const order = sortHosts([...names.keys()]).map((n) => names.get(n)!);
          const runs = order.filter((r, i) => i === 0 || order[i - 1] !== r);
          expect(runs).toEqual([...racks].sort((a, b) => a - b));
        }
      ),
      { numRuns: 300 }
    );
  });
});

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h;
}
