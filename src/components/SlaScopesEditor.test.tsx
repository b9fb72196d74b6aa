import { StandardEditorProps } from '@grafana/data';
import { fireEvent, render, screen, within } from '@testing-library/react';
import React, { useState } from 'react';

import { DEFAULT_SCOPE_SLAS, ScopeSla } from '../model/sla';
import { TEST_IDS } from './testIds';
import { SlaScopesEditor, formatNumber, orderScopes } from './SlaScopesEditor';

type Slas = Record<string, ScopeSla>;

const item = { id: 'slaScopes', name: 'SLA per scope' } as StandardEditorProps<Slas>['item'];
const context = { data: [] } as StandardEditorProps<Slas>['context'];

function setup(value: Slas | undefined = DEFAULT_SCOPE_SLAS) {
  const onChange = jest.fn();
  const frozen = value === undefined ? undefined : deepFreeze(JSON.parse(JSON.stringify(value)) as Slas);
  const utils = render(<SlaScopesEditor value={frozen as Slas} onChange={onChange} item={item} context={context} />);
  return { onChange, ...utils };
}

/** Holds the value like the options pane does, so several edits build on each other. */
function Controlled({ initial, onChange }: { initial: Slas; onChange: (v?: Slas) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <SlaScopesEditor
      value={value}
      item={item}
      context={context}
      onChange={(v) => {
        onChange(v);
        setValue(v ?? {});
      }}
    />
  );
}

function deepFreeze<T extends object>(o: T): T {
  Object.values(o).forEach((v) => typeof v === 'object' && v !== null && deepFreeze(v));
  return Object.freeze(o);
}

function edit(label: string, text: string, how: 'blur' | 'enter' = 'blur') {
  const input = screen.getByLabelText(label);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  if (how === 'enter') {
    fireEvent.keyDown(input, { key: 'Enter' });
  } else {
    fireEvent.blur(input);
  }
  return input as HTMLInputElement;
}

function rowScopes(): string[] {
  return screen.getAllByRole('rowheader').map((h) => h.textContent ?? '');
}

