import type { CatalogueEntry } from '../types';

// A modem that hands the host its address itself (a HiLink dongle, a modem in router mode, one in
// ECM or NCM mode on some hosts) is a network interface of the host's whose data session is a DHCP
// lease: the lease the DHCP client gets on that interface is the mobile data, and a lease that ran
// out is the data gone. The same lines on the LAN's or Wi-Fi's interface are no modem's: the
// collector marks a line whose interface a modem's usbnet driver made (`modemLink`, from the
// kernel's `register` and `renamed from` lines of the same log), and only such a line is a
// finding or a story's mark. dhcpcd's words: src/dhcp.c [X133]; systemd-networkd's:
// src/network/networkd-dhcp4.c [X134].

/** Only on the modem's own interface (events/eventCollector.ts sets the field). */
const ON_MODEM_LINK = { field: 'modemLink', values: ['yes'] } as const;
/** An interface name as these clients print it before their message (`eth1: `, `enx0c5b8f279a64: `, `wwan0: `). */
const NET_IFACE = '^(?<netIface>[A-Za-z][\\w.@-]{0,31}): ';

export const dhcpClientEntries: CatalogueEntry[] = [
  {
    id: 'dhcpcd.lease-expired',
    subsystem: 'network',
    severity: 'warning',
    tags: ['dhcpcd'],
    literal: 'DHCP lease expired',
    pattern: new RegExp(`${NET_IFACE}DHCP lease expired$`),
    summary: 'dhcpcd: the DHCP lease of {netIface} ran out, no renewal came',
    explanation:
      'The DHCP server on that interface answered none of dhcpcd\'s renewals before the lease ran out, so dhcpcd dropped the address and its routes and asks again. ' +
      'On a modem that hands out the address itself (a HiLink dongle, a modem in router mode) that server is the modem: it stopped answering on its link, and the mobile data went with the address.',
    finding: 'mobile-data-down',
    findingIf: ON_MODEM_LINK,
    advice: 'modemLinkLeaseLost',
    sources: ['X133'],
    samples: ['Mar 11 00:03:12 raspberrypi dhcpcd[512]: eth1: DHCP lease expired'],
    counterSamples: ['Mar 11 00:03:12 raspberrypi dhcpcd[512]: eth1: DHCP lease expired, extending lease'],
  },
  {
    id: 'networkd.lease-lost',
    subsystem: 'network',
    severity: 'warning',
    tags: ['systemd-networkd'],
    literal: 'DHCP lease lost',
    pattern: new RegExp(`${NET_IFACE}DHCP lease lost$`),
    summary: 'systemd-networkd: {netIface} lost its DHCP lease',
    explanation:
      'systemd-networkd dropped the address its DHCP client held on that interface (the lease ran out, or the server refused it) and removed its routes. ' +
      'On a modem that hands out the address itself (a HiLink dongle, a modem in router mode) the mobile data went with it.',
    finding: 'mobile-data-down',
    findingIf: ON_MODEM_LINK,
    advice: 'modemLinkLeaseLost',
    sources: ['X134'],
    samples: ['Mar 11 00:03:12 pi systemd-networkd[311]: enx0c5b8f279a64: DHCP lease lost'],
  },
  {
    id: 'dhcpcd.leased',
    subsystem: 'network',
    severity: 'info',
    tags: ['dhcpcd'],
    story: ['data-up'],
    storyIf: ON_MODEM_LINK,
    literal: ': leased ',
    pattern: new RegExp(`${NET_IFACE}leased (?<address>[\\d.]+) for \\d+ seconds`),
    summary: 'dhcpcd: {netIface} got the address {address}',
    explanation: 'The DHCP server on that interface gave it an address: on a modem that hands out the address itself, the mobile data is up.',
    sources: ['X133'],
    samples: ['Mar 10 00:03:12 raspberrypi dhcpcd[512]: eth1: leased 192.168.8.100 for 86400 seconds'],
  },
  {
    id: 'networkd.lease-acquired',
    subsystem: 'network',
    severity: 'info',
    tags: ['systemd-networkd'],
    story: ['data-up'],
    storyIf: ON_MODEM_LINK,
    literal: 'DHCPv4 address ',
    pattern: new RegExp(`${NET_IFACE}DHCPv4 address (?<address>[\\d.]+)/\\d+`),
    summary: 'systemd-networkd: {netIface} got the address {address}',
    explanation: 'systemd-networkd\'s DHCP client got an address on that interface: on a modem that hands out the address itself, the mobile data is up.',
    sources: ['X134'],
    samples: ['Mar 10 00:03:12 pi systemd-networkd[311]: enx0c5b8f279a64: DHCPv4 address 192.168.8.100/24, gateway 192.168.8.1 acquired from 192.168.8.1'],
  },
];
