import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';
import grafanaI18nPlugin from '@grafana/i18n/eslint-plugin';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
    ],
  },
  { ignores: ['harness/dist/', 'harness/fixtures/**/dist/'] },
  ...baseConfig,
  // Lint the tools too (simulator, harness, scripts, browser tests), not only src/.
  { files: ['sim/**/*.ts', 'harness/**/*.{ts,tsx}', 'scripts/**/*.ts', 'tests/**/*.ts', '*.ts'] },
  // Layers (data flows frames → ingest → model → view → render → components): a layer never imports a later one.
  // Tests are exempt: they check the pipeline across layers. `moment` stays banned as in the base config.
  {
    name: 'pingmesh/layers-ingest',
    files: ['src/ingest/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['moment'],
          patterns: [
            {
              group: ['**/render', '**/render/*', '**/components/*', '**/insight/*', '**/drill/*', '**/layout/*'],
              message:
                'ingest is the first layer: it may import model/, never render, components, insight, drill, layout.',
            },
          ],
        },
      ],
    },
  },
  {
    name: 'pingmesh/layers-model',
    files: ['src/model/**/*.{ts,tsx}'],
    // buildMatrix.ts only re-exports the builder for code on other branches (see the file).
    ignores: ['src/**/*.test.{ts,tsx}', 'src/model/buildMatrix.ts', 'src/model/testFrames.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['moment'],
          patterns: [
            {
              group: [
                '**/ingest',
                '**/ingest/*',
                '**/render/*',
                '**/components/*',
                '**/insight/*',
                '**/drill/*',
                '**/layout/*',
              ],
              message:
                'model/ holds the model and its judgement: it never imports ingest, render, components, insight, drill or layout.',
            },
          ],
        },
      ],
    },
  },
  {
    name: 'pingmesh/layers-render',
    files: ['src/render/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['moment'], patterns: [{ group: ['**/components/*'], message: 'render never imports components.' }] },
      ],
    },
  },
  // Plugin UI text must go through t() / <Trans> (src only: the harness, simulator and scripts are not translated).
  {
    name: 'grafana/i18n-rules',
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    plugins: { '@grafana/i18n': grafanaI18nPlugin },
    rules: {
      '@grafana/i18n/no-untranslated-strings': ['error', { calleesToIgnore: ['^css$', 'use[A-Z].*'] }],
      '@grafana/i18n/no-translation-top-level': 'error',
    },
  },
]);
