import { FieldConfigSource, PanelModel, ReducerID } from '@grafana/data';

import {
  KubeservicePanelModel,
  migrateFromKubeservice,
  parseInstances,
  pingmeshMigrationHandler,
  pingmeshPanelChangeHandler,
} from './migrations';
import { PingmeshOptions } from './types';

/**
 * Saved models of the AngularJS panel (kubeservice-stack/pingmesh-heatmap-panel), as Grafana's
 * PanelModel.getOptionsToRemember() hands them over: every root property except id, type, title, gridPos,
 * targets, datasource, links, … Field names and defaults from its src/echarts_ctrl.js and src/editor.html.
 */

/** A panel that was added and given its axis list, everything else left at the panel's defaults. */
const MINIMAL: KubeservicePanelModel = {
  pingmesh: { instances: '10.200.19.234,10.200.19.231,10.200.19.233' },
};

/** Everything the AngularJS controller saves, as typed in its editor: delay as text, instances one per line. */
const FULL: KubeservicePanelModel = {
  aliasColors: {},
  breakPoint: '50%',
  cacheTimeout: null,
  chartsType: 'heatmap',
  combine: { label: 'Others', threshold: 0 },
  decimals: 1,
  fontSize: '80%',
  format: 'ms',
  interval: null,
  isBar: false,
  isLine: false,
  isMap: true,
  isPie: false,
  label: { fontSize: 12, show: true },
  legend: { position: 'right', show: true, values: true },
  maxDataPoints: 3,
  nullPointMode: 'connected',
  pingmesh: {
    axisType: 'ServerIP',
    delayStatusColor: 'yellow',
    delayValue: '200',
    failStatusColor: 'red',
    instances: '10.12.0.11:9115, 10.12.0.12,\n10.12.0.13\n10.12.0.12',
    okStatusColor: 'green',
  },
  show: { label: true, legend: false, stack: false, tooltip: true },
  stack: false,
  strokeWidth: 1,
  tooltip: { show: true },
  valueName: 'max',
  xlabel: { rotate: 0 },
};

/** Colours from the spectrum picker (hex and rgba), seconds, mean value, no axis list. */
const CUSTOM_COLOURS: KubeservicePanelModel = {
  chartsType: 'heatmap',
  format: 's',
  pingmesh: {
    axisType: 'ServerIP',
    delayStatusColor: 'rgba(237, 129, 40, 0.89)',
    delayValue: 0.2,
    failStatusColor: '#C4162A',
    instances: '',
    okStatusColor: '#37872D',
  },
  valueName: 'avg',
};

const ID = 'pingmesh-heatmap-panel';

function newPanel(): PanelModel<PingmeshOptions> {
  return {
    id: 1,
    type: 'netobs-pingmesh-panel',
    options: {} as PingmeshOptions,
    fieldConfig: { defaults: { unit: 'ms' }, overrides: [{ matcher: { id: 'byName', options: 'x' }, properties: [] }] },
  } as PanelModel<PingmeshOptions>;
}

describe('migrateFromKubeservice', () => {
  it.each([
    ['minimal', MINIMAL],
    ['full', FULL],
    ['custom colours', CUSTOM_COLOURS],
  ])('%s model', (_name, model) => {
    expect(migrateFromKubeservice(ID, model)).toMatchSnapshot();
  });

  it('delay threshold: ok colour below, delay colour from delayValue on, in the unit of `format`', () => {
    const { options, fieldConfig } = migrateFromKubeservice(ID, CUSTOM_COLOURS);
    expect(fieldConfig.defaults.thresholds!.steps).toEqual([
      { value: -Infinity, color: '#37872D' },
      { value: 0.2, color: 'rgba(237, 129, 40, 0.89)' },
    ]);
    expect(fieldConfig.defaults.unit).toBe('s');
    expect(options.inputUnit).toBe('s');
    expect(options.palette).toBe('thresholds');
    expect(options.slaMode).toBe('thresholds');
  });

  it('maps valueName to a Grafana reducer', () => {
    const reducer = (valueName: string) => migrateFromKubeservice(ID, { ...MINIMAL, valueName }).options.reducer;
    expect(reducer('current')).toBe(ReducerID.lastNotNull);
    expect(reducer('avg')).toBe(ReducerID.mean);
    expect(reducer('max')).toBe(ReducerID.max);
    expect(reducer('min')).toBe(ReducerID.min);
    expect(reducer('total')).toBe(ReducerID.count);
    expect(reducer('sum')).toBe(ReducerID.sum);
    expect(reducer('median')).toBe(ReducerID.lastNotNull);
  });

  it('falls back to the old defaults for a delay that is not a number', () => {
    const m = migrateFromKubeservice(ID, { pingmesh: { delayValue: 'abc' } });
    expect(m.fieldConfig.defaults.thresholds!.steps[1]).toEqual({ value: 0.001, color: 'yellow' });
    expect(m.notes[0]).toContain('"abc" is not a number');
    expect(m.options.hostOrder).toBeUndefined();
  });

  it('reads the axis list forgivingly', () => {
    expect(parseInstances(' a, b\nc;;a ,a:9115, [fe80::1]:9115')).toEqual(['a', 'b', 'c', 'fe80::1']);
    expect(parseInstances(undefined)).toEqual([]);
  });
});

