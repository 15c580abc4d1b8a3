import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { EVENT_BUDGET } from '../server/src/core/events/eventCollector';

// Memory must not grow with the number of catalogued lines (issue 13 item 2): past the budget,
// repeats are sampled and then dropped, the stories' own lines are kept, and the report says so.
describe('the event budget', () => {
  const line = (i: number): string => {
    const t = new Date(Date.UTC(2024, 11, 2, 10, 0, 0) + i * 100).toISOString().slice(11, 19);
    return `Mon Dec  2 ${t} 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to \`1-1 [2c7c:6005]\` modem failed: errno 5`;
  };
  const n = EVENT_BUDGET.cap + 20_000;
  const lines = Array.from({ length: n }, (_, i) => line(i));
  // The modem leaves the bus and is refused near the end: past the cap, yet the story needs them.
  lines.splice(n - 10, 0,
    'Mon Dec  2 11:59:50 2024 kern.info kernel: [ 7190.100000] usb 1-1: USB disconnect, device number 5',
    'Mon Dec  2 11:59:59 2024 daemon.info gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!');
  const a = analyzeText(lines.join('\n') + '\n', { referenceTime: Date.UTC(2025, 0, 1) });

  it('keeps at most the cap of events however many lines are catalogued', () => {
    assert.ok(a.events.length <= EVENT_BUDGET.cap + 2, `${a.events.length} events kept`);
  });

  it('says in the notices that a budget was reached and that counts are lower bounds', () => {
    const notice = a.notices.find((x) => /more catalogued lines than GSM Log Lens keeps in memory/.test(x.message));
    assert.ok(notice);
    assert.match(notice!.message, /lower bounds/);
  });

  it('still tells the story whose lines come after the cap', () => {
    assert.ok(a.findings.some((f) => f.code === 'modem-duplicate-registration'), a.findings.map((f) => f.code).join());
  });
});
