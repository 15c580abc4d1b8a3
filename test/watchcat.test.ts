import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// OpenWrt's watchcat logs each failed ping through the device it watches, a minute apart, then
// restarts it [X103]. Two blind probes' routers whose mobile link stalled for ten minutes at a
// time had been told no story: a stall is a data connection's trouble, told once per outage, with
// advice for a stall, not for the APN.

const REF = Date.UTC(2026, 0, 25);

function stall(dev: string, startMinute: number): string[] {
  const out: string[] = [];
  for (let k = 1; k <= 10; k++) {
    const m = startMinute + k;
    const clock = `${String(8 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:30`;
    out.push(`Tue Jan 20 ${clock} 2026 daemon.info watchcat[3120]: Could not reach 1.1.1.1 via "${dev}" for "${k * 60}" seconds. Restarting "${dev}" after reaching "600" seconds`);
  }
  const end = startMinute + 10;
  out.push(`Tue Jan 20 ${String(8 + Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}:35 2026 user.notice INFO: Restarting network interface: "${dev}".`);
  return out;
}

describe('watchcat', () => {
  it('a mobile device that passes no traffic: one finding per stall, a data story with the stall\'s advice', () => {
    const a = analyzeText([...stall('wwan0', 0), ...stall('wwan0', 120), ...stall('wwan0', 240)].join('\n') + '\n', { referenceTime: REF });
    const down = a.findings.filter((f) => f.code === 'mobile-data-down');
    assert.equal(down.length, 3);
    assert.ok(down.every((f) => f.severity === 'warning' && f.count === 10));
    assert.deepEqual(a.episodes.map((e) => e.kind), ['data-connection-problem']);
    assert.equal(a.episodes[0].advice.length, 1);
    assert.match(a.episodes[0].advice[0], /carried no traffic .* a data stall, not wrong settings/);
    assert.equal(a.episodes[0].host, 'OpenWrt');
  });
  it('the wired WAN or the LAN: nothing of the modem', () => {
    const a = analyzeText(stall('eth1', 0).join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(a.findings.filter((f) => f.severity !== 'info').map((f) => f.code), []);
    assert.deepEqual(a.episodes, []);
  });
});
