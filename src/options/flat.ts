import { DEFAULT_OPTIONS } from './defaults';
import { Raw, isRecord, own } from './json';
import { OptionPath, SECTIONS } from './types';

/** Flat option values by section: `{ levels: 'dc' }` → `{ grouping: { levels: 'dc' } }`; other keys are left out. */
export function sectionsOf(flat: Raw): Record<string, Raw> {
  const out: Record<string, Raw> = {};
  for (const key of Object.keys(flat)) {
    if (Object.hasOwn(FLAT_PATHS, key)) {
      const [s, k] = FLAT_PATHS[key].split('.');
      out[s] = { ...out[s], [k]: flat[key] };
    }
  }
  return out;
}

/**
 * Options saved before they were nested (every key at the top level) → the nested sections. A value already in its
 * section wins over the same flat key; other top-level keys are dropped. Pure: the input is not changed.
 */
export function nestFlatOptions(raw: Raw): Raw {
  const lifted = sectionsOf(raw);
  if (Object.keys(lifted).length === 0) {
    return raw;
  }
  const out: Raw = {};
  for (const s of SECTIONS) {
    const given = own(raw, s);
    if (isRecord(given)) {
      out[s] = { ...lifted[s], ...given };
    } else if (given !== undefined) {
      // Not a section: the normaliser names it, and the flat values of it are dropped.
      out[s] = given;
    } else if (lifted[s]) {
      out[s] = lifted[s];
    }
  }
  return out;
}

/** Flat names that differ from the option's name in its section. */
const RENAMED: Record<string, OptionPath> = { slaMode: 'sla.mode', slaScopes: 'sla.scopes' };

/** Where each option of the flat schema (plugin 0.1) went: the same name in its section, but for RENAMED. */
export const FLAT_PATHS: Record<string, OptionPath> = Object.fromEntries([
  ...SECTIONS.flatMap((s) =>
    Object.keys(DEFAULT_OPTIONS[s])
      .filter((k) => s !== 'sla' || (k !== 'mode' && k !== 'scopes'))
      .map((k) => [k, `${s}.${k}`])
  ),
  ...Object.entries(RENAMED),
]);
