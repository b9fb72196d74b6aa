import { screen } from '@testing-library/react';

import { inSimplifiedChinese, meshFrames, renderPanel } from '../testPanel';
import { TEST_IDS } from '../testIds';

beforeAll(inSimplifiedChinese);

it('says “panel too small” in Simplified Chinese', () => {
  renderPanel({}, meshFrames(), { width: 50, height: 50 });
  const small = screen.getByTestId(TEST_IDS.tooSmall);
  expect(small).toHaveTextContent('面板太小');
  expect(small).toHaveAttribute('title', expect.stringMatching(/^在 50 × 50 像素下.*不到 26 像素/));
});
