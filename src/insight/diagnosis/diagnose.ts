import { Status } from '../../model/sla';
import { Axes, hostGroup, hostName, hostPath, indexAxes, isUnknown } from './axes';
import { enumerateGroups, penaltiesOf } from './candidates';
import { Pass, accumulateSteps, copyCounts, isJudged, subtract } from './counts';
import { finish } from '../../util/steps';
import { forEachCell, insideOf } from './regions';
import { RULES, Raw, Sink, confidenceOf, net } from './score';
import { Residual, enumerateSets, roleCounts } from './sets';
import { Candidate, DiagnoseInput, Diagnosis, Subject } from './types';

/**
 * Diagnose the matrix: candidates best first, each explaining what the ones before left (a greedy set cover of the bad
 * pairs, every candidate scored on what is left). One pass over the cells, then per round O(hosts · levels + groups²
 * at the link levels) to score and O(cells) to take the chosen candidate's pairs out.
 */
export function diagnose(input: DiagnoseInput): Diagnosis {
  return finish(diagnoseSteps(input));
}

/** The same, as steps: the pass over the cells yields every few hundred thousand of them, and each round. */
export function* diagnoseSteps(input: DiagnoseInput): Generator<void, Diagnosis> {
  const { model, status } = input;
  const minBad = input.minBad ?? 1;
  const warningWeight = Math.min(1, Math.max(0, input.warningWeight ?? 0));
  const maxCandidates = input.maxCandidates ?? 6;
  const weight = new Float64Array(256);
  weight[Status.Breach] = 1;
  weight[Status.Failed] = 1;
  weight[Status.Warning] = warningWeight;

  const ax = indexAxes(model);
  const levels = model.levels;
  if (status.length !== ax.R * ax.C) {
    return { candidates: [], bad: 0, total: 0, levels };
  }
  const pass = yield* accumulateSteps(ax, status, weight);
  yield;
  const bad = pass.b.all;
  const total = pass.n.all;
  const candidates: Candidate[] = [];
  if (bad > 0 && bad >= minBad) {
    candidates.push(...breach(ax, status, weight, pass, maxCandidates));
  }
  const silent = silentAgents(ax, status, pass);
  if (silent) {
    candidates.push(silent);
  }
  return { candidates, bad, total, levels };
}

function breach(ax: Axes, status: Uint8Array, weight: Float64Array, pass: Pass, max: number): Candidate[] {
  const bad = pass.b.all;
  const total = pass.n.all;
  if (bad >= RULES.minPairs && bad >= RULES.allShare * total) {
    return [everything(pass)];
  }
  // The pass is not read again for its mask: the residual takes it over.
  const res: Residual = { n: copyCounts(pass.n), b: copyCounts(pass.b), live: pass.judged, weight, status };
  const penalties = penaltiesOf(ax);
  const out: Candidate[] = [];
  for (let round = 0; round < max && res.b.all >= RULES.minPairs; round++) {
    const sink = new Sink(res.b.all, res.n.all);
    const roles = roleCounts(ax, res);
    enumerateSets(ax, res, roles, sink);
    enumerateGroups(ax, res.n, res.b, roles, penalties, sink);
    const top = pickBest(ax, sink.accepted);
    if (!top) {
      break;
    }
    out.push(take(ax, top, res, pass));
  }
  if (out.length === 0) {
    return [bad >= RULES.minPairs && bad >= RULES.allShareFallback * total ? everything(pass) : scattered(ax, pass)];
  }
  const remaining = res.b.all;
  if (remaining >= RULES.minPairs && remaining >= RULES.restShare * bad) {
    const rest: number[] = [];
    pass.badCells.forEach((i) => res.live[i] && rest.push(i));
    out.push({
      kind: 'none',
      rest: true,
      bad: remaining,
      judged: res.n.all,
      explains: 0,
      confidence: 'low',
      cells: Uint32Array.from(rest),
    });
  }
  return out;
}

/**
 * The best accepted candidate: the highest net gain; among candidates with exactly its counts (the same pairs, in
 * practice) the most specific — a source or destination before both (the other side had nothing), one host before
 * its one-host group, a group before the set of all its hosts, a deeper group before a coarser one, and links named
 * by the coarser groups (with three-level probing, cross-DC pairs are probes between representatives that stand for
 * the DCs).
 */
