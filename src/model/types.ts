import { Field } from '@grafana/data';

import type { TimeUnit } from './units';

export interface MatrixModel {
  /** Source hosts, natural order. */
  rows: string[];
  /** Destination hosts, natural order (the same array as rows when both sides are the same hosts). */
  cols: string[];
  /** Grouping level names, outermost first (empty without grouping). */
  levels: string[];
  /** Each row host's group at every level (`unknown` where none is known); same array as colPaths on shared axes. */
  rowPaths: string[][];
  colPaths: string[][];
  /** rows × cols, row-major; NaN where there is no valid value. In the field's unit. */
  values: Float64Array;
  /**
   * rows × cols: what ingest knows of each pair before any SLA (model/sla.ts). Either the `Status` it decides alone —
   * Self, NotProbed, NoData, Invalid, Failed, or OK for a pair a breach-only exporter leaves out — or `MEASURED`, a
   * pair with a latency or loss sample that `classify` judges against its SLA. One status enum; this is its first stage.
   */
  presence: Uint8Array;
  /** Loss ratio per cell (0.01 = 1 %) when a loss query is present; NaN where none. */
  loss?: Float64Array;
  /** The pair's baseline latency (field unit) when a baseline query is present. */
  baseline?: Float64Array;
  /** ms between the newest sample in the response and the pair's newest latency sample, when samples carry times. */
  age?: Float64Array;
  /** Pairs whose probe failed. */
  failed: number;
  /** A field carrying the panel's field config, with `display` set: colours and text come from it. */
  field: Field;
  notices: string[];
  /** Pairs that had at least one series. */
  pairs: number;
  duplicates: number;
  invalid: number;
  mapping: {
    source: string[];
    destination: string[];
    presetName?: string;
    detected: boolean;
    /** Destination values start with this before the host (kubenurse's `path_`); other values are no pairs. */
    destinationPrefix?: string;
  };
  /** Where the matrix came from, to find a pair's own series again (pair view). */
  source: PairSource;
  /** Set when there were more hosts than *Max hosts*: the axes are groups of this level (cardinality guard). */
  grouped?: { level: string; hosts: number };
  /** How the latency series' units were known (or not). */
  units?: UnitReport;
  /** 1 where the cell's value comes from a series whose unit nothing said (read as the field unit); only when any did. */
  unitGuessed?: Uint8Array;
  /** The latency histogram's bucket bounds, when the response or the preset tells them (resolution notice). */
  buckets?: BucketInfo;
}

export interface BucketInfo {
  /** Upper bounds of the finite buckets, ascending, in the field unit (the first bucket starts at 0). */
  bounds: number[];
  /** `le` / `vmrange` labels in the response, or the preset's default buckets. */
  source: 'le' | 'vmrange' | 'preset';
  /** The preset whose default buckets these are. */
  preset?: string;
}

/** What said which unit a series is in. */
export type UnitSource = 'option' | 'field' | 'name' | 'preset';

export interface UnitReport {
  /** The matrix's unit (the field unit values are converted to). */
  display: string;
  /** Series per input unit and what said so. */
  from: Array<{ unit: TimeUnit; source: UnitSource; series: number }>;
  /** Series read as `display` because nothing said their unit. */
  guessed: number;
  /** The guessed values' median, when it makes the guess implausible (below 0.05 ms, above a minute). */
  median?: number;
  implausible?: 'small' | 'large';
}

/** What identifies one raw series for `PairSource.scaleOf`. */
export interface SeriesKey {
  refId: string;
  /** The series' number field (its config.unit may be an override). */
  field: Field;
  /** The series' metric name (`__name__` label or column, or the field name), if it has one. */
  metric?: string;
}

/** How raw series map onto the matrix: the labels are `mapping.source` / `mapping.destination`. */
export interface PairSource {
  /** refId of the latency query the matrix was built from. */
  refId: string;
  /**
   * Multiply raw latency values by this to get the field unit, when every latency series was in the same unit; NaN
   * when they were in different units (then only `scaleOf` can say, series by series).
   */
  factor: number;
  /**
   * The factor for one raw series, as the matrix applied it: latency series by their own unit (metric name, field
   * unit, *Input unit*, preset), loss series to ratios, 1 for other queries. Absent: `factor` for latency, else 1.
   */
  scaleOf?(series: SeriesKey): number;
  /** Raw label value → host name on the matrix axes (port stripped, topology alias applied); any value, seen or not. */
  hostOf(raw: string): string;
  /** refId of the loss query, when there is one (its values are ratios, not converted). */
  lossRefId?: string;
}
