import { createTheme } from '@grafana/data';

import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { ModelOptions } from '../options/types';
import { buildMatrix } from '../ingest';
import { DEFAULT_SLA_CONFIG, MEASURED, Status } from './sla';
import { msThresholds, seriesFrames, tableFrame } from './testFrames';
import { MatrixModel } from './types';
import { classifyModel } from '../view/view';

const theme = createTheme();
const opts = (o: Partial<ModelOptions> = {}): ModelOptions => ({ ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms', ...o });
const HOSTS = ['a', 'b', 'c', 'd'];

function build(frames: Array<ReturnType<typeof tableFrame>>, o: Partial<ModelOptions> = {}): MatrixModel {
  const r = buildMatrix({ frames, options: opts(o), theme });
  if (!r.model) {
    throw new Error(r.warning);
  }
  return r.model;
}
const cell = (m: MatrixModel, s: string, d: string) => m.rows.indexOf(s) * m.cols.length + m.cols.indexOf(d);
const statusOf = (m: MatrixModel, s: string, d: string, mode: 'thresholds' | 'auto' = 'thresholds') =>
  classifyModel(m, { ...DEFAULT_SLA_CONFIG, mode }).status[cell(m, s, d)];

/** Latency (A, ms, instant table): a→b 1, a→c 2, b→a 1; nothing else. */
const latency = () =>
  tableFrame(
    [
      { labels: { src: 'a', dst: 'b' }, values: [1] },
      { labels: { src: 'a', dst: 'c' }, values: [2] },
      { labels: { src: 'b', dst: 'a' }, values: [1] },
    ],
    'A',
    true
  );

describe('the other pair queries', () => {
  it('finds the loss query by metric name, keeps ratios, and the worse of latency and loss wins', () => {
    const loss = tableFrame(
      [
        { labels: { __name__: 'ping_loss_ratio', src: 'a', dst: 'b' }, values: [0.02] },
        { labels: { __name__: 'ping_loss_ratio', src: 'a', dst: 'c' }, values: [0] },
        // loss alone: a measured pair without latency
        { labels: { __name__: 'ping_loss_ratio', src: 'c', dst: 'a' }, values: [0.5] },
      ],
      'B',
      true
    );
    const m = build([loss, latency()]);
    expect(m.source.refId).toBe('A');
    expect(m.source.lossRefId).toBe('B');
    expect(m.loss![cell(m, 'a', 'b')]).toBe(0.02);
    expect(m.values[cell(m, 'a', 'b')]).toBe(1);
    expect(statusOf(m, 'a', 'b')).toBe(Status.Breach); // 1 ms is OK under 10/100, 2 % loss is not
    expect(statusOf(m, 'a', 'c')).toBe(Status.OK);
    expect(m.presence[cell(m, 'c', 'a')]).toBe(MEASURED);
    expect(statusOf(m, 'c', 'a')).toBe(Status.Breach);
    expect(build([loss, latency()], { lossRefId: 'none' }).loss).toBeUndefined();
  });

  it('a failing probe beats its measurements; hosts seen only in the failure query join the axes', () => {
    const fail = tableFrame(
      [
        { labels: { __name__: 'pingmesh_fail', src: 'a', dst: 'b' }, values: [1] },
        { labels: { __name__: 'pingmesh_fail', src: 'a', dst: 'c' }, values: [0] },
        { labels: { __name__: 'pingmesh_fail', src: 'd', dst: 'a' }, values: [1] },
      ],
      'C',
      true
    );
    const m = build([latency(), fail]);
    expect(m.rows).toEqual(HOSTS);
    expect(statusOf(m, 'a', 'b')).toBe(Status.Failed);
    expect(statusOf(m, 'a', 'c')).toBe(Status.OK);
    expect(statusOf(m, 'd', 'a')).toBe(Status.Failed);
    expect(m.failed).toBe(2);
  });

  it('with an expected-pairs query, absent pairs are not probed and listed ones without samples have no data', () => {
    const expected = tableFrame(
      [
        { labels: { src: 'a', dst: 'b' }, values: [1] },
        { labels: { src: 'a', dst: 'd' }, values: [1] },
      ],
      'D',
      true
    );
    const m = build([latency(), expected], { expectedRefId: 'D' });
    expect(statusOf(m, 'a', 'd')).toBe(Status.NoData);
    expect(statusOf(m, 'c', 'b')).toBe(Status.NotProbed);
    expect(statusOf(m, 'a', 'b')).toBe(Status.OK);
    expect(statusOf(m, 'a', 'a')).toBe(Status.Self);
  });

  it('missing pairs: no data by default, OK for breach-only exporters, not probed on request', () => {
    const name = 'pingmesh_duration_milliseconds';
    const agent = tableFrame(
      [
        { labels: { __name__: name, instance: '10.0.0.1:9115', target: '10.0.0.2' }, values: [250] },
        { labels: { __name__: name, instance: '10.0.0.2:9115', target: '10.0.0.3' }, values: [300] },
      ],
      'A'
    );
    agent.fields.find((f) => f.name === 'Value')!.config = msThresholds([
      [-Infinity, 'green'],
      [200, 'red'],
    ]);
    const m1 = build([agent]);
    expect(m1.mapping.presetName).toBe('kubeservice pingmesh-agent');
    expect(m1.rows).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    expect(statusOf(m1, '10.0.0.1', '10.0.0.3')).toBe(Status.OK);
    expect(statusOf(m1, '10.0.0.1', '10.0.0.2')).toBe(Status.Breach);
    const m2 = build([latency()]);
    expect(statusOf(m2, 'c', 'b')).toBe(Status.NoData);
    const m3 = build([latency()], { missingMeans: 'notProbed' });
    expect(statusOf(m3, 'c', 'b')).toBe(Status.NotProbed);
  });

  it('ages come from range frames (newest sample per pair) or from a sample time query', () => {
    // Range frames: a→b has samples to the end, a→c stops 4 steps (2 min) early.
    const frames = seriesFrames([
      { labels: { src: 'a', dst: 'b' }, values: [1, 1, 1, 1, 1, 1, 1, 1] },
      { labels: { src: 'a', dst: 'c' }, values: [1, 1, 1, 1, null, null, null, null] },
    ]);
    const m = build(frames);
    expect(m.age![cell(m, 'a', 'b')]).toBe(0);
    expect(m.age![cell(m, 'a', 'c')]).toBe(120_000);
    expect(classifyModel(m, { ...DEFAULT_SLA_CONFIG, staleMs: 90_000 }).status[cell(m, 'a', 'c')]).toBe(Status.Stale);
    expect(classifyModel(m, { ...DEFAULT_SLA_CONFIG, staleMs: 150_000 }).status[cell(m, 'a', 'c')]).toBe(Status.OK);

    const stamps = tableFrame(
      [
        { labels: { src: 'a', dst: 'b' }, values: [1_700_000_600] },
        { labels: { src: 'a', dst: 'c' }, values: [1_700_000_420] },
      ],
      'E',
      true
    );
    const t = build([latency(), stamps], { timestampRefId: 'E' });
    expect(t.age![cell(t, 'a', 'c')]).toBe(180_000);
    expect(t.age![cell(t, 'a', 'b')]).toBe(0);
    expect(classifyModel(t, DEFAULT_SLA_CONFIG).status[cell(t, 'a', 'c')]).toBe(Status.Stale);
  });

  it('says when a configured query has no frames', () => {
    const m = build([latency()], { lossRefId: 'Z' });
    expect(m.notices).toContain('No frames for the loss query `Z`.');
  });
});

describe('cardinality guard', () => {
  /** 3 DCs × 4 ToRs × 3 hosts, full mesh; one ToR (dc-b/tor-2) slow. */
  const hosts = ['a', 'b', 'c'].flatMap((dc) =>
    [1, 2, 3, 4].flatMap((t) => [1, 2, 3].map((h) => ({ name: `${dc}${t}${h}`, dc: `dc-${dc}`, tor: `tor-${t}` })))
  );
  const frame = () =>
    tableFrame(
      hosts.flatMap((s) =>
        hosts
          .filter((d) => d !== s)
          .map((d) => ({
            labels: { src: s.name, dst: d.name, src_dc: s.dc, dst_dc: d.dc, src_tor: s.tor, dst_tor: d.tor },
            values: [s.dc === 'dc-b' && s.tor === 'tor-2' ? 500 + d.name.length : s.dc === d.dc ? 1 : 10],
          }))
      )
    );

  it('beyond Max hosts, hosts fold into the deepest level that fits, worst pair per cell, and the footer says so', () => {
    const m = build([frame()], { levels: 'dc,tor', maxHosts: 12 });
    expect(m.grouped).toEqual({ level: 'tor', hosts: 36 });
    // tor names repeat in every DC, so the path names them
    expect(m.rows).toHaveLength(12);
    expect(m.rows).toContain('dc-b/tor-2');
    expect(m.levels).toEqual(['dc']);
    expect(m.rowPaths[m.rows.indexOf('dc-b/tor-2')]).toEqual(['dc-b']);
    expect(m.values[cell(m, 'dc-b/tor-2', 'dc-a/tor-1')]).toBe(503); // the worst of its 9 pairs
    expect(m.values[cell(m, 'dc-a/tor-1', 'dc-a/tor-1')]).toBe(1); // intra-ToR pairs, not "self"
    expect(m.notices.join(' ')).toContain('36 hosts is more than Max hosts (12): showing tor × tor');
  });

  it('falls back to a coarser level, and warns without grouping levels', () => {
    expect(build([frame()], { levels: 'dc,tor', maxHosts: 5 }).grouped?.level).toBe('dc');
    const r = buildMatrix({ frames: [frame()], options: opts({ maxHosts: 12 }), theme });
    expect(r.warning).toContain('36 hosts is more than this panel draws one by one (12, *Max hosts*)');
  });

  it('below the limit nothing changes', () => {
    expect(build([frame()], { levels: 'dc,tor', maxHosts: 100 }).grouped).toBeUndefined();
  });
});

describe('cardinality guard and scopes', () => {
  it('judges a folded ToR × ToR cell by the scope of the pairs inside it', () => {
    const hosts = ['a', 'b'].flatMap((t) => [1, 2].map((h) => ({ name: `${t}${h}`, tor: `tor-${t}` })));
    const frame = tableFrame(
      hosts.flatMap((s) =>
        hosts
          .filter((d) => d !== s)
          .map((d) => ({
            labels: { src: s.name, dst: d.name, src_dc: 'dc', dst_dc: 'dc', src_tor: s.tor, dst_tor: d.tor },
            values: [s.tor === d.tor ? 0.2 : 1.5],
          }))
      )
    );
    const m = build([frame], { levels: 'dc,tor', maxHosts: 3 });
    expect(m.rows).toEqual(['tor-a', 'tor-b']);
    const c = classifyModel(m, DEFAULT_SLA_CONFIG);
    // same-tor 0.2 ms: OK (SLA 1 ms); cross-tor 1.5 ms: warning (1 / 2 ms), not over the same-tor SLA
    expect(c.status[cell(m, 'tor-a', 'tor-a')]).toBe(Status.OK);
    expect(c.status[cell(m, 'tor-a', 'tor-b')]).toBe(Status.Warning);
    expect(c.scopes[c.scope![cell(m, 'tor-a', 'tor-b')]]).toBe('cross-tor');
  });
});
