import { createTheme } from '@grafana/data';

import { buildMatrix } from '../../ingest';
import { mesh, tableFrame } from '../../model/testFrames';
import { DEFAULT_MODEL_OPTIONS } from '../../options/defaults';
import { reveal, searchHits } from '../../view/navigate';
import { buildView } from '../../view/view';
import { focusCell, moveFocus } from './focus';

const specs = mesh(['a1', 'a2', 'b1'], () => 1).map((s) => ({
  ...s,
  labels: { ...s.labels, src_dc: s.labels.src[0], dst_dc: s.labels.dst[0] },
}));
const model = buildMatrix({
  frames: [tableFrame(specs)],
  options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms', levels: 'dc' },
  theme: createTheme(),
}).model!;
const viewOf = (toggled: ReadonlySet<string>) =>
  buildView({ model, startLevel: 'dc', toggled, zoom: [], aggregation: 'max', sortBy: 'name' });

describe('focusCell', () => {
  it('a search match is placed by the view its reveal builds: its row × its column', () => {
    const collapsed = viewOf(new Set());
    const [hit] = searchHits(model, collapsed, 'a2');
    // Hidden in dc "a" while collapsed.
    expect(focusCell({ hit }, collapsed, model)).toEqual({ row: 0, col: 0 });
    const shown = reveal({ model, view: collapsed, startLevel: 'dc', toggled: new Set(), zoom: [], hit });
    const after = viewOf(shown.toggled);
    const cell = focusCell({ hit }, after, model)!;
    expect(after.matrix.rows[cell.row].label).toBe('a2');
    expect(after.matrix.cols[cell.col].label).toBe('a2');
  });

  it('a position past the matrix (fewer rows after a refresh) is no focus', () => {
    const v = viewOf(new Set());
    expect(focusCell({ row: 1, col: 1 }, v, model)).toEqual({ row: 1, col: 1 });
    expect(focusCell({ row: 5, col: 0 }, v, model)).toBeUndefined();
    expect(focusCell(undefined, v, model)).toBeUndefined();
  });
});

describe('moveFocus', () => {
  it('starts at the corner and stays inside', () => {
    expect(moveFocus(undefined, [1, 0], 3, 3)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 2, col: 1 }, [1, 0], 3, 3)).toEqual({ row: 2, col: 1 });
    expect(moveFocus({ row: 1, col: 1 }, [0, Infinity], 3, 4)).toEqual({ row: 1, col: 3 });
    expect(moveFocus({ row: 1, col: 1 }, [0, -Infinity], 3, 4)).toEqual({ row: 1, col: 0 });
  });
});
