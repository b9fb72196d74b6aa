import { sameJson } from './json';
import { PingmeshOptions, Section } from './types';

/**
 * `next` with every section that equals the one in `prev` replaced by `prev`'s object. Grafana may hand the panel a
 * deep copy of its options after any edit (Scenes clones them); sections that did not change keep their identity, so
 * a memo keyed on `options.sla` does not re-judge every cell because the sort order changed.
 */
export function keepSections(prev: PingmeshOptions | undefined, next: PingmeshOptions): PingmeshOptions {
  if (!prev) {
    return next;
  }
  let same = true;
  const out = { ...next };
  for (const s of Object.keys(next) as Section[]) {
    if (prev[s] !== next[s] && sameJson(prev[s], next[s])) {
      (out as Record<Section, unknown>)[s] = prev[s];
    }
    same &&= out[s] === prev[s];
  }
  return same ? prev : out;
}

/** The last options handed out, so that the next ones can keep its unchanged sections (see keepSections). */
export class StableSections {
  private last: PingmeshOptions | undefined;

  keep(next: PingmeshOptions): PingmeshOptions {
    this.last = keepSections(this.last, next);
    return this.last;
  }
}
