/**
 * Group ids: a group's path (region > DC > … > its own name) as one string, stable across refreshes so expansion and
 * zoom survive new data and can sit in a URL. Level values are untrusted label values and may hold any character,
 * the separator included: each name is escaped first, so two different paths never share an id (a DC named
 * "dc1\u001ftor2" is not tor2 inside dc1). Names without U+001E / U+001F — all real ones — keep their plain form, so
 * ids in shared links stay valid.
 */
const SEP = '\u001f';
const ESC = '\u001e';

function escapeName(name: string): string {
  if (name === '') {
    // Distinct from the root's id ('').
    return `${ESC}2`;
  }
  if (!name.includes(SEP) && !name.includes(ESC)) {
    return name;
  }
  return name.replaceAll(ESC, `${ESC}0`).replaceAll(SEP, `${ESC}1`);
}

function unescapeName(part: string): string {
  if (!part.includes(ESC)) {
    return part;
  }
  return part.replace(/\u001e([012])/g, (_, d: string) => (d === '0' ? ESC : d === '1' ? SEP : ''));
}

/** The id of the group `name` inside the group `parent` ('' = the root). */
export function childGroupId(parent: string, name: string): string {
  return parent === '' ? escapeName(name) : `${parent}${SEP}${escapeName(name)}`;
}

/** The id of the group at `path[0..depth)`. */
export function groupId(path: readonly string[], depth = path.length): string {
  let id = '';
  for (let l = 0; l < depth; l++) {
    id = childGroupId(id, path[l]);
  }
  return id;
}

/** The names along a group id, outermost first ([] for the root). */
export function groupPath(id: string): string[] {
  return id === '' ? [] : id.split(SEP).map(unescapeName);
}

/** Whether the group `id` is `group` or lies inside it. */
export function isInGroup(id: string, group: string): boolean {
  return id === group || id.startsWith(`${group}${SEP}`);
}

/** The ids of the group `id` and every group above it, outermost first. */
export function groupAncestry(id: string): string[] {
  const path = groupPath(id);
  return path.map((_, i) => groupId(path, i + 1));
}
