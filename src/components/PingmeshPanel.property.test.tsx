/**
 * Property: any JSON value stored for any option (null, numbers, strings, arrays, objects, `__proto__`-named keys, huge
 * strings; in its section, as a whole section, or flat as before the sections) → the panel renders a matrix or a clear
 * message, never throws, and names a value it cannot use: where the value has the wrong JSON type for its option,
 * the option's name is on screen. Rendered in jsdom from a Grafana-shaped table frame.
 */
import { cleanup, screen } from '@testing-library/react';
import fc from 'fast-check';

import { FLAT_PATHS } from '../options/flat';
import { DEFAULT_OPTIONS } from '../options/defaults';
import { OptionPath, SECTIONS, Section } from '../options/types';
import { optionName } from '../text/options';
import { renderPanel } from './testPanel';
import { TEST_IDS } from './testIds';

const RUNS = 100;

const PATHS: OptionPath[] = SECTIONS.flatMap((s) =>
  Object.keys(DEFAULT_OPTIONS[s]).map((k) => `${s}.${k}` as OptionPath)
);

/** JSON values as hand-edited or machine-written dashboards hold them. */
const anyJson = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 4 },
  fc.constantFrom<unknown>(
    null,
    '',
    '__proto__',
    'constructor',
    'toString',
    'x'.repeat(100_000),
    JSON.parse('{"__proto__": {"polluted": 1}}'),
    JSON.parse('{"__proto__": {"latencyWarn": 1, "latencyBreach": 2, "lossWarn": 0, "lossBreach": 0}}'),
    [null],
    { toString: 1 },
    -1,
    1e308,
    '0x1F'
  )
);

/** Where the value goes: an option in its section, a whole section, or a flat (pre-section) key. */
const placement = fc.oneof(
  fc.record({ where: fc.constant('path' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({ where: fc.constant('section' as const), section: fc.constantFrom(...SECTIONS) }),
  fc.record({ where: fc.constant('flat' as const), key: fc.constantFrom(...Object.keys(FLAT_PATHS)) })
);

/** The option's JSON type as its editor writes it: a value of another type must be named. */
function wrongType(path: OptionPath, value: unknown): boolean {
  const [section, key] = path.split('.') as [Section, string];
  const fallback: unknown = new Map(Object.entries(DEFAULT_OPTIONS[section])).get(key);
  if (value === undefined) {
    return false;
  }
  if (typeof fallback === 'boolean') {
    return typeof value !== 'boolean' && value !== 'true' && value !== 'false';
  }
  if (typeof fallback === 'string') {
    return typeof value !== 'string';
  }
  if (typeof fallback === 'number') {
    return typeof value !== 'number' && typeof value !== 'string';
  }
  if (Array.isArray(fallback)) {
    return typeof value !== 'string' && !Array.isArray(value);
  }
  return typeof value !== 'object' || value === null || Array.isArray(value);
}

describe('any stored option value', () => {
  afterEach(cleanup);

  it(`renders a matrix or a message, never throws, and names a value of the wrong type (${RUNS} runs)`, () => {
    const stats = { matrix: 0, message: 0, named: 0 };
    fc.assert(
      fc.property(placement, anyJson, (where, value) => {
        cleanup();
        let stored: Record<string, unknown>;
        let path: OptionPath | undefined;
        if (where.where === 'path') {
          const [s, k] = where.path.split('.');
          stored = { [s]: { [k]: value } };
          path = where.path;
        } else if (where.where === 'section') {
          stored = { [where.section]: value };
          path =
            value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value))
              ? undefined
              : where.section;
        } else {
          stored = { [where.key]: value };
          path = FLAT_PATHS[where.key];
        }
        renderPanel(stored);
        const grid = screen.queryByRole('grid');
        const text =
          (grid
            ? screen.queryByTestId(TEST_IDS.notices)?.textContent
            : screen.getByTestId(TEST_IDS.message).textContent) ?? '';
        grid ? stats.matrix++ : stats.message++;
        if (path && (path.includes('.') ? wrongType(path, value) : true)) {
          stats.named++;
          expect(text).toContain(optionName(path));
        }
      }),
      { numRuns: RUNS }
    );
    // Both outcomes happen, and the oracle had work to do.
    expect(stats.matrix).toBeGreaterThan(RUNS / 2);
    expect(stats.named).toBeGreaterThan(RUNS / 4);
  });
});
