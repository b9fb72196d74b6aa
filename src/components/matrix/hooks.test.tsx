import { createTheme } from '@grafana/data';
import { renderHook } from '@testing-library/react';
import React from 'react';

import { buildMatrix } from '../../ingest';
import { mesh, tableFrame } from '../../model/testFrames';
import { DEFAULT_MODEL_OPTIONS } from '../../options/defaults';
import { Layout } from '../../render/layout';
import { buildView } from '../../view/view';
import { HoverStore } from './hoverStore';
import { useGridPointer } from './useGridPointer';
import { MatrixKeysInput, useMatrixKeys } from './useMatrixKeys';
import { useMatrixLayout } from './useMatrixLayout';

const key = (k: string, extra: Partial<React.KeyboardEvent> = {}) =>
  ({
    key: k,
    shiftKey: false,
    preventDefault: jest.fn(),
    stopPropagation: jest.fn(),
    ...extra,
  }) as React.KeyboardEvent;

function keys(over: Partial<MatrixKeysInput> = {}) {
  const input: MatrixKeysInput = {
    focus: undefined,
    setFocus: jest.fn(),
    rows: 3,
    cols: 4,
    openCell: jest.fn(),
    menuAt: jest.fn(),
    isMenuOpen: () => false,
    isPairOpen: () => false,
    closeMenu: jest.fn(),
    closePair: jest.fn(),
    ...over,
  };
  return { input, ...renderHook(() => useMatrixKeys(input)).result.current };
}

describe('useMatrixKeys', () => {
  it('arrows move the focus cell (from the corner when there is none), Enter opens it, Shift+F10 its menu', () => {
    const a = keys();
    a.onGridKeyDown(key('ArrowRight'));
    expect(a.input.setFocus).toHaveBeenLastCalledWith({ row: 0, col: 0 });
    const b = keys({ focus: { row: 1, col: 2 } });
    b.onGridKeyDown(key('End'));
    expect(b.input.setFocus).toHaveBeenLastCalledWith({ row: 1, col: 3 });
    b.onGridKeyDown(key('Enter'));
    expect(b.input.openCell).toHaveBeenCalledWith(1, 2);
    b.onGridKeyDown(key('F10', { shiftKey: true }));
    expect(b.input.menuAt).toHaveBeenCalledWith(1, 2);
  });

  it('Enter without a focus cell does nothing; an empty matrix ignores arrows', () => {
    const a = keys();
    a.onGridKeyDown(key('Enter'));
    expect(a.input.openCell).not.toHaveBeenCalled();
    const b = keys({ rows: 0, cols: 0 });
    b.onGridKeyDown(key('ArrowDown'));
    expect(b.input.setFocus).not.toHaveBeenCalled();
  });

  it('Esc closes the innermost thing open: the menu, then the pair view, then the focus cell', () => {
    const pair = keys({ isPairOpen: () => true, focus: { row: 0, col: 0 } });
    pair.onRootKeyDown(key('Escape'));
    expect(pair.input.closePair).toHaveBeenCalled();
    expect(pair.input.setFocus).not.toHaveBeenCalled();
    const focused = keys({ focus: { row: 0, col: 0 } });
    const esc = key('Escape');
    focused.onRootKeyDown(esc);
    expect(focused.input.setFocus).toHaveBeenCalledWith(undefined);
    expect(esc.stopPropagation).toHaveBeenCalled();
    const menu = keys({ isMenuOpen: () => true, isPairOpen: () => true });
    menu.onRootKeyDown(key('Escape'));
    expect(menu.input.closeMenu).toHaveBeenCalled();
    expect(menu.input.closePair).not.toHaveBeenCalled();
  });
});

describe('useGridPointer', () => {
  const layout = { x: 0, y: 0, w: 40, h: 30, cellW: 10, cellH: 10 } as Layout;
  const grid = {
    current: { getBoundingClientRect: () => ({ left: 100, top: 50 }) },
  } as React.RefObject<HTMLDivElement>;

  it('a click opens the cell under the pointer and makes it the focus cell; a right-click opens its menu there', () => {
    const input = {
      grid,
      layout,
      rows: 3,
      cols: 4,
      hovers: new HoverStore(),
      setFocus: jest.fn(),
      openCell: jest.fn(),
      setMenu: jest.fn(),
      menuFor: jest.fn(() => ({ title: 'a → b', actions: [] })),
    };
    const pointer = renderHook(() => useGridPointer(input)).result.current;
    pointer.onClick({ clientX: 125, clientY: 65 } as React.MouseEvent);
    expect(input.setFocus).toHaveBeenCalledWith({ row: 1, col: 2 });
    expect(input.openCell).toHaveBeenCalledWith(1, 2);
    const e = { clientX: 105, clientY: 55, preventDefault: jest.fn() as () => void } as React.MouseEvent;
    pointer.onContextMenu(e);
    expect(input.setMenu).toHaveBeenCalledWith({ x: 105, y: 55, title: 'a → b', actions: [] });
    expect(input.menuFor).toHaveBeenCalledWith(0, 0);
    // Outside the cells: nothing.
    pointer.onClick({ clientX: 500, clientY: 500 } as React.MouseEvent);
    expect(input.openCell).toHaveBeenCalledTimes(1);
    // From the keyboard the menu opens at the cell's lower-right corner.
    pointer.menuAt(2, 3);
    expect(input.setMenu).toHaveBeenLastCalledWith({ x: 140, y: 80, title: 'a → b', actions: [] });
  });
});

describe('useMatrixLayout', () => {
  const model = buildMatrix({
    frames: [tableFrame(mesh(['node-1.example.com', 'node-2.example.com', 'node-3.example.com'], () => 1))],
    options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms' },
    theme: createTheme(),
  }).model!;
  const view = buildView({ model, startLevel: '', toggled: new Set(), zoom: [], aggregation: 'max', sortBy: 'name' });
  const layoutOf = (pair: boolean, shortNames: boolean) =>
    renderHook(() =>
      useMatrixLayout({
        view,
        hosts: { rows: model.rows, cols: model.cols },
        panel: { width: 900, height: 500, toolbar: true, list: false, pair, diagnosis: false, timeline: false },
        measure: (s) => s.length * 6,
        shortNames,
        showLabels: true,
        fontSize: 11,
        footer: 40,
      })
    ).result.current;

  it('the pair view takes room beside the matrix; the cells fit the matrix area', () => {
    const alone = layoutOf(false, true);
    const withPair = layoutOf(true, true);
    expect(withPair.areas.pair).toBeDefined();
    expect(withPair.areas.matrix.w).toBeLessThan(alone.areas.matrix.w);
    for (const { areas, layout } of [alone, withPair]) {
      expect(layout.x + 3 * layout.cellW).toBeLessThanOrEqual(areas.matrix.w);
      expect(layout.y + 3 * layout.cellH).toBeLessThanOrEqual(areas.matrix.h);
    }
  });

  it('short names drop what every host shares, and leave room by their width', () => {
    const short = layoutOf(false, true);
    const full = layoutOf(false, false);
    expect(short.hostLabels.rows?.get('node-2.example.com')).toBe('2');
    expect(short.layout.x).toBeLessThan(full.layout.x);
  });
});
