import { createTheme } from '@grafana/data';
import { fireEvent, render, screen, within } from '@testing-library/react';
import React from 'react';

import { STATUS_COUNT, Status } from '../model/sla';
import { statusLabel } from '../text/status';
import { statusColors } from '../render/palette';
import { LEGEND_HEIGHT, LEGEND_TEST_IDS, Legend } from './Legend';

const colors = statusColors(createTheme({ colors: { mode: 'dark' } }));
const THRESHOLDS = [
  'same-tor: latency ≥ 0.5 ms warning, ≥ 1 ms over SLA · loss ≥ 0.01 % / 0.1 %',
  'cross-dc: latency ≥ 10 ms warning, ≥ 20 ms over SLA · loss ≥ 0.01 % / 0.1 %',
];

function countsOf(entries: Array<[number, number]>) {
  const counts = new Uint32Array(STATUS_COUNT);
  entries.forEach(([s, n]) => (counts[s] = n));
  return counts;
}

function items() {
  return screen.getAllByTestId(LEGEND_TEST_IDS.item).map((el) => ({
    status: Number(el.getAttribute('data-status')),
    count: Number(el.getAttribute('data-count')),
    text: el.textContent,
  }));
}

describe('Legend', () => {
  it('lists the states present in legend order with formatted counts', () => {
    render(
      <Legend
        counts={countsOf([
          [Status.OK, 9812],
          [Status.Breach, 37],
          [Status.NoData, 4],
          [Status.Self, 100],
        ])}
        colors={colors}
        thresholds={THRESHOLDS}
        width={600}
      />
    );
    expect(screen.getByTestId(LEGEND_TEST_IDS.legend)).toBeInTheDocument();
    expect(items()).toEqual([
      { status: Status.OK, count: 9812, text: 'OK 9,812' },
      { status: Status.Breach, count: 37, text: 'Over SLA 37' },
      { status: Status.NoData, count: 4, text: 'No data 4' },
      { status: Status.Self, count: 100, text: 'Self 100' },
    ]);
    expect(screen.getByRole('list', { name: 'Pair states' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
  });

  it('hides zero-count states but always shows OK and Over SLA', () => {
    render(<Legend counts={new Uint32Array(STATUS_COUNT)} colors={colors} thresholds={[]} width={300} />);
    expect(items()).toEqual([
      { status: Status.OK, count: 0, text: 'OK 0' },
      { status: Status.Breach, count: 0, text: 'Over SLA 0' },
    ]);
  });

  it('accepts a plain array of counts, missing entries being zero', () => {
    render(<Legend counts={[0, 0, 5]} colors={colors} thresholds={[]} width={300} />);
    expect(items().map((i) => i.status)).toEqual([Status.OK, Status.Breach]);
  });

  it('shows every state with its exact colour and a mark where it has one', () => {
    const counts = countsOf(Object.values(Status).map((s) => [s, 1]));
    render(<Legend counts={counts} colors={colors} thresholds={[]} width={1200} />);
    const all = screen.getAllByTestId(LEGEND_TEST_IDS.item);
    expect(all).toHaveLength(STATUS_COUNT);
    for (const item of all) {
      const s = Number(item.getAttribute('data-status')) as keyof typeof colors;
      const swatch = within(item).getByTestId(LEGEND_TEST_IDS.swatch);
      expect(swatch.getAttribute('data-color')).toBe(colors[s]);
      expect(swatch.querySelector('rect')?.getAttribute('fill')).toBe(colors[s]);
      const hasMark = s !== Status.OK && s !== Status.NotProbed;
      expect(swatch.querySelector('path') !== null).toBe(hasMark);
      expect(item).toHaveTextContent(statusLabel(s));
    }
  });

  it('offers the thresholds as a title and in a toggletip', async () => {
    render(<Legend counts={countsOf([[Status.OK, 1]])} colors={colors} thresholds={THRESHOLDS} width={600} />);
    const button = screen.getByRole('button', { name: 'SLA thresholds' });
    expect(button).toHaveTextContent('SLA');
    expect(button.getAttribute('title')).toBe(THRESHOLDS.join('\n'));
    expect(screen.queryByTestId(LEGEND_TEST_IDS.thresholds)).not.toBeInTheDocument();
    fireEvent.click(button);
    const list = await screen.findByTestId(LEGEND_TEST_IDS.thresholds);
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual(THRESHOLDS);
  });

  it('has no SLA button without thresholds', () => {
    render(<Legend counts={[]} colors={colors} thresholds={[]} width={600} />);
    expect(screen.queryByRole('button', { name: 'SLA thresholds' })).not.toBeInTheDocument();
  });

  it('renders threshold text as text, never as markup', async () => {
    const evil = '<img src=x onerror="alert(1)"> same-tor';
    render(<Legend counts={[]} colors={colors} thresholds={[evil]} width={600} />);
    fireEvent.click(screen.getByRole('button', { name: 'SLA thresholds' }));
    const list = await screen.findByTestId(LEGEND_TEST_IDS.thresholds);
    expect(list.querySelector('img')).toBeNull();
    expect(list).toHaveTextContent(evil);
  });

  it('takes the width it is given and one row of LEGEND_HEIGHT', () => {
    render(<Legend counts={[]} colors={colors} thresholds={[]} width={120} />);
    const root = screen.getByTestId(LEGEND_TEST_IDS.legend);
    expect(root.style.width).toBe('120px');
    expect(getComputedStyle(root).height).toBe(`${LEGEND_HEIGHT}px`);
  });
});
