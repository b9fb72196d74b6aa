import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import React from 'react';

import { Status } from '../model/sla';
import { PingmeshPanel } from './PingmeshPanel';
import { canvasLayout, failOnConsoleError, meshFrames, panelProps, renderPanel } from './testPanel';
import { TEST_IDS } from './testIds';

/** The centre of a cell, in client coordinates (the grid sits at 0,0 in jsdom). */
function cellPoint(container: HTMLElement, row: number, col: number) {
  const { cellW, cellH } = canvasLayout(container);
  return { clientX: (col + 0.5) * cellW, clientY: (row + 0.5) * cellH };
}

describe('PingmeshPanel', () => {
  failOnConsoleError();

  it('draws a matrix from a Grafana table frame: the grid, the legend counts, no notices', () => {
    const { container } = renderPanel({ queries: { preset: 'topology' } });
    const grid = screen.getByRole('grid');
    expect(grid).toHaveAttribute('aria-label', expect.stringMatching(/^Pingmesh matrix, 3 sources × 3 destinations\./));
    expect(canvasLayout(container)).toMatchObject({ rows: 3, cols: 3 });
    const count = (status: number) =>
      Number(
        container
          .querySelector(`[data-testid="${TEST_IDS.legendItem}"][data-status="${status}"]`)
          ?.getAttribute('data-count') ?? 0
      );
    expect(count(Status.Breach)).toBe(2);
    expect(count(Status.OK)).toBe(4);
    expect(screen.getByTestId(TEST_IDS.notices)).not.toHaveTextContent('is not valid');
  });

  it('hover shows one tooltip with the pair, its value and its state', async () => {
    const { container } = renderPanel({});
    fireEvent.pointerMove(screen.getByRole('grid'), cellPoint(container, 0, 1));
    const tooltip = await screen.findByTestId(TEST_IDS.tooltip);
    expect(within(tooltip).getByTestId(TEST_IDS.tooltipSource)).toHaveTextContent('h1');
    expect(within(tooltip).getByTestId(TEST_IDS.tooltipDestination)).toHaveTextContent('h2');
    expect(within(tooltip).getByTestId(TEST_IDS.tooltipValue)).toHaveTextContent('150 ms');
    expect(within(tooltip).getByTestId(TEST_IDS.tooltipState)).toHaveTextContent(/^Over SLA/);
    fireEvent.pointerLeave(screen.getByRole('grid'));
    await waitFor(() => expect(screen.queryByTestId(TEST_IDS.tooltip)).toBeNull());
  });

  it('keyboard: arrows move the focus cell and announce it; Esc leaves it', () => {
    renderPanel({});
    const grid = screen.getByRole('grid');
    act(() => grid.focus());
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowLeft' });
    const focus = screen.getByTestId(TEST_IDS.focus);
    expect(focus).toHaveAttribute('data-row', '1');
    expect(focus).toHaveAttribute('data-col', '0');
    expect(screen.getByTestId(TEST_IDS.live)).toHaveTextContent(/^h2 → h1: 5 ms, OK/);
    fireEvent.keyDown(grid, { key: 'Escape' });
    expect(screen.queryByTestId(TEST_IDS.focus)).toBeNull();
    expect(screen.getByTestId(TEST_IDS.live)).toHaveTextContent('');
  });

  it('Shift+F10 opens the cell menu for the focus cell; Esc closes it', async () => {
    renderPanel({ drill: { sourceVariable: 'src', destinationVariable: 'dst' } });
    const grid = screen.getByRole('grid');
    act(() => grid.focus());
    // The first arrow puts the focus cell in the corner, the second moves it.
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    fireEvent.keyDown(grid, { key: 'F10', shiftKey: true });
    const menu = await screen.findByTestId(TEST_IDS.menu);
    expect(menu).toHaveTextContent('h1 → h2');
    expect(screen.getByTestId(`${TEST_IDS.menuItem}-pair`)).toHaveTextContent('Pair view');
    expect(screen.getByTestId(`${TEST_IDS.menuItem}-vars`)).toHaveTextContent('Set $src, $dst');
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId(TEST_IDS.menu)).toBeNull());
    expect(grid).toHaveFocus();
  });

  it('names a stored option value it cannot use, and draws with the default', () => {
    // Broke: hostOrder 5 crashed the panel (`.split is not a function`).
    renderPanel({ grouping: { hostOrder: 5 }, display: { changedSince: 5 } });
    const notices = screen.getByTestId(TEST_IDS.notices);
    expect(notices).toHaveTextContent('Host order `5` is not valid (text): using ``.');
    expect(notices).toHaveTextContent('Highlight changes `5` is not valid');
    expect(screen.getByRole('grid')).toBeInTheDocument();
  });

  it('old flat options (before the sections) still apply when the migration did not run', () => {
    const { container } = renderPanel({ preset: 'topology', hostOrder: 'h3' });
    expect(container.querySelector(`[data-testid="${TEST_IDS.rowLabel}"]`)).toHaveTextContent('h3');
  });

  it('no series: Grafana’s message view, which also names a bad option', () => {
    renderPanel({ grouping: 'dc' }, []);
    expect(screen.getByTestId(TEST_IDS.message)).toHaveTextContent(
      'Grouping `dc` is not valid (a group of options): using the defaults.'
    );
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('series without a latency query: the build’s own message', () => {
    renderPanel({ queries: { latencyRefId: 'Z' } });
    expect(screen.getByTestId(TEST_IDS.message)).toHaveTextContent('No frames for the latency query `Z`');
  });

  it('a 2-host mesh: rows follow the host order option', () => {
    const { container } = renderPanel({ grouping: { hostOrder: 'b' } }, meshFrames(['a', 'b']));
    const labels = [...container.querySelectorAll(`[data-testid="${TEST_IDS.rowLabel}"]`)].map((e) => e.textContent);
    expect(labels).toEqual(['b', 'a']);
  });

  // Regression: a 50 × 50 px panel drew a 46 × 3 px matrix with no message.
  it('a panel too small for the cells says so instead of drawing a sliver; a little larger draws the matrix', () => {
    const { rerender } = renderPanel({}, meshFrames(), { width: 50, height: 50 });
    const small = screen.getByTestId(TEST_IDS.tooSmall);
    expect(small).toHaveTextContent('Panel too small');
    expect(small).toHaveAttribute(
      'title',
      expect.stringMatching(/^At 50 × 50 px the matrix’s cells would get less than 26 px/)
    );
    expect(screen.queryByRole('grid')).toBeNull();
    rerender(<PingmeshPanel {...panelProps({}, meshFrames(), { width: 120, height: 120 })} />);
    expect(screen.queryByTestId(TEST_IDS.tooSmall)).toBeNull();
    expect(screen.getByRole('grid')).toBeInTheDocument();
  });
});
