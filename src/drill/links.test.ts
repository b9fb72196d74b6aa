import {
  DataLink,
  Field,
  FieldType,
  InterpolateFunction,
  createTheme,
  getDisplayProcessor,
  getLinksSupplier,
  textUtil,
  urlUtil,
} from '@grafana/data';

import { CellContext, cellFrame, cellLinks, exploreUrl, hrefSurvivingSanitizer, variableUpdate } from './links';

/**
 * The harness' stand-in for Grafana's template service (it implements the `__data` macros and Grafana's formats).
 * Required, not imported: it lives outside the plugin's rootDir.
 */
interface TemplateSrvStandIn {
  replace: InterpolateFunction;
  setVariables(variables: Record<string, string>): void;
}
const { HarnessTemplateSrv } = jest.requireActual<{ HarnessTemplateSrv: new () => TemplateSrvStandIn }>(
  '../../harness/host/templateSrv'
);

const theme = createTheme();
const templateSrv = new HarnessTemplateSrv();
const replaceVariables: InterpolateFunction = (value, scopedVars, format) =>
  templateSrv.replace(value, scopedVars, format);

function latencyField(links?: DataLink[]): Field {
  const field: Field = {
    name: 'Value',
    type: FieldType.number,
    config: { unit: 'ms', decimals: 1, noValue: 'No data', links },
    values: [],
  };
  field.display = getDisplayProcessor({ field, theme });
  return field;
}

const URL_TEMPLATE =
  'https://x.example/d?src=${__data.fields.src}&dst=${__data.fields.dst}&tor=${__data.fields.src_tor}' +
  '&ddc=${__data.fields.dst_dc}&v=${__data.fields.value}';

function cell(partial: Partial<CellContext> = {}): CellContext {
  return {
    source: 'h1',
    destination: 'h2',
    sourcePath: ['dc1', 'tor1'],
    destinationPath: ['dc2', 'tor9'],
    levels: ['dc', 'tor'],
    value: 12.34,
    ...partial,
  };
}

function params(c: CellContext, url = URL_TEMPLATE) {
  const links = cellLinks(c, latencyField([{ title: 'Pair', url }]), replaceVariables);
  expect(links).toHaveLength(1);
  return new URL(links[0].href).searchParams;
}

/**
 * @braintree/sanitize-url as Grafana's link pipeline and LinkButton call it (`textUtil.sanitizeUrl`): the 7.0.1 of
 * the 12.4.10 packages here, and what 7.1 (Grafana 13.2.3) adds to it, percent-decoding the URL twice (once, and
 * once more in its cleaning pass) before the same checks. The browser suite runs the real 7.1.2 on the 13.2 host.
 */
const realSanitizeUrl = textUtil.sanitizeUrl;
function percentDecoding(url: string): string {
  let decoded = url;
  for (let pass = 0; pass < 2; pass++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      // a stray % leaves the URL as it is, as 7.1 does
    }
  }
  return realSanitizeUrl(decoded);
}
const SANITIZERS: Array<[string, (url: string) => string]> = [
  ['sanitize-url 7.0 (Grafana 12.4)', realSanitizeUrl],
  ['percent-decoding sanitize-url 7.1 (Grafana 13.2)', percentDecoding],
];
const useSanitizer = (sanitize: (url: string) => string) =>
  jest.spyOn(textUtil, 'sanitizeUrl').mockImplementation(sanitize);

beforeEach(() => templateSrv.setVariables({}));
afterEach(() => jest.restoreAllMocks());

describe('cellFrame', () => {
  it('is one row: src, dst, src_/dst_ per level, then the value with the field config and display', () => {
    const field = latencyField([{ title: 't', url: 'u' }]);
    const frame = cellFrame(cell({ destinationPath: ['dc2'] }), field);
    expect(frame.length).toBe(1);
    expect(frame.fields.map((f) => [f.name, f.type, f.values[0]])).toEqual([
      ['src', 'string', 'h1'],
      ['dst', 'string', 'h2'],
      ['src_dc', 'string', 'dc1'],
      ['dst_dc', 'string', 'dc2'],
      ['src_tor', 'string', 'tor1'],
      ['dst_tor', 'string', ''],
      ['value', 'number', 12.34],
    ]);
    const value = frame.fields[6];
    expect(value.config).toBe(field.config);
    expect(value.display).toBe(field.display);
    expect(value.state?.scopedVars?.__dataContext?.value.frame).toBe(frame);
    expect(frame.fields[0].display!('a&b').text).toBe('a&b');
  });

  it('has a null value when there is no data', () => {
    expect(cellFrame(cell({ value: undefined }), latencyField()).fields.at(-1)!.values).toEqual([null]);
  });
});

