/**
 * The one test command (`npm test`, also what .ci/run calls): typecheck, lint, build, jest, then the
 * Playwright suites against the real bundle in the harness — on both host pages (Grafana 12.4 / React 18 and
 * 13.2 / React 19), the core specs also on VictoriaMetrics — sharing one build and one stack of backfilled
 * backends. Ends with `N passed, N failed`, counting every test case plus each failed step.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { HOSTS, ensureHostPackages } from '../harness/hosts';
import { SYSTEM_TOOLS, ensureSystemTools, installHint } from './systemTools';

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
  if (r.error) {
    const hint = cmd in SYSTEM_TOOLS ? ` — ${installHint([cmd])} (npm test does, as root)` : '';
    console.log(`${cmd}: ${r.error.message}${hint}`);
  }
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

/** A step done in this process (same log lines as a command step). */
function task(name: string, fn: () => void): boolean {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  let ok = true;
  try {
    fn();
  } catch (e) {
    console.log(e instanceof Error ? e.message : e);
    ok = false;
  }
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

// A fresh Debian machine: Chromium, Prometheus, VictoriaMetrics and zip from apt (as root), else the command to run.
if (!task('system packages (apt-get install when missing)', () => ensureSystemTools(Object.keys(SYSTEM_TOOLS)))) {
  failed++;
}
// The Grafana 13.2 host's packages live in their own folder, which the root's npm ci does not reach.
const hostsInstalled = task('Grafana 13.2 host packages (npm ci in harness/hosts/grafana-13.2 when stale)', () =>
  ensureHostPackages(HOSTS['13.2'])
);
if (!hostsInstalled) {
  failed++;
}
gate('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
gate('typecheck tools', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.tools.json']);
gate('typecheck harness', 'npx', ['tsc', '--noEmit', '-p', 'harness/tsconfig.json']);
if (hostsInstalled) {
  gate('typecheck harness host (Grafana 13.2)', 'npx', [
    'tsc',
    '--noEmit',
    '-p',
    'harness/hosts/grafana-13.2/tsconfig.json',
  ]);
}
gate('typecheck Grafana e2e specs', 'npx', ['tsc', '--noEmit', '-p', 'tests/grafana/tsconfig.json']);
gate('provisioning files', 'npx', ['tsx', 'tests/grafana/provisioning.ts']);
// Untranslated JSX text and attributes fail here (@grafana/i18n/no-untranslated-strings).
gate('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
// Locale files match the code (no key missing or stale, English up to date) and zh-Hans has every string.
gate('translations: locale files complete', 'npm', ['run', '--silent', 'i18n-check']);
gate('recording rules: check', 'promtool', ['check', 'rules', 'rules/pingmesh.rules.yml']);
gate('recording rules: unit tests', 'promtool', ['test', 'rules', 'rules/pingmesh.rules.test.yml']);
gate('recording rules: vmalert (MetricsQL) check', 'vmalert', [
  '-dryRun',
  '-rule=rules/pingmesh.rules.yml',
  '-loggerLevel=ERROR',
]);
const built = step('build', 'npm', ['run', 'build']);
if (!built) {
  failed++;
}

// The backends every browser run shares and the two host pages, started now: they load and build while jest runs.
const stackFile = join(out, 'harness-stack.json');
const hostBuildStatus = join(out, 'harness-host-build.status');
const stack = built && hostsInstalled ? startStack() : undefined;
if (stack) {
  startHostBuilds();
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

/** Per run: what it was and its counts, for the closing note. */
const runs: string[] = [];

/** A Playwright run counted by its JSON report; a run that executed nothing counts as a failure. */
function playwright(name: string, args: string[], env: Record<string, string>, report: string) {
  rmSync(report, { force: true });
  step(name, 'npx', ['playwright', 'test', ...args], { ...env, HARNESS_REPORT: report });
  if (!existsSync(report)) {
    failed++;
    runs.push(`${name}: no report`);
    return;
  }
  const s = JSON.parse(readFileSync(report, 'utf8')).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  const line = `${name}: ${s.expected} passed, ${s.flaky} flaky, ${s.unexpected} failed, ${s.skipped} skipped`;
  console.log(line);
  runs.push(line);
  if (s.expected + s.flaky === 0) {
    console.log(`${name} ran no test: counted as a failure`);
    failed++;
  }
}

/** The shared stack (tests/harness/stack.ts) as a child process; it exits when we do (its stdin closes). */
function startStack(): ChildProcess {
  rmSync(stackFile, { force: true });
  rmSync(`${stackFile}.failed`, { force: true });
  console.log('\n=== shared stack: Prometheus ×6, VictoriaMetrics ×2 (+ vmalert), the live simulator (background)');
  const child = spawn('npx', ['tsx', 'tests/harness/stack.ts', '--out', stackFile], {
    cwd: root,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  return child;
}

/** Both host pages, built beside jest (it uses one core of two); writes its result to hostBuildStatus. */
function startHostBuilds(): void {
  rmSync(hostBuildStatus, { force: true });
  console.log('=== harness host pages: Grafana 12.4.10 and 13.2.3, when stale (background)');
  spawn('npx', ['tsx', 'harness/build.ts', '--status', hostBuildStatus, ...Object.keys(HOSTS)], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/**
 * Waits (blocking: every step here is synchronous, so a child's exit is never seen meanwhile) until `ok` exists, or
 * `failed` does; the background jobs write one of them.
 */
function waitForFile(name: string, ok: string, failed: string, isOk: () => boolean = () => true): boolean {
  const started = Date.now();
  const tick = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(ok) && !existsSync(failed)) {
    if (Date.now() - started > 600_000) {
      break;
    }
    Atomics.wait(tick, 0, 0, 200);
  }
  const good = existsSync(ok) && isOk();
  console.log(`=== ${name}: ${good ? 'ready' : 'FAILED'} (waited ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!good && existsSync(failed)) {
    console.log(readFileSync(failed, 'utf8'));
  }
  return good;
}

function stopStack(child: ChildProcess) {
  child.stdin?.end();
  child.kill('SIGTERM');
}

const stackReady = () => waitForFile('shared stack', stackFile, `${stackFile}.failed`);
const hostsBuilt = () =>
  waitForFile('harness host pages', hostBuildStatus, hostBuildStatus, () =>
    readFileSync(hostBuildStatus, 'utf8').startsWith('ok')
  );

if (built && stack && hostsInstalled && stackReady() && hostsBuilt()) {
  const shared = { HARNESS_STACK: stackFile };
  for (const host of Object.values(HOSTS)) {
    playwright(
      `playwright: panel in the harness, Grafana ${host.grafana}, Prometheus`,
      ['--project=harness'],
      { ...shared, HARNESS_HOST: host.id, HARNESS_BACKEND: 'prometheus' },
      join(out, `playwright-${host.id}-prometheus.json`)
    );
  }
  // The backend is the host's business only through the data source, the same on both: one host is enough.
  playwright(
    `playwright: core specs, Grafana ${HOSTS['13.2'].grafana}, VictoriaMetrics`,
    ['--project=harness'],
    { ...shared, HARNESS_HOST: '13.2', HARNESS_BACKEND: 'victoriametrics' },
    join(out, 'playwright-13.2-victoriametrics.json')
  );
  for (const host of Object.values(HOSTS)) {
    playwright(
      `playwright: harness self-test, Grafana ${host.grafana}`,
      ['-c', 'harness/playwright.config.ts'],
      { HARNESS_HOST: host.id },
      join(out, `harness-selftest-${host.id}.json`)
    );
  }
} else {
  console.log('build, host packages, host builds or shared stack failed: browser tests not run');
  failed++;
}
stack && stopStack(stack);

console.log(`\n${runs.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
