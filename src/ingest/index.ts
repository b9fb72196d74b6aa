import { DataFrame, GrafanaTheme2, ReducerID } from '@grafana/data';
import { t } from '@grafana/i18n';

import { RAW } from '../util/i18n';
import { PRESETS, splitLabels } from '../model/presets';
import { withSortedThresholds } from '../model/thresholds';
import { MAX_LEVELS } from '../model/sla';
import { parseLevels } from '../model/topology';
import { MatrixModel, PairSource, UnitReport } from '../model/types';
import { conversionFactor } from '../model/units';
import { ModelOptions } from '../options/types';
import { ExtraMetrics, assembleSteps } from './assemble';
import { bucketsOf, counterNotice } from './buckets';
import { GroupedAxes, MAX_HOSTS, groupHosts, hostPaths } from './cardinality';
import { PairAcc, foldPairsSteps, remapHosts } from './fold';
import { GatherInput, Gathered, blankHostsNotice, gather, notNumbersNotice } from './gather';
import { HostTable, hostNamer } from './hosts';
import { listed, orList, resolveMapping } from './mapping';
import { HostJoin, composeAliases } from './join';
import { splitMergedFrames } from './merged';
import { isModeQuery, modeIdentities, passiveHosts } from './passive';
import { pairRoles } from './roles';
import { NumberFieldView, labelNames, metricNames, numberFieldViews, refIdOf } from './series';
import { PairTopology, topologyConflictNotice, topologyConflicts, topologyFromFrames } from './topology';
import { PairScale, ScaleSettings, ScaleTally, displayUnit, latencyScale, lossScale, unitNotices } from './units';
import { formatCount } from '../util/format';

export { MAX_HOSTS } from './cardinality';
export { ROWS_PER_STEP } from './gather';

export interface BuildMatrixInput {
  frames: DataFrame[];
  options: ModelOptions;
  theme: GrafanaTheme2;
}

export type BuildMatrixResult = { model: MatrixModel; warning?: undefined } | { warning: string; model?: undefined };

/**
 * frames → one value per (source, destination) host pair. Pure; bad input gives `{ warning }`, never a throw.
 */
export function buildMatrix(input: BuildMatrixInput): BuildMatrixResult {
  const steps = buildMatrixSteps(input);
  let step = steps.next();
  while (!step.done) {
    step = steps.next();
  }
  return step.value;
}

/**
 * The same build, as steps: it yields every few thousand rows, so a caller can spread a big mesh over several tasks
 * (see useMatrixModel) instead of freezing the page. `buildMatrix` runs it to the end at once.
 */