describe.each(SANITIZERS)('cellLinks, %s', (_, sanitizer) => {
  beforeEach(() => useSanitizer(sanitizer));
  it('returns [] without configured links', () => {
    expect(cellLinks(cell(), latencyField(), replaceVariables)).toEqual([]);
    expect(cellLinks(cell(), latencyField([]), replaceVariables)).toEqual([]);
  });

  it('resolves the cell fields, the topology fields and the formatted value', () => {
    const p = params(cell());
    expect([p.get('src'), p.get('dst'), p.get('tor'), p.get('ddc'), p.get('v')]).toEqual([
      'h1',
      'h2',
      'tor1',
      'dc2',
      '12.3 ms',
    ]);
  });

  it("renders no data as the field's no-value text", () => {
    expect(params(cell({ value: undefined })).get('v')).toBe('No data');
  });

  it('URL-encodes a hostile source so it stays one query parameter', () => {
    const p = params(cell({ source: 'a&b=<c>' }));
    expect(p.get('src')).toBe('a&b=<c>');
    expect(p.get('b')).toBeNull();
    expect(p.get('dst')).toBe('h2');
  });

  it.each([
    ['hash', 'x#frag'],
    ['percent', '100%25 %zz %'],
    ['space and plus', 'a b+c'],
    ['unicode', '東京-ü-😀'],
    ['RTL mark', 'host\u200F-evil'],
    ['separators', '/?&=;,:@$\'"!()*[]{}|\\^`'],
    ['unit separator', 'dc1\u001ftor1'],
    ['template syntax', '${__data.fields.dst} $dst [[dst]]'],
  ])('round-trips %s exactly, in every field', (_, hostile) => {
    const p = params(
      cell({ source: hostile, destination: hostile, sourcePath: ['dc', hostile], destinationPath: [hostile] })
    );
    expect([p.get('src'), p.get('dst'), p.get('tor'), p.get('ddc')]).toEqual([hostile, hostile, hostile, hostile]);
    expect(p.get('v')).toBe('12.3 ms');
  });

  it('replaces lone surrogates instead of throwing', () => {
    expect(params(cell({ source: 'a\uD800b' })).get('src')).toBe('a\uFFFDb');
  });

  it('keeps path positions safe: a value cannot add path segments', () => {
    const links = cellLinks(
      cell({ source: '../admin?x=1#y' }),
      latencyField([{ title: 't', url: 'https://x.example/hosts/${__data.fields.src}/view' }]),
      replaceVariables
    );
    const url = new URL(links[0].href);
    expect(url.pathname).toBe('/hosts/..%2Fadmin%3Fx%3D1%23y/view');
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
  });

  it('interpolates the title as plain text', () => {
    const links = cellLinks(
      cell({ source: 'a&b=<c>' }),
      latencyField([{ title: '${__data.fields.src} → ${__data.fields.dst}', url: 'https://x.example/' }]),
      replaceVariables
    );
    expect(links[0].title).toBe('a&b=<c> → h2');
  });

  it('keeps Grafana semantics for dashboard variables and explicit formats', () => {
    templateSrv.setVariables({ path: 'a/b' });
    const links = cellLinks(
      cell({ source: 'x&y' }),
      latencyField([{ title: 't', url: 'https://x.example/$path?s=${__data.fields.src:percentencode}' }]),
      replaceVariables
    );
    const url = new URL(links[0].href);
    expect(url.pathname).toBe('/a/b');
    expect(url.searchParams.get('s')).toBe('x&y');
  });

  it('resolves ${__value.*} and ${__field.name} for the value', () => {
    const p = params(cell(), 'https://x.example/?raw=${__value.raw}&text=${__value.text}&name=${__field.name}');
    expect([p.get('raw'), p.get('text'), p.get('name')]).toEqual(['12.34', '12.3 ms', 'value']);
  });

  it('sanitizes javascript: URLs as Grafana does', () => {
    const links = cellLinks(
      cell(),
      latencyField([{ title: 't', url: 'javascript:alert(${__data.fields.src})' }]),
      replaceVariables
    );
    expect(links[0].href.startsWith('javascript:')).toBe(false);
  });

  it('passes targetBlank through', () => {
    const links = cellLinks(
      cell(),
      latencyField([{ title: 't', url: 'https://x.example/', targetBlank: true }]),
      replaceVariables
    );
    expect(links[0].target).toBe('_blank');
  });

  it.each([
    ['an escape', '%41%26'],
    ['an escaped escape', 'a%2526b'],
    ['a lone percent', '100%'],
    ['an HTML entity', 'a&#60;b&Tab;'],
  ])('keeps a value that looks like %s exactly', (_, hostile) => {
    expect(params(cell({ source: hostile })).get('src')).toBe(hostile);
  });

  it('keeps values exact when the template itself has a stray % (a decoding sanitizer gives up on the whole URL)', () => {
    const p = params(cell({ source: 'a&b=%41' }), 'https://x.example/?q=100%&src=${__data.fields.src}');
    expect(p.get('src')).toBe('a&b=%41');
    expect([...p.keys()]).toEqual(['q', 'src']);
  });

  it('takes an explicit :percentencode on a cell value through the same safe path', () => {
    const p = params(cell({ source: 'a&b=<c>' }), 'https://x.example/?src=${__data.fields.src:percentencode}');
    expect([...p.entries()]).toEqual([['src', 'a&b=<c>']]);
  });

  it('sends a template that spells a scheme around a value back through the sanitizer', () => {
    const links = cellLinks(
      cell({ source: 'script' }),
      latencyField([{ title: 't', url: 'java${__data.fields.src}:alert(1)' }]),
      replaceVariables
    );
    expect(links[0].href).toBe('about:blank');
  });
});

