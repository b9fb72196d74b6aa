import fc from 'fast-check';

import { HostTable, followIds, hostNamer } from './hosts';

describe('followIds', () => {
  it('gives every label the id the host table gives it, whatever the order (ports, blanks, repeats, new hosts)', () => {
    const label = fc.constantFrom('a', 'b', 'c', 'd', 'a:9100', 'b:80', '  ', 'e\u0000', 'ä');
    fc.assert(
      fc.property(fc.array(label, { maxLength: 60 }), (labels) => {
        const direct = new HostTable(hostNamer(new Map()));
        const followed = new HostTable(hostNamer(new Map()));
        const next = followIds((l) => followed.idOf(l));
        expect(labels.map(next)).toEqual(labels.map((l) => direct.idOf(l)));
        // New hosts are met in the same order, so the axes come out the same.
        expect(followed.names).toEqual(direct.names);
      })
    );
  });

  it('asks the host table only where the order breaks: a destination column going through the same hosts each run', () => {
    const table = new HostTable(hostNamer(new Map()));
    const hostOf = jest.fn((l: string) => table.idOf(l));
    const next = followIds(hostOf);
    const hosts = ['h1', 'h2', 'h3', 'h4'];
    // Copies of the strings, as JSON.parse gives each row its own: equal text, not the same object.
    const column = [0, 1, 2].flatMap(() => hosts.map((h) => `${h} `.trim()));
    expect(column.map(next)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
    // The first run learns the order; the second and third follow it (one lookup where each run starts again).
    expect(hostOf).toHaveBeenCalledTimes(4 + 1 + 0);
  });
});
