import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import path from 'path';
import type { Configuration } from 'webpack';

/**
 * Host page for the harness: a bundle of the real @grafana/* packages, React and emotion that loads plugin
 * bundles with SystemJS as Grafana does. Build: `npx webpack -c harness/webpack.config.ts`.
 * `--env production` builds React and @grafana/* in production mode (as Grafana ships them; use it for
 * benchmarks: React's development checks cost real time) but unminified, to keep the build fast.
 */
const root = path.resolve(__dirname, '..');
const runtimeEsm = path.join(root, 'node_modules/@grafana/runtime/dist/esm');

type Env = Record<string, string | boolean | undefined>;

const config = (env: Env = {}): Configuration => ({
  mode: env.production ? 'production' : 'development',
  devtool: false,
  context: __dirname,
  entry: {
    // bootData first: @grafana/runtime reads window.grafanaBootData when it is evaluated.
    host: ['./host/bootData.ts', './host/index.tsx'],
  },
  output: {
    path: path.join(__dirname, 'dist'),
    filename: '[name].js',
    publicPath: '/',
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
    alias: {
      // Setters @grafana/runtime keeps out of its public exports; same files as its index imports.
      'grafana-runtime-internal/PanelRenderer$': path.join(runtimeEsm, 'components/PanelRenderer.mjs'),
      'grafana-runtime-internal/PanelDataErrorView$': path.join(runtimeEsm, 'components/PanelDataErrorView.mjs'),
      // @grafana/i18n's internal entry (initializeI18n, addResourceBundle): the file its index re-exports.
      'grafana-i18n-internal$': path.join(root, 'node_modules/@grafana/i18n/dist/esm/i18n.mjs'),
    },
  },
  module: {
    rules: [
      // Grafana's ESM builds import without file extensions.
      { test: /\.m?js$/, resolve: { fullySpecified: false } },
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: {
            jsc: {
              target: 'es2020',
              parser: { syntax: 'typescript', tsx: true, dynamicImport: true },
              // Classic JSX like src/ (the Grafana lint config wants React in scope).
              transform: { react: { runtime: 'classic' } },
            },
          },
        },
      },
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      { test: /\.(png|jpe?g|gif|svg|woff2?|ttf|eot)$/, type: 'asset/resource' },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({ template: './host/index.html', inject: 'body', scriptLoading: 'defer' }),
    new CopyWebpackPlugin({
      patterns: [
        { from: path.join(root, 'node_modules/systemjs/dist/system.js'), to: 'system.js' },
        { from: path.join(root, 'node_modules/systemjs/dist/extras/amd.js'), to: 'amd.js' },
      ],
    }),
  ],
  optimization: { minimize: false },
  performance: { hints: false },
  stats: 'errors-warnings',
});

export default config;
