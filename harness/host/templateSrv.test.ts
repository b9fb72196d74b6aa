import { DataFrame, Field, FieldType, ScopedVars, createTheme, dateTime, getDisplayProcessor } from '@grafana/data';
import { VariableFormatID } from '@grafana/schema';

import { HarnessTemplateSrv, encodeURIComponentStrict, encodeURIStrict } from './templateSrv';

const theme = createTheme();

function numberField(name: string, values: Array<number | null>, unit = 'ms'): Field {
  const field: Field = { name, type: FieldType.number, config: { unit, decimals: 1 }, values };
  field.display = getDisplayProcessor({ field, theme });
  return field;
}

function textField(name: string, values: string[]): Field {
  return { name, type: FieldType.string, config: {}, values, display: getDisplayProcessor() };
}

function context(rowIndex: number | undefined) {
  const value = numberField('value', [1.25, 12.34]);
  value.labels = { src: 'a', dst: 'b&c' };
  const time: Field = { name: 'time', type: FieldType.time, config: {}, values: [1000, 2000] };
  const frame: DataFrame = {
    name: 'pairs',
    refId: 'A',
    fields: [time, textField('src', ['x', 'a&b=<c> #%']), textField('dst', ['y', 'z']), value],
    length: 2,
  };
  const scopedVars: ScopedVars = {
    __dataContext: { value: { data: [frame], frame, field: value, frameIndex: 0, rowIndex } },
  };
  return { frame, value, scopedVars };
}

function srv(variables: Record<string, string> = {}) {
  const s = new HarnessTemplateSrv();
  s.setVariables(variables);
  return s;
}

describe('format ids', () => {
  it('are the ones @grafana/schema defines (getLinksSupplier passes UriEncode for URLs)', () => {
    expect(VariableFormatID.UriEncode).toBe('uriencode');
    expect(VariableFormatID.PercentEncode).toBe('percentencode');
  });

  it("percentencode escapes every reserved character, including !'()*", () => {
    expect(encodeURIComponentStrict("a&b=<c> #%/?+!'()*ü")).toBe(
      'a%26b%3D%3Cc%3E%20%23%25%2F%3F%2B%21%27%28%29%2A%C3%BC'
    );
  });

  it("uriencode keeps URI syntax characters, like Grafana (encodeURI plus !'()*)", () => {
    expect(encodeURIStrict("a&b=<c> #%/?+!'()*ü")).toBe('a&b=%3Cc%3E%20#%25/?+%21%27%28%29%2A%C3%BC');
  });
});

describe('HarnessTemplateSrv: variables (existing behaviour)', () => {
  it('replaces $var, [[var]] and ${var}, leaves unknown ones', () => {
    const s = srv({ host: 'h1' });
    expect(s.replace('$host [[host]] ${host} $nope ${nope}')).toBe('h1 h1 h1 $nope ${nope}');
  });

  it('lets scoped vars win and follows field paths', () => {
    const s = srv({ host: 'h1' });
    const scoped: ScopedVars = { host: { value: 'h2' }, __field: { value: { labels: { src: 's1' } } } };
    expect(s.replace('$host ${__field.labels.src}', scoped)).toBe('h2 s1');
  });

  it('applies regex, queryparam, percentencode and uriencode formats', () => {
    const s = srv({ v: 'a.b&c d' });
    expect(s.replace('${v:regex}')).toBe('a\\.b&c d');
    expect(s.replace('${v:queryparam}')).toBe('var-v=a.b%26c%20d');
    expect(s.replace('${v:percentencode}')).toBe('a.b%26c%20d');
    expect(s.replace('${v}', undefined, 'percentencode')).toBe('a.b%26c%20d');
    expect(s.replace('${v}', undefined, VariableFormatID.UriEncode)).toBe('a.b&c%20d');
    expect(s.replace('${v:raw}', undefined, VariableFormatID.UriEncode)).toBe('a.b&c d');
  });

  it('does not resolve Object.prototype names', () => {
    expect(srv().replace('$toString ${constructor}')).toBe('$toString ${constructor}');
  });

  it('passes format functions the value and the variable name', () => {
    const seen: unknown[] = [];
    const out = srv({ v: 'x' }).replace('$v', undefined, (value: unknown, variable?: { name: string }) => {
      seen.push(variable?.name);
      return `<${value}>`;
    });
    expect(out).toBe('<x>');
    expect(seen).toEqual(['v']);
  });

  it('never formats ${__url_time_range} and ${__all_variables}', () => {
    const s = srv({ a: 'x y', b: '1' });
    s.updateTimeRange({ from: dateTime(1000), to: dateTime(2000), raw: { from: 'now-1h', to: 'now' } });
    expect(s.replace('?${__url_time_range}&${__all_variables}', undefined, VariableFormatID.PercentEncode)).toBe(
      '?from=1000&to=2000&var-a=x%20y&var-b=1'
    );
  });
});

