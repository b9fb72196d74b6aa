import { MatrixModel } from '../model/types';
import { Zoom } from './view';

/**
 * The panel's view state in the URL (panel-scoped query parameters), so a shared link reproduces it: the selected
 * cell and the zoom stack. Values are JSON arrays of strings, so any text (group ids joined by '\u001f', hostile
 * label values) round-trips; locationService / urlUtil do the URL encoding.
 */
export interface PanelUrlState {
  selected?: { source: string; destination: string };
  /** Row group × column group ids, outermost first; buildView keeps the steps that exist and nest (nestedZoom). */
  zoom: Zoom[];
}

/** Caps what a URL can make the panel hold. */
const MAX_ZOOM = 64;

export function urlKeys(panelId: number): { selected: string; zoom: string } {
  return { selected: `pingmesh-${panelId}-cell`, zoom: `pingmesh-${panelId}-zoom` };
}

/** Query parameters for `locationService.partial(…, true)`; undefined removes the parameter. */
export function encodeUrlState(panelId: number, state: PanelUrlState): Record<string, string | undefined> {
  const keys = urlKeys(panelId);
  const { selected, zoom } = state;
  return {
    [keys.selected]: selected ? JSON.stringify([selected.source, selected.destination]) : undefined,
    [keys.zoom]: zoom.length > 0 ? JSON.stringify(zoom.map((z) => [z.row, z.col])) : undefined,
  };
}

const isPair = (v: unknown): v is [string, string] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string';

/** The parameter's text: a string, or the first string of a repeated parameter (urlUtil.parseKeyValue gives arrays). */
function param(search: Record<string, unknown> | URLSearchParams, key: string): string | undefined {
  if (search instanceof URLSearchParams) {
    return search.get(key) ?? undefined;
  }
  const value = Object.prototype.hasOwnProperty.call(search, key) ? search[key] : undefined;
  if (Array.isArray(value)) {
    return value.find((v): v is string => typeof v === 'string');
  }
  return typeof value === 'string' ? value : undefined;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Tolerant: a missing, malformed or wrongly typed parameter decodes to its empty value; never throws. */
export function decodeUrlState(panelId: number, search: Record<string, unknown> | URLSearchParams): PanelUrlState {
  const state: PanelUrlState = { zoom: [] };
  if (!search || typeof search !== 'object') {
    return state;
  }
  const keys = urlKeys(panelId);
  const selected = parseJson(param(search, keys.selected));
  if (isPair(selected)) {
    state.selected = { source: selected[0], destination: selected[1] };
  }
  const zoom = parseJson(param(search, keys.zoom));
  if (Array.isArray(zoom) && zoom.length <= MAX_ZOOM && zoom.every(isPair)) {
    state.zoom = zoom.map(([row, col]) => ({ row, col }));
  }
  return state;
}

/**
 * The selected pair when both its hosts are on the model's axes, else undefined: a link (or a refresh that lost a host)
 * may name a pair that is not in the data, and nothing may open or query it. A model folded by the cardinality guard
 * has groups on its axes, not hosts: no pair of it is one to show.
 */
export function pairInModel(
  model: Pick<MatrixModel, 'rows' | 'cols' | 'grouped'>,
  selected: PanelUrlState['selected']
): PanelUrlState['selected'] {
  if (!selected || model.grouped) {
    return undefined;
  }
  return model.rows.includes(selected.source) && model.cols.includes(selected.destination) ? selected : undefined;
}
