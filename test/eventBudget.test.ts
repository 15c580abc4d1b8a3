import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText, FileAnalysis } from '../server/src/core/analyze';
import { EVENT_BUDGET, STATE_BUDGET } from '../server/src/core/events/eventCollector';

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

// Issue 11 "bounded state by design": what a file keeps besides events (boots, clock jumps,
// troubleshoot sections, clock offsets per boot) must not grow with hostile input either. A log
// whose uptime starts again on every other line used 298 MB and 37 s for 3M lines; one whose
// clock swings on every line, 1.9 GB.
describe('the state budget', () => {
  const REF = Date.UTC(2025, 0, 1);
  const read = (lines: string[]) => {
    const f = new FileAnalysis(0, 'hostile.log', REF);
    f.splitter.pushText(lines.join('\n') + '\n');
    return f.finish();
  };
  const n = 2 * STATE_BUDGET.boots + 2 * STATE_BUDGET.clockJumps + 100;

  it('keeps at most its budget of boots however often the uptime starts again, and says so', () => {
    const lines = Array.from({ length: n }, (_, i) => `Mon Dec  2 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} 2024 kern.info kernel: [    ${i % 2 ? '9' : '1'}.000000] br-lan: port 2(eth0.1) entered forwarding state`);
    const file = read(lines);
    assert.equal(file.summary.segments, Math.floor((n - 1) / 2) + 1, 'every boot is still counted');
    assert.ok(file.segmentStarts.length <= STATE_BUDGET.boots, `${file.segmentStarts.length} boot starts kept`);
    assert.ok(file.segmentOffsets.size <= STATE_BUDGET.boots + 1, `${file.segmentOffsets.size} clock offsets kept`);
    assert.ok(file.notices.some((x) => /boots/.test(x.message) && /budget|kept|first/.test(x.message)), file.notices.map((x) => x.message).join('\n'));
  });

  it('keeps at most its budget of clock jumps however often the clock swings, and says so', () => {
    const lines = Array.from({ length: n }, (_, i) => `Mon Dec  2 ${i % 2 ? '10' : '22'}:00:${String(i % 60).padStart(2, '0')} 2024 daemon.info dnsmasq[1]: query[A] example.com from 192.168.1.2`);
    const file = read(lines);
    assert.ok(file.clockJumps.length <= STATE_BUDGET.clockJumps, `${file.clockJumps.length} clock jumps kept`);
    assert.ok(file.notices.some((x) => /clock jump/.test(x.message)), file.notices.map((x) => x.message).join('\n'));
    const a = analyzeText(lines.join('\n'), { referenceTime: REF });
    assert.ok(a.findings.filter((f) => f.code === 'clock-jump').length <= STATE_BUDGET.clockJumps);
  });

  it('keeps at most its budget of troubleshoot sections, and still counts the lines right', () => {
    const lines: string[] = [];
    for (let i = 0; i < STATE_BUDGET.sections + 500; i++) lines.push(`[Section${i}]`, 'Mon Dec  2 10:00:00 2024 daemon.info dnsmasq[1]: query[A] example.com from 192.168.1.2');
    const file = read(lines);
    assert.ok(file.sections.length <= STATE_BUDGET.sections, `${file.sections.length} sections kept`);
    assert.equal(file.summary.recognised.content, STATE_BUDGET.sections + 500, 'section headers are not content, kept or not');
    assert.ok(file.notices.some((x) => /sections/.test(x.message)), file.notices.map((x) => x.message).join('\n'));
  });
});