describe('HarnessTemplateSrv: data macros from __dataContext', () => {
  it('resolves ${__data.fields.X} to the row\'s formatted text, by name, index or ["name"]', () => {
    const { scopedVars } = context(1);
    const s = srv();
    expect(s.replace('${__data.fields.src}|${__data.fields.value}|${__data.fields[2]}', scopedVars)).toBe(
      'a&b=<c> #%|12.3 ms|z'
    );
    expect(s.replace('${__data.fields["dst"]}', scopedVars)).toBe('z');
    expect(s.replace('${__data.fields.value.numeric}', scopedVars)).toBe('12.34');
  });

  it('resolves ${__data.name} and ${__data.refId}; a missing field is empty', () => {
    const { scopedVars } = context(1);
    expect(srv().replace('${__data.name}/${__data.refId}/[${__data.fields.nope}]', scopedVars)).toBe('pairs/A/[]');
  });

  it('applies the format to the text: uriencode (data link URLs) vs percentencode', () => {
    const { scopedVars } = context(1);
    const s = srv();
    expect(s.replace('${__data.fields.src}', scopedVars, VariableFormatID.UriEncode)).toBe('a&b=%3Cc%3E%20#%25');
    expect(s.replace('${__data.fields.src}', scopedVars, VariableFormatID.PercentEncode)).toBe(
      'a%26b%3D%3Cc%3E%20%23%25'
    );
    expect(s.replace('${__data.fields.src:percentencode}', scopedVars, VariableFormatID.UriEncode)).toBe(
      'a%26b%3D%3Cc%3E%20%23%25'
    );
  });

  it('passes format functions the macro name', () => {
    const { scopedVars } = context(1);
    const names: unknown[] = [];
    srv().replace('${__data.fields.src} ${__value.raw}', scopedVars, (v: unknown, variable?: { name: string }) => {
      names.push(variable?.name);
      return String(v);
    });
    expect(names).toEqual(['__data', '__value']);
  });

  it('resolves ${__value.raw|numeric|text|time} and ${__value}', () => {
    const { scopedVars } = context(1);
    const s = srv();
    expect(s.replace('${__value.raw}|${__value.numeric}|${__value.text}|${__value}|${__value.time}', scopedVars)).toBe(
      '12.34|12.34|12.3 ms|12.3 ms|2000'
    );
  });

  it('uses the calculated value when there is no row', () => {
    const { scopedVars } = context(undefined);
    scopedVars.__dataContext!.value.calculatedValue = { numeric: 5, text: '5.0', suffix: ' ms' };
    expect(srv().replace('${__value.raw}|${__value.text}|${__value.time}', scopedVars)).toBe('5|5.0 ms|');
  });

  it('resolves ${__series.name} and ${__field.name|labels.X|labels}', () => {
    const { scopedVars } = context(1);
    expect(srv().replace('${__series.name}|${__field.name}|${__field.labels.dst}|${__field.labels}', scopedVars)).toBe(
      'pairs|value|b&c|dst="b&c", src="a"'
    );
    expect(srv().replace('${__field.labels.__values}', scopedVars)).toBe('a, b&c');
  });

  it('leaves the expressions as written without a data context or row', () => {
    const s = srv();
    const text = '${__data.fields.src} ${__value.raw} ${__series.name} ${__field.name}';
    expect(s.replace(text)).toBe(text);
    expect(s.replace('${__data.fields.src} ${__value.raw}', context(undefined).scopedVars)).toBe(
      '${__data.fields.src} ${__value.raw}'
    );
  });

  it('prefers explicit scoped vars over the data context', () => {
    const { scopedVars } = context(1);
    const scoped: ScopedVars = { ...scopedVars, __value: { value: { raw: 'explicit' } } };
    expect(srv().replace('${__value.raw}', scoped)).toBe('explicit');
  });

  it('prefers a dashboard variable of the same name, as scenes does', () => {
    const { scopedVars } = context(1);
    expect(srv({ __series: 'var' }).replace('$__series', scopedVars)).toBe('var');
  });
});
