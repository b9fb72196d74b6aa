/**
 * The one test command (`npm test`, also what .ci/run calls): typecheck, lint, build, jest, then the
 * Playwright suites against the real bundle in the harness. Ends with `N passed, N failed`, counting
 * every test case plus each failed step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const out = join(root, 'artifacts');
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;

function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(
    `=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
  return ok;
}

function gate(name: string, cmd: string, args: string[]) {
  if (step(name, cmd, args)) {
    passed++;
  } else {
    failed++;
  }
}

gate('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
gate('typecheck tools', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.tools.json']);
gate('typecheck harness', 'npx', ['tsc', '--noEmit', '-p', 'harness/tsconfig.json']);
gate('typecheck Grafana e2e specs', 'npx', ['tsc', '--noEmit', '-p', 'tests/grafana/tsconfig.json']);
gate('provisioning files', 'npx', ['tsx', 'tests/grafana/provisioning.ts']);
// Untranslated JSX text and attributes fail here (@grafana/i18n/no-untranslated-strings).
gate('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
// Locale files match the code (no key missing or stale, English up to date) and zh-Hans has every string.
gate('translations: locale files complete', 'npm', ['run', '--silent', 'i18n-check']);
gate('recording rules: check', 'promtool', ['check', 'rules', 'rules/pingmesh.rules.yml']);
gate('recording rules: unit tests', 'promtool', ['test', 'rules', 'rules/pingmesh.rules.test.yml']);
const built = step('build', 'npm', ['run', 'build']);
if (!built) {
  failed++;
}

const jestJson = join(out, 'jest.json');
rmSync(jestJson, { force: true });
step('jest', 'npx', ['jest', '--ci', '--json', `--outputFile=${jestJson}`]);
if (existsSync(jestJson)) {
  const j = JSON.parse(readFileSync(jestJson, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests + j.numRuntimeErrorTestSuites;
  console.log(
    `jest: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${j.numRuntimeErrorTestSuites} suites did not run`
  );
} else {
  failed++;
}

/** A Playwright run counted by its JSON report; a run that executed nothing counts as a failure. */
function playwright(name: string, args: string[], report: string) {
  rmSync(report, { force: true });
  step(name, 'npx', ['playwright', 'test', ...args]);
  if (!existsSync(report)) {
    failed++;
    return;
  }
  const s = JSON.parse(readFileSync(report, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  console.log(`${name}: ${s.expected} passed, ${s.flaky} flaky, ${s.unexpected} failed, ${s.skipped} skipped`);
  if (s.expected + s.flaky === 0) {
    console.log(`${name} ran no test: counted as a failure`);
    failed++;
  }
}

if (built) {
  playwright('playwright: panel in the harness', ['--project=harness'], join(out, 'playwright.json'));
  playwright(
    'playwright: harness self-test',
    ['-c', 'harness/playwright.config.ts'],
    join(out, 'harness-selftest.json')
  );
} else {
  console.log('build failed: browser tests not run');
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
