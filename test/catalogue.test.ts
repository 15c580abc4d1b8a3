import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUE } from '../server/src/core/catalogue/index';
import { SOURCES } from '../server/src/core/catalogue/sources';
import { ENRICHMENTS } from '../server/src/core/events/describeEvent';
import { EventMatcher } from '../server/src/core/events/eventMatcher';
import { ENVELOPES } from '../server/src/core/formats/envelopes';
import { LineParser } from '../server/src/core/records/lineParser';
import type { LogRecord } from '../server/src/core/model';
import { levelRank } from '../server/src/core/records/levels';

const matcher = new EventMatcher(CATALOGUE);

/** Whether a message holds the literal of an entry (one of them, for an entry with alternatives), in any ASCII case for a pattern that ignores case. */
const containsLiteral = (message: string, literal: string | readonly string[], folds = false): boolean => {
  const lower = (s: string): string => (folds ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s);
  return (typeof literal === 'string' ? [literal] : literal).some((l) => lower(message).includes(lower(l)));
};

function matchLine(line: string): string | undefined {
  const parsed = new LineParser({ referenceYear: 2024 }).parse(line, 1);
  if (typeof parsed === 'string') return undefined;
  return (matcher.match(parsed) ?? (parsed.format === 'stripped' && parsed.tag && parsed.pid === undefined ? matcher.match({ ...parsed, tag: undefined, message: `${parsed.tag}: ${parsed.message}` }) : undefined) ?? matcher.matchFallback(parsed))?.entry.id;
}

