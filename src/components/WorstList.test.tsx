import { fireEvent, screen, waitFor, within } from '@testing-library/react';

import { msThresholds, mesh, tableFrame } from '../model/testFrames';
import { failOnConsoleError, renderPanel } from './testPanel';
import { TEST_IDS } from './testIds';

/** A custom unit of 57 characters, as a saved dashboard may carry. */
const LONG_UNIT = 'suffix: ms of round-trip time between the two agents (p99)';

function frames() {
  const frame = tableFrame(mesh(['h1', 'h2', 'h3'], (s) => (s === 'h1' ? 150 : 5)));
  frame.fields.find((f) => f.name === 'Value')!.config = {
    ...msThresholds([
      [-Infinity, 'green'],
      [10, 'orange'],
      [100, 'red'],
    ]),
    unit: LONG_UNIT,
  };
  return [frame];
}

describe('WorstList', () => {
  failOnConsoleError();

  // Regression: a 57-character unit made the value column as wide as its text and squeezed the pair column to 0 px.
  it('a long value is cut at a share of the list, its full text in the title; a row still opens the pair', async () => {
    renderPanel({ display: { worstPairs: 3 } }, frames(), { width: 1300, height: 600 });
    const list = screen.getByTestId(TEST_IDS.worstList);
    const items = within(list).getAllByTestId(TEST_IDS.worstItem);
    expect(items).toHaveLength(3);
    const width = parseFloat(list.parentElement!.style.width);
    expect(width).toBeGreaterThan(0);
    for (const item of items) {
      const value = item.lastElementChild as HTMLElement;
      const text = value.firstElementChild as HTMLElement;
      expect(text.textContent).toMatch(/round-trip time between the two agents \(p99\)$/);
      // The whole value, unit included, is in the title; the text itself is bounded (the pair keeps the rest).
      expect(value.title.startsWith(text.textContent!)).toBe(true);
      expect(getComputedStyle(text).textOverflow).toBe('ellipsis');
      expect(parseFloat(text.style.maxWidth)).toBeLessThanOrEqual(width * 0.4);
    }
    expect(items[0]).toHaveAttribute('data-source', 'h1');
    fireEvent.click(within(items[0]).getByRole('button'));
    const pair = screen.getByTestId(TEST_IDS.pairView);
    expect(within(pair).getByRole('heading')).toHaveTextContent(
      `${items[0].dataset.source} ⇄ ${items[0].dataset.destination}`
    );
    // The pair's own query settles (no data source here) before the test ends.
    await waitFor(() => expect(screen.queryByTestId(TEST_IDS.pairLoading)).toBeNull());
  });
});
