import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';

// A modem that hands out the address itself (a HiLink dongle, a modem in router mode) is a network
// interface whose data session is a DHCP lease (catalogue/entries/dhcpClients.ts): a lease that ran
// out on the interface the modem's usbnet driver made is the mobile data gone; the same line on
// the LAN's interface is not. A blind probe's Raspberry Pi, whose HiLink stick's lease expired
// after a day, had been told nothing.

const REF = Date.UTC(2024, 11, 4);
const at = (clock: string, prog: string, msg: string): string => `Mar 10 ${clock} raspberrypi ${prog}: ${msg}`;
const STICK = [
  at('00:03:05', 'kernel', '[   11.804117] usb 1-1.4: new high-speed USB device number 4 using xhci_hcd'),
  at('00:03:05', 'kernel', '[   11.935920] usb 1-1.4: New USB device found, idVendor=12d1, idProduct=14dc, bcdDevice= 1.02'),
  at('00:03:05', 'kernel', "[   11.944021] cdc_ether 1-1.4:1.0 eth1: register 'cdc_ether' at usb-0000:01:00.0-1.4, CDC Ethernet Device, 0c:5b:8f:27:9a:64"),
  at('00:03:12', 'dhcpcd[512]', 'eth1: leased 192.168.8.100 for 86400 seconds'),
  at('00:03:13', 'dhcpcd[512]', 'eth0: leased 192.168.1.20 for 86400 seconds'),
];
const EXPIRED = [at('23:03:12', 'dhcpcd[512]', 'eth1: DHCP lease expired'), at('23:03:12', 'dhcpcd[512]', 'eth1: deleting default route via 192.168.8.1')];
const NOISE = [at('23:40:01', 'CRON[9120]', '(root) CMD (   cd / && run-parts --report /etc/cron.hourly)')];
const read = (...parts: string[][]): Analysis => analyzeText(parts.flat().join('\n') + '\n', { referenceTime: REF });
const told = (a: Analysis): string[] => a.episodes.map((e) => `${e.kind}:${e.verdict}`);

describe('the lease on a modem\'s own network interface', () => {
  it('ran out: the mobile data went down, with advice to see whether the modem answers on its link', () => {
    const a = read(STICK, EXPIRED, NOISE);
    assert.deepEqual(told(a), ['data-connection-problem:unresolved']);
    assert.deepEqual(a.findings.filter((f) => f.code === 'mobile-data-down').map((f) => f.line), [6]);
    assert.match(a.episodes[0].advice.join(' '), /still answers on its network interface/);
  });
  it('a new lease on it later: over; a lease on the LAN\'s interface is no recovery', () => {
    assert.deepEqual(told(read(STICK, EXPIRED, [at('23:05:40', 'dhcpcd[512]', 'eth1: leased 192.168.8.100 for 86400 seconds')], NOISE)), ['data-connection-problem:recovered']);
    assert.deepEqual(told(read(STICK, EXPIRED, [at('23:05:40', 'dhcpcd[512]', 'wlan0: leased 192.168.1.31 for 86400 seconds')], NOISE)), ['data-connection-problem:unresolved']);
  });
  it('the LAN\'s lease running out is no modem\'s trouble', () => {
    const a = read(STICK, [at('23:03:12', 'dhcpcd[512]', 'eth0: DHCP lease expired')], NOISE);
    assert.deepEqual(a.findings.filter((f) => f.code === 'mobile-data-down'), []);
    assert.deepEqual(a.episodes, []);
  });
  it('follows the name udev gives the interface (systemd-networkd on enx...)', () => {
    const renamed = [
      ...STICK.slice(0, 3),
      at('00:03:05', 'kernel', '[   12.101000] cdc_ether 1-1.4:1.0 enx0c5b8f279a64: renamed from eth1'),
      at('00:03:12', 'systemd-networkd[311]', 'enx0c5b8f279a64: DHCPv4 address 192.168.8.100/24, gateway 192.168.8.1 acquired from 192.168.8.1'),
      at('23:03:12', 'systemd-networkd[311]', 'enx0c5b8f279a64: DHCP lease lost'),
    ];
    assert.deepEqual(told(read(renamed, NOISE)), ['data-connection-problem:unresolved']);
  });
});
