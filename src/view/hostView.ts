import type { ViewMatrix } from './aggregate';
import { AxisEntry, AxisTree } from './hierarchy';
import { Classified } from '../model/sla';
import { MatrixModel } from '../model/types';

/**
 * A view of host entries only: each array gathered row by row through the two axis orders — one pass per array over
 * typed arrays (16 M cells at 4,096 hosts), instead of a function call per cell.
 */
export function hostView(
  base: Pick<ViewMatrix, 'rows' | 'cols' | 'field' | 'aggregation' | 'breachAt' | 'classified'>,
  model: MatrixModel,
  classified: Classified,
  rowTree: AxisTree,
  colTree: AxisTree,
  rows: AxisEntry[],
  cols: AxisEntry[]
): ViewMatrix {
  const rowIdx = Int32Array.from(rows, (e) => rowTree.order[e.start]);
  const colIdx = Int32Array.from(cols, (e) => colTree.order[e.start]);
  const stride = model.cols.length;
  const f64 = (src: Float64Array) => gatherF64(src, rowIdx, colIdx, stride);
  const u8 = (src: Uint8Array) => gatherU8(src, rowIdx, colIdx, stride);
  return {
    ...base,
    values: f64(model.values),
    status: u8(classified.status),
    lossStatus: classified.lossStatus && u8(classified.lossStatus),
    loss: model.loss && f64(model.loss),
    scope: classified.scope && u8(classified.scope),
    unitGuessed: model.unitGuessed && u8(model.unitGuessed),
  };
}

function gatherF64(src: Float64Array, rowIdx: Int32Array, colIdx: Int32Array, stride: number): Float64Array {
  const C = colIdx.length;
  const out = new Float64Array(rowIdx.length * C);
  for (let r = 0; r < rowIdx.length; r++) {
    const from = rowIdx[r] * stride;
    const to = r * C;
    for (let c = 0; c < C; c++) {
      out[to + c] = src[from + colIdx[c]];
    }
  }
  return out;
}

function gatherU8(src: Uint8Array, rowIdx: Int32Array, colIdx: Int32Array, stride: number): Uint8Array {
  const C = colIdx.length;
  const out = new Uint8Array(rowIdx.length * C);
  for (let r = 0; r < rowIdx.length; r++) {
    const from = rowIdx[r] * stride;
    const to = r * C;
    for (let c = 0; c < C; c++) {
      out[to + c] = src[from + colIdx[c]];
    }
  }
  return out;
}
