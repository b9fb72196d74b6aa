import { defineConfig } from 'i18next-cli';

import pluginJson from './src/plugin.json';

export default defineConfig({
  locales: pluginJson.languages, // ['en-US', 'zh-Hans']; the first is the primary (source) language
  extract: {
    input: ['src/**/*.{ts,tsx}'],
    ignore: ['src/**/*.test.{ts,tsx}', 'src/**/__snapshots__/**'],
    output: 'src/locales/{{language}}/{{namespace}}.json', // mandatory layout: locales/<lang>/<plugin id>.json
    defaultNS: pluginJson.id,
    functions: ['t', '*.t'],
    transComponents: ['Trans'],
    sort: true,
  },
});
