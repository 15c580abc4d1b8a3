import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// The fast lane reads plain logread lines of big files without the full parser. It must change
// nothing but speed: the same analysis, field for field, as the full parser on the same text.
const REF = Date.UTC(2025, 0, 1);
const SAMPLE = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8');

function filler(n: number, from: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(from + i * 7000);
    const p = (x: number): string => String(x).padStart(2, '0');
    const stamp = `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]} Nov ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} 2024`;
    const up = ((i * 7000) / 1000 + 100).toFixed(6).padStart(12);
    out.push(
      i % 5 === 0 ? `${stamp} kern.info kernel: [${up}] br-lan: port 2(eth0.1) entered forwarding state` :
      i % 5 === 1 ? `${stamp} daemon.info gsmd[3553]: [__read:10] debug: [CMM] read = 12` :
      i % 5 === 2 ? `${stamp} daemon.notice netifd: mob1s1a1_4 (8123): udhcpc: sending renew` :
      i % 5 === 3 ? `${stamp} kern.info Mobile data connected (IPv4, internal modem)` :
      `${stamp} daemon.info dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.145 f0:2f:74:1c:33:8a laptop`,
    );
  }
  return out;
}

function both(text: string): void {
  const full = analyzeText(text, { referenceTime: REF, fastLane: false });
  const fast = analyzeText(text, { referenceTime: REF });
  assert.deepEqual(fast, full);
}

describe('fast lane', () => {
  it('gives the same analysis as the full parser on a long plain log with episodes inside', () => {
    const start = Date.UTC(2024, 10, 1, 8);
    both([...filler(3000, start), ...SAMPLE.split('\n'), ...filler(3000, start + 40 * 86400_000)].join('\n'));
  });

  it('keeps boot segments, clock jumps and daemon silence the same', () => {
    const start = Date.UTC(2024, 10, 1, 8);
    const lines = filler(3000, start);
    lines.push(
      'Fri Nov  1 16:00:00 2024 kern.info kernel: [    2.000000] usb 1-1: new high-speed USB device number 2 using ehci-platform',
      'Fri Nov  1 15:00:00 2024 kern.info kernel: [    5.000000] br-lan: port 2(eth0.1) entered forwarding state',
      'Fri Nov  1 18:00:00 2024 kern.info kernel: [    9.000000] br-lan: port 2(eth0.1) entered forwarding state',
      ...filler(500, Date.UTC(2024, 10, 1, 18)),
    );
    both(lines.join('\n'));
    const fast = analyzeText(lines.join('\n'), { referenceTime: REF });
    assert.equal(fast.files[0].segments, 2);
    assert.ok(fast.findings.some((f) => f.code === 'clock-jump'));
  });
});
