import { css } from '@emotion/css';
import { GrafanaTheme2, InterpolateFunction, LinkModel, LinkTarget, isDateTime, locationUtil } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { t } from '@grafana/i18n';
import { locationService } from '@grafana/runtime';
import { ContextMenu, IconName, LinkButton, Button, MenuItem, MenuGroup, useStyles2 } from '@grafana/ui';
import React from 'react';

import { TEST_IDS } from './testIds';
import { CellContext, cellLinks, exploreUrl, hrefSurvivingSanitizer, variableUpdate } from '../drill/links';
import { findPairSeries } from '../drill/pair';
import { DrillData } from '../drill/types';
import { pairTarget } from '../drill/pairQuery';
import { ViewMatrix } from '../view/aggregate';
import { AxisTree } from '../view/hierarchy';
import { groupPath } from '../model/groupId';
import { MatrixModel } from '../model/types';
import { RAW } from '../util/i18n';
import { DrillOptions } from '../options/types';

/** One thing a person can do with a cell: in the context menu, the pinned tooltip and the pair view header. */
export interface CellAction {
  id: 'pair' | 'zoom' | 'expand' | 'link' | 'explore' | 'vars';
  label: string;
  icon: IconName;
  href?: string;
  target?: LinkTarget;
  onClick?: () => void;
}

export interface ActionInput {
  model: MatrixModel;
  view: ViewMatrix;
  trees: { rows: AxisTree; cols: AxisTree };
  row: number;
  col: number;
  drill: DrillData;
  /** The dashboard variables the menu sets. */
  options: DrillOptions;
  replaceVariables: InterpolateFunction;
  onOpenPair: (pair: { source: string; destination: string }) => void;
  onOpenGroup: (row: number, col: number) => void;
}

/** The cell's names, group paths and value, as data links see them (`${__data.fields.src}` …). */
export function cellContext({ model, view, trees, row, col }: ActionInput): CellContext {
  const re = view.rows[row];
  const ce = view.cols[col];
  const path = (entry: typeof re, tree: AxisTree, paths: string[][]) =>
    entry.kind === 'host' ? paths[tree.order[entry.start]] : groupPath(entry.node.id);
  const i = row * view.cols.length + col;
  return {
    source: re.label,
    destination: ce.label,
    sourcePath: path(re, trees.rows, model.rowPaths),
    destinationPath: path(ce, trees.cols, model.colPaths),
    levels: model.levels,
    value: Number.isFinite(view.values[i]) ? view.values[i] : undefined,
  };
}

export function cellActions(input: ActionInput): CellAction[] {
  const { view, row, col, options } = input;
  const re = view.rows[row];
  const ce = view.cols[col];
  const hostCell = re.kind === 'host' && ce.kind === 'host' && !input.model.grouped;
  const pair = { source: re.label, destination: ce.label };
  const out: CellAction[] = [];
  if (hostCell) {
    out.push({
      id: 'pair',
      label: t('cell-menu.pair-view', 'Pair view'),
      icon: 'graph-bar',
      onClick: () => input.onOpenPair(pair),
    });
  } else if (re.kind === 'host' && ce.kind === 'host') {
    // Groups standing in for hosts (Max hosts): only the data links apply.
  } else if (re.kind === 'group' && ce.kind === 'group') {
    out.push({
      id: 'zoom',
      label: t('cell-menu.zoom-into', 'Zoom into {{source}} × {{destination}}', {
        source: re.label,
        destination: ce.label,
        ...RAW,
      }),
      icon: 'search-plus',
      onClick: () => input.onOpenGroup(row, col),
    });
  } else {
    out.push({
      id: 'expand',
      label: t('cell-menu.expand-group', 'Expand group'),
      icon: 'angle-down',
      onClick: () => input.onOpenGroup(row, col),
    });
  }
  for (const link of safeLinks(input)) {
    out.push({
      id: 'link',
      label: link.title || link.href,
      icon: 'external-link-alt',
      href: link.href,
      target: link.target,
      onClick: link.onClick && (() => link.onClick!({} as React.MouseEvent)),
    });
  }
  if (hostCell) {
    const explore = exploreFor(input, pair);
    if (explore) {
      out.push({
        id: 'explore',
        label: t('cell-menu.open-in-explore', 'Open in Explore'),
        icon: 'compass',
        href: explore,
      });
    }
    const update = variableUpdate(options.sourceVariable, options.destinationVariable, pair);
    const names = Object.keys(update);
    if (names.length > 0) {
      out.push({
        id: 'vars',
        label: t('cell-menu.set-variables', 'Set {{variables}}', {
          variables: names.map((n) => n.replace(/^var-/, '$')).join(', '),
          ...RAW,
        }),
        icon: 'filter',
        onClick: () => locationService.partial(update, true),
      });
    }
  }
  return out;
}

