import { describe, expect, it } from 'vitest';
import { mayConnectTo } from '../address-policy.js';

describe('mayConnectTo: only public unicast addresses, unless the operator allows more', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback range'],
    ['::1', 'IPv6 loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::7f00:1', 'IPv4-compatible loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', '"this network"'],
    ['::', 'IPv6 unspecified'],
    ['10.0.0.1', 'private 10/8'],
    ['172.16.5.4', 'private 172.16/12'],
    ['192.168.1.1', 'private 192.168/16'],
    ['::ffff:192.168.1.1', 'IPv4-mapped private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['fe80::1', 'IPv6 link-local'],
    ['fc00::1', 'IPv6 unique local'],
    ['100.64.0.1', 'CGNAT 100.64/10'],
    ['100.127.255.254', 'CGNAT, top'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'IPv6 multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['240.0.0.1', 'reserved'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
    ['2002:7f00:1::', '6to4 of loopback'],
    ['2001::1', 'Teredo'],
    ['not-an-address', 'not an address'],
  ])('refuses %s (%s)', (address) => {
    expect(mayConnectTo(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '100.128.0.1', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:8.8.8.8'])('allows the public %s', (address) => {
    expect(mayConnectTo(address)).toBe(true);
  });

  it('allows every address with "all", and only the listed ranges with a list', () => {
    expect(mayConnectTo('127.0.0.1', 'all')).toBe(true);
    expect(mayConnectTo('10.20.3.4', ['10.20.0.0/16'])).toBe(true);
    expect(mayConnectTo('::ffff:10.20.3.4', ['10.20.0.0/16'])).toBe(true);
    expect(mayConnectTo('10.21.0.1', ['10.20.0.0/16'])).toBe(false);
    expect(mayConnectTo('127.0.0.1', ['127.0.0.2/32'])).toBe(false);
    expect(mayConnectTo('fd00::5', ['fd00::/8'])).toBe(true);
  });
});
