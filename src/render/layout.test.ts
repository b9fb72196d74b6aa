import {
  DIAGNOSIS_HEIGHT,
  TIMELINE_HEIGHT,
  cellAt,
  computeLayout,
  labelIndices,
  matrixFits,
  minCellArea,
  TOOLBAR_HEIGHT,
  panelAreas,
} from './layout';

const base = {
  width: 800,
  height: 600,
  rowLabelWidth: 60,
  colLabelWidth: 60,
  showLabels: true,
  fontSize: 12,
  footer: 0,
};

describe('computeLayout', () => {
  it('fills the panel with cells, leaving label gutters', () => {
    const l = computeLayout({ ...base, rows: 48, cols: 48 });
    expect(l.x).toBe(68);
    expect(l.y).toBe(68);
    expect(l.x + l.w).toBeCloseTo(800 - 4);
    expect(l.y + l.h).toBeCloseTo(600 - 4);
    // 11.0 px rows with 14 px label lines: every 2nd label
    expect(l.cellH).toBeCloseTo(528 / 48);
    expect(l.rowLabelEvery).toBe(2);
  });

  it('draws every label when cells are tall enough', () => {
    const l = computeLayout({ ...base, rows: 10, cols: 10 });
    expect(l.rowLabelEvery).toBe(1);
    expect(l.colLabelEvery).toBe(1);
  });

  it('caps gutters at 30 % of the panel for very long labels', () => {
    const l = computeLayout({ ...base, rows: 10, cols: 10, rowLabelWidth: 5000 });
    expect(l.rowGutter).toBe(240);
  });

  it('has no gutters when labels are off', () => {
    const l = computeLayout({ ...base, rows: 10, cols: 10, showLabels: false });
    expect([l.x, l.y, l.rowLabelEvery, l.colLabelEvery]).toEqual([0, 0, 0, 0]);
  });

  it('gives labels the gutter minus the header bands', () => {
    const l = computeLayout({
      ...base,
      rows: 10,
      cols: 10,
      rowLabelWidth: 60 + 28,
      bands: { rows: 2, cols: 1 },
      bandSize: 14,
    });
    expect([l.rowBands, l.colBands]).toEqual([2, 1]);
    expect(l.rowLabelSpace).toBe(l.rowGutter - 28 - 6);
    expect(l.colLabelSpace).toBe(l.colGutter - 14 - 6);
  });

  // What broke: in a short panel with three expanded levels the gutter (30 % cap) was narrower than the bands, labels
  // got a negative width (ignored by CSS) and ran over the bands and the cells.
  it('never gives labels negative room: bands that fit first, labels only with two glyphs of room', () => {
    const l = computeLayout({
      ...base,
      width: 120,
      height: 120,
      rows: 8,
      cols: 8,
      rowLabelWidth: 200 + 42,
      colLabelWidth: 200 + 42,
      bands: { rows: 3, cols: 3 },
      bandSize: 14,
    });
    expect(l.rowGutter).toBe(36);
    expect(l.rowBands).toBe(2);
    expect(l.rowLabelSpace).toBe(0);
    expect(l.rowLabelEvery).toBe(0);
    expect(l.rowBands * 14).toBeLessThanOrEqual(l.rowGutter);
    const roomy = computeLayout({
      ...base,
      rows: 8,
      cols: 8,
      rowLabelWidth: 30 + 42,
      bands: { rows: 3, cols: 0 },
      bandSize: 14,
    });
    expect(roomy.rowBands).toBe(3);
    expect(roomy.rowLabelSpace).toBeGreaterThanOrEqual(24);
  });

  it('keeps short labels that need less than two glyphs', () => {
    const l = computeLayout({ ...base, rows: 4, cols: 4, rowLabelWidth: 10, colLabelWidth: 10 });
    expect(l.rowLabelSpace).toBe(l.rowGutter - 6);
    expect(l.rowLabelEvery).toBe(1);
  });

  it('keeps sub-pixel cells instead of dropping rows', () => {
    const l = computeLayout({ ...base, rows: 1000, cols: 1000, showLabels: false, width: 500, height: 500 });
    expect(l.cellW * 1000).toBeCloseTo(496);
  });
});