function safeLinks(input: ActionInput): LinkModel[] {
  const links = input.view.field.config.links;
  if (!links || links.length === 0) {
    return [];
  }
  try {
    return cellLinks(cellContext(input), input.view.field, input.replaceVariables, input.drill.timeZone);
  } catch (e) {
    console.warn('pingmesh: data link failed', e);
    return [];
  }
}

/** Explore with the panel's latency query narrowed to this pair, over the dashboard's time range. */
function exploreFor(input: ActionInput, pair: { source: string; destination: string }): string | undefined {
  const { drill, model } = input;
  const targets = (drill.request?.targets ?? []) as Array<DataQuery & { expr?: string }>;
  const target = targets.find((q) => q.refId === model.source.refId);
  if (!target?.expr) {
    return undefined;
  }
  const match = findPairSeries(drill.frames, model, pair).match;
  const query = pairTarget(target, match, pair);
  if (!query) {
    return undefined;
  }
  const ds = target.datasource ?? targets[0]?.datasource;
  const raw = drill.timeRange.raw;
  const asParam = (v: typeof raw.from) => (isDateTime(v) ? String(v.valueOf()) : String(v));
  return exploreUrl({
    datasourceUid: ds?.uid,
    query: { ...query, datasource: ds ?? undefined },
    range: { from: asParam(raw.from), to: asParam(raw.to) },
  });
}

/**
 * A link as a compact button. LinkButton sanitizes its href once more (Grafana 13.2+, whose sanitizer
 * percent-decodes), so it gets the string that sanitizes back into the href; where none exists, a button that
 * navigates to the href itself.
 */
function ActionLink({ action }: { action: CellAction & { href: string } }) {
  const survivor = hrefSurvivingSanitizer(action.href);
  const common = {
    size: 'sm',
    variant: 'secondary',
    fill: 'text',
    icon: action.icon,
    'data-action': action.id,
  } as const;
  if (survivor === undefined) {
    const open = () => {
      action.onClick?.();
      if (action.target === '_blank') {
        window.open(action.href, '_blank', 'noopener');
      } else if (/^\/(?!\/)/.test(action.href)) {
        // Inside Grafana: what Grafana does with a click on an internal link (no page reload).
        locationService.push(locationUtil.stripBaseFromUrl(action.href));
      } else {
        window.location.assign(action.href);
      }
    };
    return (
      <Button {...common} onClick={open}>
        {action.label}
      </Button>
    );
  }
  return (
    <LinkButton {...common} href={survivor} target={action.target} onClick={action.onClick}>
      {action.label}
    </LinkButton>
  );
}

/** A compact row of the actions (pinned tooltip, pair view header). */
export function ActionButtons({ actions }: { actions: CellAction[] }) {
  const styles = useStyles2(getStyles);
  if (actions.length === 0) {
    return null;
  }
  return (
    <div className={styles.buttons} data-testid={TEST_IDS.actions}>
      {actions.map((a, i) =>
        a.href ? (
          <ActionLink key={i} action={{ ...a, href: a.href }} />
        ) : (
          <Button
            key={i}
            size="sm"
            variant="secondary"
            fill="text"
            icon={a.icon}
            onClick={a.onClick}
            data-action={a.id}
          >
            {a.label}
          </Button>
        )
      )}
    </div>
  );
}

interface MenuProps {
  x: number;
  y: number;
  title: string;
  actions: CellAction[];
  onClose: () => void;
}

/** Right-click (or Shift+F10 / the context-menu key on the focused cell). */
export function CellMenu({ x, y, title, actions, onClose }: MenuProps) {
  const styles = useStyles2(getStyles);
  const items = (id: Array<CellAction['id']>) =>
    actions
      .filter((a) => id.includes(a.id))
      .map((a, i) => (
        <MenuItem
          key={`${a.id}${i}`}
          label={a.label}
          icon={a.icon}
          url={a.href}
          target={a.target}
          testId={`${TEST_IDS.menuItem}-${a.id}`}
          onClick={
            a.onClick &&
            (() => {
              onClose();
              a.onClick!();
            })
          }
        />
      ));
  const links = items(['link']);
  return (
    <ContextMenu
      x={x}
      y={y}
      onClose={onClose}
      renderHeader={() => (
        <div className={styles.menuHeader} data-testid={TEST_IDS.menu}>
          {title}
        </div>
      )}
      renderMenuItems={() => (
        <>
          {items(['pair', 'zoom', 'expand', 'explore', 'vars'])}
          {links.length > 0 && <MenuGroup label={t('cell-menu.data-links', 'Data links')}>{links}</MenuGroup>}
        </>
      )}
    />
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  buttons: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5), alignItems: 'center' }),
  menuHeader: css({
    padding: theme.spacing(0.5, 1),
    fontWeight: theme.typography.fontWeightMedium,
    maxWidth: 360,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    unicodeBidi: 'isolate',
  }),
});
