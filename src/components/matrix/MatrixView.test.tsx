import { createTheme } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import React from 'react';

import { buildMatrix } from '../../ingest';
import { mesh, msThresholds, tableFrame } from '../../model/testFrames';
import { DEFAULT_SLA_CONFIG } from '../../model/sla';
import { DEFAULT_MODEL_OPTIONS, DEFAULT_OPTIONS } from '../../options/defaults';
import { PingmeshOptions } from '../../options/types';
import { RANGE, canvasLayout, failOnConsoleError } from '../testPanel';
import { TEST_IDS } from '../testIds';
import { MatrixView } from './MatrixView';

/** Two DCs: a1, a2 in dc a; b1, b2 in dc b. Everything from a1 is 150 ms (over SLA), the rest 5 ms. */
function grouped() {
  const hosts = ['a1', 'a2', 'b1', 'b2'];
  const frame = tableFrame(
    mesh(
      hosts,
      (s) => (s === 'a1' ? 150 : 5),
      (src, dst) => ({ src, dst, src_dc: src[0], dst_dc: dst[0] })
    )
  );
  frame.fields.find((f) => f.name === 'Value')!.config = msThresholds([
    [-Infinity, 'green'],
    [10, 'orange'],
    [100, 'red'],
  ]);
  const { model } = buildMatrix({
    frames: [frame],
    options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms', levels: 'dc' },
    theme: createTheme(),
  });
  return { model: model!, frames: [frame] };
}

function renderView(options: Partial<PingmeshOptions> = {}) {
  const { model, frames } = grouped();
  const props = {
    model,
    options: {
      ...DEFAULT_OPTIONS,
      grouping: { ...DEFAULT_OPTIONS.grouping, levels: 'dc', startLevel: 'dc' },
      display: { ...DEFAULT_OPTIONS.display, showDiagnosis: false },
      ...options,
    },
    width: 900,
    height: 600,
    drill: { frames, timeRange: RANGE, timeZone: 'utc' },
    panelId: 3,
    replaceVariables: (s: string) => s,
    sla: DEFAULT_SLA_CONFIG,
    optionNotices: [],
  };
  return render(<MatrixView {...props} />);
}

const rowLabels = () => screen.getAllByTestId(TEST_IDS.rowLabel).map((e) => e.textContent);

describe('MatrixView', () => {
  failOnConsoleError();

  it('opens at the start level: DC × DC, each group cell the worst of its pairs', async () => {
    const { container } = renderView();
    expect(rowLabels()).toEqual(['▸ a', '▸ b']);
    const { cellW, cellH } = canvasLayout(container);
    fireEvent.pointerMove(screen.getByRole('grid'), { clientX: cellW / 2, clientY: cellH * 1.5 });
    const tooltip = await screen.findByTestId(TEST_IDS.tooltip);
    expect(within(tooltip).getByTestId(TEST_IDS.tooltipSource)).toHaveTextContent('b');
    expect(within(tooltip).getByTestId(TEST_IDS.tooltipValue)).toHaveTextContent('5 ms');
  });

  it('a click on a group × group cell zooms into it; the breadcrumb goes back', () => {
    const { container } = renderView();
    const { cellW, cellH } = canvasLayout(container);
    fireEvent.click(screen.getByRole('grid'), { clientX: cellW / 2, clientY: cellH / 2 });
    expect(rowLabels()).toEqual(['a1', 'a2']);
    const crumb = screen.getByTestId(TEST_IDS.breadcrumb);
    fireEvent.click(within(crumb).getAllByRole('button')[0]);
    expect(rowLabels()).toEqual(['▸ a', '▸ b']);
  });

  it('a group label expands that group in place', () => {
    renderView();
    fireEvent.click(screen.getAllByTestId(TEST_IDS.rowLabel)[1]);
    expect(rowLabels()).toEqual(['▸ a', 'b1', 'b2']);
  });

  it('search: Enter reveals a host inside a collapsed group and puts the focus cell on it', () => {
    renderView();
    const input = screen.getByTestId(TEST_IDS.search);
    fireEvent.change(input, { target: { value: 'b2' } });
    expect(screen.getByTestId(TEST_IDS.searchStatus)).toHaveTextContent('1 / 1');
    act(() => {
      fireEvent.keyDown(input, { key: 'Enter' });
    });
    expect(rowLabels()).toEqual(['▸ a', 'b1', 'b2']);
    const focus = screen.getByTestId(TEST_IDS.focus);
    // b2's row; its column too (dc b is expanded on both axes).
    expect(focus).toHaveAttribute('data-row', '2');
    expect(screen.getByTestId(TEST_IDS.live)).toHaveTextContent(/^b2 → b2/);
  });

  it('Enter on a focused host pair opens the pair view; Esc closes it and the keyboard is back on the grid', () => {
    renderView({ grouping: { ...DEFAULT_OPTIONS.grouping, levels: 'dc', startLevel: 'host' } });
    const grid = screen.getByRole('grid');
    act(() => grid.focus());
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(screen.getByTestId(TEST_IDS.pinned)).toHaveTextContent('a1 → a2');
    expect(screen.getByTestId(TEST_IDS.pairView)).toBeInTheDocument();
    fireEvent.keyDown(grid, { key: 'Escape' });
    expect(screen.queryByTestId(TEST_IDS.pairView)).toBeNull();
    expect(grid).toHaveFocus();
  });

  it('Enter then Esc in the same tick: the pair view Enter opened is closed again, the focus cell stays', () => {
    renderView({ grouping: { ...DEFAULT_OPTIONS.grouping, levels: 'dc', startLevel: 'host' } });
    const grid = screen.getByRole('grid');
    act(() => grid.focus());
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    // Regression: Esc read "pair open" from the last render, closed the focus cell instead, and the pair view opened.
    act(() => {
      fireEvent.keyDown(grid, { key: 'Enter' });
      fireEvent.keyDown(grid, { key: 'Escape' });
    });
    expect(screen.queryByTestId(TEST_IDS.pairView)).toBeNull();
    expect(screen.getByTestId(TEST_IDS.focus)).toHaveAttribute('data-col', '1');
  });

  it('Shift+F10 then Esc in the same tick: the menu is closed again, the focus cell stays', () => {
    renderView();
    const grid = screen.getByRole('grid');
    act(() => grid.focus());
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    // Regression: Esc read "menu open" from the last render (closed), so the menu opened after it and stayed open.
    act(() => {
      fireEvent.keyDown(grid, { key: 'F10', shiftKey: true });
      fireEvent.keyDown(grid, { key: 'Escape' });
    });
    expect(screen.queryByTestId(TEST_IDS.menu)).toBeNull();
    expect(screen.getByTestId(TEST_IDS.focus)).toHaveAttribute('data-row', '0');
    // Rendered first, before the menu has the focus: Esc on the grid closes it too.
    fireEvent.keyDown(grid, { key: 'F10', shiftKey: true });
    expect(screen.getByTestId(TEST_IDS.menu)).toBeInTheDocument();
    fireEvent.keyDown(grid, { key: 'Escape' });
    expect(screen.queryByTestId(TEST_IDS.menu)).toBeNull();
  });
});

