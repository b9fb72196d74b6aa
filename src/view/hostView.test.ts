import { createTheme } from '@grafana/data';

import { buildMatrix } from '../ingest';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { DEFAULT_SLA_CONFIG, Status } from '../model/sla';
import { mesh, tableFrame } from '../model/testFrames';
import { groupId } from '../model/groupId';
import { buildView, classifyModel } from './view';

const theme = createTheme();
const HOSTS = ['h1', 'h2', 'h3', 'h4', 'h5'];
const tor = (h: string) => (h < 'h3' ? 't1' : 't2');
// h4 is slow to everyone and lossy from h2: it sorts first by breaches.
const latency = mesh(
  HOSTS,
  (s, d) => (s === 'h4' || d === 'h4' ? 40 : 0.2),
  (src, dst) => ({ src, dst, src_tor: tor(src), dst_tor: tor(dst) })
);
const loss = mesh(
  HOSTS,
  (s, d) => (s === 'h2' && d === 'h4' ? 0.2 : 0),
  (src, dst) => ({ src, dst })
);

// Broke (slow, not wrong): sorting by breaches copied a 4,096-host view cell by cell through a function call (~1 s);
// the row-by-row gather that replaced it must give every cell exactly the model's.
describe('a view of hosts in another order', () => {
  it('holds each host pair’s own value, state, status, loss and scope', () => {
    const frames = [tableFrame(latency, 'A', true), tableFrame(loss, 'B', true)];
    const options = { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms' as const, levels: 'tor', lossRefId: 'B' };
    const model = buildMatrix({ frames, options, theme }).model!;
    const classified = classifyModel(model, { ...DEFAULT_SLA_CONFIG, mode: 'scopes' });
    const view = buildView({
      model,
      startLevel: 'host',
      toggled: new Set(),
      zoom: [],
      aggregation: 'max',
      sortBy: 'breaches',
      classified,
    });
    const m = view.matrix;
    const order = m.rows.map((e) => e.label);
    expect(order[0]).toBe('h4');
    expect(order).not.toEqual(model.rows);
    expect(m.counts).toBeUndefined();
    const C = model.cols.length;
    m.rows.forEach((re, r) =>
      m.cols.forEach((ce, c) => {
        const i = model.rows.indexOf(re.label) * C + model.cols.indexOf(ce.label);
        const k = r * m.cols.length + c;
        expect([m.values[k], m.status[k], m.loss![k], m.lossStatus![k], m.scope![k]]).toEqual([
          model.values[i],
          classified.status[i],
          model.loss![i],
          classified.lossStatus![i],
          classified.scope![i],
        ]);
      })
    );
    const at = (s: string, d: string) => order.indexOf(s) * m.cols.length + order.indexOf(d);
    expect(m.status[at('h2', 'h4')]).toBe(Status.Breach);
    expect(m.loss![at('h2', 'h4')]).toBe(0.2);
  });

  it('in the model’s own order is the model’s cells, not a copy (aggregate.ts); any other order is its own arrays', () => {
    const frames = [tableFrame(latency, 'A', true), tableFrame(loss, 'B', true)];
    const options = { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms' as const, levels: 'tor', lossRefId: 'B' };
    const model = buildMatrix({ frames, options, theme }).model!;
    const classified = classifyModel(model, { ...DEFAULT_SLA_CONFIG, mode: 'scopes' });
    const input = {
      model,
      startLevel: 'host',
      toggled: new Set<string>(),
      zoom: [],
      aggregation: 'max' as const,
      classified,
    };
    const byName = buildView({ ...input, sortBy: 'name' }).matrix;
    expect(byName.rows.map((e) => e.label)).toEqual(model.rows);
    expect(byName.values).toBe(model.values);
    expect(byName.status).toBe(classified.status);
    expect(byName.loss).toBe(model.loss);
    const sorted = buildView({ ...input, sortBy: 'breaches' }).matrix;
    expect(sorted.values).not.toBe(model.values);
    expect(sorted.status).not.toBe(classified.status);
    // Zoomed into one ToR: a part of the model, copied.
    const t1 = groupId(['t1']);
    const zoomed = buildView({ ...input, sortBy: 'name', zoom: [{ row: t1, col: t1 }] }).matrix;
    expect(zoomed.rows.map((e) => e.label)).toEqual(['h1', 'h2']);
    expect(zoomed.values).not.toBe(model.values);
    expect(Array.from(zoomed.values)).toEqual([model.values[0], model.values[1], model.values[5], model.values[6]]);
  });
});
