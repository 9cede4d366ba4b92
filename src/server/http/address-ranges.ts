import { BlockList, isIP } from 'node:net';

/**
 * Address ranges that are not the public internet (IANA special-purpose registries, RFC 6890): a vendor's
 * integration URL must not reach them unless the operator allows it (SSRF, OWASP ASVS 12.6.1).
 */
const NON_PUBLIC_V4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network" (RFC 791); 0.0.0.0 reaches the local host
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services (RFC 3927)
  ['172.16.0.0', 12], // private (RFC 1918)
  ['192.0.0.0', 24], // IETF protocol assignments (RFC 6890)
  ['192.168.0.0', 16], // private (RFC 1918)
  ['198.18.0.0', 15], // benchmarking (RFC 2544)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const NON_PUBLIC_V6: Array<[string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215)
  ['fc00::', 7], // unique local (RFC 4193)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, RFC 3879)
  ['ff00::', 8], // multicast
];

const NON_PUBLIC = new BlockList();
for (const [net, prefix] of NON_PUBLIC_V4) NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of NON_PUBLIC_V6) NON_PUBLIC.addSubnet(net, prefix, 'ipv6');

const NAT64 = new BlockList();
NAT64.addSubnet('64:ff9b::', 96, 'ipv6');

/** `[::1]` → `::1`; IPv6 zone ids (`fe80::1%eth0`) are dropped, the address alone decides. */
export function bareAddress(host: string): string {
  return host.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
}

/** The IPv4 address inside a well-known-prefix NAT64 address (RFC 6052), which reaches that IPv4 host. */
function nat64Embedded(address: string): string | null {
  if (!NAT64.check(address, 'ipv6')) return null;
  const groups = address.split(':');
  const last = groups.at(-1) ?? '';
  if (isIP(last) === 4) return last;
  const low = Number.parseInt(last || '0', 16);
  const high = Number.parseInt(groups.at(-2) || '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether an IP address (v4, v6, IPv4-mapped v6) is loopback, private, link-local, CGNAT or otherwise not public. */
export function isNonPublicAddress(address: string): boolean {
  const ip = bareAddress(address);
  const family = isIP(ip);
  if (family === 4) return NON_PUBLIC.check(ip, 'ipv4');
  if (family !== 6) return false;
  const embedded = nat64Embedded(ip);
  if (embedded) return NON_PUBLIC.check(embedded, 'ipv4');
  // BlockList matches IPv4-mapped addresses (::ffff:10.0.0.1) against the IPv4 ranges itself.
  return NON_PUBLIC.check(ip, 'ipv6');
}

/** `localhost` and its subdomains always mean this machine (RFC 6761, 6.3). */
export function isLocalhostName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/**
 * Parses a comma-separated list of addresses and CIDRs (`127.0.0.1/8, ::1, 10.0.0.0/8`) into a BlockList;
 * throws a Russian message naming the wrong entry (config uses it for `METRICS_ALLOW`).
 */
export function parseAddressList(value: string): BlockList {
  const list = new BlockList();
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address = '', prefixText] = entry.split('/');
    const family = isIP(address);
    const prefix = prefixText === undefined ? (family === 6 ? 128 : 32) : Number(prefixText);
    const max = family === 6 ? 128 : 32;
    if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max)
      throw new Error(`«${entry}» — не адрес и не подсеть CIDR (например, 10.0.0.0/8 или ::1)`);
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

/** Whether an address is in the list (IPv4-mapped IPv6 addresses match IPv4 entries). */
export function isInAddressList(list: BlockList, address: string): boolean {
  const ip = bareAddress(address);
  const family = isIP(ip);
  if (family === 0) return false;
  return list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
}
