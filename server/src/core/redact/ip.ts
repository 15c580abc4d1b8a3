// Which addresses in a log say something about the person who shared it.
// Private, loopback, link-local, CGNAT and multicast ranges are the same on every router and are
// what a support engineer needs to read a routing problem, so they stay; a public address can
// locate the user, so it goes.

/**
 * Public resolvers that ping_reboot, mwan3 tracking and dnsmasq configs name on every router:
 * they identify nobody, and hiding them would hide which check failed.
 */
export const WELL_KNOWN_PUBLIC_ADDRESSES: ReadonlySet<string> = new Set([
  '8.8.8.8',
  '8.8.4.4',
  '1.1.1.1',
  '1.0.0.1',
  '9.9.9.9',
  '149.112.112.112',
  '208.67.222.222',
  '208.67.220.220',
  '2001:4860:4860:0:0:0:0:8888',
  '2001:4860:4860:0:0:0:0:8844',
  '2606:4700:4700:0:0:0:0:1111',
  '2606:4700:4700:0:0:0:0:1001',
  '2620:fe:0:0:0:0:0:fe',
]);

/** Octets of a dotted quad the IPv4 regex already bounded to 0..255 without leading zeros. */
export function isPublicIpv4(text: string): boolean {
  // Parsed by hand: this runs for every address in a 100 MB log, most of them 192.168.x.x.
  let a = 0;
  let i = 0;
  for (; text.charCodeAt(i) !== 46; i++) a = a * 10 + text.charCodeAt(i) - 48;
  if (a === 192 && text.startsWith('192.168.')) return false;
  let b = 0;
  for (i++; text.charCodeAt(i) !== 46; i++) b = b * 10 + text.charCodeAt(i) - 48;
  let c = 0;
  for (i++; text.charCodeAt(i) !== 46; i++) c = c * 10 + text.charCodeAt(i) - 48;
  if (a === 0 || a === 10 || a === 127) return false;
  // 224/4 multicast and 240/4 reserved, which also covers netmasks such as 255.255.255.0.
  if (a >= 224) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false; // carrier-grade NAT, common on mobile links
  if (a === 192 && b === 0 && c === 0) return false;
  if (a === 198 && (b === 18 || b === 19)) return false;
  return !WELL_KNOWN_PUBLIC_ADDRESSES.has(text);
}

/**
 * The eight 16-bit groups of a textual IPv6 address, or undefined when the text is not one
 * (times such as `19:54:59`, USB ids, C++ scopes all land here and are rejected).
 */
export function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (g.length < 1 || g.length > 4) return undefined;
      const v = parseInt(g, 16);
      if (Number.isNaN(v) || !/^[0-9A-Fa-f]+$/.test(g)) return undefined;
      out.push(v);
    }
    return out;
  };
  const head = parse(halves[0]);
  if (!head) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const tail = parse(halves[1]);
  if (!tail || head.length + tail.length > 7) return undefined;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/** One spelling per address, so `2A00:1450::1` and `2a00:1450:0::0001` share a placeholder. */
export function canonicalIpv6(groups: number[]): string {
  return groups.map((g) => g.toString(16)).join(':');
}

/**
 * Only global unicast (2000::/3) is public. That leaves ::1, fe80::/10, fc00::/7, ff00::/8 and
 * the IPv4-mapped forms alone (the IPv4 part of `::ffff:a.b.c.d` is judged as IPv4).
 */
export function isPublicIpv6(groups: number[]): boolean {
  if (groups[0] < 0x2000 || groups[0] > 0x3fff) return false;
  return !WELL_KNOWN_PUBLIC_ADDRESSES.has(canonicalIpv6(groups));
}
