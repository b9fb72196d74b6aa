import {
  DataFrame,
  Field,
  FieldType,
  InterpolateFunction,
  LinkModel,
  getDisplayProcessor,
  getLinksSupplier,
  locationUtil,
  urlUtil,
} from '@grafana/data';
import { DataQuery, DataSourceRef, VariableFormatID } from '@grafana/schema';

/** What a clicked cell exposes to data links: `${__data.fields.src}`, `${__data.fields.dst_<level>}`, `${__data.fields.value}`. */
export interface CellContext {
  /** Host or group names of the cell. */
  source: string;
  destination: string;
  /** Group names per level, outermost first (may be shorter than levels, or empty). */
  sourcePath: string[];
  destinationPath: string[];
  /** Level names, outermost first. */
  levels: string[];
  /** In the field unit; undefined when there is no data. */
  value: number | undefined;
}

/** Display for the text fields: their own text (`${__data.fields.src}` renders the name). */
const textDisplay = getDisplayProcessor();

function textField(name: string, value: string): Field {
  return { name, type: FieldType.string, config: {}, values: [value], display: textDisplay };
}

/**
 * The cell as a one-row frame: `src`, `dst`, `src_<level>`, `dst_<level>` (strings), then `value` carrying the
 * panel field's config (links, unit, thresholds…) and display. The value field's data context points at this frame.
 */
export function cellFrame(cell: CellContext, field: Field): DataFrame {
  const fields: Field[] = [textField('src', cell.source), textField('dst', cell.destination)];
  cell.levels.forEach((level, i) => {
    fields.push(
      textField(`src_${level}`, cell.sourcePath[i] ?? ''),
      textField(`dst_${level}`, cell.destinationPath[i] ?? '')
    );
  });
  const value: Field = {
    name: 'value',
    type: FieldType.number,
    config: field.config,
    values: [cell.value ?? null],
    display: field.display,
    labels: field.labels,
  };
  fields.push(value);
  const frame: DataFrame = { name: `${cell.source} → ${cell.destination}`, fields, length: 1 };
  value.state = {
    ...field.state,
    scopedVars: { __dataContext: { value: { data: [frame], frame, frameIndex: 0, field: value, rowIndex: 0 } } },
  };
  return frame;
}

/** Grafana's macros that read the data context: the variables whose text comes from the data (untrusted labels). */
const DATA_MACROS = new Set(['__data', '__value', '__series', '__field']);

// Lone surrogates make encodeURI(Component) throw; they become U+FFFD instead.
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const escapeSubDelims = (text: string) =>
  text.replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/**
 * The format function cell link URLs are interpolated with. Grafana interpolates data link URLs with
 * `uriencode` (encodeURI-like: `& = ? # / +` pass through), so a label value `a&b=c` would add query parameters.
 * Values from the cell's data (`__data`, `__value`, `__series`, `__field`) are encoded as URI components instead
 * (Grafana's `percentencode`); other variables keep Grafana's `uriencode`. An explicit `${…:format}` wins, as in Grafana.
 */
function cellUrlFormat(value: unknown, variable?: { name?: string }): string {
  const text = wellFormed(Array.isArray(value) ? `{${value.join(',')}}` : String(value ?? ''));
  return escapeSubDelims(DATA_MACROS.has(variable?.name ?? '') ? encodeURIComponent(text) : encodeURI(text));
}

/** `replaceVariables` for cell links: the URL pass (format `uriencode`) encodes cell values as components. */
function strictCellValues(replaceVariables: InterpolateFunction): InterpolateFunction {
  return (text, scopedVars, format) =>
    replaceVariables(text, scopedVars, format === VariableFormatID.UriEncode ? cellUrlFormat : format);
}

/** The panel's data links (field config `links`) for one cell, interpolated as Grafana does for a field value. */
export function cellLinks(
  cell: CellContext,
  field: Field,
  replaceVariables: InterpolateFunction,
  timeZone?: string
): LinkModel[] {
  if (!field.config.links?.length) {
    return [];
  }
  const frame = cellFrame(cell, field);
  const value = frame.fields[frame.fields.length - 1];
  const supplier = getLinksSupplier(
    frame,
    value,
    value.state?.scopedVars ?? {},
    strictCellValues(replaceVariables),
    timeZone
  );
  return supplier({ valueRowIndex: 0 });
}

export interface ExploreArgs {
  datasourceUid?: string;
  query: DataQuery & { expr?: string };
  /** As in the dashboard URL: epoch ms or relative (`now-1h`). */
  range: { from: string | number; to: string | number };
  orgId?: number;
}

/**
 * Grafana's Explore URL (11+): `/explore?schemaVersion=1&orgId=…&panes={"pm":{datasource, queries, range}}`, with the
 * app sub-path prefixed. urlUtil.renderUrl encodes every parameter, so any query text round-trips.
 */
export function exploreUrl({ datasourceUid, query, range, orgId }: ExploreArgs): string {
  const ref =
    query.datasource && typeof query.datasource === 'object' ? (query.datasource as DataSourceRef) : undefined;
  const uid = datasourceUid || ref?.uid || undefined;
  const type = ref?.type && (!ref.uid || ref.uid === uid) ? ref.type : undefined;
  const rest: DataQuery & { expr?: string } = { ...query };
  delete rest.datasource;
  const pane = {
    ...(uid ? { datasource: uid } : {}),
    queries: [{ ...rest, ...(uid ? { datasource: type ? { uid, type } : { uid } } : {}) }],
    range: { from: String(range.from), to: String(range.to) },
  };
  const params: Record<string, string | number> = { schemaVersion: 1 };
  if (orgId !== undefined) {
    params.orgId = orgId;
  }
  params.panes = JSON.stringify({ pm: pane });
  return locationUtil.assureBaseUrl(urlUtil.renderUrl('/explore', params));
}

const VARIABLE_NAME = /^[A-Za-z0-9_]+$/;

/**
 * Dashboard variable values for a cell: `{ 'var-<sourceVar>': source, 'var-<destinationVar>': destination }`, for
 * `locationService.partial(update, true)` (which encodes). Empty names, and names with characters outside
 * `[A-Za-z0-9_]`, are skipped; names are trimmed. The same name for both sides takes the destination.
 */
export function variableUpdate(
  sourceVar: string | undefined,
  destinationVar: string | undefined,
  cell: { source: string; destination: string }
): Record<string, string> {
  const update: Record<string, string> = {};
  const add = (name: string | undefined, value: string) => {
    const trimmed = (name ?? '').trim();
    if (VARIABLE_NAME.test(trimmed)) {
      update[`var-${trimmed}`] = value;
    }
  };
  add(sourceVar, cell.source);
  add(destinationVar, cell.destination);
  return update;
}
