// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

const swc = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  ...base,
  // Pure code outside the plugin bundle has its tests beside it too: the simulator and the harness' frame shaping.
  testMatch: [...base.testMatch, '<rootDir>/sim/**/*.test.ts', '<rootDir>/harness/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/harness/dist/'],
  // The Grafana 13.2 host's own packages (harness/hosts.ts): never what a test imports.
  modulePathIgnorePatterns: ['<rootDir>/harness/hosts/'],
  // d3-color >= 3.1.1 and the d3 packages d3-scale pulls in ship ESM only (.js with type: module, or .mjs).
  transform: { ...base.transform, '^.+\\.mjs$': swc },
  transformIgnorePatterns: [
    nodeModulesToTransform([
      ...grafanaESModules,
      'd3-scale',
      'd3-array',
      'd3-format',
      'd3-interpolate',
      'd3-time',
      'd3-time-format',
      'internmap',
    ]),
  ],
};
