import { t } from '@grafana/i18n';

import { ScopeSla } from '../model/sla';
import { Expected, OptionNotice, OptionPath, ScopeProblem } from '../options/types';
import { formatCount } from '../util/format';
import { RAW } from '../util/i18n';

/** An option value as it came (from the editor or dashboard JSON), short enough for a footer. */
export function shownValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The option's name as the editor shows it: the editor (options/*.ts) takes its names from here. */
export function optionName(path: OptionPath): string {
  switch (path) {
    case 'queries':
      return t('options.category.pairs', 'Pairs');
    case 'queries.preset':
      return t('options.preset.name', 'Exporter preset');
    case 'queries.sourceLabel':
      return t('options.source-label.name', 'Source label');
    case 'queries.destinationLabel':
      return t('options.destination-label.name', 'Destination label');
    case 'queries.latencyRefId':
      return t('options.latency-ref-id.name', 'Latency query');
    case 'queries.lossRefId':
      return t('options.loss-ref-id.name', 'Loss query');
    case 'queries.failRefId':
      return t('options.fail-ref-id.name', 'Probe failure query');
    case 'queries.expectedRefId':
      return t('options.expected-ref-id.name', 'Expected pairs query');
    case 'queries.baselineRefId':
      return t('options.baseline-ref-id.name', 'Baseline query');
    case 'queries.timestampRefId':
      return t('options.timestamp-ref-id.name', 'Sample time query');
    case 'queries.reducer':
      return t('options.reducer.name', 'Value per pair');
    case 'queries.inputUnit':
      return t('options.input-unit.name', 'Input unit');
    case 'queries.missingMeans':
      return t('options.missing-means.name', 'A pair with no series is');
    case 'grouping':
      return t('options.category.grouping', 'Grouping');
    case 'grouping.levels':
      return t('options.levels.name', 'Group by');
    case 'grouping.startLevel':
      return t('options.start-level.name', 'Start at level');
    case 'grouping.maxHosts':
      return t('options.max-hosts.name', 'Max hosts');
    case 'grouping.hostOrder':
      return t('options.host-order.name', 'Host order');
    case 'grouping.aggregation':
      return t('options.aggregation.name', 'Group cell value');
    case 'grouping.sortBy':
      return t('options.sort-by.name', 'Sort within level');
    case 'grouping.topologyRefIds':
      return t('options.topology-ref-ids.name', 'Topology queries');
    case 'grouping.topologyHostLabels':
      return t('options.topology-host-labels.name', 'Topology host labels');
    case 'display':
      return t('options.category.display', 'Display');
    case 'display.showAxisLabels':
      return t('options.show-axis-labels.name', 'Axis labels');
    case 'display.shortNames':
      return t('options.short-names.name', 'Shorten host names');
    case 'display.showDiagnosis':
      return t('options.show-diagnosis.name', 'Diagnosis');
    case 'display.showTimeline':
      return t('options.show-timeline.name', 'Breach timeline');
    case 'display.changedSince':
      return t('options.changed-since.name', 'Highlight changes');
    case 'display.showSearch':
      return t('options.show-search.name', 'Search box');
    case 'display.worstPairs':
      return t('options.worst-pairs.name', 'Worst pairs list');
    case 'display.palette':
      return t('options.palette.name', 'Colours');
    case 'sla':
      return t('options.category.sla', 'SLA');
    case 'sla.mode':
      return t('options.sla-mode.name', 'Judge cells by');
    case 'sla.scopes':
      return t('options.sla-scopes.name', 'SLA per scope');
    case 'sla.lossWarn':
      return t('options.loss-warn.name', 'Loss warning (ratio)');
    case 'sla.lossBreach':
      return t('options.loss-breach.name', 'Loss SLA (ratio)');
    case 'sla.baselineWarn':
      return t('options.baseline-warn.name', 'Baseline warning ratio');
    case 'sla.baselineBreach':
      return t('options.baseline-breach.name', 'Baseline SLA ratio');
    case 'sla.staleAfter':
      return t('options.stale-after.name', 'Stale after');
    case 'drill':
      return t('options.category.drill-down', 'Drill-down');
    case 'drill.sourceVariable':
      return t('options.source-variable.name', 'Source variable');
    case 'drill.destinationVariable':
      return t('options.destination-variable.name', 'Destination variable');
  }
}

function expectedText(e: Expected): string {
  switch (e.kind) {
    case 'section':
      return t('options.expected.section', 'a group of options');
    case 'text':
      return t('options.expected.text', 'text');
    case 'refIds':
      return t('options.expected.ref-ids', 'query refIds');
    case 'switch':
      return t('options.expected.switch', 'true or false');
    case 'oneOf':
      return e.values.join(', ');
    case 'preset':
      return t('options.expected.preset', 'auto, custom or an exporter preset id');
    case 'reducer':
      return t('options.expected.reducer', 'a Grafana reducer such as lastNotNull');
    case 'wholeNumber':
      return t('options.expected.whole-number', 'a whole number from {{min}} to {{max}}', {
        min: formatCount(e.min),
        max: formatCount(e.max),
        ...RAW,
      });
    case 'ratio':
      return t('options.expected.ratio', 'a ratio from 0 to 1');
    case 'positive':
      return t('options.expected.positive', 'a number above 0');
    case 'duration':
      return t('options.expected.duration', 'a duration such as 5m, or empty for off');
    case 'variable':
      return t('options.expected.variable', 'a variable name (letters, digits, _)');
    case 'scopes':
      return t('options.expected.sla-table', 'a table of scopes');
  }
}

