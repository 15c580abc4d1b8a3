import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';

// Stamps with an offset from UTC (`Z`, `+02:00`, `+0100`) are read on the file's first offset
// (LineParser.zoneShift): a syslog relay that forwards some devices' lines in UTC and others in
// local time, or a journal across the change to summer time, reads on one time base. A blind
// probe's relay had given a false clock jump back of 1 h 55 min, and its two incidents 2 h 38 min
// apart had been told 38 minutes apart.

const REF = Date.UTC(2024, 7, 1);
const both = (text: string): Analysis => {
  const fast = analyzeText(text, { referenceTime: REF });
  assert.deepEqual(fast, analyzeText(text, { referenceTime: REF, fastLane: false }), 'both lanes read it alike');
  return fast;
};
const iso = (utcMs: number, zoneMinutes: number, zone: string): string => `${new Date(utcMs + zoneMinutes * 60_000).toISOString().slice(0, 19)}.123${zone}`;

describe('stamps with different offsets from UTC', () => {
  it('a relay mixing UTC and local time: one time base (the first stamp\'s offset), no clock jump, a notice that says so', () => {
    const t0 = Date.UTC(2024, 6, 9, 6, 0, 0);
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) {
      const utc = t0 + i * 15_000;
      const [m, z] = i % 3 === 2 ? [0, 'Z'] : [120, '+02:00'];
      lines.push(`<30>1 ${iso(utc, m, z)} rut-field-7 dnsmasq-dhcp 1893 - - DHCPACK(br-lan) 192.168.1.${i % 200} a4:5e:60:d1:22:08 cam2`);
      if (i === 300) lines.push(`<30>1 ${iso(utc, 0, 'Z')} rut-field-7 netifd - - - Interface 'mob1s1a1' is now down`);
    }
    const a = both(lines.join('\n') + '\n');
    assert.deepEqual(a.findings.filter((f) => f.code === 'clock-jump'), []);
    assert.ok(a.notices.some((n) => /different offsets from UTC/.test(n.message) && /UTC\+02:00/.test(n.message)));
    // The line written in UTC (07:15:00Z) is shown at +02:00: 09:15:00.
    const down = a.events.find((e) => e.id.startsWith('netifd') && /mob1s1a1/.test(e.text))!;
    assert.equal(new Date(down.time!).toISOString().slice(11, 19), '09:15:00');
  });

  it('a journal across the change to summer time has no hour\'s gap and no clock jump', () => {
    const t0 = Date.UTC(2024, 2, 31, 0, 30, 0); // 01:30 CET; at 01:00 UTC the clocks go to CEST
    const lines: string[] = [];
    for (let i = 0; i < 120; i++) {
      const utc = t0 + i * 60_000;
      const [m, z] = utc < Date.UTC(2024, 2, 31, 1, 0, 0) ? [60, '+0100'] : [120, '+0200'];
      lines.push(`${iso(utc, m, z)} router dnsmasq[812]: query[A] example.org from 192.168.1.10`);
    }
    const a = both(lines.join('\n') + '\n');
    assert.deepEqual(a.findings.filter((f) => f.code === 'clock-jump'), []);
    assert.equal(a.files[0].lastTime! - a.files[0].firstTime!, 119 * 60_000);
  });

  it('one offset throughout, or none, keeps the times as written and says nothing', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `${iso(Date.UTC(2024, 6, 9, 6, i), 120, '+02:00')} router dnsmasq[812]: query[A] example.org`);
    const a = both(lines.join('\n') + '\n');
    assert.equal(new Date(a.files[0].firstTime!).toISOString().slice(11, 19), '08:00:00');
    assert.ok(!a.notices.some((n) => /offsets from UTC/.test(n.message)));
  });
});

