import { createTheme } from '@grafana/data';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
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
});
