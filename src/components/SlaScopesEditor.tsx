import { css } from '@emotion/css';
import { GrafanaTheme2, StandardEditorProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, IconButton, Input, useStyles2 } from '@grafana/ui';
import React, { useId, useState } from 'react';

import { TEST_IDS } from './testIds';
import { RAW } from '../util/i18n';
import { DEFAULT_SCOPE_SLAS, ScopeSla } from '../model/sla';
import { isRecord } from '../options/json';
import { SCOPE_NAME_PATTERN } from '../options/normalize';
import { scopeSlaProblem } from '../options/slaConfig';
import { scopeProblemText, slaFieldName } from '../text/options';
import { srOnly } from './styles';

type Slas = Record<string, ScopeSla>;
type SlaField = keyof ScopeSla;

interface Column {
  field: SlaField;
  /** Loss is stored as a ratio but edited in percent. */
  percent: boolean;
  /** The other end of the warn ≤ SLA pair. */
  pair: SlaField;
  isWarn: boolean;
}

const COLUMNS: Column[] = [
  { field: 'latencyWarn', percent: false, pair: 'latencyBreach', isWarn: true },
  { field: 'latencyBreach', percent: false, pair: 'latencyWarn', isWarn: false },
  { field: 'lossWarn', percent: true, pair: 'lossBreach', isWarn: true },
  { field: 'lossBreach', percent: true, pair: 'lossWarn', isWarn: false },
];

/** The column header. */
function columnTitle(field: SlaField): string {
  switch (field) {
    case 'latencyWarn':
      return t('sla-editor.column.latency-warn.title', 'Latency warn (ms)');
    case 'latencyBreach':
      return t('sla-editor.column.latency-breach.title', 'Latency SLA (ms)');
    case 'lossWarn':
      return t('sla-editor.column.loss-warn.title', 'Loss warn (%)');
    case 'lossBreach':
      return t('sla-editor.column.loss-breach.title', 'Loss SLA (%)');
  }
}

/** Shown in the aria-label and the error line: "Latency SLA for cross-dc". */
const columnLabel = slaFieldName;

/** The input's placeholder: an example scope name, not translated. */
const NEW_SCOPE_EXAMPLE = 'cross-rack';

/** What a newly added scope starts with when it is not one of the defaults; the user edits it from there. */
const NEW_SCOPE_FALLBACK: ScopeSla = DEFAULT_SCOPE_SLAS['cross-dc'];

const DEFAULT_ORDER = Object.keys(DEFAULT_SCOPE_SLAS);

/** Inner → outer as in the defaults, then any other scope alphabetically. */
export function orderScopes(names: string[]): string[] {
  const known = DEFAULT_ORDER.filter((n) => names.includes(n));
  const others = names.filter((n) => !DEFAULT_ORDER.includes(n)).sort((a, b) => a.localeCompare(b));
  return [...known, ...others];
}

/** Up to 6 significant digits, so 1e-4 × 100 shows as 0.01, not 0.010000000000000002. */
export function formatNumber(n: number | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? String(Number(n.toPrecision(6))) : '';
}

/** Stored value → the text edited (loss in percent). */
export function toDisplay(value: number | undefined, percent: boolean): string {
  return formatNumber(typeof value === 'number' && percent ? value * 100 : value);
}

/** Percent → ratio without float noise (0.7 % → 0.007, not 0.006999999999999999). */
function fromPercent(pct: number): number {
  return Number((pct / 100).toPrecision(15));
}

type Parsed = { value: number } | { error: string };

/** Parses and validates one cell's text against the committed other end of its warn/SLA pair. */
export function parseCell(text: string, column: Column, sla: Partial<ScopeSla>): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { error: t('sla-editor.error.enter-number', 'Enter a number') };
  }
  const n = Number(trimmed);
  if (!Number.isFinite(n)) {
    return { error: t('sla-editor.error.not-a-number', 'Not a number') };
  }
  if (n < 0) {
    return { error: t('sla-editor.error.negative', 'Must not be negative') };
  }
  if (column.percent && n > 100) {
    return { error: t('sla-editor.error.max-percent', 'At most 100 %') };
  }
  const value = column.percent ? fromPercent(n) : n;
  const other = sla[column.pair];
  if (typeof other === 'number' && Number.isFinite(other)) {
    if (column.isWarn && value > other) {
      return { error: t('sla-editor.error.warn-above-sla', 'Warning must not exceed the SLA') };
    }
    if (!column.isWarn && value < other) {
      return { error: t('sla-editor.error.sla-below-warn', 'SLA must not be below the warning') };
    }
  }
  return { value };
}

