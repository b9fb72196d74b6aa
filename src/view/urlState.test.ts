import { urlUtil } from '@grafana/data';

import { PanelUrlState, decodeUrlState, encodeUrlState, pairInModel, urlKeys } from './urlState';

const LONG = 'x&=#%'.repeat(410); // ~2 kB
const HOSTILE: PanelUrlState = {
  selected: { source: 'a&b=<c>', destination: 'say "hi" \'x\' é 😀 \u200F' },
  zoom: [
    { row: 'eu\u001fdc1', col: 'us\u001fdc"2"' },
    { row: 'eu\u001fdc1\u001ftor&1=', col: LONG },
    { row: '', col: '["not","json"]' },
  ],
};

/** What locationService.partial does with the params, then how Grafana and the browser read them back. */
function viaUrl(params: Record<string, string | undefined>) {
  const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  const search = urlUtil.renderUrl('/d/abc', { orgId: 1, ...defined }).split('?')[1] ?? '';
  return { searchParams: new URLSearchParams(search), parsed: urlUtil.parseKeyValue(search) };
}

describe('urlKeys', () => {
  it('is scoped to the panel', () => {
    expect(urlKeys(7)).toEqual({ selected: 'pingmesh-7-cell', zoom: 'pingmesh-7-zoom' });
  });
});

describe('encode / decode', () => {
  it('round-trips hostile values through URLSearchParams and urlUtil.parseKeyValue', () => {
    const { searchParams, parsed } = viaUrl(encodeUrlState(3, HOSTILE));
    expect(decodeUrlState(3, searchParams)).toEqual(HOSTILE);
    expect(decodeUrlState(3, parsed)).toEqual(HOSTILE);
  });

  it('round-trips a selection alone and a zoom alone', () => {
    const selected: PanelUrlState = { selected: { source: 's', destination: 'd' }, zoom: [] };
    const zoomed: PanelUrlState = { zoom: [{ row: 'r', col: 'c' }] };
    expect(decodeUrlState(1, viaUrl(encodeUrlState(1, selected)).searchParams)).toEqual(selected);
    expect(decodeUrlState(1, viaUrl(encodeUrlState(1, zoomed)).parsed)).toEqual(zoomed);
  });

  it('encodes the empty state as all-undefined (removes the params)', () => {
    const params = encodeUrlState(5, { zoom: [] });
    expect(params).toEqual({ 'pingmesh-5-cell': undefined, 'pingmesh-5-zoom': undefined });
    expect(Object.keys(params).sort()).toEqual(Object.values(urlKeys(5)).sort());
  });

  it('keeps two panels apart', () => {
    const a: PanelUrlState = { selected: { source: 'a1', destination: 'a2' }, zoom: [{ row: 'ra', col: 'ca' }] };
    const b: PanelUrlState = { selected: { source: 'b1', destination: 'b2' }, zoom: [] };
    const { searchParams } = viaUrl({ ...encodeUrlState(1, a), ...encodeUrlState(2, b) });
    expect(decodeUrlState(1, searchParams)).toEqual(a);
    expect(decodeUrlState(2, searchParams)).toEqual(b);
    expect(decodeUrlState(3, searchParams)).toEqual({ zoom: [] });
    // Panel 1 and panel 11 do not share a prefix match.
    expect(decodeUrlState(11, searchParams)).toEqual({ zoom: [] });
  });

  it('takes the first string of a repeated parameter', () => {
    const { parsed } = viaUrl({});
    const search = { ...parsed, 'pingmesh-1-cell': ['["x","y"]', '["z","w"]'] };
    expect(decodeUrlState(1, search).selected).toEqual({ source: 'x', destination: 'y' });
  });
});

describe('decodeUrlState is tolerant', () => {
  const empty = { zoom: [] };

  it.each([
    ['missing', {}],
    ['not JSON', { 'pingmesh-1-cell': '{oops', 'pingmesh-1-zoom': '[[' }],
    ['booleans (bare key)', { 'pingmesh-1-cell': true, 'pingmesh-1-zoom': false }],
    ['numbers', { 'pingmesh-1-cell': 12, 'pingmesh-1-zoom': 3 }],
    ['objects', { 'pingmesh-1-cell': { source: 'a' }, 'pingmesh-1-zoom': null }],
    ['JSON of the wrong shape', { 'pingmesh-1-cell': '{"source":"a","destination":"b"}', 'pingmesh-1-zoom': '{}' }],
    ['wrong arity', { 'pingmesh-1-cell': '["a"]', 'pingmesh-1-zoom': '[["a","b","c"]]' }],
    ['wrong element types', { 'pingmesh-1-cell': '["a",1]', 'pingmesh-1-zoom': '[["a",null]]' }],
    ['JSON null / strings', { 'pingmesh-1-cell': 'null', 'pingmesh-1-zoom': '"[]"' }],
    ['a partly valid zoom', { 'pingmesh-1-zoom': '[["a","b"],"c"]' }],
  ])('%s → empty state', (_, search) => {
    expect(decodeUrlState(1, search as Record<string, unknown>)).toEqual(empty);
  });

  it('keeps a valid part when the other is garbage', () => {
    expect(decodeUrlState(1, { 'pingmesh-1-cell': '["a","b"]', 'pingmesh-1-zoom': 'zzz' })).toEqual({
      selected: { source: 'a', destination: 'b' },
      zoom: [],
    });
  });

  it('caps the zoom depth', () => {
    const deep = JSON.stringify(Array.from({ length: 1000 }, () => ['a', 'b']));
    expect(decodeUrlState(1, { 'pingmesh-1-zoom': deep }).zoom).toEqual([]);
  });

  it('survives non-objects and prototype keys', () => {
    expect(decodeUrlState(1, null as unknown as Record<string, unknown>)).toEqual(empty);
    expect(decodeUrlState(1, new URLSearchParams('pingmesh-1-cell=%5B'))).toEqual(empty);
    expect(decodeUrlState(1, Object.create({ 'pingmesh-1-cell': '["a","b"]' }))).toEqual(empty);
  });
});

describe('pairInModel', () => {
  const model = { rows: ['a', 'b'], cols: ['a', 'b', 'c'] };

  // Regression: a crafted pingmesh-<id>-cell opened the pair view and queried a pair that is not in the data.
  it('keeps a pair whose source is a row host and destination a column host, nothing else', () => {
    expect(pairInModel(model, { source: 'a', destination: 'c' })).toEqual({ source: 'a', destination: 'c' });
    expect(pairInModel(model, { source: 'c', destination: 'a' })).toBeUndefined();
    expect(pairInModel(model, { source: 'a', destination: 'zz' })).toBeUndefined();
    expect(pairInModel(model, { source: '__proto__', destination: 'a' })).toBeUndefined();
    expect(pairInModel(model, undefined)).toBeUndefined();
  });

  it('opens nothing on a model folded by the cardinality guard (its axes are groups)', () => {
    const grouped = { ...model, grouped: { level: 'tor', hosts: 5000 } };
    expect(pairInModel(grouped, { source: 'a', destination: 'b' })).toBeUndefined();
  });
});
