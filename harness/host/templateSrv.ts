import { get } from 'lodash';

import { ScopedVar, ScopedVars, TimeRange, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';

/**
 * Host implementation of Grafana's template service for the harness: dashboard variables are plain
 * name -> value pairs from the config (or `var-<name>` in the location), scoped vars win over them, and
 * field paths work (`${__field.labels.src}`, `${__value.raw}`), which data links rely on.
 */

// Grafana's own syntax: $var | [[var:format]] | ${var.fieldPath:format}
const VARIABLE_REGEX = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\${(\w+)(?:\.([^:^}]+))?(?::([^}]+))?}/g;

type Formatter = (value: unknown, variable?: unknown) => string;

function escapeRegex(value: string): string {
  return value.replace(/[\\^$*+?.()|[\]{}/]/g, '\\$&');
}

function stringify(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function applyFormat(value: unknown, format: string | Formatter | undefined, name: string): string {
  if (typeof format === 'function') {
    return format(value);
  }
  const text = Array.isArray(value) ? value.map(stringify).join(',') : stringify(value);
  switch (format?.split(':')[0]) {
    case 'regex':
      return escapeRegex(text);
    case 'json':
      return JSON.stringify(value);
    case 'percentencode':
      return encodeURIComponent(text);
    case 'queryparam':
      return `var-${name}=${encodeURIComponent(text)}`;
    default:
      return text;
  }
}

export class HarnessTemplateSrv implements TemplateSrv {
  private variables: Record<string, string> = {};
  private timeRange?: TimeRange;

  setVariables(variables: Record<string, string>): void {
    this.variables = { ...variables };
  }

  getVariableValues(): Record<string, string> {
    return { ...this.variables };
  }

  getVariables(): TypedVariableModel[] {
    // Only the fields panels read; a full Grafana variable model has many more.
    return Object.entries(this.variables).map(
      ([name, value]) =>
        ({
          type: 'custom',
          name,
          label: name,
          id: name,
          query: value,
          current: { text: value, value, selected: true },
          options: [{ text: value, value, selected: true }],
          multi: false,
          includeAll: false,
          hide: 0,
        }) as unknown as TypedVariableModel
    );
  }

  updateTimeRange(timeRange: TimeRange): void {
    this.timeRange = timeRange;
  }

  containsTemplate(target?: string): boolean {
    if (!target) {
      return false;
    }
    return Array.from(target.matchAll(VARIABLE_REGEX)).some((m) => this.lookup(m[1] ?? m[2] ?? m[4]) !== undefined);
  }

  replace(target?: string, scopedVars?: ScopedVars, format?: string | Function): string {
    if (!target) {
      return target ?? '';
    }
    return target.replace(
      VARIABLE_REGEX,
      (
        match,
        bare?: string,
        bracket?: string,
        bracketFmt?: string,
        braced?: string,
        fieldPath?: string,
        bracedFmt?: string
      ) => {
        const name = bare ?? bracket ?? braced ?? '';
        const value = this.lookup(name, fieldPath, scopedVars);
        if (value === undefined) {
          return match;
        }
        return applyFormat(value, (bracketFmt ?? bracedFmt ?? format) as string | Formatter | undefined, name);
      }
    );
  }

  private lookup(name: string, fieldPath?: string, scopedVars?: ScopedVars): unknown {
    const scoped: ScopedVar | undefined = scopedVars?.[name];
    if (scoped) {
      return fieldPath ? get(scoped.value, fieldPath) : scoped.value;
    }
    if (name in this.variables) {
      return this.variables[name];
    }
    const from = this.timeRange?.from.valueOf();
    const to = this.timeRange?.to.valueOf();
    const builtins: Record<string, unknown> = {
      __from: from,
      __to: to,
      __url_time_range: this.timeRange ? `from=${from}&to=${to}` : undefined,
      __timezone: 'utc',
      __dashboard: 'harness',
      __org: 1,
    };
    return builtins[name];
  }
}
