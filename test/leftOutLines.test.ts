import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// Lines the programs that write a log left out of it (blind probe D of the 27th session: a rate
// limit's or a syslog daemon's fold had never been mentioned, and a fold of pppd's failures had
// been counted as one failure).

const REF = Date.UTC(2026, 11, 31);
const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
const leftOut = (a: ReturnType<typeof tell>) => a.notices.find((n) => /left lines out of it/.test(n.message));

describe('lines left out by the programs that write the log', () => {
  const cases: [string, string, RegExp][] = [
    ['the kernel\'s rate limit', '[ 8123.402211] usb_wwan_write: 184 callbacks suppressed', /184 by the kernel's rate limit/],
    ['journald\'s rate limit', 'Nov 03 10:31:04 apu-gw systemd-journald[245]: Suppressed 1534 messages from ModemManager.service', /1,534 by journald's rate limit/],
    ['BSD syslogd\'s fold', 'Nov  3 11:00:52 rpi-gw last message repeated 37 times', /37 by the syslog daemon's folding/],
    ['syslog-ng\'s fold', "Nov  3 14:04:40 gw syslog-ng[612]: Last message 'usb 1-1: device desc' repeated 212 times, suppressed by syslog-ng on gw", /212 by syslog-ng's folding/],
    ['rsyslog\'s fold', '2026-11-03T11:05:10.000000+01:00 rpi-gw pppd[1184]: message repeated 6 times: [ Connect script failed]', /6 by rsyslog's folding/],
  ];
  for (const [what, line, words] of cases) {
    it(`${what}: a notice says how many, from which line, and that counts are lower bounds`, () => {
      const n = leftOut(tell(['Nov  3 10:00:00 gw dnsmasq[1]: started', line]));
      assert.ok(n, what);
      assert.match(n.message, words);
      assert.equal(n.line, 2);
      assert.match(n.message, /lower bounds/);
    });
  }
  it('no such line, no notice', () => {
    assert.equal(leftOut(tell(['Nov  3 10:00:00 gw dnsmasq[1]: started', 'Nov  3 10:00:01 gw pppd[1184]: Connect script failed'])), undefined);
  });
  it("rsyslog's fold is read as the line it repeats", () => {
    const plain = tell(['2026-11-03T11:01:36.000000+01:00 rpi-gw pppd[1184]: Connect script failed']);
    const folded = tell(['2026-11-03T11:01:36.000000+01:00 rpi-gw pppd[1184]: message repeated 6 times: [ Connect script failed]']);
    assert.deepEqual(folded.events.map((e) => e.id), plain.events.map((e) => e.id));
    assert.ok(folded.events.length > 0);
  });
  it("rsyslog's fold of a line nothing catalogues is counted too", () => {
    const n = leftOut(tell(['Nov  3 10:00:00 gw dnsmasq[1]: started', '2026-11-03T11:00:52.000000+01:00 rpi-gw kernel: message repeated 240 times: [ some driver said something 17]']));
    assert.match(n!.message, /240 by rsyslog's folding/);
  });
});
