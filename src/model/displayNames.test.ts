import fc from 'fast-check';

import { affixPattern, axisLabels, commonAffixes, hostLabelsOf, shortName } from './displayNames';

const labels = (names: string[]) => {
  const a = commonAffixes(names);
  return names.map((n) => shortName(n, a));
};

describe('common prefix and domain suffix of an axis', () => {
  it('drops a shared domain suffix and a shared prefix', () => {
    expect(commonAffixes(['node-01.k8s.prod.example.com', 'node-12.k8s.prod.example.com'])).toEqual({
      prefix: 'node-',
      suffix: '.k8s.prod.example.com',
    });
    expect(labels(['web-1.prod.example', 'db-2.prod.example'])).toEqual(['web-1', 'db-2']);
    expect(labels(['prod-web-01', 'prod-db-01'])).toEqual(['web-01', 'db-01']);
  });

  it('cuts at separators only, never inside a segment', () => {
    // Common text "node-1" ends inside the number: only "node-" goes.
    expect(labels(['node-10', 'node-11', 'node-12'])).toEqual(['10', '11', '12']);
    // The common text "example.com" starts inside "myexample": only ".com" is a whole segment.
    expect(labels(['a.example.com', 'b.myexample.com'])).toEqual(['a.example', 'b.myexample']);
  });

  it('keeps numeric segments of the prefix (EC2 names are IPs)', () => {
    expect(labels(['ip-10-0-1-23.ec2.internal', 'ip-10-0-2-5.ec2.internal'])).toEqual(['10-0-1-23', '10-0-2-5']);
  });

  // What broke in a first draft: h001…h048 lost their "h0" and 10.1.1.x their network part.
  it('leaves names alone when the shared part is not a whole word, or they are addresses', () => {
    expect(commonAffixes(['h001', 'h002', 'h048'])).toEqual({ prefix: '', suffix: '' });
    expect(commonAffixes(['10.1.1.1', '10.1.1.2'])).toEqual({ prefix: '', suffix: '' });
    expect(commonAffixes(['fd00::1', 'fd00::2'])).toEqual({ prefix: '', suffix: '' });
    expect(commonAffixes(['node-a.example', '10.0.0.1'])).toEqual({ prefix: '', suffix: '' });
    expect(commonAffixes(['only-one.example'])).toEqual({ prefix: '', suffix: '' });
    expect(commonAffixes(['a-x', 'a-y'])).toEqual({ prefix: '', suffix: '' }); // "a-" is too short to matter
    expect(axisLabels(['h1', 'h2'])).toBeUndefined();
  });

  it('never leaves a label without a letter or digit of its own', () => {
    expect(labels(['node-.example', 'node-a.example'])).toEqual(['node-.example', 'node-a.example']);
  });

  it('shows what it dropped as a glob', () => {
    const a = axisLabels(['node-1.prod.example', 'node-2.prod.example']);
    expect(a && affixPattern(a.affixes)).toBe('node-*.prod.example');
    expect(a?.labels.get('node-2.prod.example')).toBe('2');
  });

  it('labels stay distinct and each is a part of its name (fast-check)', () => {
    const segment = fc.stringMatching(/^[a-z0-9]{1,6}$/);
    const name = fc
      .tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom('-', '.', '_'))
      .map(([parts, sep]) => parts.join(sep));
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 2, maxLength: 10 }),
        fc.constantFrom('', 'node-', 'k8s_'),
        fc.constantFrom('', '.prod.example', '-east'),
        (core, pre, suf) => {
          const names = core.map((c) => pre + c + suf);
          const out = labels(names);
          expect(new Set(out).size).toBe(names.length);
          out.forEach((l, i) => {
            expect(names[i].includes(l)).toBe(true);
            expect(l).toMatch(/[a-z0-9]/);
          });
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe('hostLabelsOf', () => {
  const names = ['node-1.prod.example', 'node-2.prod.example'];
  it('shares one map when both axes are the same host list, and can be turned off', () => {
    const l = hostLabelsOf(names, names, true);
    expect(l.rows?.get('node-1.prod.example')).toBe('1');
    expect(l.cols).toBe(l.rows);
    expect(l.patterns).toEqual(['node-*.prod.example']);
    expect(hostLabelsOf(names, names, false)).toEqual({ patterns: [] });
  });

  it('works per axis when sources are names and destinations IPs', () => {
    const l = hostLabelsOf(names, ['10.0.0.1', '10.0.0.2'], true);
    expect(l.rows?.get('node-2.prod.example')).toBe('2');
    expect(l.cols).toBeUndefined();
    expect(l.patterns).toEqual(['node-*.prod.example']);
  });
});
