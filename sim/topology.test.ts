import { buildTopology, scopeOf, scopeOfIndex, topologyForHosts, topologySizesForHosts } from './topology';

const sizes = { regions: 2, dcsPerRegion: 2, azsPerDc: 2, torsPerAz: 2, hostsPerTor: 3 };

describe('buildTopology', () => {
  const topo = buildTopology(sizes);

  it('names groups hierarchically and hosts with zero-padded 1-based numbers', () => {
    expect(topo.hosts).toHaveLength(48);
    expect(topo.hosts[0]).toEqual({
      name: 'h001',
      ip: '10.1.1.1',
      region: 'r1',
      dc: 'r1-dc1',
      az: 'r1-dc1-az1',
      tor: 'r1-dc1-az1-tor1',
      index: 0,
    });
    expect(topo.hosts[47]).toMatchObject({ name: 'h048', ip: '10.2.8.3', tor: 'r2-dc2-az2-tor2', index: 47 });
    expect(topo.tors).toHaveLength(16);
    expect(topo.dcs).toEqual(['r1-dc1', 'r1-dc2', 'r2-dc1', 'r2-dc2']);
  });

  it('gives unique valid IPv4 addresses and names whose lexical order is the index order', () => {
    const ips = new Set(topo.hosts.map((h) => h.ip));
    expect(ips.size).toBe(48);
    topo.hosts.forEach((h) => {
      const octets = h.ip.split('.').map(Number);
      expect(octets).toHaveLength(4);
      octets.forEach((o) => expect(o >= 0 && o <= 255).toBe(true));
    });
    const names = topo.hosts.map((h) => h.name);
    expect([...names].sort()).toEqual(names);
  });

  it('widens host numbers past 999 hosts', () => {
    const big = buildTopology({ regions: 1, dcsPerRegion: 1, azsPerDc: 1, torsPerAz: 5, hostsPerTor: 200 });
    expect(big.hosts[0].name).toBe('h0001');
    expect(big.hosts[999].name).toBe('h1000');
  });

  it('rejects sizes the address scheme cannot hold, and non-integers', () => {
    expect(() => buildTopology({ ...sizes, hostsPerTor: 255 })).toThrow(/too large/);
    expect(() => buildTopology({ ...sizes, torsPerAz: 0 })).toThrow(/positive integer/);
  });
});

describe('scopeOf', () => {
  const topo = buildTopology(sizes);
  const h = topo.hosts;
  it.each([
    [0, 0, 'self'],
    [0, 1, 'tor'],
    [0, 3, 'az'],
    [0, 6, 'dc'],
    [0, 12, 'region'],
    [0, 24, 'global'],
    [47, 0, 'global'],
  ])('%i → %i is %s', (a, b, scope) => {
    expect(scopeOf(h[a], h[b])).toBe(scope);
    expect(scopeOfIndex(topo, a, b)).toBe(scope);
  });
});

describe('topologyForHosts', () => {
  it.each([
    [48, 48],
    [100, 96],
    [300, 312],
    [1000, 1008],
    [2000, 2016],
  ])('%i hosts → %i', (n, expected) => {
    expect(topologyForHosts(n).hosts).toHaveLength(expected);
  });

  it('always leaves room for every scenario (≥ 2 DCs, ≥ 2 ToRs per DC)', () => {
    for (const n of [1, 5, 16, 17, 150, 151, 601]) {
      const s = topologySizesForHosts(n);
      expect(s.regions * s.dcsPerRegion).toBeGreaterThanOrEqual(2);
      expect(s.azsPerDc * s.torsPerAz).toBeGreaterThanOrEqual(2);
    }
  });
});
