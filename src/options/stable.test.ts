import { DEFAULT_OPTIONS } from './defaults';
import { sameJson } from './json';
import { StableSections, keepSections } from './stable';

const copy = <T>(o: T): T => JSON.parse(JSON.stringify(o));

describe('keepSections', () => {
  it('a deep copy with one section changed keeps every other section object', () => {
    // Grafana (Scenes) may clone all options after any edit: the SLA must not be re-judged for a sort change.
    const prev = copy(DEFAULT_OPTIONS);
    const next = copy(DEFAULT_OPTIONS);
    next.grouping.sortBy = 'worst';
    const kept = keepSections(prev, next);
    expect(kept.sla).toBe(prev.sla);
    expect(kept.queries).toBe(prev.queries);
    expect(kept.grouping).toBe(next.grouping);
  });

  it('an equal copy is the previous object itself', () => {
    const prev = copy(DEFAULT_OPTIONS);
    expect(keepSections(prev, copy(DEFAULT_OPTIONS))).toBe(prev);
    expect(keepSections(undefined, prev)).toBe(prev);
  });

  it('StableSections remembers across calls', () => {
    const sections = new StableSections();
    const first = sections.keep(copy(DEFAULT_OPTIONS));
    const changed = copy(DEFAULT_OPTIONS);
    changed.sla.scopes = { 'same-tor': { latencyWarn: 1, latencyBreach: 2, lossWarn: 0, lossBreach: 0 } };
    const second = sections.keep(changed);
    expect(second.sla).not.toBe(first.sla);
    expect(second.display).toBe(first.display);
  });
});

describe('sameJson', () => {
  it('compares nested values, not identities', () => {
    expect(sameJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
