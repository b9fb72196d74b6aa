import { createTheme } from '@grafana/data';

import { buildMatrix } from '../ingest';
import { mesh, msThresholds, tableFrame } from '../model/testFrames';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { ViewInput, buildView } from '../view/view';
import { focusAnnouncement, footerLines, gridSummary } from './matrix';

const frame = tableFrame(mesh(['h1', 'h2'], (s) => (s === 'h1' ? 150 : 5)));
frame.fields.find((f) => f.name === 'Value')!.config = msThresholds([
  [-Infinity, 'green'],
  [100, 'red'],
]);
const model = buildMatrix({
  frames: [frame],
  options: { ...DEFAULT_MODEL_OPTIONS, preset: 'topology', inputUnit: 'ms' },
  theme: createTheme(),
}).model!;
const view = {
  startLevel: '',
  toggled: new Set<string>(),
  zoom: [],
  aggregation: 'max',
  sortBy: 'name',
} satisfies Omit<ViewInput, 'model'>;
const { matrix } = buildView({ model, ...view });

describe('footerLines', () => {
  it('the preset, pooling, option notices in order, short names and changes; empty ones dropped', () => {
    const lines = footerLines({
      model,
      pooled: true,
      rows: 2,
      cols: 2,
      options: ['Max hosts `abc` is not valid', undefined, false, ''],
      shortened: ['.example.com'],
      changes: { since: '5m', count: 1234 },
    });
    expect(lines).toEqual([
      'Preset: Generic src/dst labels (Pingmesh simulator, recording rules)',
      '2 × 2 cells on fewer pixels: each pixel shows the worst of its cells',
      'Max hosts `abc` is not valid',
      'Axis labels shortened: .example.com (full names in tooltips)',
      '1,234 pairs changed state in the last 5m (outlined)',
      ...model.notices,
    ]);
  });

  it('a note about changes replaces the count', () => {
    const lines = footerLines({
      model,
      pooled: false,
      rows: 2,
      cols: 2,
      options: [],
      shortened: [],
      changes: { since: '5m', note: 'Highlight changes needs a range query.', count: 0 },
    });
    expect(lines).toContain('Highlight changes needs a range query.');
    expect(lines.some((l) => l.includes('cells on fewer pixels'))).toBe(false);
  });
});

describe('focusAnnouncement', () => {
  it('says the pair, its value and its state; nothing without a focus cell inside the matrix', () => {
    expect(focusAnnouncement(matrix, { row: 0, col: 1 })).toMatch(/^h1 → h2: 150 ms, /);
    expect(focusAnnouncement(matrix, undefined)).toBe('');
    expect(focusAnnouncement(matrix, { row: 9, col: 0 })).toBe('');
  });
});

describe('gridSummary', () => {
  it('names the size and the keys', () => {
    expect(gridSummary(3, 4)).toMatch(/^Pingmesh matrix, 3 sources × 4 destinations\. Arrow keys/);
  });
});
