import { createTheme } from '@grafana/data';

import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { buildMatrix } from '../ingest';
import { findEntry, reveal, searchHits } from './navigate';
import { msThresholds, tableFrame } from '../model/testFrames';
import { MatrixModel } from '../model/types';
import { buildView } from './view';

const theme = createTheme();
const HOSTS = [
  { name: 'h1', dc: 'dc-a', tor: 'tor-1' },
  { name: 'h2', dc: 'dc-a', tor: 'tor-1' },
  { name: 'h3', dc: 'dc-a', tor: 'tor-2' },
  { name: 'h4', dc: 'dc-b', tor: 'tor-3' },
  { name: 'web-h5', dc: 'dc-b', tor: 'tor-3' },
];

function model(): MatrixModel {
  const specs = HOSTS.flatMap((s) =>
    HOSTS.filter((d) => d !== s).map((d) => ({
      labels: { src: s.name, dst: d.name, src_dc: s.dc, dst_dc: d.dc, src_tor: s.tor, dst_tor: d.tor },
      values: [1],
    }))
  );
  const frame = tableFrame(specs);
  frame.fields.find((f) => f.name === 'Value')!.config = msThresholds([[-Infinity, 'green']]);
  const r = buildMatrix({
    frames: [frame],
    options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms', levels: 'dc,tor' },
    theme,
  });
  return r.model!;
}

const m = model();
const viewOf = (toggled: ReadonlySet<string>, zoom: Array<{ row: string; col: string }> = []) =>
  buildView({ model: m, startLevel: 'dc', toggled, zoom, aggregation: 'max', sortBy: 'name' });
const labels = (v: ReturnType<typeof viewOf>) => v.matrix.rows.map((e) => e.label);

describe('searchHits', () => {
  const v = viewOf(new Set());
  it('finds groups (outermost first) before hosts, case-insensitively', () => {
    expect(searchHits(m, v, 'TOR-3').map((h) => [h.kind, h.label])).toEqual([['group', 'tor-3']]);
    expect(searchHits(m, v, 'h').map((h) => h.label)).toEqual(['h1', 'h2', 'h3', 'h4', 'web-h5']);
    expect(searchHits(m, v, 'dc').map((h) => h.id)).toEqual(['dc-a', 'dc-b']);
    expect(searchHits(m, v, 'tor-1')[0]).toEqual({ kind: 'group', id: 'dc-a\u001ftor-1', label: 'tor-1', level: 1 });
  });
  it('is empty for a blank query or no match', () => {
    expect(searchHits(m, v, '  ')).toEqual([]);
    expect(searchHits(m, v, 'nope')).toEqual([]);
  });
});

