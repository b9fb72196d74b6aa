import {
  DataFrame,
  DataLink,
  Field,
  FieldType,
  InterpolateFunction,
  LinkModel,
  getDisplayProcessor,
  getLinksSupplier,
  locationUtil,
  textUtil,
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
const asText = (value: unknown) => wellFormed(Array.isArray(value) ? `{${value.join(',')}}` : String(value ?? ''));

/**
 * Placeholders for the cell's values while Grafana builds the link: lowercase letters and digits, which no
 * sanitizer, percent-decoder or URL normaliser changes. The prefix is lengthened until no link template holds it.
 */
function placeholderPrefix(links: DataLink[]): string {
  let prefix = 'pmcell';
  while (links.some((link) => link.url.includes(prefix))) {
    prefix += 'x';
  }
  return prefix;
}

const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;
const scheme = (href: string) => SCHEME.exec(href)?.[1].toLowerCase();

/**
 * The cell's values as URI components in Grafana's link pipeline, whatever that pipeline does to percent-escapes.
 * Grafana interpolates data link URLs with `uriencode` (encodeURI-like: `& = ? # / +` pass through), so a label
 * value `a&b=c` would add query parameters; values from the cell's data (`__data`, `__value`, `__series`,
 * `__field`) are encoded as components instead (Grafana's `percentencode`), other variables keep `uriencode`, and an
 * explicit `${…:format}` wins, as in Grafana. Since Grafana 13.2 the pipeline's sanitizer (@braintree/sanitize-url
 * 7.1) also percent-decodes the whole URL, which would turn `a%26b` back into `a&b`: so the cell's values enter the
 * pipeline as placeholders and replace them, encoded, in the finished href.
 */
class CellUrlValues {
  private readonly encoded: string[] = [];
  private readonly placeholder: RegExp;

  constructor(private readonly prefix: string) {
    this.placeholder = new RegExp(`${prefix}(\\d+)z`, 'g');
  }

  /** The format function for the URL pass (Grafana passes it the variable's name). */
  readonly format = (value: unknown, variable?: { name?: string }): string => {
    const text = asText(value);
    if (!DATA_MACROS.has(variable?.name ?? '')) {
      return escapeSubDelims(encodeURI(text));
    }
    this.encoded.push(escapeSubDelims(encodeURIComponent(text)));
    return `${this.prefix}${this.encoded.length - 1}z`;
  };

  /**
   * The href with each placeholder replaced by its encoded value. Encoded values hold no `:`, so they cannot make a
   * scheme; a template that spells one around a value (`java${…}:…`) goes back through the sanitizer.
   */
  finish(href: string): string {
    const done = href.replace(this.placeholder, (_, i: string) => this.encoded[Number(i)] ?? '');
    return done === href || scheme(done) === scheme(href) ? done : textUtil.sanitizeUrl(done);
  }
}

/** An explicit `:percentencode` on a cell value means what the default does here: take the default (13.2-safe) path. */
const PERCENT_ENCODED_DATA = /\$\{(__data|__value|__series|__field)((?:\.[^}:]*)?):percentencode\}/g;

/** The panel's data links (field config `links`) for one cell, interpolated as Grafana does for a field value. */
export function cellLinks(
  cell: CellContext,
  field: Field,
  replaceVariables: InterpolateFunction,
  timeZone?: string
): LinkModel[] {
  const links = field.config.links;
  if (!links?.length) {
    return [];
  }
  const config = {
    ...field.config,
    links: links.map((l) => ({ ...l, url: l.url.replace(PERCENT_ENCODED_DATA, '${$1$2}') })),
  };
  const frame = cellFrame(cell, { ...field, config });
  const value = frame.fields[frame.fields.length - 1];
  const values = new CellUrlValues(placeholderPrefix(config.links));
  const interpolate: InterpolateFunction = (text, scopedVars, format) =>
    replaceVariables(text, scopedVars, format === VariableFormatID.UriEncode ? values.format : format);
  const supplier = getLinksSupplier(frame, value, value.state?.scopedVars ?? {}, interpolate, timeZone);
  return supplier({ valueRowIndex: 0 }).map((link) => ({ ...link, href: values.finish(link.href) }));
}

/**
 * For components that sanitize their href again (LinkButton since Grafana 13.2): the string whose sanitized form is
 * exactly `href` under the host's own `textUtil.sanitizeUrl` — `href` itself where the sanitizer leaves it alone, else
 * `href` with its `%` escaped once or more, undone by a percent-decoding sanitizer. Undefined when no such string
 * exists (a sanitizer that also strips what the decoding exposes, e.g. a value holding a backslash and `n`).
 */
export function hrefSurvivingSanitizer(href: string): string | undefined {
  let candidate = href;
  for (let escapes = 0; escapes < 4; escapes++) {
    if (textUtil.sanitizeUrl(candidate) === href) {
      return candidate;
    }
    candidate = candidate.replace(/%/g, '%25');
  }
  return undefined;
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