/** What is used instead, as the footer says it. */
function fallbackText(fallback: unknown): string {
  if (fallback === undefined || (typeof fallback === 'object' && fallback !== null)) {
    return t('options.fallback.defaults', 'the defaults');
  }
  if (typeof fallback === 'boolean') {
    return fallback ? t('options.fallback.on', 'on') : t('options.fallback.off', 'off');
  }
  if (typeof fallback === 'number') {
    return formatCount(fallback);
  }
  return `\`${String(fallback)}\``;
}

/** A threshold's name in the SLA table's labels and in notices ("Latency SLA"). */
export function slaFieldName(field: keyof ScopeSla): string {
  switch (field) {
    case 'latencyWarn':
      return t('sla-editor.column.latency-warn.label', 'Latency warning');
    case 'latencyBreach':
      return t('sla-editor.column.latency-breach.label', 'Latency SLA');
    case 'lossWarn':
      return t('sla-editor.column.loss-warn.label', 'Loss warning');
    case 'lossBreach':
      return t('sla-editor.column.loss-breach.label', 'Loss SLA');
  }
}

/** Why one scope's SLA is unusable, in words (footer and the SLA table's own error line). */
export function scopeProblemText(p: ScopeProblem): string {
  switch (p.kind) {
    case 'name':
      return t('sla.problem.name', 'not a scope name (same-<level>, cross-<level> or all)');
    case 'notTable':
      return t('sla.problem.not-a-table', 'not a set of thresholds');
    case 'notNumber':
      return t('sla.problem.not-a-number', '{{field}} `{{value}}` is not a number', {
        field: slaFieldName(p.field),
        value: shownValue(p.value),
        ...RAW,
      });
    case 'negative':
      return t('sla.problem.negative', '{{field}} {{value}} is negative', {
        field: slaFieldName(p.field),
        value: String(p.value),
        ...RAW,
      });
    case 'lossAbove1':
      return t('sla.problem.loss-above-1', '{{field}} {{value}} is above 1 (100 %)', {
        field: slaFieldName(p.field),
        value: String(p.value),
        ...RAW,
      });
    case 'warnAbove':
      return p.which === 'latency'
        ? t('sla.problem.latency-warn-above', 'the latency warning ({{warn}}) is above the SLA ({{breach}})', {
            warn: String(p.warn),
            breach: String(p.breach),
            ...RAW,
          })
        : t('sla.problem.loss-warn-above', 'the loss warning ({{warn}}) is above the SLA ({{breach}})', {
            warn: String(p.warn),
            breach: String(p.breach),
            ...RAW,
          });
  }
}

/** One footer line per option value the normaliser could not use: which option, what was wrong, what is used. */
export function optionNoticeText(n: OptionNotice): string {
  switch (n.kind) {
    case 'invalid': {
      const values = {
        option: optionName(n.path),
        value: shownValue(n.value),
        expected: expectedText(n.expected),
        ...RAW,
      };
      return n.fallback === '' && (n.expected.kind === 'duration' || n.expected.kind === 'variable')
        ? t('options.invalid-off', '{{option}} `{{value}}` is not valid ({{expected}}): it is off.', values)
        : t('options.invalid', '{{option}} `{{value}}` is not valid ({{expected}}): using {{fallback}}.', {
            ...values,
            fallback: fallbackText(n.fallback),
          });
    }
    case 'aboveLimit':
      return t(
        'options.max-hosts.above-limit',
        'Max hosts {{value}} is above what the panel draws one by one: using {{limit}}.',
        { value: formatCount(n.value), limit: formatCount(n.limit), ...RAW }
      );
    case 'warnAboveBreach':
      return t(
        'sla.notice.warn-above-breach',
        '{{warnName}} {{warn}} is above {{breachName}} {{breach}}: using {{fallbackWarn}} and {{fallbackBreach}}.',
        {
          warnName: optionName(n.warn.path),
          warn: String(n.warn.value),
          breachName: optionName(n.breach.path),
          breach: String(n.breach.value),
          fallbackWarn: String(n.warn.fallback),
          fallbackBreach: String(n.breach.fallback),
          ...RAW,
        }
      );
    case 'scope':
      return t('sla.notice.invalid-scope', 'SLA for {{scope}}: {{problem}} — using the defaults for {{scope}}.', {
        scope: n.scope,
        problem: scopeProblemText(n.problem),
        ...RAW,
      });
  }
}
