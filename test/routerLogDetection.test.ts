import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { detectDecision, isRouterLog, sniff, SNIFF_LINES, type DetectInput } from '../client/src/routerLogDetection';

// A router log that VS Code opened as "Log" (any `*.log`) or plain text is switched to Router Log;
// nothing else ever is.
const ROOT = join(__dirname, '..');
const REAL = join(ROOT, 'test', 'fixtures', 'real');
const NOT_ROUTER = join(ROOT, 'test', 'fixtures', 'not-router');
const firstLines = (path: string): string[] => readFileSync(path, 'utf8').split('\n').slice(0, SNIFF_LINES);
const decide = (over: Partial<DetectInput>): ReturnType<typeof detectDecision> =>
  detectDecision({ languageId: 'log', scheme: 'file', setting: 'auto', firstLines: [], decidedBefore: false, ...over });

/**
 * Real logs the first lines cannot tell apart from other systems' logs: none now. FreeBSD's kernel
 * lines (032: `u3g0: detached`) are read with the device as the program, and their events are
 * found with the device's name put back before the message (EventMatcher.matchNew).
 */
const NOT_DETECTED = new Set<string>([]);

describe('router log detection: which documents opened as Log or plain text are router logs', () => {
  it('switches every real router log fixture opened as Log', () => {
    const logs = readdirSync(REAL).filter((f) => f.endsWith('.log'));
    assert.ok(logs.length >= 50, `${logs.length} real fixtures`);
    const missed = logs.filter((f) => !NOT_DETECTED.has(f) && decide({ firstLines: firstLines(join(REAL, f)) }) !== 'switch');
    assert.deepEqual(missed, [], 'real router logs left in the Log language');
    for (const f of NOT_DETECTED) assert.equal(decide({ firstLines: firstLines(join(REAL, f)) }), 'leave', `${f} is a known miss; move it out of NOT_DETECTED`);
  });

  it('switches the bundled RUT901 sample opened as plain text', () => {
    assert.equal(decide({ languageId: 'plaintext', firstLines: firstLines(join(ROOT, 'samples', 'rut901-modem-update-stuck.log')) }), 'switch');
  });

  it('never switches a file that is not a router log (npm-debug.log, app and web server logs, a desktop syslog, notes)', () => {
    const files = readdirSync(NOT_ROUTER);
    assert.ok(files.includes('npm-debug.log') && files.includes('notes.txt'));
    for (const f of files) {
      const lines = firstLines(join(NOT_ROUTER, f));
      assert.equal(decide({ firstLines: lines }), 'leave', `${f}: ${JSON.stringify(sniff(lines))}`);
      assert.equal(decide({ languageId: 'plaintext', firstLines: lines }), 'leave', f);
    }
  });

  it('leaves empty documents, single words and JSON alone', () => {
    assert.equal(decide({ firstLines: [] }), 'leave');
    assert.equal(decide({ firstLines: [''] }), 'leave');
    assert.equal(decide({ firstLines: ['hello'] }), 'leave');
    assert.equal(decide({ firstLines: ['{"level":"info","msg":"started","time":"2024-03-01T12:00:01Z"}', '{"level":"error","msg":"modem lost"}'] }), 'leave');
  });

  it('switches journald JSON that tells of a modem, and leaves a desktop\'s (its facility is a field there, not a router\'s shape)', () => {
    const mm = [0, 1, 2, 3].map((i) => JSON.stringify({ __REALTIME_TIMESTAMP: String(1733169299000000 + i * 1e6), SYSLOG_FACILITY: '3', SYSLOG_IDENTIFIER: 'ModemManager', _PID: '519', MESSAGE: `<info>  [modem0] state changed (registered -> connecting) ${i}` }));
    assert.equal(decide({ firstLines: mm }), 'switch');
    assert.equal(decide({ firstLines: firstLines(join(NOT_ROUTER, 'desktop-journal-json.log')) }), 'leave');
  });

  it('follows gsmlens.detectRouterLogs: auto switches, ask asks, off leaves', () => {
    const lines = firstLines(join(ROOT, 'samples', 'rut901-modem-update-stuck.log'));
    assert.equal(decide({ firstLines: lines, setting: 'auto' }), 'switch');
    assert.equal(decide({ firstLines: lines, setting: 'ask' }), 'ask');
    assert.equal(decide({ firstLines: lines, setting: 'off' }), 'leave');
  });

  it('touches only Log and plain text documents from files or untitled editors, once', () => {
    const lines = firstLines(join(ROOT, 'samples', 'rut901-modem-update-stuck.log'));
    assert.equal(decide({ firstLines: lines, languageId: 'routerlog' }), 'leave', 'already Router Log');
    assert.equal(decide({ firstLines: lines, languageId: 'markdown' }), 'leave', 'a language the user or VS Code chose for another reason');
    assert.equal(decide({ firstLines: lines, scheme: 'output' }), 'leave', 'an output channel');
    assert.equal(decide({ firstLines: lines, scheme: 'git' }), 'leave', 'a git view');
    assert.equal(decide({ firstLines: lines, scheme: 'untitled', languageId: 'plaintext' }), 'switch', 'a log pasted into an untitled editor');
    assert.equal(decide({ firstLines: lines, decidedBefore: true }), 'leave', 'switched back by the user');
  });

  it('reads the counts that decide', () => {
    const s = sniff(firstLines(join(ROOT, 'samples', 'rut901-modem-update-stuck.log')));
    assert.ok(s.content > 0 && s.routerShaped * 2 > s.content, JSON.stringify(s));
    assert.equal(isRouterLog({ content: 10, records: 10, routerShaped: 0, catalogued: 0, knownPrograms: 0 }), false, 'records alone (an application log)');
    assert.equal(isRouterLog({ content: 10, records: 10, routerShaped: 0, catalogued: 1, knownPrograms: 0 }), true, 'records and a catalogued event');
    assert.equal(isRouterLog({ content: 10, records: 10, routerShaped: 0, catalogued: 0, knownPrograms: 1 }), true, 'records from a program we know (pppd)');
    assert.equal(isRouterLog({ content: 10, records: 0, routerShaped: 0, catalogued: 2, knownPrograms: 0 }), true, 'a console paste with catalogued lines');
    assert.equal(isRouterLog({ content: 20, records: 0, routerShaped: 0, catalogued: 2, knownPrograms: 0 }), false, 'two catalogued lines in a long text');
  });
});
