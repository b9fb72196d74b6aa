import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';
import grafanaI18nPlugin from '@grafana/i18n/eslint-plugin';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

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
  // No import cycles anywhere in src/ (a cycle hides which module is the lower layer).
  {
    name: 'pingmesh/no-cycle',
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Read the imported TypeScript modules too, or no cycle through them is seen.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // Layers (data flows frames → ingest → model → view → render → components, with insight/ and drill/ beside and
  // text/ turning results into sentences): a layer never imports a later one. Tests are exempt: they check the
  // pipeline across layers. `moment` stays banned as in the base config.
  ...[
    {
      folder: 'ingest',
      banned: ['render', 'components', 'text', 'insight', 'drill', 'layout'],
      message:
        'ingest is the first layer: it may import model/, never render, components, text, insight, drill or layout.',
    },
    {
      folder: 'model',
      banned: ['ingest', 'view', 'render', 'components', 'text', 'insight', 'drill', 'layout'],
      message:
        'model/ holds the model and its judgement: it never imports ingest, view, render, components, text, insight, drill or layout.',
    },
    {
      folder: 'view',
      banned: ['render', 'components', 'text'],
      message: 'view/ arranges the model into what is drawn: it never imports render, components or text.',
    },
    {
      folder: 'render',
      banned: ['components'],
      message: 'render never imports components.',
    },
  ].map(({ folder, banned, message }) => ({
    name: `pingmesh/layers-${folder}`,
    files: [`src/${folder}/**/*.{ts,tsx}`],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/**/testFrames.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['moment'],
          patterns: [{ group: banned.flatMap((b) => [`**/${b}`, `**/${b}/*`]), message }],
        },
      ],
    },
  })),
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
