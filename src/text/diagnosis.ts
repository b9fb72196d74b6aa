import { t } from '@grafana/i18n';

import { RAW } from '../util/i18n';
import { groupId } from '../model/groupId';
import { UNKNOWN_GROUP } from '../model/topology';
import { MatrixModel } from '../model/types';
import { Candidate, Subject } from '../insight/diagnosis/types';
import { formatCount } from '../util/format';

/**
 * The words of a diagnosis: one whole sentence per candidate, with placeholders a translation orders its own way.
 * Placeholders: `level` the level word as is, `Level` capitalised (English sentence starts), `name` the group, `kid` the
 * level of the groups inside (English adds the plural "s"), `bad` / `total` the counts, `hosts` a list of names.
 */

/** A known level's word in the user's language ("ToR", "DC"); any other level name is data, shown as it is. */
export function levelWord(name: string): string {
  switch (name.toLowerCase()) {
    case 'region':
      return t('diagnosis.level.region', 'region');
    case 'dc':
      return t('diagnosis.level.dc', 'DC');
    case 'az':
      return t('diagnosis.level.az', 'AZ');
    case 'zone':
      return t('diagnosis.level.zone', 'zone');
    case 'tor':
      return t('diagnosis.level.tor', 'ToR');
    case 'rack':
      return t('diagnosis.level.rack', 'rack');
    case 'pod':
      return t('diagnosis.level.pod', 'pod');
    case 'podset':
      return t('diagnosis.level.podset', 'podset');
    case 'cluster':
      return t('diagnosis.level.cluster', 'cluster');
    case 'node':
      return t('diagnosis.level.node', 'node');
    case 'host':
      return t('diagnosis.level.host', 'host');
    default:
      return name;
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const num = (x: number) => (Number.isInteger(x) ? formatCount(x) : x.toFixed(1));

/** Names shown in a sentence at most; the rest are counted. The full list is the candidate's `hosts`. */
const MAX_NAMES = 6;

export function nameList(names: string[]): string {
  const shown = names.slice(0, MAX_NAMES).join(', ');
  return names.length > MAX_NAMES
    ? t('diagnosis.names-more', '{{names}} and {{n}} more', { names: shown, n: names.length - MAX_NAMES, ...RAW })
    : shown;
}

// Group names that occur under several parents at a level, per model: those are shown as a path (dc1/tor2).
const ambiguousCache = new WeakMap<MatrixModel, Array<Set<string>>>();

function ambiguous(model: MatrixModel): Array<Set<string>> {
  let out = ambiguousCache.get(model);
  if (!out) {
    out = model.levels.map((_, l) => {
      const seen = new Map<string, string>();
      const twice = new Set<string>();
      for (const p of [...model.rowPaths, ...(model.colPaths === model.rowPaths ? [] : model.colPaths)]) {
        const name = p[l] ?? UNKNOWN_GROUP;
        const key = groupId(p, l + 1);
        const prior = seen.get(name);
        if (prior !== undefined && prior !== key) {
          twice.add(name);
        }
        seen.set(name, key);
      }
      return twice;
    });
    ambiguousCache.set(model, out);
  }
  return out;
}

/** A group's own name when it is unique at its level (r1-dc1-az1-tor2), else its path (dc1/az1/tor2). */
export function groupName(model: MatrixModel, s: Subject): string {
  const name = s.path[s.path.length - 1] ?? '';
  if (s.level >= model.levels.length) {
    return name;
  }
  return ambiguous(model)[s.level]?.has(name) ? s.path.join('/') : name;
}

const levelOf = (model: MatrixModel, level: number) =>
  level >= model.levels.length ? levelWord('host') : levelWord(model.levels[level] ?? '');

/** The candidate's sentence. */
export function describeCandidate(c: Candidate, model: MatrixModel): string {
  const counts = { bad: num(c.bad), total: num(c.judged) };
  switch (c.kind) {
    case 'hosts':
      return hostsText(c, model, counts);
    case 'group':
      return groupText(c, model, counts);
    case 'layer-above':
      return layerText(c, model, counts);
    case 'link':
      return linkText(c, model, counts);
    case 'all':
      return t(
        'diagnosis.all',
        'Every pair: {{bad}} of {{total}} paths over SLA — a cause above all groups, or the probes / SLA themselves',
        { ...counts, ...RAW }
      );
    case 'silent':
      return silentText(c);
    case 'none':
      return noneText(c, model);
  }
}

type Counts = { bad: string; total: string };

function hostsText(c: Candidate, model: MatrixModel, counts: Counts): string {
  const hosts = c.hosts ?? [];
  if (hosts.length === 1) {
    const v = { host: hosts[0], ...counts, ...RAW };
    switch (c.role) {
      case 'source':
        return t('diagnosis.host.source', 'Host {{host}} (source): {{bad}} of {{total}} paths from it over SLA', v);
      case 'destination':
        return t(
          'diagnosis.host.destination',
          'Host {{host}} (destination): {{bad}} of {{total}} paths to it over SLA',
          v
        );
      default:
        return t(
          'diagnosis.host.both',
          'Host {{host}}: {{bad}} of {{total}} paths to and from it over SLA — the host or its link',
          v
        );
    }
  }
  const v = { n: String(hosts.length), hosts: nameList(hosts), ...counts, ...RAW };
  if (c.role === 'source') {
    return t(
      'diagnosis.hosts.source',
      '{{n}} hosts as sources: {{hosts}} — {{bad}} of {{total}} paths from them over SLA',
      v
    );
  }
  if (c.role === 'destination') {
    return t(
      'diagnosis.hosts.destination',
      '{{n}} hosts as destinations: {{hosts}} — {{bad}} of {{total}} paths to them over SLA',
      v
    );
  }
  const L = model.levels.length;
  if (L === 0 || !c.groups) {
    return t(
      'diagnosis.hosts.together-no-topology',
      '{{n}} hosts fail together: {{hosts}} — {{bad}} of {{total}} paths to and from them over SLA; likely one ToR, rack or node pool (add a topology query to confirm)',
      v
    );
  }
  const kid = levelWord(model.levels[L - 1]);
  if (c.subject && c.groups === 1) {
    return t(
      'diagnosis.hosts.together-in-group',
      '{{n}} of the {{groupHosts}} hosts of {{level}} {{name}} fail together: {{hosts}} — {{bad}} of {{total}} paths to and from them over SLA',
      {
        ...v,
        groupHosts: String(c.groupHosts ?? 0),
        level: levelOf(model, c.subject.level),
        name: groupName(model, c.subject),
      }
    );
  }
  return t(
    'diagnosis.hosts.apart',
    '{{n}} hosts in {{groups}} different {{kid}}s fail: {{hosts}} — {{bad}} of {{total}} paths to and from them over SLA',
    { ...v, groups: String(c.groups), kid }
  );
}

function groupText(c: Candidate, model: MatrixModel, counts: Counts): string {
  const s = c.subject!;
  const level = levelOf(model, s.level);
  const hosts = c.groupHosts ?? 0;
  const v = { level, Level: capital(level), name: groupName(model, s), ...counts, hosts: String(hosts), ...RAW };
  switch (c.role) {
    case 'source':
      return t('diagnosis.group.source', '', {
        ...v,
        count: hosts,
        defaultValue_one:
          '{{Level}} {{name}} (source side): {{bad}} of {{total}} paths from its {{hosts}} host over SLA',
        defaultValue_other:
          '{{Level}} {{name}} (source side): {{bad}} of {{total}} paths from its {{hosts}} hosts over SLA',
      });
    case 'destination':
      return t('diagnosis.group.destination', '', {
        ...v,
        count: hosts,
        defaultValue_one:
          '{{Level}} {{name}} (destination side): {{bad}} of {{total}} paths to its {{hosts}} host over SLA',
        defaultValue_other:
          '{{Level}} {{name}} (destination side): {{bad}} of {{total}} paths to its {{hosts}} hosts over SLA',
      });
    default:
      return t('diagnosis.group.both', '', {
        ...v,
        count: hosts,
        defaultValue_one:
          '{{Level}} {{name}}: {{bad}} of {{total}} paths to and from its {{hosts}} host over SLA — the {{level}} itself (down or failing)',
        defaultValue_other:
          '{{Level}} {{name}}: {{bad}} of {{total}} paths to and from its {{hosts}} hosts over SLA — the {{level}} itself (down or failing)',
      });
  }
}

function layerText(c: Candidate, model: MatrixModel, counts: Counts): string {
  const s = c.subject!;
  const level = s.level < 0 ? '' : levelOf(model, s.level);
  const v = {
    level,
    Level: capital(level),
    name: s.level < 0 ? '' : groupName(model, s),
    kid: levelOf(model, c.childLevel ?? 0),
    insideBad: num(c.inside?.bad ?? 0),
    insideTotal: num(c.inside?.judged ?? 0),
    ...counts,
    ...RAW,
  };
  return s.level < 0
    ? t(
        'diagnosis.layer-above.all',
        'All {{kid}}s: {{bad}} of {{total}} paths between them over SLA, {{insideBad}} of {{insideTotal}} inside them — the layer above the {{kid}}s (spine / interconnect)',
        v
      )
    : t(
        'diagnosis.layer-above.group',
        '{{Level}} {{name}}: {{bad}} of {{total}} paths between its {{kid}}s over SLA, {{insideBad}} of {{insideTotal}} inside them — the layer above the {{kid}}s (spine / interconnect)',
        v
      );
}

function linkText(c: Candidate, model: MatrixModel, counts: Counts): string {
  const s = c.subject!;
  const v = {
    level: levelOf(model, s.level),
    from: groupName(model, s),
    to: groupName(model, c.other!),
    ...counts,
    ...RAW,
  };
  if (!c.directed) {
    return t(
      'diagnosis.link.both-ways',
      'Link {{level}} {{from}} ↔ {{to}}: {{bad}} of {{total}} paths between them over SLA (both ways)',
      v
    );
  }
  return c.reverse && c.reverse.judged > 0
    ? t(
        'diagnosis.link.one-way-with-back',
        'Link {{level}} {{from}} → {{to}}: {{bad}} of {{total}} paths over SLA, this way only ({{backBad}} of {{backTotal}} the other way)',
        { ...v, backBad: num(c.reverse.bad), backTotal: num(c.reverse.judged) }
      )
    : t(
        'diagnosis.link.one-way',
        'Link {{level}} {{from}} → {{to}}: {{bad}} of {{total}} paths over SLA, this way only',
        v
      );
}

function silentText(c: Candidate): string {
  const hosts = c.hosts ?? [];
  const noData = c.silentPaths?.noData ?? 0;
  const stale = c.silentPaths?.stale ?? 0;
  const v = { paths: num(noData + stale), noData: num(noData), stale: num(stale), ...RAW };
  if (hosts.length > 1) {
    return t(
      'diagnosis.silent.several',
      '{{n}} agents report nothing current: {{hosts}} — none of their {{paths}} paths has fresh data',
      { ...v, n: String(hosts.length), hosts: nameList(hosts) }
    );
  }
  const one = { ...v, host: hosts[0] ?? '' };
  return stale === 0
    ? t('diagnosis.silent.no-data', 'Agent {{host}} reports nothing: none of its {{paths}} paths has data', one)
    : noData === 0
      ? t('diagnosis.silent.stale', 'Agent {{host}} reports nothing new: all {{paths}} of its paths are stale', one)
      : t(
          'diagnosis.silent.mixed',
          'Agent {{host}} reports nothing current: its {{paths}} paths have no data ({{noData}}) or stale data ({{stale}})',
          one
        );
}

function noneText(c: Candidate, model: MatrixModel): string {
  if (c.rest) {
    return t('diagnosis.none.rest', 'No common cause for the other {{bad}} pairs over SLA (scattered)', {
      bad: num(c.bad),
      ...RAW,
    });
  }
  if (c.cells.length <= 3) {
    const C = model.cols.length;
    const pair = (i: number) => `${model.rows[Math.floor(i / C)]} → ${model.cols[i % C]}`;
    return t('diagnosis.none.scattered-list', '', {
      count: c.cells.length,
      bad: num(c.bad),
      pairs: Array.from(c.cells, pair).join(', '),
      defaultValue_one: 'No common cause: {{bad}} scattered pair over SLA: {{pairs}}',
      defaultValue_other: 'No common cause: {{bad}} scattered pairs over SLA: {{pairs}}',
      ...RAW,
    });
  }
  const v = {
    bad: num(c.bad),
    hosts: num(c.scattered?.hosts ?? 0),
    share: String(Math.max(1, Math.ceil((c.scattered?.maxShare ?? 0) * 100))),
    ...RAW,
  };
  return model.levels.length === 0
    ? t(
        'diagnosis.none.spread-no-topology',
        'No common cause: {{bad}} pairs over SLA spread over {{hosts}} hosts; no host is on more than {{share}}% of them — a topology query may show a group or link behind them',
        v
      )
    : t(
        'diagnosis.none.spread',
        'No common cause: {{bad}} pairs over SLA spread over {{hosts}} hosts; no host is on more than {{share}}% of them',
        v
      );
}
