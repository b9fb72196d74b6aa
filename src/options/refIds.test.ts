import { FieldOverrideContext, toDataFrame } from '@grafana/data';

import { refIdPicker } from './refIds';

const context = (refIds: Array<string | undefined>) =>
  ({
    data: refIds.map((refId) => toDataFrame({ refId, fields: [{ name: 'Value', values: [1] }] })),
  }) as FieldOverrideContext;

describe('refIdPicker', () => {
  it('lists the fixed choices, then each query of the response once, in order', async () => {
    const picker = refIdPicker([{ value: '', label: 'Auto' }]);
    expect(picker.allowCustomValue).toBe(true);
    const options = await picker.getOptions(context(['B', 'A', 'B', undefined, '']));
    expect(options.map((o) => o.value)).toEqual(['', 'B', 'A']);
  });

  it('no data yet: only the fixed choices (a refId can still be typed)', async () => {
    expect(await refIdPicker([{ value: 'none', label: 'None' }]).getOptions({} as FieldOverrideContext)).toEqual([
      { value: 'none', label: 'None' },
    ]);
  });
});