describe('MatrixView: view state from the URL', () => {
  failOnConsoleError();
  const keys = { cell: 'pingmesh-3-cell', zoom: 'pingmesh-3-zoom' };
  afterEach(() => act(() => locationService.partial({ [keys.cell]: undefined, [keys.zoom]: undefined }, true)));
  const hostLevel = { grouping: { ...DEFAULT_OPTIONS.grouping, levels: 'dc', startLevel: 'host' } };

  // The pair's own query settles (no data source here) before the test ends.
  const pairSettled = () => waitFor(() => expect(screen.queryByTestId(TEST_IDS.pairLoading)).toBeNull());

  it('a linked pair in the data opens its pair view', async () => {
    locationService.partial({ [keys.cell]: JSON.stringify(['a1', 'b2']) }, true);
    renderView(hostLevel);
    expect(screen.getByTestId(TEST_IDS.pairView)).toBeInTheDocument();
    expect(screen.getByTestId(TEST_IDS.pinned)).toHaveTextContent('a1 → b2');
    await pairSettled();
  });

  // Regression: a crafted pingmesh-<id>-cell opened the pair view and queried a pair that is not in the data.
  it('a linked pair not in the data opens nothing and the footer says so', async () => {
    locationService.partial({ [keys.cell]: JSON.stringify(['a1', 'evil<host>']) }, true);
    renderView(hostLevel);
    expect(screen.queryByTestId(TEST_IDS.pairView)).toBeNull();
    expect(screen.queryByTestId(TEST_IDS.pinned)).toBeNull();
    expect(screen.getByTestId(TEST_IDS.notices)).toHaveTextContent(
      'The linked pair a1 → evil<host> is not in the data.'
    );
    // A click on a pair in the data replaces the link's.
    const { cellW, cellH } = canvasLayout(document.body);
    fireEvent.click(screen.getByRole('grid'), { clientX: cellW * 1.5, clientY: cellH / 2 });
    expect(screen.getByTestId(TEST_IDS.pinned)).toHaveTextContent('a1 → a2');
    expect(screen.getByTestId(TEST_IDS.notices)).not.toHaveTextContent('not in the data');
    await pairSettled();
  });

  // Regression: 64 copies of one zoom id gave a 64-level breadcrumb.
  it('zoom steps are kept once and only where they nest', () => {
    const copies = Array.from({ length: 63 }, () => ['a', 'a']);
    locationService.partial({ [keys.zoom]: JSON.stringify([...copies, ['b', 'b']]) }, true);
    renderView();
    expect(rowLabels()).toEqual(['a1', 'a2']);
    const crumb = screen.getByTestId(TEST_IDS.breadcrumb);
    expect(crumb).toHaveTextContent(/^All›a × a$/);
  });
});
