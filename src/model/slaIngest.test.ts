import { createTheme } from '@grafana/data';

import { DEFAULT_OPTIONS, PingmeshOptions } from '../types';
import { buildMatrix } from './buildMatrix';
import { DEFAULT_SLA_CONFIG, Status } from './sla';
import { msThresholds, seriesFrames, tableFrame } from './testFrames';
import { CellState, MatrixModel } from './types';
import { classifyModel } from './view';

const theme = createTheme();
const opts = (o: Partial<PingmeshOptions> = {}): PingmeshOptions => ({ ...DEFAULT_OPTIONS, inputUnit: 'ms', ...o });
const HOSTS = ['a', 'b', 'c', 'd'];

function build(frames: Array<ReturnType<typeof tableFrame>>, o: Partial<PingmeshOptions> = {}): MatrixModel {
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
    expect(m.states[cell(m, 'c', 'a')]).toBe(CellState.Value);
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