// Grafana 13.2.3's @braintree/sanitize-url 7.1.2 percent-decodes link URLs: a value Grafana's own `percentencode`
// had made one parameter (`a%26b%3D%3Cc%3E`) arrived as `a&b=<c>`, i.e. two parameters.
describe('the percent-decoding sanitizer (regression)', () => {
  it('splits a value that was encoded once, as Grafana builds links by itself', () => {
    useSanitizer(percentDecoding);
    const field = latencyField([{ title: 't', url: 'https://x.example/?src=${__data.fields.src:percentencode}' }]);
    const frame = cellFrame(cell({ source: 'a&b=<c>' }), field);
    const value = frame.fields[frame.fields.length - 1];
    const [naive] = getLinksSupplier(frame, value, value.state!.scopedVars!, replaceVariables)({ valueRowIndex: 0 });
    expect([...new URL(naive.href).searchParams.keys()]).toEqual(['src', 'b']);
  });

  it('leaves the cell links one parameter per value', () => {
    useSanitizer(percentDecoding);
    expect([...params(cell({ source: 'a&b=<c>' })).entries()].slice(0, 2)).toEqual([
      ['src', 'a&b=<c>'],
      ['dst', 'h2'],
    ]);
  });
});

describe.each(SANITIZERS)('hrefSurvivingSanitizer, %s', (_, sanitizer) => {
  beforeEach(() => useSanitizer(sanitizer));

  it.each([
    ['a data link', 'https://x.example/pair?src=a%26b%3D%3Cc%3E&dst=%25%23%3F%2F%20%E6%9D%B1%E2%80%8F'],
    ['an Explore URL', exploreUrl({ query: { refId: 'A', expr: 'x{src="a&b=<c>"} % 1' }, range: { from: 1, to: 2 } })],
  ])('gives %s that the sanitizer turns back into exactly itself', (_, href) => {
    const survivor = hrefSurvivingSanitizer(href);
    expect(survivor).toBeDefined();
    expect(textUtil.sanitizeUrl(survivor!)).toBe(href);
  });
});

