import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';
import { HELD_DOCUMENT_CHARS, HELD_DOCUMENT_LINES, openJsonDocument } from '../server/src/core/records/jsonDocument';
import { appendAtCuts } from './support/appends';

// A JSON document written over many lines (journalctl -o json-pretty, an aggregator's export or
// answer saved pretty) is held until it closes and its records are read; anything that only
// starts like JSON is read as the lines it is.

const REF = Date.UTC(2024, 11, 4);
const RECORDS = [
  { '@timestamp': '2024-12-02T19:54:59.123Z', host: 'router', program: 'kernel', message: 'usb 1-1: USB disconnect, device number 6' },
  { '@timestamp': '2024-12-02T19:56:59.123Z', host: 'router', program: 'kernel', message: 'usb 1-1: new high-speed USB device number 7 using ehci-platform' },
];
const AS_LINES = RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n';
const analyze = (text: string) => analyzeText(text, { referenceTime: REF });
const facts = (text: string) => {
  const a = analyze(text);
  return { findings: a.findings.map((f) => `${f.code}: ${f.message}`), events: a.events.map((e) => `${e.id} ${e.time}`) };
};

describe('a JSON document written over many lines', () => {
  it('reads the records of an export (an array), of a search answer and of journald\'s objects as the same records one per line', () => {
    const want = facts(AS_LINES);
    assert.ok(want.findings.some((f) => f.startsWith('usb-gap')) && want.events.length === 2);
    const answer = { took: 3, hits: { total: { value: 2 }, hits: RECORDS.map((r, i) => ({ _index: 'logs', _id: String(i), _source: r })) } };
    for (const text of [JSON.stringify(RECORDS, null, 2), JSON.stringify(answer, null, 4), RECORDS.map((r) => JSON.stringify(r, null, '\t')).join('\n')]) {
      assert.deepEqual(facts(`${text}\n`), want, text.slice(0, 80));
    }
  });

  it('places each record at the lines of its object, and counts the document as read', () => {
    const text = `${JSON.stringify(RECORDS, null, 2)}\n`;
    const a = analyze(text);
    const lines = text.split('\n');
    const gap = a.findings.find((f) => f.code === 'usb-gap')!;
    // The first object opens on line 2 (`  {`) and the second closes on the line before `]`.
    assert.equal(lines[gap.line - 1].trim(), '{');
    assert.equal(lines[gap.endLine - 1].trim(), '}');
    assert.equal(a.files[0].recognised.share, 1);
    assert.ok(a.notices.some((n) => /JSON document written over many lines/.test(n.message) && n.line === 1));
  });

  it('reads what only starts like JSON as the lines it is: a dmesg line, a shell block, a document cut short, one with no message', () => {
    const dmesg = '[  100.123456] usb 1-1: USB disconnect, device number 6\n[  220.123456] usb 1-1: new high-speed USB device number 7 using ehci-platform\n';
    const cases = [
      dmesg,
      `{\n  echo hello\n}\n${dmesg}`,
      `[\n{"oops" : 1}\n${dmesg}`,
      `${JSON.stringify({ config: { interfaces: ['wan', 'mob1s1a1'], mtu: 1500 } }, null, 2)}\n${dmesg}`,
    ];
    for (const text of cases) {
      const a = analyze(text);
      assert.ok(a.findings.some((f) => f.code === 'usb-gap'), text);
      assert.equal(a.notices.some((n) => /JSON document/.test(n.message)), false, text);
    }
    // Cut short, the held lines are read as lines: not read as a log, and said so.
    const cut = JSON.stringify(RECORDS, null, 2).split('\n').slice(0, 5).join('\n');
    assert.deepEqual(analyze(cut).findings.map((f) => f.code), ['input-problem']);
    assert.equal(analyze(cut).files[0].lines, 5);
  });

  it('checks JSON\'s grammar as the lines come, so a stray bracket is told at once', () => {
    assert.equal(openJsonDocument('[  100.123456] usb 1-1: USB disconnect', 1), undefined);
    assert.equal(openJsonDocument('{ echo hello', 1), undefined);
    assert.equal(openJsonDocument('{"a": 1}', 1), undefined, 'a whole document on one line is a JSON line');
    const doc = openJsonDocument('[', 1)!;
    assert.equal(doc.push('  {"a" : 1,', 2), 'open');
    assert.equal(doc.push('   "b" : [true, null, -1.5e3]', 3), 'open');
    assert.equal(doc.push('  }', 4), 'open');
    assert.equal(doc.push(']', 5), 'closed');
    const bad = openJsonDocument('{', 1)!;
    assert.equal(bad.push('  "a" : 1 "b" : 2', 2), 'broken', 'a missing comma');
    const unclosed = openJsonDocument('{', 1)!;
    assert.equal(unclosed.push('  "a" : "no end', 2), 'open');
    assert.equal(unclosed.push('here", "b" : 1}', 3), 'broken', 'a string goes on past its line only where a wrap may have cut it (a long line)');
  });

  it('reads a JSON line wrapped inside its strings and numbers, by a terminal or a mail', () => {
    const line = JSON.stringify({ __REALTIME_TIMESTAMP: '1733169299000000', _HOSTNAME: 'router', SYSLOG_IDENTIFIER: 'gsmd', _PID: '3553', MESSAGE: '[__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!' });
    const whole = analyze(`${line}
`);
    const event = (a: Analysis): string[] => a.events.map((e) => `${e.line} ${e.id} ${e.fields.usbPath}`);
    assert.equal(event(whole).length, 1);
    // A terminal cuts every 80 characters, inside words and numbers; a mail wraps at a space and may indent.
    const terminal = line.match(/.{1,80}/g)!.join('\n');
    assert.ok(/\d\n\d/.test(terminal) || /[a-z]\n[a-z]/i.test(terminal), 'cut inside a word or number');
    const mail = line.replace(/(.{1,70})( |$)/g, (_, part: string, space: string) => (space ? `${part}\n    ` : part));
    for (const [how, text] of [['terminal', terminal], ['mail', mail]]) {
      const a = analyze(`${text}\n`);
      assert.deepEqual(event(a), event(whole), how);
      assert.equal(a.events[0].text.includes('already exists and is registered!'), true, how);
      assert.ok(a.notices.some((n) => /JSON documents? written over many lines/.test(n.message)), how);
    }
  });

  it('reads a document bigger than it holds as lines up to that, then an object at a time', () => {
    const chatter = Array.from({ length: Math.ceil(HELD_DOCUMENT_CHARS / 150) + 2000 }, (_, i) => ({ '@timestamp': new Date(Date.UTC(2024, 11, 2, 19) + i * 10).toISOString(), host: 'router', program: 'dnsmasq-dhcp', message: `DHCPACK(br-lan) 192.168.1.${i % 250} f0:2f:74:1c:33:8a laptop` }));
    const text = `${JSON.stringify([...chatter, ...RECORDS], null, 1)}\n`;
    assert.ok(text.length > HELD_DOCUMENT_CHARS);
    const a = analyze(text);
    const held = a.notices.find((n) => /JSON documents? written over many lines/.test(n.message));
    // The objects after the first 8 MiB are documents of their own: read with their times.
    assert.ok(held && held.line! > HELD_DOCUMENT_CHARS / 200, held?.message);
    const gap = a.findings.find((f) => f.code === 'usb-gap');
    assert.match(gap?.message ?? '', /at 19:54:59 and was back at 19:56:59, 2 min later/);
  });

  it('holds no more than its bound of lines that never close (a bracket a line)', () => {
    const text = '[\n'.repeat(HELD_DOCUMENT_LINES + 10) + '[  100.123456] usb 1-1: USB disconnect, device number 6\n';
    const a = analyze(text);
    assert.equal(a.files[0].lines, HELD_DOCUMENT_LINES + 11);
    assert.ok(a.events.some((e) => e.id === 'usb.disconnect' && e.line === HELD_DOCUMENT_LINES + 11));
  });

  it('in the editor, a line inside an object is its record\'s: the hover and the lenses find its event there', async () => {
    const text = `${JSON.stringify(RECORDS, null, 2)}\n`;
    const lines = text.split('\n');
    const message = lines.findIndex((l) => l.includes('USB disconnect')) + 1;
    await appendAtCuts('file:///x.json', text, [], { referenceTime: REF }, (got) => {
      assert.equal(got.eventAt(message)?.id, 'usb.disconnect');
      assert.equal(got.eventAt(message - 3)?.id, 'usb.disconnect', 'a line of the object above its message');
      assert.equal(got.eventAt(1), undefined, 'the array\'s `[` is no record\'s');
    });
  });

  it('in the editor, gives after each append what a reading from scratch gives, the document cut anywhere', async () => {
    const text = `${RECORDS.concat(RECORDS.map((r) => ({ ...r, '@timestamp': r['@timestamp'].replace('19:5', '20:5') }))).map((r) => JSON.stringify(r, null, '\t')).join('\n')}\n`;
    for (const cuts of [[10, 200, 201, 420], [1, 2, 3, 4, 5, 6, 7, 8, 9], [text.length - 3]]) {
      await appendAtCuts('file:///x.json', text, cuts, { referenceTime: REF }, (got, sofar, k) => {
        const want = analyzeText(sofar, { referenceTime: REF, path: 'file:///x.json' });
        assert.deepEqual(got.findings.map((f) => [f.code, f.line, f.endLine, f.message]), want.findings.map((f) => [f.code, f.line, f.endLine, f.message]), `cut at ${cuts.join(',')}, after ${k}`);
      });
    }
  });
});
