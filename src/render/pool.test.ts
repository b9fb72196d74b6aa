import fc from 'fast-check';

import { poolWorst } from './pool';

/** A grid where every cell is "OK" (rank 3, colour 1) except one breach (rank 5, colour 2). */
function grid(rows: number, cols: number, breach: number) {
  const rgba = new Uint8ClampedArray(rows * cols * 4);
  const rank = new Float32Array(rows * cols).fill(3);
  for (let i = 0; i < rows * cols; i++) {
    rgba.set(i === breach ? [200, 0, 0, 255] : [0, 200, 0, 255], i * 4);
  }
  rank[breach] = 5;
  return { rgba, rank };
}

describe('poolWorst', () => {
  it('keeps the cells as they are when there are enough pixels', () => {
    const g = grid(3, 4, 5);
    const out = poolWorst(g, 3, 4, 4, 3);
    expect(out).toEqual({ rgba: g.rgba, width: 4, height: 3 });
  });

  it('never loses a breach, wherever it is and however small the canvas', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.nat(),
        (rows, cols, w, h, at) => {
          const breach = at % (rows * cols);
          const out = poolWorst(grid(rows, cols, breach), rows, cols, Math.min(w, cols), Math.min(h, rows));
          const reds = [];
          for (let p = 0; p < out.width * out.height; p++) {
            if (out.rgba[p * 4] === 200) {
              reds.push(p);
            }
          }
          // exactly the pixel the breach falls into is red
          const r = Math.floor(breach / cols);
          const c = breach % cols;
          const expected = Math.floor((r * out.height) / rows) * out.width + Math.floor((c * out.width) / cols);
          expect(reds).toEqual([expected]);
        }
      ),
      { numRuns: 300 }
    );
  });
});