it('hrefSurvivingSanitizer: nothing survives a decoding sanitizer that then strips a backslash-n it exposed', () => {
  useSanitizer(percentDecoding);
  // The real 7.1.2 also removes "\\n" / "%5Cn" after decoding (its whitespace-escape rule); 7.0 has no such step.
  jest.spyOn(textUtil, 'sanitizeUrl').mockImplementation((url) => percentDecoding(url).replace(/%5Cn/gi, ''));
  expect(hrefSurvivingSanitizer('https://x.example/?src=C%3A%5Cnet')).toBeUndefined();
});

describe('exploreUrl', () => {
  const HOSTILE_EXPR = 'rate(x{src="a&b=<c>",dst=~"#%20 +\\u001f"}[5m]) / 1 & ? é \u200F';

  function parse(url: string) {
    const [path, search] = url.split('?');
    const sp = new URLSearchParams(search);
    return { path, sp, panes: JSON.parse(sp.get('panes')!) };
  }

  it('builds the Grafana 11+ panes URL and the expr survives exactly', () => {
    const url = exploreUrl({
      datasourceUid: 'prom-1',
      query: { refId: 'A', expr: HOSTILE_EXPR, datasource: { type: 'prometheus', uid: 'prom-1' } },
      range: { from: 'now-1h', to: 1700000000000 },
      orgId: 3,
    });
    const { path, sp, panes } = parse(url);
    expect(path).toBe('/explore');
    expect(Array.from(sp.keys())).toEqual(['schemaVersion', 'orgId', 'panes']);
    expect(sp.get('schemaVersion')).toBe('1');
    expect(sp.get('orgId')).toBe('3');
    expect(panes).toEqual({
      pm: {
        datasource: 'prom-1',
        queries: [{ refId: 'A', expr: HOSTILE_EXPR, datasource: { uid: 'prom-1', type: 'prometheus' } }],
        range: { from: 'now-1h', to: '1700000000000' },
      },
    });
    // Grafana parses the location with urlUtil.parseKeyValue.
    expect(JSON.parse(urlUtil.parseKeyValue(url.split('?')[1]).panes as string).pm.queries[0].expr).toBe(HOSTILE_EXPR);
  });

  it('takes the uid from the query when none is given, and omits orgId', () => {
    const { sp, panes } = parse(
      exploreUrl({ query: { refId: 'A', expr: 'up', datasource: { uid: 'p2' } }, range: { from: 1, to: 2 } })
    );
    expect(sp.has('orgId')).toBe(false);
    expect(panes.pm.datasource).toBe('p2');
    expect(panes.pm.queries[0].datasource).toEqual({ uid: 'p2' });
  });

  it('leaves the data source out when it is unknown', () => {
    const { panes } = parse(exploreUrl({ query: { refId: 'A', expr: 'up' }, range: { from: 1, to: 2 } }));
    expect(panes.pm).toEqual({ queries: [{ refId: 'A', expr: 'up' }], range: { from: '1', to: '2' } });
  });
});

describe('variableUpdate', () => {
  it('maps both sides to var-<name>', () => {
    expect(variableUpdate('src', ' dst ', { source: 'a&b', destination: 'c' })).toEqual({
      'var-src': 'a&b',
      'var-dst': 'c',
    });
  });

  it('skips empty and invalid names', () => {
    expect(variableUpdate('', 'dst', { source: 'a', destination: 'b' })).toEqual({ 'var-dst': 'b' });
    expect(variableUpdate('  ', 'd st', { source: 'a', destination: 'b' })).toEqual({});
    expect(variableUpdate('x&y=1', 'a.b', { source: 'a', destination: 'b' })).toEqual({});
    expect(variableUpdate(undefined, 'Host_2', { source: 'a', destination: 'b' })).toEqual({ 'var-Host_2': 'b' });
  });

  it('round-trips through urlUtil.renderUrl', () => {
    const update = variableUpdate('src', 'dst', { source: 'a&b=<c> #%', destination: 'é\u200F' });
    const sp = new URLSearchParams(urlUtil.renderUrl('/d/x', update).split('?')[1]);
    expect(sp.get('var-src')).toBe('a&b=<c> #%');
    expect(sp.get('var-dst')).toBe('é\u200F');
  });
});
