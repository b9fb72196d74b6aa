/**
 * Where the matrix, the axis labels and each cell go. Pure: sizes in, rectangles out.
 */
export interface LayoutInput {
  width: number;
  height: number;
  rows: number;
  cols: number;
  /** Longest label on each axis, in px (measured by the caller). */
  rowLabelWidth: number;
  colLabelWidth: number;
  showLabels: boolean;
  fontSize: number;
  /** Space kept below the matrix for notices / legend. */
  footer: number;
  /** Header band levels (expanded groups) beside each axis, each `bandSize` px, inside the gutter. */
  bands?: { rows: number; cols: number };
  bandSize?: number;
}

export interface Layout {
  /** Top-left corner of the cell area and its size, in CSS px. */
  x: number;
  y: number;
  cellW: number;
  cellH: number;
  /** Cell area size: cols × cellW by rows × cellH. */
  w: number;
  h: number;
  /** Draw every n-th label so they never overlap; 0 = no labels on that axis. */
  rowLabelEvery: number;
  colLabelEvery: number;
  /** Gutters for labels. */
  rowGutter: number;
  colGutter: number;
  /** Header band levels that fit in each gutter (outermost first); the rest are not drawn. */
  rowBands: number;
  colBands: number;
  /** Room for the labels beside the bands (0 = no labels on that axis): a label never reaches a band or a cell. */
  rowLabelSpace: number;
  colLabelSpace: number;
}

const PAD = 4;
const MAX_GUTTER_SHARE = 0.3;
/** Between a label and the matrix. */
export const LABEL_GAP = 6;

export function computeLayout(input: LayoutInput): Layout {
  const { width, height, rows, cols, showLabels, fontSize, footer } = input;
  const lineHeight = fontSize + 2;
  const wantGutter = (labelWidth: number, size: number) =>
    showLabels ? Math.min(Math.ceil(labelWidth) + 2 * PAD, Math.floor(size * MAX_GUTTER_SHARE)) : 0;
  let rowGutter = wantGutter(input.rowLabelWidth, width);
  let colGutter = wantGutter(input.colLabelWidth, height - footer);

  const fit = () => {
    const availW = Math.max(0, width - rowGutter - PAD);
    const availH = Math.max(0, height - colGutter - footer - PAD);
    return { cellW: cellSize(availW, cols), cellH: cellSize(availH, rows) };
  };
  let { cellW, cellH } = fit();
  // Labels thinned to every n-th: with less than a pixel per label line there is no point keeping the gutter.
  const every = (cell: number) => (cell <= 0 ? 0 : Math.ceil(lineHeight / cell));
  if (showLabels && every(cellH) > rows) {
    rowGutter = 0;
  }
  if (showLabels && every(cellW) > cols) {
    colGutter = 0;
  }
  ({ cellW, cellH } = fit());
  const bandSize = input.bandSize ?? 0;
  // A label needs two glyphs' room (or its whole text when shorter) to say anything.
  const minLabel = (width: number, bands: number) =>
    Math.max(1, Math.min(2 * fontSize, Math.ceil(width - bands * bandSize)));
  const rowBands = input.bands?.rows ?? 0;
  const colBands = input.bands?.cols ?? 0;
  const rowFit = fitGutter(rowGutter, rowBands, bandSize, minLabel(input.rowLabelWidth, rowBands));
  const colFit = fitGutter(colGutter, colBands, bandSize, minLabel(input.colLabelWidth, colBands));
  const rowEvery = showLabels && rowGutter > 0 && rowFit.labels > 0 ? every(cellH) : 0;
  const colEvery = showLabels && colGutter > 0 && colFit.labels > 0 ? every(cellW) : 0;

  return {
    x: rowGutter,
    y: colGutter,
    cellW,
    cellH,
    w: cellW * cols,
    h: cellH * rows,
    rowLabelEvery: rowEvery,
    colLabelEvery: colEvery,
    rowGutter,
    colGutter,
    rowBands: rowFit.bands,
    colBands: colFit.bands,
    rowLabelSpace: rowEvery > 0 ? rowFit.labels : 0,
    colLabelSpace: colEvery > 0 ? colFit.labels : 0,
  };
}

/**
 * Header bands and labels sharing one gutter. Bands come first (they name the expanded groups and are the only way to
 * collapse them), outermost levels first; the labels get what is left if that is at least `minLabel` px, else none.
 * Nothing gets negative room: a negative CSS size is ignored and the text would run over the bands or the matrix.
 */
function fitGutter(gutter: number, bands: number, bandSize: number, minLabel: number) {
  const shown = bandSize > 0 ? Math.min(bands, Math.floor(gutter / bandSize)) : 0;
  const left = gutter - LABEL_GAP - shown * bandSize;
  return { bands: shown, labels: left >= minLabel ? left : 0 };
}