describe('SlaScopesEditor', () => {
  it('renders the default scopes inner → outer with loss in percent', () => {
    setup();
    expect(rowScopes()).toEqual(['same-tor', 'cross-tor', 'cross-az', 'cross-dc', 'cross-region']);
    expect(screen.getByLabelText('Latency warning for same-tor')).toHaveValue('0.5');
    expect(screen.getByLabelText('Latency SLA for cross-dc')).toHaveValue('20');
    // 1e-4 * 100 is 0.010000000000000002 in floating point.
    expect(screen.getByLabelText('Loss warning for cross-dc')).toHaveValue('0.01');
    expect(screen.getByLabelText('Loss SLA for cross-region')).toHaveValue('0.1');
    expect(screen.getByText(/A pair's scope is how far apart it is/)).toBeInTheDocument();
  });

  it('falls back to the defaults when the value is unset', () => {
    setup(undefined);
    expect(rowScopes()).toHaveLength(5);
  });

  it('shows unknown scopes after the known ones, alphabetically', () => {
    setup({
      'cross-rack': { latencyWarn: 3, latencyBreach: 4, lossWarn: 0.01, lossBreach: 0.02 },
      'cross-dc': DEFAULT_SCOPE_SLAS['cross-dc'],
      'cross-pod': { latencyWarn: 1, latencyBreach: 2, lossWarn: 0, lossBreach: 0.5 },
      'same-tor': DEFAULT_SCOPE_SLAS['same-tor'],
    });
    expect(rowScopes()).toEqual(['same-tor', 'cross-dc', 'cross-pod', 'cross-rack']);
    expect(screen.getByLabelText('Loss SLA for cross-rack')).toHaveValue('2');
    expect(screen.getByLabelText('Loss SLA for cross-pod')).toHaveValue('50');
  });

  it('commits a latency edit on blur without mutating the value', () => {
    const { onChange } = setup();
    edit('Latency SLA for cross-dc', '25');
    expect(onChange).toHaveBeenCalledTimes(1);
    const next = onChange.mock.calls[0][0] as Slas;
    expect(next['cross-dc']).toEqual({ ...DEFAULT_SCOPE_SLAS['cross-dc'], latencyBreach: 25 });
    expect(next['same-tor']).toEqual(DEFAULT_SCOPE_SLAS['same-tor']);
    expect(DEFAULT_SCOPE_SLAS['cross-dc'].latencyBreach).toBe(20);
  });

  it('converts loss percent to a ratio without float noise, on Enter', () => {
    const { onChange } = setup();
    edit('Loss SLA for cross-az', '0.7', 'enter');
    // 0.7 / 100 is 0.006999999999999999 in floating point.
    expect((onChange.mock.calls[0][0] as Slas)['cross-az'].lossBreach).toBe(0.007);
  });

  it('does not call onChange when the value is unchanged', () => {
    const { onChange } = setup();
    edit('Loss warning for same-tor', '0.010');
    edit('Latency warning for same-tor', '0.5');
    expect(onChange).not.toHaveBeenCalled();
  });

  it.each([
    ['abc', 'Not a number'],
    ['', 'Enter a number'],
    ['-1', 'Must not be negative'],
    ['25', 'Warning must not exceed the SLA'],
  ])('rejects latency warning %p with an inline error', (text, message) => {
    const { onChange } = setup();
    const input = edit('Latency warning for cross-dc', text);
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveValue(text);
  });

  it('rejects an SLA below the warning and a loss above 100 %', () => {
    const { onChange } = setup();
    edit('Latency SLA for cross-tor', '0.5');
    expect(screen.getByRole('alert')).toHaveTextContent('SLA must not be below the warning');
    edit('Loss SLA for cross-region', '150');
    expect(screen.getByText(/At most 100 %/)).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('clears the error once a valid value is committed, and Escape drops a draft', () => {
    const { onChange } = setup();
    edit('Latency SLA for cross-tor', 'x');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    edit('Latency SLA for cross-tor', '3');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onChange).toHaveBeenCalledTimes(1);

    const input = screen.getByLabelText('Latency warning for cross-az');
    fireEvent.change(input, { target: { value: '99' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input).toHaveValue('2');
    fireEvent.blur(input);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('adds a scope with Enter or the button and rejects bad names', () => {
    const onChange = jest.fn();
    render(<Controlled initial={DEFAULT_SCOPE_SLAS} onChange={onChange} />);
    const name = screen.getByLabelText('New scope name');

    fireEvent.change(name, { target: { value: 'rack' } });
    fireEvent.keyDown(name, { key: 'Enter' });
    expect(screen.getByRole('alert')).toHaveTextContent('same-<level> or cross-<level>');
    expect(onChange).not.toHaveBeenCalled();

    fireEvent.change(name, { target: { value: 'cross-dc' } });
    fireEvent.click(screen.getByRole('button', { name: /add scope/i }));
    expect(screen.getByRole('alert')).toHaveTextContent('cross-dc already exists');

    fireEvent.change(name, { target: { value: 'cross-rack' } });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    fireEvent.keyDown(name, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(Object.keys(onChange.mock.calls[0][0] as Slas)).toContain('cross-rack');
    expect(rowScopes()).toEqual(['same-tor', 'cross-tor', 'cross-az', 'cross-dc', 'cross-region', 'cross-rack']);
    expect(name).toHaveValue('');

    // The new row is editable like the others.
    edit('Latency SLA for cross-rack', '30');
    expect((onChange.mock.calls[1][0] as Slas)['cross-rack'].latencyBreach).toBe(30);
  });

  it('removes a scope', () => {
    const { onChange } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Remove scope cross-az' }));
    const next = onChange.mock.calls[0][0] as Slas;
    expect(Object.keys(next)).toEqual(['same-tor', 'cross-tor', 'cross-dc', 'cross-region']);
  });

  it('resets to the defaults', () => {
    const { onChange } = setup({ 'cross-rack': { latencyWarn: 1, latencyBreach: 2, lossWarn: 0, lossBreach: 0 } });
    expect(rowScopes()).toEqual(['cross-rack']);
    fireEvent.click(screen.getByRole('button', { name: /reset to defaults/i }));
    expect(onChange.mock.calls[0][0]).toEqual(DEFAULT_SCOPE_SLAS);
    expect(onChange.mock.calls[0][0]).not.toBe(DEFAULT_SCOPE_SLAS);
  });

  it('says so when there are no scopes', () => {
    setup({});
    const table = screen.getByRole('table');
    expect(within(table).getByText(/No scopes/)).toBeInTheDocument();
  });
});

describe('helpers', () => {
  it('formats with up to 6 significant digits', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1e-4 * 100)).toBe('0.01');
    expect(formatNumber(123.456789)).toBe('123.457');
    expect(formatNumber(NaN)).toBe('');
  });

  it('orders known scopes inner → outer, then others alphabetically', () => {
    expect(orderScopes(['cross-zone', 'cross-region', 'all', 'same-tor'])).toEqual([
      'same-tor',
      'cross-region',
      'all',
      'cross-zone',
    ]);
  });
});

describe('values received from dashboard JSON', () => {
  it('names an unusable stored scope inline', () => {
    // Broke: a scope stored as text (or warn above SLA) from JSON showed empty cells and no word about it.
    const bad = {
      ...DEFAULT_SCOPE_SLAS,
      'cross-dc': { latencyWarn: 'abc', latencyBreach: 20, lossWarn: 0, lossBreach: 0.1 },
    };
    setup(bad as unknown as Slas);
    expect(screen.getByTestId(TEST_IDS.slaStoredError).textContent).toBe(
      'cross-dc: Latency warning `abc` is not a number. The panel uses the defaults for it until it is fixed.'
    );
  });

  it('says nothing for the defaults', () => {
    setup();
    expect(screen.queryByTestId(TEST_IDS.slaStoredError)).toBeNull();
  });
});

describe('SlaScopesEditor with a stored value that is not a table', () => {
  it.each([['all'], [5], [[1, 2]]])('%j edits as the defaults instead of crashing', (value) => {
    // Broke: a string value gave one row per character.
    setup(value as never);
    for (const scope of Object.keys(DEFAULT_SCOPE_SLAS)) {
      expect(screen.getByText(scope)).toBeInTheDocument();
    }
    expect(screen.queryByText('0')).toBeNull();
  });
});
