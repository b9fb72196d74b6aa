import { FieldConfigSource, PanelModel, ReducerID } from '@grafana/data';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import kubeservicePanel from './__fixtures__/kubeservice-panel.json';
import provisioned01 from './__fixtures__/provisioned-0.1.json';
import { DEFAULT_OPTIONS } from './defaults';
import {
  KubeservicePanelModel,
  migrateFromKubeservice,
  migrateOptions,
  parseInstances,
  pingmeshMigrationHandler,
  pingmeshPanelChangeHandler,
} from './migrations';
import { normalizeOptions } from './normalize';
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
    expect(options.queries.inputUnit).toBe('s');
    expect(options.display.palette).toBe('thresholds');
    expect(options.sla.mode).toBe('thresholds');
  });

  it('maps valueName to a Grafana reducer', () => {
    const reducer = (valueName: string) =>
      migrateFromKubeservice(ID, { ...MINIMAL, valueName }).options.queries.reducer;
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
    expect(m.options.grouping.hostOrder).toBe('');
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
    expect(options).toMatchObject({
      grouping: { hostOrder: '10.12.0.11,10.12.0.12,10.12.0.13' },
      queries: { reducer: ReducerID.max },
    });
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
      grouping: { hostOrder: '10.200.19.234,10.200.19.231,10.200.19.233' },
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
    ).toMatchObject({ queries: { preset: 'custom', reducer: ReducerID.mean } });
  });
});

describe('pingmeshMigrationHandler', () => {
  it('migrates a panel whose type was edited in the JSON model (old root properties, no options)', () => {
    const panel = { ...newPanel(), options: {}, pluginVersion: '', ...FULL } as unknown as PanelModel<PingmeshOptions>;
    expect(pingmeshMigrationHandler(panel)).toEqual(migrateFromKubeservice('', FULL).options);
    expect(panel.fieldConfig.defaults.thresholds!.steps[1].value).toBe(200);
  });

  it('nests and normalises the options of a panel that has some (flat ones from before the sections)', () => {
    const options = { preset: 'auto', levels: 'dc' } as unknown as PingmeshOptions;
    const panel = { ...newPanel(), options, ...FULL } as unknown as PanelModel<PingmeshOptions>;
    const migrated = pingmeshMigrationHandler(panel);
    expect(migrated).toEqual({ ...DEFAULT_OPTIONS, grouping: { ...DEFAULT_OPTIONS.grouping, levels: 'dc' } });
    expect(options).toEqual({ preset: 'auto', levels: 'dc' });
  });

  it('migrates the old panel as saved in a dashboard whose type was edited by hand', () => {
    const { type: _type, ...saved } = kubeservicePanel;
    const panel = {
      ...saved,
      type: 'netobs-pingmesh-panel',
      options: {},
      fieldConfig: { defaults: {}, overrides: [] },
    } as unknown as PanelModel<PingmeshOptions>;
    expect({ options: pingmeshMigrationHandler(panel), fieldConfig: panel.fieldConfig }).toMatchSnapshot();
  });
});

describe('migrateOptions', () => {
  const frozen = <T>(o: T): T => {
    if (o && typeof o === 'object') {
      Object.values(o).forEach(frozen);
      Object.freeze(o);
    }
    return o;
  };

  // Every panel of every provisioned dashboard, as saved before the options were nested (plugin 0.1).
  const saved = Object.entries(provisioned01).flatMap(([file, panels]) =>
    Object.entries(panels).map(([title, options]) => [`${file}: ${title}`, options] as const)
  );

  it.each(saved)('%s', (_name, options) => {
    const { options: migrated, notices } = migrateOptions(frozen(JSON.parse(JSON.stringify(options))));
    expect(notices).toEqual([]);
    expect(migrated).toMatchSnapshot();
    // Idempotent: a migrated panel migrates to itself.
    expect(migrateOptions(migrated).options).toEqual(migrated);
  });

  it('the provisioned dashboards (now nested) mean what they meant flat', () => {
    const dir = join(__dirname, '..', '..', 'provisioning', 'dashboards');
    for (const [file, panels] of Object.entries(provisioned01)) {
      const dashboard = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      for (const [title, flat] of Object.entries(panels)) {
        const panel = dashboard.panels.find((p: { title: string }) => p.title === title);
        expect(normalizeOptions(panel.options)).toEqual({ options: migrateOptions(flat).options, notices: [] });
      }
    }
  });

  it('keeps a value it cannot use as it was, so the panel names it; the rest is normalised', () => {
    const { options, notices } = migrateOptions({ maxHosts: 'abc', levels: 'dc', grouping: { sortBy: 'worst' } });
    expect(notices).toHaveLength(1);
    expect(options.grouping).toEqual({ ...DEFAULT_OPTIONS.grouping, maxHosts: 'abc', levels: 'dc', sortBy: 'worst' });
    expect(normalizeOptions(options).notices).toEqual(notices);
    expect(migrateOptions(options).options).toEqual(options);
  });

  it('anything that is not an options object gives the defaults', () => {
    for (const raw of [null, 5, 'x', [], undefined]) {
      expect(migrateOptions(raw).options).toEqual(DEFAULT_OPTIONS);
    }
  });
});

describe('kubeservice values that are no values', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'valueName %s is the last non-null sample',
    (v) => {
      // Broke: valueName "__proto__" (or constructor, toString) became a prototype object and every pair was invalid.
      const m = migrateFromKubeservice(ID, JSON.parse(JSON.stringify({ ...MINIMAL, valueName: v })));
      expect(m.options.queries.reducer).toBe(ReducerID.lastNotNull);
    }
  );

  it('format __proto__ is no time unit', () => {
    // Broke: format "__proto__" became the field unit and the panel crashed (formatFunc is not a function).
    const m = migrateFromKubeservice(ID, { ...MINIMAL, format: '__proto__' });
    expect(m.fieldConfig.defaults.unit).toBe('ms');
    expect(m.options.queries.inputUnit).toBe('ms');
  });

  it('decimals 1000 is left to Grafana', () => {
    // Broke: decimals 1000 printed "NaN.nfinity ms".
    const m = migrateFromKubeservice(ID, { ...MINIMAL, decimals: 1000 });
    expect(m.fieldConfig.defaults.decimals).toBeUndefined();
    expect(m.notes.some((n) => n.startsWith('decimals 1000'))).toBe(true);
    expect(migrateFromKubeservice(ID, { ...MINIMAL, decimals: '2' }).fieldConfig.defaults.decimals).toBe(2);
  });
});