/**
 * The least room, in CSS px on each axis, worth drawing cells in: two label lines. Less is a sliver (a 50 × 50 panel
 * left 46 × 3 px of cells under its legend and footer) that no pointer can aim at and no label can name.
 */
export function minCellArea(fontSize: number): number {
  return 2 * (fontSize + 2);
}

/**
 * Whether the matrix, alone in a panel of this size (no search bar, list or pair view: those are only added where the
 * matrix keeps room), has at least `minCellArea` px of cells on both axes after its labels, legend and footer.
 */
export function matrixFits(input: LayoutInput): boolean {
  const l = computeLayout({ ...input, rows: Math.max(1, input.rows), cols: Math.max(1, input.cols) });
  const min = minCellArea(input.fontSize);
  return l.w >= min && l.h >= min;
}

/** Cells fill the space; fractional sizes are fine because the canvas scales by nearest neighbour and grid lines are rounded. */
function cellSize(avail: number, n: number): number {
  return n === 0 ? 0 : avail / n;
}

/** The cell under a point (CSS px relative to the panel), or undefined outside the matrix. */
export function cellAt(layout: Layout, rows: number, cols: number, px: number, py: number) {
  const c = Math.floor((px - layout.x) / layout.cellW);
  const r = Math.floor((py - layout.y) / layout.cellH);
  if (px < layout.x || py < layout.y || r < 0 || c < 0 || r >= rows || c >= cols) {
    return undefined;
  }
  return { row: r, col: c };
}

/** Indices of the labels to draw on an axis of n entries. */
export function labelIndices(n: number, every: number): number[] {
  if (every <= 0) {
    return [];
  }
  const out: number[] = [];
  for (let i = 0; i < n; i += every) {
    out.push(i);
  }
  return out;
}

/** A rough text width for layout without a canvas (tests, first pass): average glyph ≈ 0.6 em. */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface AreasInput {
  width: number;
  height: number;
  /** A search bar above the matrix. */
  toolbar: boolean;
  /** The worst-pairs list beside the matrix. */
  list: boolean;
  /** The pair view is open. */
  pair: boolean;
  /** A diagnosis line above the matrix. */
  diagnosis?: boolean;
  /** The breach timeline strip above the matrix (range queries). */
  timeline?: boolean;
}

export interface Areas {
  toolbar?: Rect;
  diagnosis?: Rect;
  timeline?: Rect;
  matrix: Rect;
  list?: Rect;
  pair?: Rect;
}

export const TOOLBAR_HEIGHT = 32;
export const DIAGNOSIS_HEIGHT = 24;
export const TIMELINE_HEIGHT = 36;
const LIST_WIDTH = 260;
const MIN_MATRIX = 120;
const MIN_LIST = 180;

/**
 * How the panel is shared: toolbar on top, the worst-pairs list on the right, and the pair view beside the matrix on
 * wide panels or below it on tall ones. Parts that would squeeze the matrix below a usable size are left out.
 */
export function panelAreas({ width, height, toolbar, list, pair, diagnosis, timeline }: AreasInput): Areas {
  const out: Areas = { matrix: { x: 0, y: 0, w: width, h: height } };
  const m = out.matrix;
  if (toolbar && height >= MIN_MATRIX + TOOLBAR_HEIGHT) {
    out.toolbar = { x: 0, y: 0, w: width, h: TOOLBAR_HEIGHT };
    m.y = TOOLBAR_HEIGHT;
    m.h -= TOOLBAR_HEIGHT;
  }
  if (timeline && m.h >= MIN_MATRIX + TIMELINE_HEIGHT) {
    out.timeline = { x: 0, y: m.y, w: width, h: TIMELINE_HEIGHT };
    m.y += TIMELINE_HEIGHT;
    m.h -= TIMELINE_HEIGHT;
  }
  if (diagnosis && m.h >= MIN_MATRIX + DIAGNOSIS_HEIGHT) {
    out.diagnosis = { x: 0, y: m.y, w: width, h: DIAGNOSIS_HEIGHT };
    m.y += DIAGNOSIS_HEIGHT;
    m.h -= DIAGNOSIS_HEIGHT;
  }
  if (list) {
    const w = Math.min(LIST_WIDTH, Math.floor(width * 0.35));
    if (w >= MIN_LIST && width - w >= MIN_MATRIX * 2) {
      out.list = { x: width - w, y: m.y, w, h: m.h };
      m.w -= w;
    }
  }
  if (pair) {
    if (m.w >= 1.4 * m.h && m.w >= MIN_MATRIX * 2) {
      const w = Math.floor(m.w * 0.5);
      out.pair = { x: m.x + m.w - w, y: m.y, w, h: m.h };
      m.w -= w;
    } else {
      const h = Math.floor(m.h * (m.h >= 2 * MIN_MATRIX ? 0.5 : 0.65));
      out.pair = { x: m.x, y: m.y + m.h - h, w: m.w, h };
      m.h -= h;
    }
  }
  return out;
}