describe('the offset the times are shown at', () => {
  it('is said where the stamps give one (an export\'s UTC is not the router\'s local time), and only there', async () => {
    const { toTextReport } = await import('../server/src/core/report/textReport');
    const utc = both(`<30>1 2025-03-03T09:41:52.010Z rut955 netifd - - - Interface 'mob1s1a1' is now down\n<30>1 2025-03-03T09:43:09.500Z rut955 netifd - - - Interface 'mob1s1a1' is now up\n`);
    assert.equal(utc.files[0].timeZone, 'UTC');
    assert.match(toTextReport(utc).replace(/\s+/g, " "), /2025-03-03 09:41:52 to 2025-03-03 09:43:09 UTC\)/);
    const plus = both(`2025-03-03T10:41:52+01:00 rut955 netifd: Interface 'mob1s1a1' is now down\n`);
    assert.equal(plus.files[0].timeZone, 'UTC+01:00');
    const local = both(`Mar  3 10:41:52 rut955 netifd: Interface 'mob1s1a1' is now down\n`);
    assert.equal(local.files[0].timeZone, undefined);
    // An export's JSON lines (an Elasticsearch hit, a journal's): their times stay as written, at the offset their field says.
    const hit = both(`{"_index":"logs","_source":{"@timestamp":"2025-03-03T09:41:52.010Z","host":{"hostname":"rut955"},"process":{"name":"netifd"},"message":"Interface 'mob1s1a1' is now down"}}\n`);
    assert.deepEqual([hit.files[0].timeZone, hit.files[0].firstTime], ['UTC', Date.UTC(2025, 2, 3, 9, 41, 52, 10)]);
    assert.equal(both(`{"__REALTIME_TIMESTAMP":"1741002112010000","SYSLOG_IDENTIFIER":"netifd","MESSAGE":"Interface 'wan' is now down"}\n`).files[0].timeZone, 'UTC');
    assert.equal(both(`{"time":"2025-03-03 10:41:52","program":"netifd","message":"Interface 'wan' is now down"}\n`).files[0].timeZone, undefined);
  });
});

// Summer time ending sets a zoneless clock back an hour (journalctl's default stamps carry no
// offset): lines with a Unix time on either side (NetworkManager's `[1792888870.3301]`) show the
// offset going from +02:00 to +01:00, and the times after the step move onto the earlier offset,
// so a drop before it and its return after it pair (a blind probe's had been "Modem lost, 1 h 37 min").
describe('the end of summer time in a log without offsets', () => {
  const nm = (clock: string, unix: number, text: string): string => `Oct 25 ${clock} kiosk NetworkManager[977]: <info>  [${unix}.3301] ${text}`;
  const kernel = (clock: string, text: string): string => `Oct 25 ${clock} kiosk kernel: ${text}`;
  const lines = (afterOffsetHours: number): string[] => [
    nm('02:30:00', Date.UTC(2026, 9, 25, 0, 30) / 1000, 'manager: NetworkManager state is now CONNECTED_GLOBAL'),
    kernel('02:41:10', 'usb 1-1.4: USB disconnect, device number 5'),
    kernel('02:41:10', 'option1 ttyUSB2: GSM modem (1-port) converter now disconnected from ttyUSB2'),
    kernel('02:56:45', 'audit: type=1400 audit(0.0:1): apparmor="STATUS"'),
    kernel('02:09:30', 'usb 1-1.4: new high-speed USB device number 6 using xhci_hcd'),
    kernel('02:09:30', 'usb 1-1.4: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
    kernel('02:09:31', 'option1 ttyUSB2: GSM modem (1-port) converter now attached to ttyUSB2'),
    nm('02:09:53', Date.UTC(2026, 9, 25, 2 - afterOffsetHours, 9, 53) / 1000, "device (cdc-wdm0): Activation: successful, device activated."),
    kernel('04:00:00', 'audit: type=1400 audit(0.0:2): apparmor="STATUS"'),
  ];
  const analyze = (l: string[]) => {
    const text = l.join('\n') + '\n';
    const fast = analyzeText(text, { referenceTime: Date.UTC(2026, 9, 26) });
    assert.deepEqual(fast, analyzeText(text, { referenceTime: Date.UTC(2026, 9, 26), fastLane: false }), 'both lanes read it alike');
    return fast;
  };
  it('pairs the drop before the step with its return after it, and says why the times moved', () => {
    const a = analyze(lines(1));
    const drop = a.episodes.find((e) => e.kind === 'modem-drop');
    assert.equal(drop?.verdict, 'came-back');
    assert.match(drop!.steps[0].text, /came back 28 min 20 s later at 03:09:30/);
    assert.deepEqual(a.findings.filter((f) => f.code === 'clock-jump'), []);
    assert.ok(a.notices.some((n) => n.line === 5 && /summer time ended.*UTC\+02:00 before it and UTC\+01:00 after it/.test(n.message)));
  });
  it('leaves a step back the Unix times do not explain as a clock jump', () => {
    const a = analyze(lines(2));
    assert.ok(a.findings.some((f) => f.code === 'clock-jump' && f.line === 5));
    assert.ok(!a.notices.some((n) => /summer time/.test(n.message)));
  });
});
