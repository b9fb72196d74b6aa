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
  tooSmall: 'pingmesh-too-small',
  dataIssue: 'pingmesh-data-issue',
  diagnosis: 'pingmesh-diagnosis',
  diagnosisText: 'pingmesh-diagnosis-text',
  diagnosisToggle: 'pingmesh-diagnosis-toggle',
  diagnosisMore: 'pingmesh-diagnosis-more',
  diagnosisList: 'pingmesh-diagnosis-list',
  diagnosisItem: 'pingmesh-diagnosis-item',
  diagnosisItemToggle: 'pingmesh-diagnosis-item-toggle',
  diagnosisItemGoto: 'pingmesh-diagnosis-item-goto',
  culprit: 'pingmesh-culprit',
  timeline: 'pingmesh-timeline',
  timelineNow: 'pingmesh-timeline-now',
  timelineTime: 'pingmesh-timeline-time',
  changed: 'pingmesh-changed',
  rowLabel: 'pingmesh-row-label',
  colLabel: 'pingmesh-col-label',
  live: 'pingmesh-live',
  focus: 'pingmesh-focus',
  groupHeader: 'pingmesh-group-header',
  breadcrumb: 'pingmesh-breadcrumb',
  tooltipPairs: 'pingmesh-tooltip-pairs',
  tooltipLoss: 'pingmesh-tooltip-loss',
  tooltipSla: 'pingmesh-tooltip-sla',
  tooltipUnit: 'pingmesh-tooltip-unit',
  slaStoredError: 'pingmesh-sla-stored-error',
  legendItem: 'pingmesh-legend-item',
  legendSwatch: 'pingmesh-legend-swatch',
  pinned: 'pingmesh-pinned',
  pairView: 'pingmesh-pair-view',
  pairError: 'pingmesh-pair-error',
  pairEmpty: 'pingmesh-pair-empty',
  pairLoading: 'pingmesh-pair-loading',
  pairStats: 'pingmesh-pair-stats',
  pairSeries: 'pingmesh-pair-series',
  pairChart: 'pingmesh-pair-chart',
  actions: 'pingmesh-actions',
  menu: 'pingmesh-menu',
  menuItem: 'pingmesh-menu-item',
  search: 'pingmesh-search',
  searchStatus: 'pingmesh-search-status',
  worstList: 'pingmesh-worst-list',
  worstItem: 'pingmesh-worst-item',
} as const;

/** The canvas's `data-layout` attribute (MatrixCanvas), read by the browser tests to find cells: CSS px. */
export interface CanvasLayout {
  x: number;
  y: number;
  cellW: number;
  cellH: number;
  rows: number;
  cols: number;
}
