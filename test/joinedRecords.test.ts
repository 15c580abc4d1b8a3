import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { htmlText, joinsOf, unescapeString, unjoinRecords } from '../server/src/core/formats/joinedRecords';
import { startsHeaderedRecord, startsTimedRecord } from '../server/src/core/records/lineParser';
import { DocumentAnalysis } from '../server/src/lsp/documentAnalysis';
import { LogDocument } from '../server/src/lsp/logDocument';
import { readJsonLine } from '../server/src/core/formats/jsonLines';

// A log pasted inside another text: a JSON string, a JSON object's message, a page's HTML. Its
// records are joined into one line by `\n` escapes or `<br>`; they are read as the lines they were.

const REF = Date.UTC(2024, 11, 4);
const JOINS = joinsOf(startsTimedRecord, startsHeaderedRecord);
const LINES = [
  'Mon Dec  2 19:54:59 2024 kern.info kernel: [  100.123456] usb 1-1: USB disconnect, device number 6',
  'Mon Dec  2 19:56:59 2024 kern.info kernel: [  220.123456] usb 1-1: new high-speed USB device number 7 using ehci-platform',
  'Mon Dec  2 19:57:01 2024 daemon.info ModemManager[1534]: <info>  [modem0] state changed (registered -> connected)',
];
const PLAIN = `${LINES.join('\n')}\n`;
const CLI = join(__dirname, '..', 'out', 'cli.js');

const shown = (text: string) => {
  const a = analyzeText(text, { referenceTime: REF });
  return { findings: a.findings.map((f) => `${f.code}: ${f.message}`), events: a.events.map((e) => `${e.id} ${e.time}`) };
};

