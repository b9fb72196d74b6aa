import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import path from 'path';
import { Configuration, DefinePlugin, RuleSetRule } from 'webpack';

import { HostId, HostVariant, hostDistDir, hostFromEnv, hostNodeModules, hostPackageDir } from './hosts';

/**
 * Host page for the harness: a bundle of the real @grafana/* packages, React and emotion that loads plugin
 * bundles with SystemJS as Grafana does. Build: `npx webpack -c harness/webpack.config.ts [--env host=13.2]`
 * (default: HARNESS_HOST, else 12.4; see hosts.ts) → harness/dist/grafana-<host>/.
 * `--env production` builds React and @grafana/* in production mode (as Grafana ships them; use it for
 * benchmarks: React's development checks cost real time) but unminified, to keep the build fast.
 */
const root = path.resolve(__dirname, '..');

type Env = Record<string, string | boolean | undefined>;

/**
 * For a variant with its own packages (13.2): the host's own code and root-installed helpers resolve bare imports
 * from the variant's node_modules first, so the page has one React and one @grafana/*; modules inside the variant
 * keep Node's lookup and still find their own nested dependencies (react-router-dom-v5-compat's react-router 6).
 */
function variantResolution(host: HostVariant): RuleSetRule[] {
  if (host.packagesDir === root) {
    return [];
  }
  const variantModules = hostNodeModules(host);
  return [{ exclude: variantModules, resolve: { modules: [variantModules, 'node_modules'] } }];
}

const config = (env: Env = {}): Configuration => {
  const host = hostFromEnv(typeof env.host === 'string' ? (env.host as HostId) : undefined);
  const runtimeEsm = path.join(hostPackageDir(host, '@grafana/runtime'), 'dist/esm');
  return {
    mode: env.production ? 'production' : 'development',
    // Production builds (the bench) keep source maps: the breakdown's CPU profile names the packages it was in.
    devtool: env.production ? 'source-map' : false,
    context: __dirname,
    entry: {
      // bootData first: @grafana/runtime reads window.grafanaBootData when it is evaluated.
      host: ['./host/bootData.ts', './host/index.tsx'],
    },
    output: {
      path: hostDistDir(host, Boolean(env.production)),
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
        'grafana-i18n-internal$': path.join(hostPackageDir(host, '@grafana/i18n'), 'dist/esm/i18n.mjs'),
      },
    },
    module: {
      rules: [
        ...variantResolution(host),
        // Grafana's ESM builds import without file extensions.
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        // CustomScrollbar.mjs default-imports the CommonJS react-custom-scrollbars-2. Webpack's strict interop for
        // .mjs would hand it the exports object (React error #130 in any panel using CustomScrollbar); Grafana's
        // own build treats it as ordinary JavaScript, which takes the CommonJS module's default.
        {
          test: /[\\/]@grafana[\\/]ui[\\/]dist[\\/]esm[\\/]components[\\/]CustomScrollbar[\\/]CustomScrollbar\.mjs$/,
          type: 'javascript/auto',
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                target: 'es2020',
                parser: { syntax: 'typescript', tsx: true, dynamicImport: true },
                // React 19 warns about the classic transform ("outdated JSX transform"); React 18 takes both.
                transform: { react: { runtime: 'automatic' } },
              },
            },
          },
        },
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
        { test: /\.(png|jpe?g|gif|svg|woff2?|ttf|eot)$/, type: 'asset/resource' },
      ],
    },
    plugins: [
      new DefinePlugin({
        // What the page says it is (bootData buildInfo.version, window.harness.host).
        __HARNESS_HOST__: JSON.stringify({ id: host.id, grafana: host.grafana }),
      }),
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
  };
};

export default config;
