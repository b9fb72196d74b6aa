import { hostIdentity } from './hostId';

describe('hostIdentity', () => {
  it.each([
    ['node-1:9115', 'node-1'],
    ['10.0.0.1:9115', '10.0.0.1'],
    ['[fe80::1]:9115', 'fe80::1'],
    ['[2001:db8::10]', '2001:db8::10'],
    ['fe80::1', 'fe80::1'],
    // regression guard: a bare IPv6 ending in digits is not host:port
    ['2001:db8::9115', '2001:db8::9115'],
    ['node-1', 'node-1'],
    [' node-1 ', 'node-1'],
    ['host:http', 'host:http'],
    ['[fe80::1]junk', '[fe80::1]junk'],
  ])('%s → %s', (input, expected) => {
    expect(hostIdentity(input)).toBe(expected);
  });
});