describe('records joined into one line', () => {
  it('takes every join\'s samples apart into lines that each are a timed record', () => {
    for (const j of JOINS) {
      assert.ok(j.samples.length > 0, j.id);
      for (const sample of j.samples) {
        const got = unjoinRecords(sample, JOINS);
        assert.equal(got?.join.id, j.id, sample);
        const records = got!.lines.filter((l) => l.trim() !== '');
        // A line of the log with its clock, or a JSON line with one.
        assert.ok(records.length >= 2 && records.every((l) => startsTimedRecord(l) || readJsonLine(l)?.time !== undefined), records.join(' | '));
      }
    }
  });

  for (const [name, text] of [
    ['a JSON string', `${JSON.stringify(PLAIN)}\n`],
    ['a JSON object\'s message', `${JSON.stringify({ ts: '2024-12-02T20:00:00Z', source: 'router', log: PLAIN })}\n`],
    ['a Python string in a program\'s output', `log = '${PLAIN.replace(/\n/g, '\\n')}'\n`],
    ['CRLF escapes', `"${LINES.join('\\r\\n')}"\n`],
    ['HTML on one line', `<pre>${LINES.map((l) => l.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/ {2}/g, ' &nbsp;')).join('<br/>')}</pre>\n`],
    ['HTML with its line breaks kept', LINES.map((l) => `${l.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/ {2}/g, '&nbsp; ')}<BR>`).join('\n')],
  ] as const) {
    it(`reads a log in ${name} as the log itself: the same events at the same times, the same findings`, () => {
      const plain = shown(PLAIN);
      assert.ok(plain.findings.some((f) => f.startsWith('usb-gap')), 'the plain log has a finding to keep');
      assert.deepEqual(shown(text), plain);
    });
  }

  it('tells the sample\'s story in the same words on one line, but for the line numbers', () => {
    // The first 400 lines: one line of them as a JSON string stays under the 64 KiB line bound.
    const sample = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8').split('\n').slice(0, 400).join('\n');
    const told = (text: string) => {
      const a = analyzeText(text, { referenceTime: REF });
      // Line numbers and the count of lines a silence spans are the file's, not the story's.
      const words = (s: string) => s.replace(/ \(\d+ lines\)/g, '');
      return { stories: a.episodes.map((e) => [e.verdictLabel, e.confidence, words(e.summary), e.steps.map((st) => words(st.text))]), findings: a.findings.map((f) => `${f.code}: ${words(f.message)}`).sort() };
    };
    const plain = told(`${sample}\n`);
    assert.ok(plain.stories.length > 0 && String(plain.stories[0][2]).startsWith('gsmd lost Quectel EC200A'));
    assert.deepEqual(told(`${JSON.stringify(sample)}\n`), plain);
  });

  it('reads a quoted string of lines without clocks (a shell session) as its lines, and counts them for the share read', () => {
    for (const name of ['046-openwrt-cm4-em7565-fwdwl-lite-qdl-download-failed.log', '052-rutx14-eg12-stuck-edl-lsusb-9008.log', '029-lede-zte-mf831-ppp-hangup-comgt-write-error-notimestamps.log']) {
      const text = readFileSync(join(__dirname, 'fixtures', 'real', name), 'utf8');
      const codes = (t: string) => analyzeText(t, { referenceTime: REF }).findings.map((f) => f.code).sort();
      assert.ok(codes(text).length > 0, name);
      assert.deepEqual(codes(`${JSON.stringify(text)}\n`), codes(text), name);
    }
    // 046 is mostly a tool's own output: one line of it is no log read whole.
    const tool = readFileSync(join(__dirname, 'fixtures', 'real', '046-openwrt-cm4-em7565-fwdwl-lite-qdl-download-failed.log'), 'utf8');
    const share = (t: string) => analyzeText(t, { referenceTime: REF }).files[0].recognised.share;
    assert.equal(share(`${JSON.stringify(tool)}\n`), share(tool));
  });

  // A shell's `echo $(logread)`, a one-line form or chat: the line breaks became spaces.
  const MORE = [
    ...LINES,
    'Mon Dec  2 19:57:01 2024 kern.info kernel: [  222.523456] usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18',
    'Mon Dec  2 19:57:02 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:0125]` modem failed: errno 5',
  ];
  for (const [name, text] of [
    ['one line whose line breaks became spaces', `${MORE.join(' ')}\n`],
    ['one line after a shell prompt', `root@RUT901:~# echo $(logread) ${MORE.join(' ')}\n`],
  ] as const) {
    it(`reads ${name} as the log itself: the same events at the same times, the same findings`, () => {
      const plain = analyzeText(`${MORE.join('\n')}\n`, { referenceTime: REF });
      const joined = analyzeText(text, { referenceTime: REF });
      assert.ok(plain.findings.length > 0);
      const events = (a: typeof plain) => [...new Set(a.events.map((e) => `${e.id} ${e.time}`))];
      assert.deepEqual(events(joined), events(plain));
      assert.deepEqual(joined.findings.map((f) => f.code).sort(), plain.findings.map((f) => f.code).sort());
      assert.ok(joined.notices.some((n) => /line breaks became spaces/.test(n.message)), joined.notices.map((n) => n.message).join('\n'));
    });
  }

  it('leaves a long record whose message quotes dates as one record', () => {
    const quoting = `Mon Dec  2 19:54:59 2024 daemon.info sysupgrade[3553]: image built Mon Nov 25 09:42:11 2024 by tltbuild, running image built Mon Oct 21 10:00:00 2024, last checked Mon Dec  2 19:00:00 2024; ${'x'.repeat(300)}`;
    assert.equal(unjoinRecords(quoting, JOINS), undefined);
    // A kernel's version line holds its build date: one record, not two.
    const version = `Mon Dec  2 19:49:46 2024 kern.notice kernel: [    0.000000] Linux version 5.4.284 (tltbuild@teltonika) (gcc version 8.4.0) #0 Mon Nov 25 09:42:11 2024 ${MORE.join(' ')}`;
    const lines = unjoinRecords(version, JOINS)!.lines;
    assert.match(lines[0], /#0 Mon Nov 25 09:42:11 2024$/);
    assert.equal(lines.length, MORE.length + 1);
  });

  it('says so in a notice that names the line', () => {
    const a = analyzeText(`first line of a ticket\n${JSON.stringify(PLAIN)}\n`, { referenceTime: REF });
    const notice = a.notices.find((n) => /log lines inside a quoted string/.test(n.message));
    assert.ok(notice, a.notices.map((n) => n.message).join('\n'));
    assert.equal(notice.line, 2);
    assert.ok(a.events.every((e) => e.line === 2));
  });

  it('leaves a record whose message holds an escape of its own as it is', () => {
    for (const line of [
      'Mon Dec  2 19:54:59 2024 daemon.debug gsmd[3553]: [at_send:312] AT+CSQ\\r\\n sent, waiting for OK\\r\\n',
      'Mon Dec  2 19:54:59 2024 user.info uhttpd[1200]: GET /cgi-bin/luci/?a=1&b=2&amp;c=3 from C:\\new\\files',
      '{"MESSAGE":"line one\\nline two","SYSLOG_IDENTIFIER":"gsmd","__REALTIME_TIMESTAMP":"1733169299000000"}',
    ]) {
      assert.equal(unjoinRecords(line, JOINS), undefined, line);
      const a = analyzeText(`${line}\n`, { referenceTime: REF });
      assert.equal(a.notices.some((n) => /log lines inside/.test(n.message)), false, line);
    }
  });

  it('reads lines of nothing but the marks it looks for, at the line bound, as lines (no search from every mark)', () => {
    for (const mark of ['&', '&a', '"', '\\n"', '<br>', '{"a":[', '[']) {
      const line = mark.repeat(Math.floor(65536 / mark.length));
      const a = analyzeText(`${line}\n${line}\n${LINES[0]}\n`, { referenceTime: REF });
      assert.equal(a.files[0].lines, 3, mark);
      assert.ok(a.events.some((e) => e.id === 'usb.disconnect' && e.line === 3), mark);
    }
  });

  // A hang guard, not a speed figure: searched again from every line, the text before a piece's
  // only mark was read once per line (quadratic: an editor's document is one piece).
  it('searches a long text for marks once, not from every line: a document whose only `&` is in its last line', { timeout: 60_000 }, async () => {
    const chatter = Array.from({ length: 150_000 }, (_, i) => `Mon Dec  2 19:${String(Math.floor(i / 3000) % 60).padStart(2, '0')}:${String(Math.floor(i / 50) % 60).padStart(2, '0')} 2024 daemon.info dnsmasq[1]: query[A] host${i}.lan from 192.168.1.2`).join('\n');
    const text = `${chatter}\n${PLAIN}GET /cgi-bin/luci?a=1&amp;b=2\n`;
    const doc = LogDocument.create('file:///big.log', 'routerlog', 1, text);
    const result = await new DocumentAnalysis(doc, { referenceTime: REF }).result();
    assert.ok(result.findings.some((f) => f.code === 'usb-gap'));
  });

  it('undoes a string literal\'s escapes, and only those', () => {
    assert.equal(unescapeString('a\\nb\\tc\\"d\\\\ne\\u00e9\\x41\\q'), 'a\nb\tc"d\\neéA\\q');
  });

  it('reads HTML\'s entities and drops its markup, but keeps what only looks like a tag in a log', () => {
    assert.equal(htmlText('<span class="x">Mon Dec &nbsp;2</span> &lt;info&gt; &#91;1&#x5d; &amp;&bogus;'), 'Mon Dec  2 <info> [1] &&bogus;');
    assert.equal(htmlText('ModemManager[1]: <info>  [modem0] <3> raw'), 'ModemManager[1]: <info>  [modem0] <3> raw');
  });
});

describe('gsmlens diagnose on a log pasted inside a JSON string', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gsmlens-joined-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the findings of the plain log, and the notice', () => {
    const sample = readFileSync(join(__dirname, 'fixtures', 'real', '001-rutx14-dmesg-modem-usb-reenumerate.log'), 'utf8');
    writeFileSync(join(dir, 'plain.log'), sample);
    writeFileSync(join(dir, 'ticket.json'), `${JSON.stringify({ id: 4711, attachment: sample })}\n`);
    const run = (f: string) => JSON.parse(execFileSync(process.execPath, [CLI, 'diagnose', '--json', join(dir, f)], { encoding: 'utf8' }));
    const plain = run('plain.log');
    const pasted = run('ticket.json');
    const codes = (j: { findings: { code: string }[] }) => j.findings.map((f) => f.code).sort();
    assert.ok(plain.findings.length > 0);
    assert.deepEqual(codes(pasted), codes(plain));
    assert.deepEqual(pasted.episodes.map((e: { verdict: string }) => e.verdict), plain.episodes.map((e: { verdict: string }) => e.verdict));
    // `attachment` is no key JSON_FIELDS knows for a message: the object is read as the string it holds.
    assert.ok(pasted.notices.some((n: { message: string }) => /log lines inside a quoted string/.test(n.message)));
  });
});
