import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// RutOS's Ping reboot failing again and again, rebooting the router after each run of failures
// (blind probe A of the 27th session: three reboots in an hour had been "no modem problem").

const REF = Date.UTC(2026, 0, 1);
const at = (clock: string, rest: string): string => `Tue Oct 14 ${clock} 2025 ${rest}`;
const run = (h: number, m: number, up: boolean): string[] => {
  const t = (mm: number, ss = 0) => `${String(h + Math.floor((m + mm) / 60)).padStart(2, '0')}:${String((m + mm) % 60).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
  return [
    at(t(0), 'kern.notice kernel: [    0.000000] Linux version 5.4.259 (build@runner) (gcc version 8.4.0) #0 Thu Nov 21 09:10:11 2024'),
    at(t(0, 8), 'kern.info kernel: [    8.120000] usb 1-1: new high-speed USB device number 2 using xhci-hcd'),
    ...(up ? [at(t(1), "daemon.notice netifd: Interface 'mob1s1a1' is now up")] : []),
    ...[5, 9, 13, 17, 21].map((mm) => at(t(mm), 'user.notice ping_reboot.sh: Ping 8.8.8.8 failed.')),
    at(t(21, 1), 'user.notice ping_reboot.sh: Rebooting router after 5 unsuccessful tries'),
    at(t(21, 3), 'daemon.info procd: - shutdown -'),
  ];
};
const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe('a connection check that reboots the router again and again', () => {
  const a = tell([...run(5, 0, true), ...run(5, 25, true), ...run(5, 50, true)]);
  const s = a.episodes.find((e) => e.kind === 'data-connection-problem');
  it('is a data connection story, each run of failures one time', () => {
    assert.ok(s, a.episodes.map((e) => e.kind).join());
    assert.match(s.summary, /3 times/);
    assert.equal(a.findings.filter((f) => f.code === 'mobile-data-down').length, 3, 'a boot ends a run');
  });
  it('tells the reboots and what asked for them', () => {
    assert.ok(s!.steps.some((x) => /The system restarted 3 times after it began .*each time after "Rebooting router after 5 unsuccessful tries": the trouble came back after 2 of them/.test(x.text)), s!.steps.map((x) => x.text).join('\n'));
  });
  it("gives the check's own advice", () => {
    assert.match(s!.advice.join(' '), /Ping reboot could not reach its host/);
  });
  it('one run, no reboot yet: the failures alone', () => {
    const one = tell(run(5, 0, true).slice(0, 7));
    const d = one.episodes.find((e) => e.kind === 'data-connection-problem')!;
    assert.ok(!d.steps.some((x) => /restarted/.test(x.text)));
  });
});