describe('matrixFits', () => {
  const panel = { ...base, fontSize: 11, footer: 40, rows: 3, cols: 3, rowLabelWidth: 20, colLabelWidth: 20 };

  // Regression: a 50 × 50 px panel drew a 46 × 3 px matrix with no message.
  it('a 50 × 50 panel leaves no room for cells under its legend and footer', () => {
    expect(computeLayout({ ...panel, width: 50, height: 50 }).h).toBeLessThan(minCellArea(11));
    expect(matrixFits({ ...panel, width: 50, height: 50 })).toBe(false);
  });

  it('fits from two label lines of cells on each axis, after labels, legend and footer', () => {
    expect(minCellArea(11)).toBe(26);
    const bare = { ...panel, showLabels: false };
    // 4 px padding on each axis, 40 px of legend and footer below.
    expect(matrixFits({ ...bare, width: 30, height: 70 })).toBe(true);
    expect(matrixFits({ ...bare, width: 29, height: 70 })).toBe(false);
    expect(matrixFits({ ...bare, width: 30, height: 69 })).toBe(false);
    // Labels take their gutter first.
    const labelled = computeLayout({ ...panel, width: 100, height: 100 });
    expect(labelled.x).toBeGreaterThan(0);
    expect(matrixFits({ ...panel, width: 100, height: 100 })).toBe(labelled.w >= 26 && labelled.h >= 26);
    expect(matrixFits({ ...panel, width: 100, height: 100 })).toBe(true);
  });

  it('holds for any number of hosts (cells shrink below a pixel and are pooled) and for none', () => {
    expect(matrixFits({ ...panel, width: 200, height: 200, rows: 4096, cols: 4096 })).toBe(true);
    expect(matrixFits({ ...panel, width: 200, height: 200, rows: 0, cols: 0 })).toBe(true);
  });
});

describe('cellAt', () => {
  const l = computeLayout({ ...base, rows: 10, cols: 5 });
  it('maps points to cells and outside points to nothing', () => {
    expect(cellAt(l, 10, 5, l.x + 0.5, l.y + 0.5)).toEqual({ row: 0, col: 0 });
    expect(cellAt(l, 10, 5, l.x + l.cellW * 4 + 1, l.y + l.cellH * 9 + 1)).toEqual({ row: 9, col: 4 });
    expect(cellAt(l, 10, 5, l.x - 1, l.y + 1)).toBeUndefined();
    expect(cellAt(l, 10, 5, l.x + l.w + 1, l.y + 1)).toBeUndefined();
  });
});

describe('labelIndices', () => {
  it('thins labels', () => {
    expect(labelIndices(7, 3)).toEqual([0, 3, 6]);
    expect(labelIndices(7, 0)).toEqual([]);
  });
});

describe('panelAreas', () => {
  it('gives the whole panel to the matrix when nothing else is on', () => {
    expect(panelAreas({ width: 800, height: 400, toolbar: false, list: false, pair: false })).toEqual({
      matrix: { x: 0, y: 0, w: 800, h: 400 },
    });
  });
  it('puts the toolbar on top, the list on the right and the pair view beside a wide matrix', () => {
    const a = panelAreas({ width: 1200, height: 500, toolbar: true, list: true, pair: true });
    expect(a.toolbar).toEqual({ x: 0, y: 0, w: 1200, h: TOOLBAR_HEIGHT });
    expect(a.list).toEqual({ x: 940, y: TOOLBAR_HEIGHT, w: 260, h: 500 - TOOLBAR_HEIGHT });
    expect(a.matrix).toEqual({ x: 0, y: TOOLBAR_HEIGHT, w: 470, h: 500 - TOOLBAR_HEIGHT });
    expect(a.pair).toEqual({ x: 470, y: TOOLBAR_HEIGHT, w: 470, h: 500 - TOOLBAR_HEIGHT });
  });
  it('puts the pair view below a tall matrix, and drops parts that do not fit', () => {
    const a = panelAreas({ width: 400, height: 700, toolbar: true, list: true, pair: true });
    expect(a.list).toBeUndefined(); // 35 % of 400 is narrower than a readable list
    expect(a.pair!.y).toBeGreaterThan(a.matrix.y);
    expect(a.matrix.h + a.pair!.h).toBe(700 - TOOLBAR_HEIGHT);
    const tiny = panelAreas({ width: 300, height: 140, toolbar: true, list: false, pair: false });
    expect(tiny.toolbar).toBeUndefined();
  });
  it('stacks toolbar, timeline and diagnosis above the matrix, dropping the timeline when it would crowd it', () => {
    const a = panelAreas({
      width: 600,
      height: 400,
      toolbar: true,
      list: false,
      pair: false,
      timeline: true,
      diagnosis: true,
    });
    expect(a.timeline).toEqual({ x: 0, y: TOOLBAR_HEIGHT, w: 600, h: TIMELINE_HEIGHT });
    expect(a.diagnosis!.y).toBe(TOOLBAR_HEIGHT + TIMELINE_HEIGHT);
    expect(a.matrix.y).toBe(TOOLBAR_HEIGHT + TIMELINE_HEIGHT + DIAGNOSIS_HEIGHT);
    expect(a.matrix.h).toBe(400 - a.matrix.y);
    const low = panelAreas({ width: 600, height: 180, toolbar: true, list: false, pair: false, timeline: true });
    expect(low.timeline).toBeUndefined();
  });
});