function pickBest(ax: Axes, accepted: Raw[]): Raw | undefined {
  let best: Raw | undefined;
  for (const c of accepted) {
    if (!best || net(c) > net(best)) {
      best = c;
    }
  }
  if (!best) {
    return undefined;
  }
  const top = best;
  // The same counts, named two ways: the same pairs in practice (an AZ of one ToR and its ToR, a host and its
  // one-host group, the same block between coarser or finer groups). A group and the set of all its hosts are not
  // near: the group is cheaper to name and wins on its own.
  const family = (c: Raw) =>
    c.kind === 'hosts' && c.members.length === 1
      ? 'one'
      : c.kind === 'group' && ax.hosts[c.level][c.id] === 1
        ? 'one'
        : c.kind;
  const near = accepted.filter(
    (c) => c.n === top.n && c.b === top.b && c.insideN === top.insideN && family(c) === family(top)
  );
  near.sort((p, q) => specificity(q) - specificity(p) || p.level - q.level || p.id - q.id);
  return near[0];
}

function specificity(raw: Raw): number {
  const narrow = raw.role === 'both' ? 0 : 10_000;
  switch (raw.kind) {
    case 'hosts':
      return narrow + (raw.members.length === 1 ? 5_000 : 0);
    case 'group':
      return narrow + 1_000 + raw.level;
    case 'link':
      return narrow + 1_000 - raw.level;
    case 'layer-above':
      return narrow + 500 + raw.level;
  }
}

/** The chosen candidate: its pairs leave the residual; its words' counts are over all of its pairs. */
function take(ax: Axes, top: Raw, res: Residual, pass: Pass): Candidate {
  const { C } = ax;
  const cells: number[] = [];
  let judged = 0;
  let badAll = 0;
  forEachCell(ax, top, (r, c) => {
    const i = r * C + c;
    const st = res.status[i];
    if (!isJudged(st)) {
      return;
    }
    const x = res.weight[st];
    judged++;
    badAll += x;
    if (x > 0) {
      cells.push(i);
    }
    if (res.live[i]) {
      res.live[i] = 0;
      subtract(ax, res.n, r, c, 1);
      if (x > 0) {
        subtract(ax, res.b, r, c, x);
      }
    }
  });
  cells.sort((p, q) => p - q);
  const candidate: Candidate = {
    kind: top.kind,
    role: top.kind === 'hosts' || top.kind === 'group' ? top.role : undefined,
    bad: badAll,
    judged,
    explains: top.b / pass.b.all,
    confidence: confidenceOf(top),
    cells: Uint32Array.from(cells),
  };
  switch (top.kind) {
    case 'hosts':
      Object.assign(candidate, hostsFacts(ax, top.members));
      break;
    case 'group':
      candidate.subject = groupSubject(ax, top.level, top.id);
      candidate.groupHosts = ax.hosts[top.level][top.id];
      break;
    case 'layer-above':
      candidate.subject = groupSubject(ax, top.level, top.id);
      candidate.childLevel = top.other;
      candidate.inside = countWhere(ax, res, insideOf(ax, top));
      break;
    case 'link': {
      candidate.subject = groupSubject(ax, top.level, top.id);
      candidate.other = groupSubject(ax, top.level, top.other);
      candidate.directed = top.directed;
      if (top.directed) {
        const g = ax.paths[top.level].length;
        const back = top.other * g + top.id;
        candidate.reverse = { bad: pass.b.links[top.level][back], judged: pass.n.links[top.level][back] };
      }
      break;
    }
  }
  return candidate;
}

const groupSubject = (ax: Axes, level: number, id: number): Subject =>
  level < 0 ? { level: -1, path: [] } : { level, path: [...ax.paths[level][id]] };

