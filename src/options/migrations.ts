import {
  FieldColorModeId,
  FieldConfigSource,
  PanelMigrationHandler,
  PanelTypeChangedHandler,
  ReducerID,
  ThresholdsMode,
} from '@grafana/data';

import { hostIdentity } from '../model/hostId';
import { nestFlatOptions } from './flat';
import { normalizeOptions } from './normalize';
import type { InputUnit, OptionNotice, OptionPath, PingmeshOptions, Section } from './types';
import { isRecord, own } from './json';

/**
 * Moving from the AngularJS "Pingmesh" heatmap panel (github.com/kubeservice-stack/pingmesh-heatmap-panel, plugin id
 * `pingmesh-heatmap-panel`; its controller still names the panel it was forked from, `beike-grafana-pingmesh-panel`).
 *
 * That panel keeps its settings at the root of the panel JSON (AngularJS `panelDefaults` in src/echarts_ctrl.js):
 *
 *   "pingmesh": { "instances": "10.0.0.1,10.0.0.2", "delayValue": 0.001, "okStatusColor": "green",
 *                 "delayStatusColor": "yellow", "failStatusColor": "red", "axisType": "ServerIP" },
 *   "valueName": "current",   // min | max | avg | current | total (the editor's choices; the code also knows sum)
 *   "format": "short", "decimals": null, "chartsType": "heatmap", "label": {...}, "legend": {...}, ...
 *
 * and draws (src/rendering.js) an instances × instances heatmap from series whose *name* carries the labels `from`
 * and `target` (so the query's legend is left empty): value ≤ delayValue → okStatusColor, above → delayStatusColor,
 * a `pingmesh_fail…` series > 0 → failStatusColor; a pair with no series counts as 0 (OK: pingmesh-agent exports a
 * duration only above its delay), the diagonal is "-", and only points of the last 2 minutes are used.
 */
export const KUBESERVICE_PLUGIN_IDS = ['pingmesh-heatmap-panel', 'beike-grafana-pingmesh-panel'];

export interface KubeservicePingmeshSettings {
  instances?: string;
  delayValue?: number | string;
  okStatusColor?: string;
  delayStatusColor?: string;
  failStatusColor?: string;
  axisType?: string;
}

/** The parts of the AngularJS panel's model this migration reads. */
export interface KubeservicePanelModel {
  pingmesh?: KubeservicePingmeshSettings;
  valueName?: string;
  format?: string;
  decimals?: number | string | null;
  chartsType?: string;
  [key: string]: unknown;
}

/**
 * Options as a migration hands them to Grafana: every section complete and normalised, except values the normaliser
 * could not use, which stay as they were so that the panel names them in its footer (Grafana shows nothing of a
 * migration).
 */
export type MigratedOptions = PingmeshOptions;

export interface KubeserviceMigration {
  options: MigratedOptions;
  fieldConfig: FieldConfigSource;
  /** What could not be carried over, for the README and the tests; Grafana has nowhere to show it. */
  notes: string[];
}

/** The AngularJS panel's own defaults (panelDefaults), used where a saved model lacks a value. */
const OLD_DEFAULTS = {
  delayValue: 0.001,
  okStatusColor: 'green',
  delayStatusColor: 'yellow',
  failStatusColor: 'red',
  valueName: 'current',
};

/** The old `valueName` → Grafana reducer (read with Object.hasOwn: `__proto__` or `toString` are no reducers). */
const REDUCERS: Record<string, ReducerID> = {
  current: ReducerID.lastNotNull,
  avg: ReducerID.mean,
  max: ReducerID.max,
  min: ReducerID.min,
  // The old getValue('total') returns valueList.length: a count of samples, not a sum.
  total: ReducerID.count,
  sum: ReducerID.sum,
};

/** Grafana's decimals editor goes no further; 1000 decimals printed "NaN.nfinity ms". */
const MAX_DECIMALS = 10;

/** Grafana unit ids of times → our input unit. */
const TIME_UNITS: Record<string, Exclude<InputUnit, 'auto'>> = { ns: 'ns', µs: 'us', us: 'us', ms: 'ms', s: 's' };

const isObject = isRecord;

/**
 * Any saved options (flat ones from before the sections, nested ones, or junk) → the nested options, through the
 * normaliser. Pure (the input is copied, never changed) and idempotent.
 */
export function migrateOptions(raw: unknown): { options: MigratedOptions; notices: OptionNotice[] } {
  const nested = nestFlatOptions(isRecord(raw) ? raw : {});
  const { options, notices } = normalizeOptions(nested);
  const out: Record<Section, unknown> = { ...options };
  for (const path of notices.flatMap(pathsOf)) {
    const [section, key] = path.split('.') as [Section, string | undefined];
    const given = own(nested, section);
    if (key === undefined) {
      out[section] = given;
    } else if (isRecord(given)) {
      out[section] = { ...(out[section] as object), [key]: own(given, key) };
    }
  }
  // Typed as options: the values kept as they were are for the panel's normaliser to name.
  return { options: out as MigratedOptions, notices };
}

