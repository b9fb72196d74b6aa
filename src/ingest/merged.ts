import { DataFrame, Field, FieldType } from '@grafana/data';

const VALUE_OF = /^Value #(.+)$/;

/**
 * Frames that hold several queries' values as `Value #<refId>` columns — Grafana's *Merge* transformation over
 * table-format queries (`[Time, labels…, Value #A, Value #B]`, refId `merge-A-B`), or a join of them — become one
 * frame per query again: the shared columns, that query's value column, and only the rows where it has a value (a
 * row the merge found in one query only holds `undefined` in the other's column). Each then plays its own role
 * (latency, loss, probe failures, sample time…) instead of every number column being one more latency series.
 * Other frames pass through as they are; nothing is copied unless rows must be dropped.
 */
export function splitMergedFrames(frames: DataFrame[]): DataFrame[] {
  if (!frames.some(isMerged)) {
    return frames;
  }
  return frames.flatMap((frame) => (isMerged(frame) ? splitFrame(frame) : [frame]));
}

function valueRefId(field: Field): string | undefined {
  return field.type === FieldType.number ? VALUE_OF.exec(field.name)?.[1] : undefined;
}

/** Two or more distinct `Value #<refId>` number columns. */
function isMerged(frame: DataFrame): boolean {
  let first: string | undefined;
  for (const f of frame.fields) {
    const r = valueRefId(f);
    if (r !== undefined) {
      if (first === undefined) {
        first = r;
      } else if (r !== first) {
        return true;
      }
    }
  }
  return false;
}

function splitFrame(frame: DataFrame): DataFrame[] {
  const shared = frame.fields.filter((f) => valueRefId(f) === undefined);
  const refIds = [...new Set(frame.fields.map(valueRefId).filter((r): r is string => r !== undefined))];
  const n = frame.length ?? frame.fields[0]?.values.length ?? 0;
  return refIds.map((refId) => {
    const own = frame.fields.filter((f) => valueRefId(f) === refId);
    const fields = [...shared, ...own];
    const keep = new Int32Array(n);
    let kept = 0;
    for (let row = 0; row < n; row++) {
      if (own.some((f) => f.values[row] !== undefined)) {
        keep[kept++] = row;
      }
    }
    const rows = keep.subarray(0, kept);
    const picked =
      kept === n
        ? fields
        : fields.map((f) => ({ ...f, values: Array.from(rows, (r) => f.values[r]), state: undefined }));
    return { refId, name: frame.name, meta: frame.meta, fields: picked, length: kept };
  });
}