export function validateScopeName(name: string, existing: Slas): string | undefined {
  if (!SCOPE_NAME_PATTERN.test(name)) {
    return t('sla-editor.error.scope-name', 'Use same-<level> or cross-<level> (letters, digits, _)');
  }
  if (Object.prototype.hasOwnProperty.call(existing, name)) {
    return t('sla-editor.error.scope-exists', '{{name}} already exists', { name, ...RAW });
  }
  return undefined;
}

/** Per-scope SLA table: edit, add, remove, reset. Never mutates `value`. */
export function SlaScopesEditor({ value, onChange }: StandardEditorProps<Slas>) {
  const styles = useStyles2(getStyles);
  // Stored JSON may hold anything here; what is not a table of scopes edits as the defaults (the footer names it).
  const slas = isRecord(value) ? value : DEFAULT_SCOPE_SLAS;
  const names = orderScopes(Object.keys(slas));
  const [newName, setNewName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const nameErrorId = `${useId()}-name-error`;

  const update = (scope: string, field: SlaField, v: number) =>
    onChange({ ...slas, [scope]: { ...slas[scope], [field]: v } });
  const remove = (scope: string) => onChange(Object.fromEntries(Object.entries(slas).filter(([k]) => k !== scope)));
  const reset = () =>
    onChange(Object.fromEntries(Object.entries(DEFAULT_SCOPE_SLAS).map(([k, sla]) => [k, { ...sla }])));
  const add = () => {
    const name = newName.trim();
    const error = validateScopeName(name, slas);
    setNameError(error);
    if (error === undefined) {
      onChange({ ...slas, [name]: { ...(DEFAULT_SCOPE_SLAS[name] ?? NEW_SCOPE_FALLBACK) } });
      setNewName('');
    }
  };

  return (
    <div className={styles.root}>
      <p className={styles.help}>
        {t(
          'sla-editor.help',
          "A pair's scope is how far apart it is: same-<innermost level> when every level is shared, else cross-<first level that differs>. With levels region,dc,az,tor: same-tor … cross-region. Other level names work the same (e.g. cross-rack)."
        )}
      </p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t('sla-editor.column.scope', 'Scope')}</th>
            {COLUMNS.map((c) => (
              <th scope="col" key={c.field}>
                {columnTitle(c.field)}
              </th>
            ))}
            <th scope="col">
              <span className={styles.srOnly}>{t('sla-editor.column.remove', 'Remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {names.map((scope) => (
            <ScopeRow
              key={scope}
              scope={scope}
              sla={slas[scope]}
              onCommit={(field, v) => update(scope, field, v)}
              onRemove={() => remove(scope)}
            />
          ))}
          {names.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + 2} className={styles.help}>
                {t('sla-editor.no-scopes', 'No scopes: no pair is judged by scope.')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div className={styles.actions}>
        <Input
          width={20}
          value={newName}
          placeholder={NEW_SCOPE_EXAMPLE}
          aria-label={t('sla-editor.new-scope-name', 'New scope name')}
          invalid={nameError !== undefined}
          aria-invalid={nameError !== undefined}
          aria-describedby={nameError !== undefined ? nameErrorId : undefined}
          onChange={(e) => {
            setNewName(e.currentTarget.value);
            setNameError(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button size="sm" variant="secondary" icon="plus" onClick={add}>
          {t('sla-editor.add-scope', 'Add scope')}
        </Button>
        <Button size="sm" variant="secondary" fill="text" icon="history" onClick={reset}>
          {t('sla-editor.reset', 'Reset to defaults')}
        </Button>
      </div>
      {nameError !== undefined && (
        <div id={nameErrorId} role="alert" className={styles.error}>
          {nameError}
        </div>
      )}
    </div>
  );
}

interface RowProps {
  scope: string;
  sla: ScopeSla | undefined;
  onCommit: (field: SlaField, value: number) => void;
  onRemove: () => void;
}

/** One scope. Drafts live here until committed (blur or Enter); Escape drops a draft. */
function ScopeRow({ scope, sla, onCommit, onRemove }: RowProps) {
  const styles = useStyles2(getStyles);
  const [drafts, setDrafts] = useState<Partial<Record<SlaField, string>>>({});
  const [errors, setErrors] = useState<Partial<Record<SlaField, string>>>({});
  const current: Partial<ScopeSla> = sla ?? {};
  const rowId = useId();
  const errorId = (field: SlaField) => `${rowId}-${field}-error`;

  const clear = (field: SlaField) => {
    setDrafts(({ [field]: _d, ...rest }) => rest);
    setErrors(({ [field]: _e, ...rest }) => rest);
  };
  const commit = (column: Column) => {
    const text = drafts[column.field];
    if (text === undefined) {
      return;
    }
    const parsed = parseCell(text, column, current);
    if ('error' in parsed) {
      setErrors((e) => ({ ...e, [column.field]: parsed.error }));
      return;
    }
    clear(column.field);
    if (parsed.value !== current[column.field]) {
      onCommit(column.field, parsed.value);
    }
  };
  const shownErrors = COLUMNS.filter((c) => errors[c.field] !== undefined);
  // A value that came from dashboard JSON rather than this editor may be unusable: say so where it is edited.
  const problem = sla === undefined ? undefined : scopeSlaProblem(sla);
  const stored = problem && scopeProblemText(problem);

  return (
    <>
      <tr>
        <th scope="row" className={styles.scope}>
          {scope}
        </th>
        {COLUMNS.map((c) => {
          const error = errors[c.field];
          return (
            <td key={c.field}>
              <Input
                className={styles.cell}
                inputMode="decimal"
                value={drafts[c.field] ?? toDisplay(current[c.field], c.percent)}
                aria-label={t('sla-editor.cell-label', '{{label}} for {{scope}}', {
                  label: columnLabel(c.field),
                  scope,
                  ...RAW,
                })}
                invalid={error !== undefined}
                aria-invalid={error !== undefined}
                aria-describedby={error !== undefined ? errorId(c.field) : undefined}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  setDrafts((d) => ({ ...d, [c.field]: text }));
                }}
                onBlur={() => commit(c)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    commit(c);
                  } else if (e.key === 'Escape' && drafts[c.field] !== undefined) {
                    e.stopPropagation();
                    clear(c.field);
                  }
                }}
              />
            </td>
          );
        })}
        <td>
          <IconButton
            name="trash-alt"
            size="sm"
            aria-label={t('sla-editor.remove-scope', 'Remove scope {{scope}}', { scope, ...RAW })}
            onClick={onRemove}
          />
        </td>
      </tr>
      {stored !== undefined && shownErrors.length === 0 && (
        <tr>
          <td colSpan={COLUMNS.length + 2}>
            <div role="alert" className={styles.error} data-testid={TEST_IDS.slaStoredError}>
              {t(
                'sla-editor.stored-error',
                '{{scope}}: {{problem}}. The panel uses the defaults for it until it is fixed.',
                {
                  scope,
                  problem: stored,
                  ...RAW,
                }
              )}
            </div>
          </td>
        </tr>
      )}
      {shownErrors.length > 0 && (
        <tr>
          <td colSpan={COLUMNS.length + 2}>
            {shownErrors.map((c) => (
              <div key={c.field} id={errorId(c.field)} role="alert" className={styles.error}>
                {t('sla-editor.cell-error', '{{label}} for {{scope}}: {{error}}', {
                  label: columnLabel(c.field),
                  scope,
                  error: errors[c.field],
                  ...RAW,
                })}
              </div>
            ))}
          </td>
        </tr>
      )}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  help: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, margin: 0 }),
  table: css({
    borderCollapse: 'collapse',
    width: '100%',
    'th, td': { padding: theme.spacing(0.25, 0.5, 0.25, 0), textAlign: 'left', verticalAlign: 'middle' },
    'thead th': {
      fontSize: theme.typography.bodySmall.fontSize,
      fontWeight: theme.typography.fontWeightMedium,
      color: theme.colors.text.secondary,
    },
  }),
  scope: css({ fontWeight: theme.typography.fontWeightRegular, whiteSpace: 'nowrap' }),
  cell: css({ minWidth: theme.spacing(8) }),
  actions: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), flexWrap: 'wrap' }),
  error: css({ color: theme.colors.error.text, fontSize: theme.typography.bodySmall.fontSize }),
  srOnly: css(srOnly),
});
