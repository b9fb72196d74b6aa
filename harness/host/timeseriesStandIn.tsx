import { css } from '@emotion/css';
import React from 'react';

import {
  DataFrame,
  FieldColorModeId,
  FieldType,
  PanelPlugin,
  PanelProps,
  PluginType,
  identityOverrideProcessor,
} from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import {
  AxisPlacement,
  BarAlignment,
  DrawStyle,
  GraphGradientMode,
  GraphThresholdsStyleMode,
  LegendDisplayMode,
  LineInterpolation,
  ScaleDistribution,
  StackingMode,
  TimeSeries,
  PointVisibility,
  VizLegendOptions,
} from '@grafana/ui';

import { NoEditor } from './editors';
import { HOST_INFO } from './hostInfo';

/**
 * Host stand-in for Grafana's core `timeseries` panel, which lives in Grafana's app code, not in npm packages.
 * It draws with @grafana/ui's deprecated `TimeSeries` (graveyard) and uses the core panel's field config
 * defaults, so a plugin's `<PanelRenderer pluginId="timeseries">` shows a comparable chart. Not covered: the
 * tooltip, thresholds/annotations overlays, the timeseries panel's options editor and its data transforms.
 */
interface TimeSeriesStandInOptions {
  legend: VizLegendOptions;
}

// Grafana's defaultGraphConfig plus the defaults its option builders declare.
const GRAPH_DEFAULTS: Record<string, unknown> = {
  drawStyle: DrawStyle.Line,
  lineInterpolation: LineInterpolation.Linear,
  lineWidth: 1,
  fillOpacity: 0,
  gradientMode: GraphGradientMode.None,
  showPoints: PointVisibility.Auto,
  pointSize: 5,
  spanNulls: false,
  insertNulls: false,
  barAlignment: BarAlignment.Center,
  barWidthFactor: 0.6,
  stacking: { mode: StackingMode.None, group: 'A' },
  axisPlacement: AxisPlacement.Auto,
  axisLabel: '',
  axisColorMode: 'text',
  axisBorderShow: false,
  axisCenteredZero: false,
  axisGridShow: true,
  scaleDistribution: { type: ScaleDistribution.Linear },
  hideFrom: { legend: false, tooltip: false, viz: false },
  thresholdsStyle: { mode: GraphThresholdsStyleMode.Off },
  lineStyle: { fill: 'solid' },
  showValues: false,
};

/** What the core panel's prepareGraphableFields keeps: frames with a time field and a number field. */
function graphableFrames(series: DataFrame[]): DataFrame[] {
  return series.filter(
    (frame) =>
      frame.fields.some((f) => f.type === FieldType.time) && frame.fields.some((f) => f.type === FieldType.number)
  );
}

const wrapper = css({ position: 'relative' });

function TimeSeriesStandInPanel(props: PanelProps<TimeSeriesStandInOptions>) {
  const { data, width, height, timeRange, timeZone, options, id, fieldConfig } = props;
  const frames = graphableFrames(data.series);
  if (frames.length === 0) {
    return <PanelDataErrorView panelId={id} data={data} fieldConfig={fieldConfig} needsTimeField needsNumberField />;
  }
  return (
    <div className={wrapper} data-testid="harness-timeseries-standin">
      <TimeSeries
        frames={frames}
        structureRev={data.structureRev}
        timeRange={timeRange}
        timeZone={timeZone}
        width={width}
        height={height}
        legend={options.legend}
        options={options}
      />
    </div>
  );
}

export function createTimeseriesStandIn(): PanelPlugin<TimeSeriesStandInOptions> {
  const plugin = new PanelPlugin<TimeSeriesStandInOptions>(TimeSeriesStandInPanel)
    .useFieldConfig({
      standardOptions: {
        color: {
          defaultValue: { mode: FieldColorModeId.PaletteClassic },
          settings: { byValueSupport: true, bySeriesSupport: true, preferThresholdsMode: false },
        },
      },
      useCustomConfig: (builder) => {
        for (const [path, defaultValue] of Object.entries(GRAPH_DEFAULTS)) {
          builder.addCustomEditor({
            id: path,
            path,
            name: path,
            editor: NoEditor,
            override: NoEditor,
            process: identityOverrideProcessor,
            shouldApply: () => true,
            defaultValue,
          });
        }
      },
    })
    .setPanelOptions((builder) =>
      builder.addCustomEditor({
        id: 'legend',
        path: 'legend',
        name: 'Legend',
        editor: NoEditor,
        defaultValue: { showLegend: true, displayMode: LegendDisplayMode.List, placement: 'bottom', calcs: [] },
      })
    );
  plugin.meta = {
    id: 'timeseries',
    name: 'Time series (harness stand-in)',
    type: PluginType.panel,
    module: 'core:plugin/timeseries',
    baseUrl: 'public/app/plugins/panel/timeseries',
    sort: 0,
    info: {
      author: { name: 'Grafana Labs' },
      description: 'harness stand-in',
      links: [],
      logos: { small: '', large: '' },
      screenshots: [],
      updated: '',
      version: HOST_INFO.grafana,
    },
  };
  return plugin;
}