function pathsOf(n: OptionNotice): OptionPath[] {
  return n.kind === 'warnAboveBreach' ? [n.warn.path, n.breach.path] : [n.path];
}

function looksLikeKubeservice(v: unknown): v is KubeservicePanelModel {
  return isObject(v) && isObject(v.pingmesh);
}

/**
 * The old axis list: comma-separated (the editor's placeholder), spaces and newlines tolerated, each name as the
 * matrix names hosts (`:port` stripped, as for `instance`), duplicates dropped.
 */
export function parseInstances(instances: unknown): string[] {
  if (typeof instances !== 'string') {
    return [];
  }
  return [
    ...new Set(
      instances
        .split(/[\s,;]+/)
        .filter((s) => s.length > 0)
        .map(hostIdentity)
    ),
  ];
}

function colour(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

/**
 * The old panel's settings as our options and field config. `prevOptions` is the AngularJS panel model (its root
 * properties: `pingmesh`, `valueName`, `format`, …); `prevPluginId` only goes into the notes.
 */
export function migrateFromKubeservice(prevPluginId: string, prevOptions: any): KubeserviceMigration {
  const old: KubeservicePanelModel = isObject(prevOptions) ? prevOptions : {};
  const pm: KubeservicePingmeshSettings = isObject(old.pingmesh) ? old.pingmesh : {};
  const notes: string[] = [];
  const from = prevPluginId || 'the AngularJS pingmesh panel';

  let delay = Number(typeof pm.delayValue === 'string' ? pm.delayValue.trim() : pm.delayValue);
  if (pm.delayValue === undefined || pm.delayValue === '' || !Number.isFinite(delay)) {
    if (pm.delayValue !== undefined && pm.delayValue !== '') {
      notes.push(`delayValue ${JSON.stringify(pm.delayValue)} is not a number: used ${OLD_DEFAULTS.delayValue}.`);
    }
    delay = OLD_DEFAULTS.delayValue;
  }
  const ok = colour(pm.okStatusColor, OLD_DEFAULTS.okStatusColor);
  const slow = colour(pm.delayStatusColor, OLD_DEFAULTS.delayStatusColor);
  const fail = colour(pm.failStatusColor, OLD_DEFAULTS.failStatusColor);

  const valueName = typeof old.valueName === 'string' && old.valueName !== '' ? old.valueName : OLD_DEFAULTS.valueName;
  let reducer = Object.hasOwn(REDUCERS, valueName) ? REDUCERS[valueName] : undefined;
  if (reducer === undefined) {
    notes.push(`valueName "${valueName}" has no counterpart: the value per pair is the last non-null sample.`);
    reducer = ReducerID.lastNotNull;
  } else if (valueName === 'total') {
    notes.push('valueName "total" counted the samples of a pair; the value per pair is now that count, as before.');
  }

  // The old panel compared raw values with delayValue and only formatted them with `format`: keep the values
  // unconverted (input unit = shown unit) so the threshold means what delayValue meant.
  const format = typeof old.format === 'string' ? old.format : '';
  const timeUnit = Object.hasOwn(TIME_UNITS, format) ? TIME_UNITS[format] : undefined;
  const unit = timeUnit ? format : 'ms';
  if (!timeUnit) {
    notes.push(
      `format "${format || 'short'}" is not a time unit: values are taken as milliseconds (pingmesh_duration_milliseconds), delayValue too.`
    );
  }

  const instances = parseInstances(pm.instances);
  const { options } = migrateOptions({
    queries: {
      // The old panel read `from` (a label the query added, e.g. with label_replace from `instance`) and `target`.
      preset: 'custom',
      sourceLabel: 'from,instance',
      destinationLabel: 'target',
      reducer,
      inputUnit: timeUnit ?? 'ms',
      // pingmesh-agent exports a pair only when it is slow or failing; the old panel drew a missing pair as 0 (OK).
      missingMeans: 'ok',
    },
    grouping: { hostOrder: instances.join(',') },
    // One threshold (delayValue) judged every cell, in the old panel's own colours.
    sla: { mode: 'thresholds' },
    display: { palette: 'thresholds' },
  });

  const defaults: FieldConfigSource['defaults'] = {
    unit,
    color: { mode: FieldColorModeId.Thresholds },
    thresholds: {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: ok },
        { value: delay, color: slow },
      ],
    },
  };
  const decimals = typeof old.decimals === 'number' || typeof old.decimals === 'string' ? Number(old.decimals) : NaN;
  if (Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_DECIMALS) {
    defaults.decimals = decimals;
  } else if (old.decimals !== undefined && old.decimals !== null && old.decimals !== '') {
    notes.push(
      `decimals ${JSON.stringify(old.decimals)} is not a whole number from 0 to ${MAX_DECIMALS}: left to Grafana.`
    );
  }

  notes.push(
    `failStatusColor "${fail}" is not carried over: a failed probe (pingmesh_fail > 0, found by metric name or under Probe failure query) is drawn in the panel's "probe failed" state colour.`
  );
  notes.push(
    `A value equal to delayValue was OK in ${from} and is over the threshold here (Grafana thresholds include their value).`
  );
  if (typeof old.chartsType === 'string' && old.chartsType !== 'heatmap') {
    notes.push(`chartsType "${old.chartsType}" (not a heatmap) has no counterpart here.`);
  }
  return { options, fieldConfig: { defaults, overrides: [] }, notes };
}

