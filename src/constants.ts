/** Test ids shared by jest and the browser tests. */
export const TEST_IDS = {
  panel: 'pingmesh-panel',
  canvas: 'pingmesh-canvas',
  tooltip: 'pingmesh-tooltip',
  tooltipSource: 'pingmesh-tooltip-source',
  tooltipDestination: 'pingmesh-tooltip-destination',
  tooltipValue: 'pingmesh-tooltip-value',
  tooltipState: 'pingmesh-tooltip-state',
  notices: 'pingmesh-notices',
  message: 'pingmesh-message',
  rowLabel: 'pingmesh-row-label',
  colLabel: 'pingmesh-col-label',
  live: 'pingmesh-live',
  focus: 'pingmesh-focus',
  groupHeader: 'pingmesh-group-header',
  breadcrumb: 'pingmesh-breadcrumb',
  tooltipPairs: 'pingmesh-tooltip-pairs',
} as const;