/** Fields the format layer fills from envelopes (`iface` of netifd, `mmObject` of ModemManager). */
const ENVELOPE_FIELDS = new Set(ENVELOPES.flatMap((e) => [...e.pattern.source.matchAll(/\(\?<(\w+)>/g)].map((m) => m[1])));

describe('event catalogue', () => {
  // Entries that read a program's words alone join the screen of every program's lines: a literal
  // under six characters is searched alone on each of them (LiteralScreen's SHORT), and `EBUSY`
  // made an application's log 1.3 times slower to read.
  // The same for an entry of any program (no tags): a blind probe's `<<RDY` made every log 5% slower.
  it('gives the entries of words alone, and those of any program, no literal under six characters', () => {
    const short = CATALOGUE.filter((e) => e.wordsAlone || !e.tags).flatMap((e) => [e.literal].flat().filter((l) => l.length < 6).map((l) => `${e.id}: ${l}`));
    assert.deepEqual(short, []);
  });

  it('has unique ids', () => {
    const seen = new Set<string>();
    for (const e of CATALOGUE) {
      assert.ok(!seen.has(e.id), `duplicate id ${e.id}`);
      seen.add(e.id);
    }
  });

  for (const entry of CATALOGUE) {
    describe(entry.id, () => {
      it('matches each of its own samples (and no earlier entry steals them)', () => {
        assert.ok(entry.samples.length > 0, 'an entry needs at least one sample line');
        for (const sample of entry.samples) assert.equal(matchLine(sample), entry.id, `sample: ${sample}`);
      });
      it(entry.fallbackLevel ? `a catch-all: each sample is at ${entry.fallbackLevel} or worse` : 'names a literal that each sample contains', () => {
        for (const sample of entry.samples) {
          const parsed = new LineParser({ referenceYear: 2024 }).parse(sample, 1);
          if (entry.fallbackLevel) {
            assert.ok(typeof parsed !== 'string' && parsed.level !== undefined && levelRank(parsed.level) <= levelRank(entry.fallbackLevel), `level of: ${sample}`);
            continue;
          }
          assert.ok(typeof parsed !== 'string' && (containsLiteral(parsed.message, entry.literal, entry.pattern.flags.includes('i')) || containsLiteral(`${parsed.tag}: ${parsed.message}`, entry.literal, entry.pattern.flags.includes('i'))), `literal missing from: ${sample}`);
        }
      });
      it('does not match its counter-samples', () => {
        for (const sample of entry.counterSamples ?? []) assert.notEqual(matchLine(sample), entry.id, `counter-sample: ${sample}`);
      });
      it('cites known sources and explains itself', () => {
        assert.ok(entry.sources.length > 0, 'every entry cites a source');
        for (const s of entry.sources) assert.ok(SOURCES[s], `unknown source tag ${s}`);
        assert.ok(entry.explanation.length >= 40, 'explanation is a sentence a person can use');
      });
      it('only uses placeholders it can fill', () => {
        const groups = new Set<string>();
        for (const m of entry.pattern.source.matchAll(/\(\?<(\w+)>/g)) groups.add(m[1]);
        for (const m of entry.summary.matchAll(/\{(\w+)\}/g)) {
          // A catch-all's match names the program (EventMatcher.matchFallback).
          assert.ok(groups.has(m[1]) || ENVELOPE_FIELDS.has(m[1]) || m[1] in ENRICHMENTS || m[1] === 'message' || (entry.fallbackLevel !== undefined && m[1] === 'program'), `placeholder {${m[1]}} has no capture group`);
        }
        assert.ok(entry.pattern.source.length < 1000);
      });
    });
  }
});

describe('the matcher remembers messages it matched lately (a flood repeats a few)', () => {
  const record = (message: string, extra: Partial<LogRecord> = {}): LogRecord => ({ line: 1, endLine: 1, format: 'logread', message, ...extra });

  it('gives a repeated line the same entry and fields, each time a copy of its own', () => {
    const m = new EventMatcher(CATALOGUE);
    const line = record('[CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5', { tag: 'gsmd' });
    const first = m.match(line)!;
    assert.ok(first, 'a gsmd write failure is catalogued');
    first.fields.errno = 'changed by a caller';
    const second = m.match(line)!;
    assert.equal(second.entry.id, first.entry.id);
    assert.equal(second.fields.errno, '5');
    assert.notEqual(second.fields, m.match(line)!.fields);
    // A message no entry knows is remembered as such, and stays unknown.
    assert.equal(m.match(record('nothing to see', { tag: 'gsmd' })), undefined);
    assert.equal(m.match(record('nothing to see', { tag: 'gsmd' })), undefined);
  });

  it('tells the same message apart by its tag and by the envelope fields an entry needs or forbids', () => {
    const m = new EventMatcher(CATALOGUE);
    const message = 'SIM in illegal state - Power-cycling SIM';
    // Without netifd's `iface (pid): ` envelope the entry that needs it does not match, with it it does, in either order.
    const bare = m.match(record(message, { tag: 'netifd' }))?.entry.id;
    assert.equal(m.match(record(message, { tag: 'netifd', envelope: { iface: 'lte' } }))?.entry.id, 'uqmi.sim-illegal');
    assert.equal(m.match(record(message, { tag: 'netifd' }))?.entry.id, bare);
    assert.notEqual(bare, 'uqmi.sim-illegal');
    // Lines with envelope fields are remembered too, by which fields they carry.
    assert.equal(m.match(record(message, { tag: 'netifd', envelope: { iface: 'wwan' } }))?.entry.id, 'uqmi.sim-illegal');
    assert.equal(m.match(record(message, { tag: 'netifd', envelope: { mmObject: 'modem0' } }))?.entry.id, bare);
    const failed = 'Command failed: Connection failed';
    assert.equal(m.match(record(failed, { tag: 'dfota' }))?.entry.id, 'dfota.ubus-failed');
    assert.notEqual(m.match(record(failed, { tag: 'dfota', envelope: { iface: 'wan' } }))?.entry.id, 'dfota.ubus-failed');
    // Another tag, another answer: gsmd's entries are not asked for a dnsmasq line.
    const gsmdLine = '[CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5';
    assert.ok(m.match(record(gsmdLine, { tag: 'gsmd' })));
    assert.equal(m.match(record(gsmdLine, { tag: 'dnsmasq' }))?.entry.id, new EventMatcher(CATALOGUE).match(record(gsmdLine, { tag: 'dnsmasq' }))?.entry.id);
    assert.notEqual(m.match(record(gsmdLine, { tag: 'dnsmasq' }))?.entry.id, m.match(record(gsmdLine, { tag: 'gsmd' }))?.entry.id);
  });

  it('answers as before once a log has shown more programs than it remembers', () => {
    // A log whose programs carry a number in their name (a worker per job): 5,000 tags.
    const full = new EventMatcher(CATALOGUE);
    for (let i = 0; i < 5000; i++) full.match(record(`starting job ${i}`, { tag: `worker${i}` }));
    const fresh = new EventMatcher(CATALOGUE);
    const parser = new LineParser({ referenceYear: 2024 });
    for (const entry of CATALOGUE) {
      for (const sample of entry.samples) {
        const parsed = parser.parse(sample, 1);
        if (typeof parsed === 'string') continue;
        // Its own tag, the same in capitals, a program no entry concerns (any case), one no entry knows, none.
        for (const tag of [parsed.tag, parsed.tag?.toUpperCase(), 'dnsmasq', 'DNSMasq', 'worker99999', undefined]) {
          const line: LogRecord = { ...parsed, tag };
          assert.deepEqual(full.match(line), fresh.match(line), `${entry.id} under tag ${tag}: ${sample}`);
        }
      }
    }
    // And what those answers are: a gsmd write failure is gsmd's under its tag in any case and
    // under an unknown program's, and not under a DNS server's, however many tags came before.
    const gsmdLine = '[CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5';
    for (const m of [full, fresh]) {
      const id = m.match(record(gsmdLine, { tag: 'gsmd' }))?.entry.id;
      assert.ok(id?.startsWith('gsmd.'), `gsmd's own entry: ${id}`);
      assert.equal(m.match(record(gsmdLine, { tag: 'GSMD' }))?.entry.id, id);
      assert.equal(m.match(record(gsmdLine, { tag: 'worker12345' }))?.entry.id, id);
      assert.notEqual(m.match(record(gsmdLine, { tag: 'dnsmasq' }))?.entry.id, id);
    }
  });

  it('matches a flood that cycles through a thousand messages once a message, not once a line', () => {
    // A reconnect loop counts its device numbers up and round again: its messages come back in a
    // cycle. Every entry's pattern counts its runs.
    let runs = 0;
    class Counted extends RegExp {
      override exec(text: string): RegExpExecArray | null {
        runs++;
        return super.exec(text);
      }
    }
    const m = new EventMatcher(CATALOGUE.map((e) => ({ ...e, pattern: new Counted(e.pattern.source, e.pattern.flags) })));
    const cycle = Array.from({ length: 1000 }, (_, i) => record(`[CMM] Write to \`1-${i} [2c7c:6005]\` modem failed: errno 5`, { tag: 'gsmd' }));
    const first = cycle.map((line) => m.match(line)?.entry.id);
    assert.ok(first.every((id) => id !== undefined && id === first[0]), 'each is the same catalogued write failure');
    const afterFirst = runs;
    assert.ok(afterFirst >= cycle.length, 'the first time round, each message is matched');
    for (let round = 0; round < 2; round++) assert.deepEqual(cycle.map((line) => m.match(line)?.entry.id), first);
    assert.equal(runs, afterFirst, 'the next times round, no pattern runs');
  });

  it('stays right past the number of messages it keeps', () => {
    const m = new EventMatcher(CATALOGUE);
    for (let i = 0; i < 1000; i++) {
      assert.equal(m.match(record(`[CMM] Write to \`1-${i} [2c7c:6005]\` modem failed: errno ${i % 7}`, { tag: 'gsmd' }))?.fields.errno, String(i % 7));
      assert.equal(m.match(record(`unrelated ${i}`, { tag: 'gsmd' })), undefined);
    }
  });
});

describe('the matcher finds an event after fields the format layer left in the message', () => {
  const record = (message: string, tag?: string): LogRecord => ({ line: 1, endLine: 1, format: 'text', message, ...(tag ? { tag } : {}) });
  const m = new EventMatcher(CATALOGUE);
  const disconnect = 'usb 1-1: USB disconnect, device number 6';

  it("reads the event's text after a table's columns, a program in brackets or a program lead", () => {
    for (const message of [
      `router\tkernel\t${disconnect}`,
      `router | kernel | ${disconnect}`,
      `"2024-12-02 19:54:59","router","kernel","${disconnect}"`,
      `[kernel] ${disconnect}`,
      `kernel: ${disconnect}`,
      `1733169299.123 kernel: ${disconnect}`,
    ]) {
      const match = m.match(record(message));
      assert.equal(match?.entry.id, 'usb.disconnect', message);
      assert.deepEqual({ usbPath: match!.fields.usbPath, devnum: match!.fields.devnum }, { usbPath: '1-1', devnum: '6' }, message);
    }
    // A gsmd line in a table whose program column the format did not read: gsmd's entry and its errno.
    const gsmd = m.match(record('router\tgsmd\t[CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5'));
    assert.equal(gsmd?.fields.errno, '5');
  });

  it("reads RutOS's event log copied from the WebUI as text, its columns two spaces or more apart (knowledge 1.4)", () => {
    for (const [message, id] of [
      ['Mobile Data  Mobile data connected (IPv4, internal modem)', 'event.mobile-data-connected'],
      ['SIM status   SIM state changed to not inserted (internal modem)', 'event.sim-state'],
      ['Network Operator  Connected to Telia operator (internal modem)', 'event.connected-operator'],
    ]) assert.equal(m.match(record(message))?.entry.id, id, message);
    // One space between words is prose, not a column.
    assert.equal(m.match(record('Status said Mobile data connected (IPv4, internal modem)')), undefined);
  });

  it('does not read an event into prose that names it: a field starts after a column or a colon, not after a word', () => {
    // Fixture 039's kernel line: not the kernel's boot banner.
    assert.equal(m.match(record('Loading modules backported from Linux version v5.10.110-0-g3238bffaf992', 'kernel')), undefined);
    assert.equal(m.match(record(`the cable was pulled, so usb 1-1: USB disconnect, device number 6`)), undefined);
  });

  it('still refuses where an entry needs a tag the line does not have', () => {
    // dnsmasq is a program no entry concerns: only the entries for any program are tried, at any field.
    const any = m.match(record(`router\tdnsmasq\t${disconnect}`));
    const unrelated = m.match(record(`query\t${disconnect}`, 'dnsmasq'));
    assert.equal(any?.entry.id, 'usb.disconnect');
    assert.notEqual(unrelated?.entry.id, 'usb.disconnect');
  });
});

describe('the matcher finds an event whose text starts with the program the format read off', () => {
  // procd writes its boot stages to the kernel's log as `procd: - early -`; a format without a
  // `kernel: ` tag (`dmesg --time-format iso`, an application's template) reads `procd: ` as the
  // program. The reboot they tell must not be lost so.
  const record = (message: string, tag?: string): LogRecord => ({ line: 1, endLine: 1, format: 'iso-plain', message, ...(tag ? { tag } : {}) });
  const m = new EventMatcher(CATALOGUE);

  it('tries the program and the message together: an anchored entry and an unanchored one', () => {
    assert.equal(m.match(record('- early -', 'procd'))?.entry.id, 'procd.boot-stage');
    assert.equal(m.match(record('Watchdog has previously reset the system', 'init'))?.entry.id, 'system.watchdog-reset');
  });

  it('finds them in lines read so, whatever the stamp', () => {
    for (const line of ['2022-09-01T19:19:48,000000+00:00 procd: - early -', '[2022-09-01 19:19:48] router init: Watchdog has previously reset the system', '19:19:48 [procd] - early -']) {
      assert.ok(matchLine(line), line);
    }
  });

  it('does not make an event of a program the entry does not name, nor of the kernel', () => {
    assert.equal(m.match(record('- early -', 'dnsmasq')), undefined);
    assert.equal(m.match(record('- early -', 'mwan3')), undefined);
    assert.equal(m.match(record('- early -', 'kernel')), undefined);
  });
});
