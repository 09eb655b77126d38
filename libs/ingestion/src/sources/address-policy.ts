import ipaddr from 'ipaddr.js';

/** Which non-public addresses may be fetched: none (default), all, or these CIDR ranges (DYAD_FETCH_ALLOW_PRIVATE). */
export type AllowPrivate = 'all' | 'none' | readonly string[];

// Forms ipaddr.js calls "unicast" that still reach this machine or nowhere public: IPv4-compatible IPv6
// (::a.b.c.d) and "this network" 0.0.0.0/8.
const NEVER_PUBLIC = ['::/96', '0.0.0.0/8'].map((cidr) => ipaddr.parseCIDR(cidr));

const inRange = (address: ipaddr.IPv4 | ipaddr.IPv6, [range, bits]: [ipaddr.IPv4 | ipaddr.IPv6, number]) =>
  address.kind() === range.kind() && address.match(range, bits);

/**
 * Whether the server may connect to `address`: a public unicast address, or one the operator allowed.
 * IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is; loopback, private, link-local,
 * CGNAT (100.64/10), multicast, broadcast, unspecified, reserved and tunnelling ranges are not public.
 */
export function mayConnectTo(address: string, allow: AllowPrivate = 'none'): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  const isPublic = parsed.range() === 'unicast' && !NEVER_PUBLIC.some((range) => inRange(parsed, range));
  if (isPublic || allow === 'all') return true;
  if (allow === 'none') return false;
  return allow.some((cidr) => inRange(parsed, ipaddr.parseCIDR(cidr)));
}
