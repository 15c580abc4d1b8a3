import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { LineParser } from '../server/src/core/records/lineParser';
import { mayLeadWithFields } from '../server/src/core/records/fieldLead';
import { FAST_READERS, newFastRead } from '../server/src/core/records/fastReaders';
import type { LogRecord } from '../server/src/core/model';

// An application's template writes its program and level as fields after the clock, each followed
// by one separator (records/fieldLead.ts). test/templates.test.ts re-tells every labelled log in
// these layouts; here, what must not be read so, and the fast lane's agreement with the parser.

const REF = Date.UTC(2024, 11, 4);
const SAMPLE = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8');

function parse(line: string): LogRecord {
  const r = new LineParser({ referenceYear: 2024 }).parse(line, 1);
  assert.ok(typeof r !== 'string', line);
  return r;
}

describe('a program and a level written as fields after the clock', () => {
  it('are read in any order and with any of the separators templates use', () => {
    const cases: [string, string, string | undefined][] = [
      ['2024-12-02 19:54:59,123 - gsmd - INFO - modem lost', 'gsmd', 'info'],
      ['2024-12-02 19:54:59 | gsmd | WARNING | modem lost', 'gsmd', 'warn'],
      ['2024-12-02 19:54:59 gsmd | modem lost', 'gsmd', undefined],
      ['2024-12-02 19:54:59 gsmd ERROR modem lost', 'gsmd', 'err'],
      ['2024-12-02 19:54:59 ERROR - gsmd - modem lost', 'gsmd', 'err'],
      ['2024-12-02 19:54:59 <gsmd> modem lost', 'gsmd', undefined],
      ['Dec  2 19:54:59 (netifd) Interface wan is down', 'netifd', undefined],
      // A program no table knows, beside a level word.
      ['2024-12-02 19:54:59 modem_watch - WARNING - modem lost', 'modem_watch', 'warn'],
      ['19:54:59 modem_watch DEBUG modem lost', 'modem_watch', 'debug'],
      // MikroTik RouterOS's `/log print`: its topics, the first the program, a level word among them.
      ['dec/02/2024 19:54:59 lte,error modem lost', 'lte', 'err'],
      ['dec/02 19:54:59 lte,info,debug modem lost', 'lte', 'info'],
    ];
    for (const [line, tag, level] of cases) {
      const r = parse(line);
      assert.equal(r.tag, tag, line);
      assert.equal(r.level, level, line);
      assert.equal(r.message, line.endsWith('modem lost') ? 'modem lost' : 'Interface wan is down', line);
    }
  });

  it('leave prose, a level word that opens a message, and envelopes as they are', () => {
    const cases: [string, string][] = [
      // A word no table knows, set apart without a level: a message's words.
      ['2024-12-02 19:54:59 Link - up on port 2', 'Link - up on port 2'],
      ['2024-12-02 19:54:59 uplink | wan', 'uplink | wan'],
      // A level word, then a capitalised word: the message starts there.
      ['2024-12-02 19:54:59 INFO Connection established', 'Connection established'],
      // A level word in lower case after a known program and a space is prose.
      ['2024-12-02 19:54:59 gsmd error opening port', 'gsmd error opening port'],
      // ModemManager's level in angle brackets is its envelope, not a program.
      ['2024-12-02 19:54:59 <info>  [modem0] state changed (registered -> connecting)', 'state changed (registered -> connecting)'],
      // A kernel device's name is no program's.
      ['2024-12-02 19:54:59 usb - 1-1 - gone', 'usb - 1-1 - gone'],
      // Words joined by commas without a level word among them are a message's.
      ['2024-12-02 19:54:59 foo,bar baz', 'foo,bar baz'],
    ];
    for (const [line, message] of cases) {
      const r = parse(line);
      assert.equal(r.tag === undefined || r.tag === 'ModemManager' ? undefined : r.tag, undefined, `${line}: tag ${r.tag}`);
      assert.equal(r.message, message, line);
    }
  });

  it('give the same reading in the fast lane as in the parser, for the sample written in each layout', () => {
    const layouts: ((tag: string, level: string) => string)[] = [
      (t, l) => `- ${t} - ${l.toUpperCase()} - `,
      (t, l) => `${t} | ${l.toUpperCase()} | `,
      (t) => `${t} | `,
      (t, l) => `${t} ${l.toUpperCase()} `,
      (t, l) => `${l.toUpperCase()} - ${t} - `,
      (t) => `<${t}> `,
    ];
    const clocks: ((d: Date) => string)[] = [
      (d) => d.toISOString().slice(0, 23).replace('T', ' ').replace('.', ','),
      (d) => `${['Nov', 'Dec'][d.getUTCMonth() - 10]} ${String(d.getUTCDate()).padStart(2)} ${d.toISOString().slice(11, 19)}`,
      // A facility and level before the fields: the fast lane's tagless syslog body must leave it.
      (d) => `${d.toISOString().slice(0, 19)}Z daemon.info`,
    ];
    const LOGREAD = /^\w{3} (\w{3}) +(\d+) (\d\d:\d\d:\d\d) (\d{4}) \w+\.(\w+) ([^:[ ]+)(?:\[\d+\])?: (.*)$/;
    let compared = 0;
    for (const layout of layouts) {
      for (const clock of clocks) {
        const once = SAMPLE.trimEnd().split('\n').map((line) => {
          const m = LOGREAD.exec(line);
          if (!m) return line;
          const d = new Date(`${m[1]} ${m[2]} ${m[4]} ${m[3]} UTC`);
          return `${clock(d)} ${layout(m[6], m[5])}${m[7]}`;
        }).join('\n');
        // Four times over: the fast lane reads past line 2,000 (eventCollector's FAST_LANE_AFTER).
        const text = [1, 2, 3, 4].map(() => once).join('\n');
        const full = analyzeText(text, { referenceTime: REF, fastLane: false });
        const fast = analyzeText(text, { referenceTime: REF });
        assert.deepEqual(fast, full);
        assert.ok(full.findings.length >= 10, `${full.findings.length} findings in ${text.split('\n')[40]}`);
        compared++;
      }
    }
    assert.equal(compared, 18);
  });

  it('are left by every fast reader to the parser, or read with the parser\'s program', () => {
    // Line by line (the analysis above can agree by luck: a catalogued line is parsed again).
    const clocks = ['2024-12-02 19:54:59,123', '2024-12-02T19:54:59Z', 'Dec  2 19:54:59', '19:54:59', '2024-12-02T19:54:59Z daemon.info', 'Dec  2 19:54:59 router', 'dec/02/2024 19:54:59', 'dec/02 19:54:59'];
    const leads = ['- gsmd - INFO - ', 'gsmd | INFO | ', 'gsmd | ', 'gsmd INFO ', 'INFO - gsmd - ', 'INFO gsmd ', '<gsmd> ', '(gsmd) ', 'modem_watch - WARNING - ', 'lte,error ', 'system,error,critical ', 'lte,info,debug '];
    const out = newFastRead();
    let read = 0;
    for (const clock of clocks) {
      for (const lead of leads) {
        const line = `${clock} ${lead}modem lost`;
        const r = new LineParser({ referenceYear: 2024 }).parse(line, 1) as LogRecord;
        if (r.tag !== undefined) read++;
        for (const reader of Object.values(FAST_READERS)) {
          if (reader!.read(line, 0, line.length, out)) assert.equal(out.tag || undefined, r.tag, `${reader!.format} read ${line}`);
        }
      }
    }
    assert.ok(read >= 70, `${read} lines read with their program`);
  });

  it('are asked for only where the cheap test says one may start', () => {
    // readFieldLead asks mayLeadWithFields first; the fast lane leaves a line where it says yes.
    for (const line of ['- gsmd - INFO - x', '| gsmd | x', 'gsmd | x', 'gsmd - x', 'gsmd INFO x', '<gsmd> x', '(gsmd) x', '{gsmd} x']) assert.ok(mayLeadWithFields(line, 0), line);
    for (const line of ['gsmd: x', 'gsmd[3553]: x', 'usb 1-1: USB disconnect', 'Interface wan is down', 'gsmd Info x']) assert.ok(!mayLeadWithFields(line, 0), line);
  });
});