export function* buildMatrixSteps(input: BuildMatrixInput): Generator<void, BuildMatrixResult> {
  // Options come checked from the panel's edge (options/normalize.ts).
  const { theme, options } = input;
  // A Merge transformation's `Value #A` / `Value #B` columns: one frame per query again, each in its own role.
  const frames = splitMergedFrames(input.frames);
  const withFields = frames.filter((f) => f.fields.length > 0 && f.length > 0);
  if (withFields.length === 0) {
    return { warning: t('model.warning.no-series', 'No data: the query returned no series.') };
  }
  const refIds = [...new Set(withFields.map(refIdOf))];
  // Queries that answered, rows or not (an empty result arrives as one frame with no fields): a breach-only exporter
  // during an outage exports failures only, and its latency query — answered, empty — must stay the latency query
  // instead of the failure query taking its place.
  const answered = [...new Set(frames.map(refIdOf))];
  const topologyRefIds = splitLabels(options.topologyRefIds);
  const viewsOf = (r: string) => withFields.filter((f) => refIdOf(f) === r).flatMap(numberFieldViews);
  const metricsOf = (r: string) => new Set(viewsOf(r).flatMap(metricNames));
  // A node-mode gauge (Goldpinger's active/passive sharding) is read for passive nodes, never as a pair query.
  const modeRefIds = refIds.filter((r) => !topologyRefIds.includes(r) && isModeQuery(metricsOf(r), PRESETS));
  const roles = pairRoles(options, answered, topologyRefIds, metricsOf, modeRefIds);
  const refId = roles.latency;
  const latencyViews = viewsOf(refId);
  // No latency rows, but failures (or losses): those pairs are the matrix, each failed (or lossy) with no latency.
  const views =
    latencyViews.length > 0
      ? latencyViews
      : [roles.fail, roles.loss].flatMap((r) => (r === undefined ? [] : viewsOf(r)));
  if (!refIds.includes(refId) && views.length === 0) {
    return {
      warning: t(
        'model.warning.no-latency-frames',
        'No frames for the latency query `{{refId}}`; queries seen: {{seen}}.',
        { refId, seen: listed(refIds), ...RAW }
      ),
    };
  }
  if (views.length === 0) {
    return {
      warning: t(
        'model.warning.no-number-field',
        'Query `{{refId}}` has no numeric field: a latency query must return numbers.',
        { refId, ...RAW }
      ),
    };
  }

  const labelsSeen = new Set(views.flatMap(labelNames));
  // Every pair query's metric names tell exporters apart (a raw loss metric names Goldpinger's UDP probe).
  const pairRefIds = refIds.filter((r) => !topologyRefIds.includes(r) && !modeRefIds.includes(r));
  const metricsSeen = new Set(pairRefIds.flatMap((r) => viewsOf(r).flatMap(metricNames)));
  const notices: string[] = [];
  const mapping = resolveMapping(options, labelsSeen, metricsSeen, (label, prefix) => prefixSeen(views, label, prefix));
  if ('warning' in mapping) {
    return mapping;
  }

  const parsed = parseLevels(options.levels);
  // The scope index is a byte (model/sla.ts): no more levels than fit, and the footer says when some were left out.
  const levels = parsed.slice(0, MAX_LEVELS);
  if (parsed.length > MAX_LEVELS) {
    notices.push(
      t('model.notice.too-many-levels', '*Group by* has {{n}} levels; only the first {{max}} are used.', {
        n: parsed.length.toLocaleString('en-US'),
        max: MAX_LEVELS,
        ...RAW,
      })
    );
  }
  const table = topologyFromFrames(withFields, topologyRefIds, splitLabels(options.topologyHostLabels), levels);
  const pairTopology = new PairTopology(levels);
  // The model keeps the namer for the pair view: a bound function, not a closure over this generator's scope.
  const hostName = hostNamer(table.alias, mapping.destinationPrefix);
  const hosts = new HostTable(hostName);
  const hostOf = (label: string) => hosts.idOf(label);
  const join = mapping.preset?.sameHost && new HostJoin(mapping.preset.sameHost);

  // Each latency series by its own unit, into the matrix's unit (the latency fields' unit).
  const unit = displayUnit(views.map((v) => v.field.config?.unit));
  const settings: ScaleSettings = { option: options.inputUnit, display: unit, preset: mapping.preset };
  const tally = new ScaleTally();
  const latencyOf = (fieldUnit: string | undefined, metric: string | undefined) =>
    latencyScale(settings, fieldUnit, metric);

  // Every series of every pair query through one reader; duplicates are folded once the host count is known.
  const read = (r: string | undefined, reducer: ReducerID, extra: Partial<GatherInput> = {}) =>
    r === undefined
      ? undefined
      : gather({
          views: r === refId ? latencyViews : viewsOf(r),
          source: mapping.source,
          destination: mapping.destination,
          destinationPrefix: mapping.destinationPrefix,
          reducer,
          hostOf,
          topology: levels.length > 0 ? pairTopology : undefined,
          join,
          ...extra,
        });
  const latency: Gathered = yield* read(refId, options.reducer, { withNewest: true, scale: latencyOf, tally })!;
  const report = tally.report(unit);
  // A baseline without a unit of its own is in the latency's unit when that was one unit.
  const latencyUnit = report.from.length === 1 ? report.from[0].unit : undefined;
  const baselineOf = (fieldUnit: string | undefined, metric: string | undefined) => {
    const own = latencyOf(fieldUnit, metric);
    return own.guessed && latencyUnit ? latencyScale({ ...settings, option: latencyUnit }, fieldUnit, metric) : own;
  };
  const others: Array<Gathered | undefined> = [];
  for (const [r, reducer, extra] of [
    [
      roles.loss,
      options.reducer,
      { scale: (_: unknown, metric: string | undefined) => lossScale(mapping.preset, metric) },
    ],
    [roles.fail, ReducerID.lastNotNull, {}],
    [roles.expected, ReducerID.lastNotNull, {}],
    [roles.baseline, ReducerID.lastNotNull, { scale: baselineOf }],
    [roles.timestamp, ReducerID.max, {}],
  ] as Array<[string | undefined, ReducerID, Partial<GatherInput>]>) {
    const steps = read(r, reducer, extra);
    others.push(steps && (yield* steps));
  }
  const [rawLoss, rawFail, rawExpected, rawBaseline, rawTimestamp] = others;
  yield;

  // Names and addresses the series say are one host (Goldpinger's node name and pod IP) become one row and column.
  let hostNames = hosts.names;
  let namer = hostName;
  const modeViews = modeRefIds.flatMap(viewsOf);
  if (join && mapping.preset?.passive) {
    modeIdentities(modeViews, mapping.preset.passive).forEach((names) => join.learn(names));
  }
  const merged = join?.merge(hostNames);
  if (merged) {
    for (const raw of [latency, ...others]) {
      if (raw) {
        remapHosts(raw, merged.groupOf);
      }
    }
    pairTopology.remap(merged.groupOf);
    hostNames = merged.names;
    namer = hostNamer(composeAliases(table.alias, merged.alias), mapping.destinationPrefix);
  }
  const passive = mapping.preset?.passive ? passiveHosts(modeViews, mapping.preset.passive, namer) : undefined;

  // Cardinality guard: more hosts than the panel should draw one by one become their groups (the deepest level that
  // fits), worst pair per cell, instead of a hosts² matrix that would freeze the page.
  const topology = { levels, table, pairs: pairTopology };
  const maxHosts = Math.min(options.maxHosts > 0 ? options.maxHosts : MAX_HOSTS, MAX_HOSTS);
  let grouped: GroupedAxes | undefined;
  if (hostNames.length > maxHosts) {
    grouped = groupHosts(hostNames, hostPaths(topology, hostNames), levels, maxHosts);
    if (!grouped) {
      return {
        warning: t(
          'model.warning.too-many-hosts',
          '{{hosts}} hosts is more than this panel draws one by one ({{max}}, *Max hosts*), and there is no grouping level with fewer groups: set *Group by* (e.g. region,dc,az,tor), aggregate in the query (the ToR recording rules), or filter it.',
          { hosts: formatCount(hostNames.length), max: formatCount(maxHosts), ...RAW }
        ),
      };
    }
    for (const raw of [latency, ...others]) {
      if (raw) {
        remapHosts(raw, grouped.groupOf);
      }
    }
    notices.push(
      t(
        'model.notice.grouped-hosts',
        '{{hosts}} hosts is more than Max hosts ({{max}}): showing {{level}} × {{level}}, the worst pair in each cell. Filter the query (e.g. by a $dc variable) or raise Max hosts to see hosts.',
        {
          hosts: formatCount(hostNames.length),
          max: formatCount(maxHosts),
          level: grouped.level,
          ...RAW,
        }
      )
    );
  }
  yield;
  const axisNames = grouped ? grouped.names : hostNames;
  const hostCount = axisNames.length;
  const acc = yield* foldPairsSteps(latency, hostCount, true);
  const folded: Array<PairAcc | undefined> = [];
  for (const raw of [rawLoss, rawFail, rawExpected, rawBaseline, rawTimestamp]) {
    folded.push(raw && (yield* foldPairsSteps(raw, hostCount)));
  }
  const [loss, fail, expected, baseline, timestamp] = folded;
  const extra: ExtraMetrics = {
    loss,
    fail,
    expected,
    baseline,
    timestamp,
    // Breach-only exporters (kubeservice pingmesh-agent) export a pair only when it is slow or failing.
    missing:
      roles.missing === 'auto'
        ? (mapping.preset?.missing ?? (mapping.preset?.breachOnly ? 'ok' : 'noData'))
        : roles.missing,
  };
  // Latency rows whose labels name no pair are a labelling problem; no latency rows at all leave it to the failures.
  const labelled = latencyViews.length > 0 ? latency.series > 0 : (rawFail?.series ?? 0) + (rawLoss?.series ?? 0) > 0;
  if (!labelled || (acc.length === 0 && !extra.loss?.length && !extra.fail?.length)) {
    const absent = [...mapping.source, ...mapping.destination].filter((l) => !labelsSeen.has(l));
    const seen = listed(labelsSeen);
    return {
      warning:
        absent.length > 0
          ? t('model.warning.no-pair-label', 'No series has label {{labels}}; labels seen: {{seen}}.', {
              labels: orList(absent),
              seen,
              ...RAW,
            })
          : t(
              'model.warning.no-pair-label-value',
              'No series has a non-empty source and destination label; labels seen: {{seen}}.',
              { seen, ...RAW }
            ),
    };
  }
  if (latency.notPairs > 0) {
    notices.push(
      t('model.notice.not-pairs', '', {
        count: latency.notPairs,
        n: formatCount(latency.notPairs),
        label: mapping.destination.join('/'),
        prefix: mapping.destinationPrefix,
        defaultValue_one: '{{n}} series is no pair check ({{label}} is not {{prefix}}<host>) and was left out.',
        defaultValue_other: '{{n}} series are no pair checks ({{label}} is not {{prefix}}<host>) and were left out.',
        ...RAW,
      })
    );
  }
  if (latency.skipped > 0) {
    notices.push(
      t('model.notice.skipped-series', '{{n}} series without a {{source}} or {{destination}} label were skipped.', {
        n: String(latency.skipped),
        source: mapping.source.join('/'),
        destination: mapping.destination.join('/'),
        ...RAW,
      })
    );
  }

  for (const notice of [
    topologyConflictNotice(topologyConflicts(topology, hostNames)),
    blankHostsNotice(latency, mapping.source, mapping.destination),
    notNumbersNotice([latency, ...others]),
  ]) {
    if (notice) {
      notices.push(notice);
    }
  }
  notices.push(...unitNotices(report));
  // Bucket bounds, for the notice when a threshold is finer than the histogram can tell (model/resolution.ts).
  const { buckets, notices: bucketNotices } = bucketsOf({
    views: withFields.flatMap(numberFieldViews),
    preset: mapping.preset,
    display: unit,
    latencyUnit,
    nameless: views.some((v) => metricNames(v).length === 0),
  });
  notices.push(...bucketNotices);
  for (const r of [roles.fail, roles.loss]) {
    const note = r === undefined ? undefined : counterNotice(r, metricsOf(r));
    if (note) {
      notices.push(note);
    }
  }
  const config = views.find((v) => (v.field.config?.unit ?? 'ms') === unit)?.field.config ?? {};
  const model = yield* assembleSteps({
    acc,
    hostNames: axisNames,
    grouped,
    // Threshold steps sorted once: the breach level and the colours read the same order.
    config: withSortedThresholds({ ...config, unit }),
    theme,
    notices,
    mapping,
    topology,
    source: {
      refId,
      factor: uniformFactor(report),
      scaleOf: scaleOf(new PairScale(settings, refId, roles.loss)),
      hostOf: namer,
      lossRefId: roles.loss,
    },
    extra,
    passive: grouped ? undefined : passive,
  });
  model.units = report;
  model.buckets = buckets;
  model.notices.push(...roles.notes);
  return { model };
}

/** A bound method: the model keeps it (pair view), so it must not close over this build's scope. */
function scaleOf(scale: PairScale): PairSource['scaleOf'] {
  return scale.scaleOf.bind(scale);
}

/** The one factor every latency series had (1 when none was converted), NaN when they differed. */
function uniformFactor(report: UnitReport): number {
  const factors = new Set(report.from.map((f) => conversionFactor(f.unit, report.display)));
  if (report.guessed > 0) {
    factors.add(1);
  }
  return factors.size === 0 ? 1 : factors.size === 1 ? [...factors][0] : NaN;
}

/** Whether any series of the views (up to a few thousand rows each) has a `label` value starting with `prefix`. */
function prefixSeen(views: NumberFieldView[], label: string, prefix: string): boolean {
  for (const view of views) {
    const fixed = view.field.labels?.[label];
    if (typeof fixed === 'string' && fixed.startsWith(prefix)) {
      return true;
    }
    const column = view.labelColumns.find((c) => c.name === label)?.values;
    if (column) {
      for (let row = 0; row < Math.min(column.length, 4096); row++) {
        const v = column[row];
        if (typeof v === 'string' && v.startsWith(prefix)) {
          return true;
        }
      }
    }
  }
  return false;
}
