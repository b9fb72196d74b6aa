import { DEFAULT_OPTIONS, pickModelOptions } from './types';

describe('pickModelOptions', () => {
  it('keeps what shapes the model and leaves out what only regroups the view', () => {
    const picked = pickModelOptions({ ...DEFAULT_OPTIONS, levels: 'dc,tor', startLevel: 'dc', sortBy: 'worst' });
    expect(picked).toMatchObject({ levels: 'dc,tor', preset: 'auto', reducer: DEFAULT_OPTIONS.reducer });
    // regression guard: a start-level or sort change must not rebuild a 1M-row model
    for (const viewOnly of ['startLevel', 'aggregation', 'sortBy', 'showAxisLabels']) {
      expect(picked).not.toHaveProperty(viewOnly);
    }
  });
});