describe('pingmeshPanelChangeHandler', () => {
  it('migrates { angular } (PanelModel.changePlugin) and writes thresholds into the panel’s own field config', () => {
    const panel = newPanel();
    const fieldConfig = panel.fieldConfig;
    const defaults = fieldConfig.defaults;
    const options = pingmeshPanelChangeHandler(panel, ID, { angular: FULL }, { defaults: {}, overrides: [] });
    expect(options).toEqual(migrateFromKubeservice(ID, FULL).options);
    expect(options).toMatchObject({ hostOrder: '10.12.0.11,10.12.0.12,10.12.0.13', reducer: ReducerID.max });
    // Same objects: Scenes keeps the fieldConfig it passed in.
    expect(panel.fieldConfig).toBe(fieldConfig);
    expect(panel.fieldConfig.defaults).toBe(defaults);
    expect(panel.fieldConfig.defaults).toMatchObject({ unit: 'ms', decimals: 1 });
    expect(panel.fieldConfig.defaults.thresholds!.steps[1]).toEqual({ value: 200, color: 'yellow' });
    expect(panel.fieldConfig.overrides).toHaveLength(1);
  });

  it('migrates { angularOptions } (Scenes with the AngularJS plugin loaded)', () => {
    const panel = newPanel();
    expect(pingmeshPanelChangeHandler(panel, ID, { angularOptions: CUSTOM_COLOURS }, panel.fieldConfig)).toEqual(
      migrateFromKubeservice(ID, CUSTOM_COLOURS).options
    );
  });

  it('migrates the old properties found on the panel itself, and the forked id', () => {
    const panel = Object.assign(newPanel(), MINIMAL);
    expect(pingmeshPanelChangeHandler(panel, 'beike-grafana-pingmesh-panel', {}, panel.fieldConfig)).toMatchObject({
      hostOrder: '10.200.19.234,10.200.19.231,10.200.19.233',
    });
  });

  it('leaves other panels’ options and field config alone', () => {
    const panel = newPanel();
    const before: FieldConfigSource = JSON.parse(JSON.stringify(panel.fieldConfig));
    expect(
      pingmeshPanelChangeHandler(panel, 'timeseries', { legend: { showLegend: true } }, panel.fieldConfig)
    ).toEqual({});
    expect(pingmeshPanelChangeHandler(panel, 'some-panel', { pingmesh: { foo: 1 } }, panel.fieldConfig)).toEqual({});
    expect(panel.fieldConfig).toEqual(before);
  });

  it('accepts a fork under another id when the model is unmistakably this panel’s', () => {
    expect(
      pingmeshPanelChangeHandler(
        newPanel(),
        'acme-pingmesh-panel',
        { angular: CUSTOM_COLOURS },
        {
          defaults: {},
          overrides: [],
        }
      )
    ).toMatchObject({ preset: 'custom', reducer: ReducerID.mean });
  });
});

describe('pingmeshMigrationHandler', () => {
  it('migrates a panel whose type was edited in the JSON model (old root properties, no options)', () => {
    const panel = { ...newPanel(), options: {}, pluginVersion: '', ...FULL } as unknown as PanelModel<PingmeshOptions>;
    expect(pingmeshMigrationHandler(panel)).toEqual(migrateFromKubeservice('', FULL).options);
    expect(panel.fieldConfig.defaults.thresholds!.steps[1].value).toBe(200);
  });

  it('keeps the options of a panel that has some', () => {
    const options = { preset: 'auto' } as PingmeshOptions;
    const panel = { ...newPanel(), options, ...FULL } as unknown as PanelModel<PingmeshOptions>;
    expect(pingmeshMigrationHandler(panel)).toBe(options);
    expect(pingmeshMigrationHandler({ ...newPanel(), options })).toBe(options);
  });
});
