import { t } from '@grafana/i18n';

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

/** "Max hosts `abc` is not valid (a whole number from 0 to 4,096): using 2,500." — the footer line for a bad option. */
export function invalidOption(option: string, value: unknown, expected: string, fallback: string): string {
  return t('options.invalid', '{{option}} `{{value}}` is not valid ({{expected}}): using {{fallback}}.', {
    option,
    value: shownValue(value),
    expected,
    fallback,
    ...RAW,
  });
}

/** A number option's value: numbers, and numeric strings from provisioned JSON; undefined for anything else. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** *Worst pairs list*: a whole number from 0 to 50 (0 = no list); anything else is named and means no list. */
export function worstPairsOf(value: unknown): { rows: number; notice?: string } {
  if (value === undefined) {
    return { rows: 0 };
  }
  const n = numberOf(value);
  if (n === undefined || !Number.isInteger(n) || n < 0 || n > 50) {
    return {
      rows: 0,
      notice: invalidOption(
        t('options.worst-pairs.name', 'Worst pairs list'),
        value,
        t('options.expected.worst-pairs', 'a whole number from 0 to 50'),
        '0'
      ),
    };
  }
  return { rows: n };
}
