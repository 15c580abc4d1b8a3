import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { appendAtCuts } from './support/appends';

// journalctl's verbose and export outputs write an entry as a block of FIELD=value lines; each
// block is read as the record journald would have written as JSON (`-o json`).

const REF = Date.UTC(2024, 11, 4);
const ENTRIES = [
  { us: 1733169299123456n, fields: { _TRANSPORT: 'kernel', PRIORITY: '6', SYSLOG_FACILITY: '0', SYSLOG_IDENTIFIER: 'kernel', _HOSTNAME: 'router', _SOURCE_MONOTONIC_TIMESTAMP: '100123456', MESSAGE: 'usb 1-1: USB disconnect, device number 6' } },
  { us: 1733169419123456n, fields: { _TRANSPORT: 'kernel', PRIORITY: '6', SYSLOG_IDENTIFIER: 'kernel', _HOSTNAME: 'router', _SOURCE_MONOTONIC_TIMESTAMP: '220123456', MESSAGE: 'usb 1-1: new high-speed USB device number 7 using ehci-platform' } },
  { us: 1733169420000000n, fields: { PRIORITY: '4', SYSLOG_IDENTIFIER: 'ModemManager', _PID: '1534', _HOSTNAME: 'router', MESSAGE: '<warn>  [modem0] couldn\'t load operator code: Serial command timed out' } },
];
const cursor = (i: number, us: bigint) => `s=8f2c1e0a4b5d4e7f9a0b1c2d3e4f5a6b;i=${(i + 1).toString(16)};b=3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f;m=${(100 + i).toString(16)};t=${us.toString(16)};x=${(0xabc + i).toString(16)}`;
const asJson = ENTRIES.map((e) => JSON.stringify({ __REALTIME_TIMESTAMP: String(e.us), ...e.fields })).join('\n') + '\n';
const verbose = ENTRIES.map((e, i) => {
  // The printed stamp is in the machine's zone (here an hour ahead): the cursor's `t` is what counts.
  const d = new Date(Number(e.us / 1000n) + 3600_000);
  const stamp = `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]} ${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)}.${String(e.us % 1000000n).padStart(6, '0')} CET`;
  return [`${stamp} [${cursor(i, e.us)}]`, ...Object.entries(e.fields).map(([k, v]) => `    ${k}=${v}`)].join('\n');
}).join('\n') + '\n';
const exported = ENTRIES.map((e, i) => [`__CURSOR=${cursor(i, e.us)}`, `__REALTIME_TIMESTAMP=${e.us}`, '__MONOTONIC_TIMESTAMP=100123456', ...Object.entries(e.fields).map(([k, v]) => `${k}=${v}`), ''].join('\n')).join('\n');

const facts = (text: string) => {
  const a = analyzeText(text, { referenceTime: REF });
  return { findings: a.findings.map((f) => `${f.code}: ${f.message}`), events: a.events.map((e) => `${e.id} ${e.time} ${e.uptime}`), share: a.files[0].recognised.share };
};

describe('journalctl -o verbose and -o export', () => {
  it('reads each entry as the record journald writes as JSON: its time, the kernel\'s uptime, its program and level', () => {
    const want = facts(asJson);
    assert.ok(want.findings.some((f) => f.startsWith('usb-gap')) && want.events.length >= 2, JSON.stringify(want));
    assert.deepEqual(facts(verbose), want);
    assert.deepEqual(facts(exported), want);
  });

  it('places each record at the lines of its block, and says so once', () => {
    const a = analyzeText(verbose, { referenceTime: REF });
    const lines = verbose.split('\n');
    const gap = a.findings.find((f) => f.code === 'usb-gap')!;
    assert.match(lines[gap.line - 1], /^\w{3} 2024-12-02 .* \[s=/);
    assert.match(lines[gap.endLine - 1], /^ {4}MESSAGE=usb 1-1: new high-speed/);
    assert.equal(a.notices.filter((n) => /journalctl's verbose or export output/.test(n.message)).length, 1);
  });

  it('takes no FIELD=value line outside an entry, and an entry without a message is no record', () => {
    const shell = 'PATH=/usr/sbin:/usr/bin\nHOME=/root\n[  100.123456] usb 1-1: USB disconnect, device number 6\n';
    assert.equal(facts(shell).events.length, 1);
    assert.equal(analyzeText(shell, { referenceTime: REF }).notices.some((n) => /journalctl/.test(n.message)), false);
    const noMessage = verbose.split('\n').filter((l) => !l.includes('MESSAGE=')).join('\n');
    assert.equal(facts(noMessage).events.length, 0);
  });

  it('in the editor, gives after each append what a reading from scratch gives, an entry cut anywhere', async () => {
    for (const text of [verbose, exported]) {
      for (const cuts of [[5, 120, 121, 300], [text.indexOf('MESSAGE=') + 3, text.lastIndexOf('\n') - 1]]) {
        await appendAtCuts('file:///j.log', text, cuts, { referenceTime: REF }, (got, sofar, k) => {
          const want = analyzeText(sofar, { referenceTime: REF, path: 'file:///j.log' });
          assert.deepEqual(got.analysis.events.map((e) => [e.id, e.line, e.endLine, e.time]), want.events.map((e) => [e.id, e.line, e.endLine, e.time]), `cut at ${cuts.join(',')}, after ${k}`);
        });
      }
    }
  });
});
