import { createTheme } from '@grafana/data';
import fc from 'fast-check';

import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { buildMatrix } from '../ingest';
import { buildView } from './view';
import { mesh, msThresholds, seriesFrames } from '../model/testFrames';
import { paintCells } from '../render/paint';
import { statusColors } from '../render/palette';
import { worstCells } from './worst';

const theme = createTheme();

function viewOf(hosts: string[], value: (s: string, d: string) => number | null) {
  const frames = seriesFrames(mesh(hosts, value));
  frames.forEach(
    (f) =>
      (f.fields[1].config = msThresholds([
        [-Infinity, 'green'],
        [10, 'orange'],
        [100, 'red'],
      ]))
  );
  const model = buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms' }, theme }).model!;
  const view = buildView({ model, startLevel: '', toggled: new Set(), zoom: [], aggregation: 'max', sortBy: 'name' });
  return { view: view.matrix, painted: paintCells(view.matrix, theme, statusColors(theme, 'accessible')) };
}

const name = (v: ReturnType<typeof viewOf>['view'], c: { row: number; col: number }) =>
  `${v.rows[c.row].label}>${v.cols[c.col].label}`;

describe('worstCells', () => {
  it('orders by status (over SLA, warning, no data, OK), then value; no self cells', () => {
    const { view, painted } = viewOf(['a', 'b', 'c'], (s, d) =>
      s === 'a' && d === 'b'
        ? 150
        : s === 'c' && d === 'a'
          ? 120
          : s === 'b' && d === 'c'
            ? 20
            : s === 'c' && d === 'b'
              ? null
              : 1
    );
    const top = worstCells(view, painted, 10).map((c) => name(view, c));
    expect(top.slice(0, 4)).toEqual(['a>b', 'c>a', 'b>c', 'c>b']); // c>b has no data: worse than OK
    expect(top).not.toContain('a>a');
    expect(top).toHaveLength(6);
    expect(worstCells(view, painted, 2).map((c) => name(view, c))).toEqual(['a>b', 'c>a']);
    expect(worstCells(view, painted, 0)).toEqual([]);
  });

  it('equals a full sort for any values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(null), fc.double({ min: 0, max: 500, noNaN: true })), {
          minLength: 12,
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 12 }),
        (vals, n) => {
          const hosts = ['a', 'b', 'c', 'd'];
          let k = 0;
          const table = new Map<string, number | null>();
          hosts.forEach((s) => hosts.forEach((d) => s !== d && table.set(`${s}>${d}`, vals[k++])));
          const { view, painted } = viewOf(hosts, (s, d) => table.get(`${s}>${d}`)!);
          const all = [...view.status.keys()].filter((i) => view.status[i] !== 0);
          const key = (i: number) => [painted.rank[i], view.values[i] || 0];
          all.sort((x, y) => key(y)[0] - key(x)[0] || key(y)[1] - key(x)[1] || x - y);
          const got = worstCells(view, painted, n).map((c) => c.row * 4 + c.col);
          expect(got).toEqual(all.slice(0, n));
        }
      )
    );
  });
});
