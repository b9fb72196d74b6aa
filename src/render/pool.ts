import { Painted } from './paint';

/** The image to scale up: the cells themselves, or each output pixel the worst of the cells falling into it. */
export function poolWorst(
  { rgba, rank }: Painted,
  rows: number,
  cols: number,
  width: number,
  height: number
): { rgba: Uint8ClampedArray<ArrayBuffer>; width: number; height: number } {
  if (width >= cols && height >= rows) {
    return { rgba, width: cols, height: rows };
  }
  const src = new Uint32Array(rgba.buffer, rgba.byteOffset, rows * cols);
  const out = new Uint8ClampedArray(width * height * 4);
  const out32 = new Uint32Array(out.buffer);
  const best = new Float32Array(width * height).fill(-1);
  const pixelCol = Int32Array.from({ length: cols }, (_, c) => Math.floor((c * width) / cols));
  for (let r = 0; r < rows; r++) {
    const rowBase = Math.floor((r * height) / rows) * width;
    const cellBase = r * cols;
    for (let c = 0; c < cols; c++) {
      const i = cellBase + c;
      const p = rowBase + pixelCol[c];
      if (rank[i] > best[p]) {
        best[p] = rank[i];
        out32[p] = src[i];
      }
    }
  }
  return { rgba: out, width, height };
}
