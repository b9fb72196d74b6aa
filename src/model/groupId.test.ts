import { createTheme } from '@grafana/data';

import { buildMatrix } from '../ingest';
import { groupHosts } from '../ingest/cardinality';
import { parseLevels } from './topology';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { childGroupId, groupAncestry, groupId, groupPath, isInGroup } from './groupId';
import { buildAxisTree } from '../view/hierarchy';
import { tableFrame } from './testFrames';
import { buildView } from '../view/view';

const SEP = '\u001f';

describe('group ids', () => {
  it('keep the plain form for real names, so ids in shared links stay valid', () => {
    expect(groupId(['eu', 'dc1', 'tor-2'])).toBe(`eu${SEP}dc1${SEP}tor-2`);
    expect(childGroupId('', 'eu')).toBe('eu');
    expect(groupPath(`eu${SEP}dc1`)).toEqual(['eu', 'dc1']);
    expect(groupPath('')).toEqual([]);
  });

  it('are one-to-one whatever the names hold, and give the names back', () => {
    const paths = [
      ['a', 'b'],
      [`a${SEP}b`],
      ['a', `b${SEP}c`],
      [`a${SEP}b`, 'c'],
      ['a\u001e1b'],
      [''],
      ['', ''],
      ['\u001e'],
    ];
    const ids = paths.map((p) => groupId(p));
    expect(new Set(ids).size).toBe(paths.length);
    paths.forEach((p, i) => expect(groupPath(ids[i])).toEqual(p));
    expect(ids).not.toContain('');
  });

  it('know what is inside what, and every group above one', () => {
    const dc = groupId([`a${SEP}b`]);
    const tor = groupId([`a${SEP}b`, 'c']);
    expect(isInGroup(tor, dc)).toBe(true);
    expect(isInGroup(tor, groupId(['a']))).toBe(false);
    expect(groupAncestry(tor)).toEqual([dc, tor]);
  });
});

// Broke: ids were the path joined by U+001F unescaped, so DC "a␟b" and ToR "b" of DC "a" had one id: zooming into the
// one showed the other, and the cardinality guard folded two groups into one.
describe('a level value holding U+001F', () => {
  const paths = [
    ['a', 'b'],
    [`a${SEP}b`, 't'],
  ];

  it('is a group of its own in the axis tree', () => {
    const tree = buildAxisTree({ names: ['h1', 'h2'], paths, depth: 2 });
    expect(tree.byId.size).toBe(4);
    const dc = tree.byId.get(groupId([`a${SEP}b`]))!;
    expect([dc.name, dc.level, tree.order[dc.start], dc.end - dc.start]).toEqual([`a${SEP}b`, 0, 1, 1]);
  });

  it('zooming into ToR “b” of DC “a” shows its hosts, not DC “a␟b”', () => {
    const specs = [
      ['h1', 'a', 'b'],
      ['h2', `a${SEP}b`, 't'],
      ['h3', 'a', 'b'],
    ].flatMap(([s, sdc, stor], i, all) =>
      all
        .filter((_, j) => j !== i)
        .map(([d, ddc, dtor]) => ({
          labels: { src: s, dst: d, src_dc: sdc, dst_dc: ddc, src_tor: stor, dst_tor: dtor },
          values: [1],
        }))
    );
    const options = { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms' as const, levels: 'dc,tor' };
    const model = buildMatrix({ frames: [tableFrame(specs)], options, theme: createTheme() }).model!;
    const id = groupId(['a', 'b']);
    const view = buildView({
      model,
      startLevel: '',
      toggled: new Set(),
      zoom: [{ row: id, col: id }],
      aggregation: 'max',
      sortBy: 'name',
    });
    expect(view.matrix.rows.map((e) => [e.kind, e.label])).toEqual([
      ['host', 'h1'],
      ['host', 'h3'],
    ]);
  });

  it('the cardinality guard keeps two groups whose joined paths were equal apart', () => {
    const twins = [
      ['a', `b${SEP}c`],
      [`a${SEP}b`, 'c'],
    ];
    const grouped = groupHosts(['h1', 'h2'], (h) => twins[h], parseLevels('dc,tor'), 2)!;
    expect(grouped.groupOf).toEqual([0, 1]);
    expect(grouped.paths).toEqual([['a'], [`a${SEP}b`]]);
  });
});
