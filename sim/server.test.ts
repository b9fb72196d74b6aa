import { httpGet } from './http';
import { makeScenario } from './scenarios';
import { startSimServer } from './server';
import { buildTopology } from './topology';

const topo = buildTopology({ regions: 1, dcsPerRegion: 2, azsPerDc: 1, torsPerAz: 2, hostsPerTor: 2 });

describe('live simulator server', () => {
  it('serves /metrics as Prometheus text and switches scenario via /scenario?name=', async () => {
    const sim = await startSimServer({ topo, scenario: makeScenario('healthy', topo, 1), format: 'pingmesh-agent' });
    try {
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const healthy = await httpGet(`${sim.url}/metrics`);
      expect(healthy.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(healthy.body).not.toMatch(/^pingmesh_/m);

      const switched = await httpGet(`${sim.url}/scenario?name=tor-down&seed=3`);
      const info = JSON.parse(switched.body) as { scenario: string; culprit: { kind: string }; hosts: unknown[] };
      expect(info).toMatchObject({ scenario: 'tor-down', culprit: { kind: 'tor' } });
      expect(info.hosts).toHaveLength(8);
      expect((await httpGet(`${sim.url}/metrics`)).body).toMatch(/^pingmesh_fail\{/m);

      expect((await httpGet(`${sim.url}/scenario?name=meteor`)).status).toBe(400);
      expect(sim.current().name).toBe('tor-down');
    } finally {
      await sim.close();
    }
  });
});