/**
 * Where Grafana puts the old panel's model when the type changes, newest first:
 * - `{ angular: model }`: Grafana's PanelModel.changePlugin and the dashboard-load auto-migration;
 * - `{ angularOptions: model }`: Scenes dashboards (Grafana 11+), when the AngularJS plugin itself was loaded;
 * - `{ options: model }`: v2 dashboards converted from v1 for an id outside Grafana's own auto-migration list;
 * - the model itself, or its properties copied onto `panel` (Scenes' migration handler for a panel without options).
 */
function findOldModel(prevOptions: unknown, panel: unknown): KubeservicePanelModel | undefined {
  const p = isObject(prevOptions) ? prevOptions : {};
  return [p.angular, p.angularOptions, p.options, p, panel].find(looksLikeKubeservice);
}

function shouldMigrate(prevPluginId: string, model: KubeservicePanelModel | undefined): model is KubeservicePanelModel {
  if (!model) {
    return false;
  }
  if (KUBESERVICE_PLUGIN_IDS.includes(prevPluginId)) {
    return true;
  }
  // Forks under other ids: only a model that is unmistakably this panel's.
  const pm = model.pingmesh ?? {};
  return 'delayValue' in pm || 'instances' in pm || 'okStatusColor' in pm;
}

/**
 * Field config is not part of what a type-change handler returns: Grafana (PanelModel and Scenes' VizPanel alike)
 * keeps the `panel.fieldConfig` object it passed in, so the migrated defaults are written into that object.
 */
function applyFieldConfig(panel: { fieldConfig?: FieldConfigSource }, migrated: FieldConfigSource): void {
  const current = panel.fieldConfig;
  try {
    if (!current) {
      panel.fieldConfig = { defaults: { ...migrated.defaults }, overrides: [] };
    } else if (!current.defaults) {
      current.defaults = { ...migrated.defaults };
    } else {
      Object.assign(current.defaults, migrated.defaults);
    }
  } catch {
    // A frozen object: hand Grafana a new one instead.
    panel.fieldConfig = {
      defaults: { ...current?.defaults, ...migrated.defaults },
      overrides: [...(current?.overrides ?? [])],
    };
  }
}

/**
 * `plugin.setPanelChangeHandler(pingmeshPanelChangeHandler)`: called when a panel's visualization changes to this one
 * (in the panel editor, or by Grafana's automatic migration). Returns the new options (Grafana merges them with the
 * defaults); anything but the kubeservice panel keeps this panel's defaults.
 */
export const pingmeshPanelChangeHandler: PanelTypeChangedHandler<PingmeshOptions> = (
  panel,
  prevPluginId,
  prevOptions
) => {
  const model = findOldModel(prevOptions, panel);
  if (!shouldMigrate(prevPluginId, model)) {
    return {};
  }
  const { options, fieldConfig } = migrateFromKubeservice(prevPluginId, model);
  applyFieldConfig(panel, fieldConfig);
  return options;
};

/**
 * `plugin.setMigrationHandler(pingmeshMigrationHandler)`: Grafana runs it when the saved pluginVersion differs. Flat
 * options (before the sections) and nested ones alike come out nested and normalised (migrateOptions). It also covers
 * a dashboard whose JSON was edited by hand (`"type": "pingmesh-heatmap-panel"` → `"netobs-pingmesh-panel"`): the old
 * root properties are still on the panel and there are no options yet.
 */
export const pingmeshMigrationHandler: PanelMigrationHandler<PingmeshOptions> = (panel) => {
  const options: unknown = panel.options;
  const empty = !isRecord(options) || Object.keys(options).length === 0;
  if (empty && shouldMigrate('', looksLikeKubeservice(panel) ? panel : undefined)) {
    const migrated = migrateFromKubeservice('', panel);
    applyFieldConfig(panel, migrated.fieldConfig);
    return migrated.options;
  }
  return migrateOptions(options).options;
};