/** A set's names, the deepest group holding all of them, and how many innermost groups they are in. */
function hostsFacts(ax: Axes, members: number[]): Partial<Candidate> {
  const facts: Partial<Candidate> = { hosts: members.map((h) => hostName(ax, h)) };
  if (ax.L === 0) {
    return { ...facts, groups: 0 };
  }
  const inner = new Set(members.map((h) => hostGroup(ax, h, ax.L - 1)));
  facts.groups = inner.size;
  for (let l = ax.L - 1; l >= 0; l--) {
    const g = hostGroup(ax, members[0], l);
    if (!isUnknown(ax, l, g) && members.every((h) => hostGroup(ax, h, l) === g)) {
      if (members.length === 1) {
        facts.subject = { level: ax.L, path: [...hostPath(ax, members[0]).slice(0, ax.L), hostName(ax, members[0])] };
      } else {
        facts.subject = groupSubject(ax, l, g);
      }
      facts.groupHosts = ax.hosts[l][g];
      break;
    }
  }
  return facts;
}

function countWhere(ax: Axes, res: Residual, where: (r: number, c: number) => boolean) {
  let judged = 0;
  let bad = 0;
  for (let r = 0; r < ax.R; r++) {
    for (let c = 0; c < ax.C; c++) {
      const st = res.status[r * ax.C + c];
      if (isJudged(st) && where(r, c)) {
        judged++;
        bad += res.weight[st];
      }
    }
  }
  return { bad, judged };
}

function everything(pass: Pass): Candidate {
  return {
    kind: 'all',
    bad: pass.b.all,
    judged: pass.n.all,
    explains: 1,
    confidence: 'high',
    cells: pass.badCells.slice(),
  };
}

/** No candidate qualifies: how scattered the bad pairs are, and the largest share of them any one host is on. */
function scattered(ax: Axes, pass: Pass): Candidate {
  const hosts = new Set<string>();
  for (const i of pass.badCells) {
    hosts.add(ax.rows[Math.floor(i / ax.C)]);
    hosts.add(ax.cols[i % ax.C]);
  }
  const { b } = pass;
  let most = 0;
  for (let h = 0; h < ax.H; h++) {
    const r = ax.hostRow[h];
    const c = ax.hostCol[h];
    most = Math.max(most, (r >= 0 ? b.row[r] : 0) + (c >= 0 ? b.col[c] : 0) - (r >= 0 && c >= 0 ? b.self[r] : 0));
  }
  const maxShare = b.all > 0 ? most / b.all : 0;
  return {
    kind: 'none',
    bad: pass.b.all,
    judged: pass.n.all,
    explains: 0,
    confidence: maxShare < 0.1 ? 'high' : maxShare < 0.25 ? 'medium' : 'low',
    cells: pass.badCells.slice(),
    scattered: { hosts: hosts.size, maxShare },
  };
}

/**
 * Agents that report nothing: a row whose expected pairs all have no data or stale data (and no judged pair), while
 * most other rows do report. One candidate listing them, after the breach candidates.
 */
function silentAgents(ax: Axes, status: Uint8Array, pass: Pass): Candidate | undefined {
  const { R, C } = ax;
  const silent: number[] = [];
  let reporting = 0;
  for (let r = 0; r < R; r++) {
    if (pass.measured[r] > 0) {
      reporting++;
    } else if (pass.noData[r] + pass.stale[r] >= RULES.minPairs) {
      silent.push(r);
    }
  }
  if (silent.length === 0 || silent.length >= reporting) {
    return undefined;
  }
  const paths = (r: number) => pass.noData[r] + pass.stale[r];
  silent.sort((p, q) => paths(q) - paths(p) || p - q);
  const cells: number[] = [];
  let noData = 0;
  let stale = 0;
  for (const r of [...silent].sort((p, q) => p - q)) {
    noData += pass.noData[r];
    stale += pass.stale[r];
    for (let c = 0; c < C; c++) {
      const st = status[r * C + c];
      if (st === Status.NoData || st === Status.Stale) {
        cells.push(r * C + c);
      }
    }
  }
  return {
    kind: 'silent',
    hosts: silent.map((r) => ax.rows[r]),
    bad: 0,
    judged: 0,
    silentPaths: { noData, stale },
    explains: 0,
    confidence: noData + stale >= 4 ? 'high' : 'medium',
    cells: Uint32Array.from(cells),
  };
}
