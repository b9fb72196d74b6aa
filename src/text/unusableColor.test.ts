import { createTheme, ThresholdsMode } from '@grafana/data';

import { drawableThresholds } from '../render/palette';
import { unusableColorNotice } from './matrix';

describe('unusableColorNotice', () => {
  const theme = createTheme();

  // Broke: an unusable threshold colour drew transparent cells without a word in the footer.
  it('names the colour and the state drawn in the palette’s colour instead', () => {
    const { unusable } = drawableThresholds(theme, 'thresholds', {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: 25, color: 'redd' },
      ],
    });
    expect(unusableColorNotice(unusable)).toBe(
      'Threshold colour “redd” is not a colour: Over SLA cells are drawn in the palette’s colour.'
    );
  });

  it('says nothing when every colour is one', () => {
    expect(unusableColorNotice([])).toBeUndefined();
  });
});