describe('reveal', () => {
  it('expands every group above a host so it becomes its own row, and the collapsed DC holds it before', () => {
    const v0 = viewOf(new Set());
    expect(labels(v0)).toEqual(['dc-a', 'dc-b']);
    const hit = searchHits(m, v0, 'web')[0];
    // Before: the collapsed DC row is the match.
    expect(findEntry(v0.matrix.rows, hit, v0.rowTree, m.rows)).toBe(1);
    const r = reveal({ model: m, view: v0, startLevel: 'dc', toggled: new Set(), zoom: [], hit });
    expect([...r.toggled].sort()).toEqual(['dc-b', 'dc-b\u001ftor-3']);
    const v1 = viewOf(r.toggled, r.zoom);
    expect(labels(v1)).toEqual(['dc-a', 'h4', 'web-h5']);
    expect(findEntry(v1.matrix.rows, hit, v1.rowTree, m.rows)).toBe(2);
    expect(findEntry(v1.matrix.cols, hit, v1.colTree, m.cols)).toBe(2);
  });

  it('shows a group as one row: its parents open, itself collapsed', () => {
    const v0 = viewOf(new Set());
    const hit = searchHits(m, v0, 'tor-2')[0];
    const r = reveal({ model: m, view: v0, startLevel: 'dc', toggled: new Set(), zoom: [], hit });
    expect(labels(viewOf(r.toggled))).toEqual(['tor-1', 'tor-2', 'dc-b']);
  });

  it('keeps groups that are already open, and un-toggles a group the user had collapsed', () => {
    const v0 = viewOf(new Set(['dc-a']));
    const hit = searchHits(m, v0, 'h3')[0];
    const r = reveal({ model: m, view: v0, startLevel: 'dc', toggled: new Set(['dc-a']), zoom: [], hit });
    expect(labels(viewOf(r.toggled))).toEqual(['tor-1', 'h3', 'dc-b']);
    // start at the ToR level: everything above is open by default; a user-collapsed DC is reopened by removing it.
    const v2 = buildView({
      model: m,
      startLevel: 'tor',
      toggled: new Set(['dc-a']),
      zoom: [],
      aggregation: 'max',
      sortBy: 'name',
    });
    const r2 = reveal({ model: m, view: v2, startLevel: 'tor', toggled: new Set(['dc-a']), zoom: [], hit });
    expect([...r2.toggled]).toEqual(['dc-a\u001ftor-2']);
  });

  it('leaves a zoom that does not contain the match, and keeps one that does', () => {
    const zoom = [{ row: 'dc-a', col: 'dc-a' }];
    const v0 = viewOf(new Set(), zoom);
    const out = reveal({
      model: m,
      view: v0,
      startLevel: 'dc',
      toggled: new Set(),
      zoom,
      hit: searchHits(m, v0, 'h4')[0],
    });
    expect(out.zoom).toEqual([]);
    const inside = reveal({
      model: m,
      view: v0,
      startLevel: 'dc',
      toggled: new Set(),
      zoom,
      hit: searchHits(m, v0, 'h3')[0],
    });
    expect(inside.zoom).toEqual(zoom);
    expect(labels(viewOf(inside.toggled, inside.zoom))).toEqual(['tor-1', 'h3']);
  });
});

describe('host order', () => {
  it('puts the listed hosts first, in list order, the rest by name', () => {
    const v = buildView({
      model: m,
      startLevel: 'host',
      toggled: new Set(),
      zoom: [],
      aggregation: 'max',
      sortBy: 'name',
      hostOrder: ['h4', 'web-h5', 'h1'],
    });
    // dc-b holds the first listed host, so it comes first; inside it, h4 then web-h5.
    expect(labels(v)).toEqual(['h4', 'web-h5', 'h1', 'h2', 'h3']);
  });
});

describe('zoom from a URL (buildView keeps the steps that exist and nest)', () => {
  const A = { row: 'dc-a', col: 'dc-b' };
  const AT = { row: 'dc-a\u001ftor-1', col: 'dc-b\u001ftor-3' };

  it('keeps a zoom as clicks make it: each step inside the previous on both axes', () => {
    const v = viewOf(new Set(), [A, AT]);
    expect(v.zoom).toEqual([A, AT]);
    expect(labels(v)).toEqual(['h1', 'h2']);
  });

  // Regression: 64 copies of one zoom id gave a 64-level breadcrumb.
  it('drops repeated steps, steps outside the previous one and unknown ids', () => {
    expect(
      viewOf(
        new Set(),
        Array.from({ length: 64 }, () => A)
      ).zoom
    ).toEqual([A]);
    // Back out, sideways, or the inner step first: only what nests in what came before.
    expect(viewOf(new Set(), [AT, A]).zoom).toEqual([AT]);
    expect(viewOf(new Set(), [A, { row: 'dc-b\u001ftor-3', col: 'dc-b\u001ftor-3' }]).zoom).toEqual([A]);
    expect(viewOf(new Set(), [A, { row: 'dc-a\u001ftor-1', col: 'dc-a' }]).zoom).toEqual([A]);
    expect(viewOf(new Set(), [{ row: 'nope', col: 'dc-a' }, A, { row: '', col: '' }, AT]).zoom).toEqual([A, AT]);
  });
});
