import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { monthIndex, isWeekday } from '../server/src/core/formats/dateWords';
import { ENVELOPES } from '../server/src/core/formats/envelopes';
import { FORMATS } from '../server/src/core/formats/registry';
import { readStamp, type StampShape } from '../server/src/core/formats/timestampGrammar';
import type { DateOrders } from '../server/src/core/formats/dateOrder';
import type { LogRecord } from '../server/src/core/model';
import { LineParser } from '../server/src/core/records/lineParser';
import { formatTime } from '../server/src/core/records/timeWords';

function parseOne(line: string): LogRecord | string {
  return new LineParser({ referenceYear: 2024 }).parse(line, 1);
}

/** `2024-12-02T19:54:59` for a dated record, `19:54:59` for a time-only one. */
function shownTime(r: LogRecord): string | undefined {
  if (r.time === undefined) return undefined;
  const f = formatTime(r.time);
  return f.length > 8 ? f.replace(' ', 'T') : f;
}

describe('format registry', () => {
  it('has unique ids and at least one sample per format', () => {
    const ids = FORMATS.map((f) => f.id);
    assert.deepEqual(ids, [...new Set(ids)]);
    for (const f of FORMATS) assert.ok(f.samples.length > 0, f.id);
  });
  for (const format of FORMATS) {
    describe(format.id, () => {
      it('reads each of its samples into the declared fields', () => {
        for (const { line, expect } of format.samples) {
          const r = parseOne(line);
          assert.ok(typeof r !== 'string', `no record for: ${line}`);
          assert.equal(r.format, format.id, `format of: ${line}`);
          for (const [k, v] of Object.entries(expect)) {
            const actual: unknown = k === 'time' ? shownTime(r) : r[k as keyof LogRecord];
            assert.deepEqual(actual, v, `${k} of: ${line}`);
          }
        }
      });
      it('reads each of its samples after lines no format reads as it reads them alone', () => {
        // After a run of such lines the parser asks all the patterns at once before trying them in
        // turn (lineParser.ts parseStructured): a sample it turned away would be lost text.
        for (const { line } of format.samples) {
          const p = new LineParser({ referenceYear: 2024 });
          for (let n = 1; n <= 20; n++) p.parse(`Nothing in sentence ${n} is a log line, or a date`, n);
          const r = p.parse(line, 21);
          const alone = parseOne(line);
          assert.ok(typeof r !== 'string' && typeof alone !== 'string', line);
          assert.deepEqual({ ...r, line: 1, endLine: 1 }, alone, line);
        }
      });
      it('refuses its counter-samples', () => {
        for (const line of format.counterSamples ?? []) {
          const r = parseOne(line);
          assert.ok(typeof r === 'string' || r.format !== format.id, `counter-sample read as ${format.id}: ${line}`);
        }
      });
      it('gives the clock it declares', () => {
        for (const { line } of format.samples) {
          const r = parseOne(line) as LogRecord;
          if (format.clock === 'uptime') assert.ok(r.uptime !== undefined, line);
          if (format.clock === 'elapsed') assert.ok(r.elapsed !== undefined, line);
          if (format.clock === 'wall' || format.clock === 'time-only') assert.ok(r.time !== undefined, line);
        }
      });
    });
  }
});

describe('envelopes', () => {
  for (const env of ENVELOPES) {
    it(`${env.id} peels its samples into fields`, () => {
      for (const s of env.samples) {
        // Envelopes are peeled from the message of any record: wrap the sample in a logread kernel
        // line so that envelopes limited to kernel lines apply too.
        const r = parseOne(`Mon Dec  2 19:54:59 2024 kern.info kernel: ${s.message}`) as LogRecord;
        assert.equal(r.message, s.rest, s.message);
        for (const [k, v] of Object.entries(s.fields)) assert.equal(r.envelope?.[k], v, `${k} of ${s.message}`);
      }
    });
  }
  it('peels the same envelope under any tag, so entries see the same message', () => {
    const forms = [
      'Sat Aug 20 22:23:46 2022 daemon.warn [3069]: <warn>  [modem0] port ttyUSB2 timed out 8 consecutive times',
      'Aug 20 22:23:46 host ModemManager[3069]: <warn>  [modem0] port ttyUSB2 timed out 8 consecutive times',
      '2022-08-20T22:23:46+0200 host ModemManager[3069]: <wrn> [modem0] port ttyUSB2 timed out 8 consecutive times',
      '<warn>  [modem0] port ttyUSB2 timed out 8 consecutive times',
      'ModemManager[3069]: [modem0] port ttyUSB2 timed out 8 consecutive times',
    ];
    for (const f of forms) {
      const r = parseOne(f) as LogRecord;
      assert.equal(r.message, 'port ttyUSB2 timed out 8 consecutive times', f);
      assert.equal(r.envelope?.mmObject, 'modem0', f);
    }
  });
});

describe('timestamp grammar', () => {
  const months: [string, number][] = [
    ['Dec', 11], ['DEC', 11], ['dez', 11], ['Dez.', 11], ['déc.', 11], ['dic', 11], ['dicembre', 11], ['dezembro', 11], ['december', 11], ['grudnia', 11], ['gru', 11], ['desembre', 11], ['des.', 11], ['декабря', 11], ['дек', 11],
    ['maig', 4], ['mai', 4], ['mayo', 4], ['maggio', 4], ['maio', 4], ['mei', 4], ['maja', 4], ['мая', 4],
    ['lip', 6], ['juil.', 6], ['luglio', 6], ['julho', 6], ['juli', 6], ['июля', 6],
    ['März', 2], ['mrt', 2], ['marzec', 2], ['março', 2], ['març', 2], ['марта', 2], ['sept', 8], ['janv.', 0], ['févr.', 1],
    // ja_JP, zh_CN, ko_KR: the month's number.
    ['12月', 11], ['3月', 2], ['3월', 2], ['13月', -1], ['0月', -1],
  ];
  for (const [word, month] of months) it(`month word ${word}`, () => assert.equal(monthIndex(word), month));
  it('knows weekday words in ten languages and refuses others', () => {
    for (const w of ['Mon', 'mo', 'Di', 'mer.', 'mié', 'gio', 'qui', 'wo', 'wto', 'śr', 'dl', 'dg', 'пн', 'Donnerstag', 'środa']) assert.ok(isWeekday(w), w);
    for (const w of ['Interface', 'host', 'usb']) assert.ok(!isWeekday(w), w);
  });
  const stamps: [string, string | undefined][] = [
    ['Mon Dec  2 19:54:59 2024', '2024-12-02 19:54:59'],
    ['Mon Dec  2 19:54:59 CET 2024', '2024-12-02 19:54:59'],
    ['wto lip  4 21:36:24 2017', '2017-07-04 21:36:24'],
    ['7 de maig 2026, 13:07:01 CEST', '2026-05-07 13:07:01'],
    ['7. Mai 2026 um 13:07:01', '2026-05-07 13:07:01'],
    ['7 mai 2026 à 13:07:01', '2026-05-07 13:07:01'],
    ['2 дек. 2024 г., 19:54:59', '2024-12-02 19:54:59'],
    ['24.01.2026, 15:09:43 MEZ', '2026-01-24 15:09:43'],
    ['24/01/2026 15:09:43', '2026-01-24 15:09:43'],
    ['1/24/2026, 3:09:43 PM', '2026-01-24 15:09:43'],
    ['2024-12-02T19:54:59.123+02:00', '2024-12-02 19:54:59'],
    ['2024-12-02 19:54:59Z', '2024-12-02 19:54:59'],
    ['19:54:59.5', '19:54:59'],
    // Serial tools' logs (Quectel's QCOM): an underscore, a colon before the milliseconds.
    ['2024-12-02_19:54:59:123', '2024-12-02 19:54:59'],
    ['2024-12-02 19:54:59.123 +0100', '2024-12-02 19:54:59'],
    ['02-Dec-2024 19:54:59', '2024-12-02 19:54:59'],
    ['02-Dez-2024 19:54:59', '2024-12-02 19:54:59'],
    // journalctl under ja_JP / zh_CN (`%b` is ` 3月` before October: glibc pads it with a space).
    ['12月 07 14:42:07', '????-12-07 14:42:07'],
    [' 3月 01 00:14:08', '????-03-01 00:14:08'],
    ['Dec 32 19:54:59 2024', undefined],
    ['Dec 2 25:54:59 2024', undefined],
    ['Foo 2 19:54:59 2024', undefined],
    ['Xyz Dec 2 19:54:59 2024', undefined],
  ];
  for (const [text, expected] of stamps) {
    it(`stamp "${text}"`, () => {
      const p = readStamp(text);
      if (expected === undefined) return assert.equal(p, undefined);
      assert.ok(p, text);
      const shown = p.month === undefined ? '' : `${p.year ?? '????'}-${String(p.month + 1).padStart(2, '0')}-${String(p.day).padStart(2, '0')} `;
      assert.equal(shown + `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}:${String(p.second).padStart(2, '0')}`, expected);
    });
  }
  it('reads a stamp as it would alone, whatever was read before it (its shapes, its date orders)', () => {
    // The grammar keeps each shape's reading of the last stamp for the next format that asks: an
    // answer kept for other shapes or other date orders would be a line's date read wrongly.
    const configs: [StampShape[] | undefined, DateOrders | undefined][] = [
      [undefined, undefined],
      [undefined, { '/': 'month-first', '-': 'month-first' }],
      [undefined, { '/': 'day-first', '-': 'day-first' }],
      [['numeric'], { '/': 'month-first' }],
      [['month-first', 'day-first'], undefined],
      [['iso'], undefined],
      [['time'], undefined],
    ];
    const alone = (text: string, only?: StampShape[], orders?: DateOrders) => {
      readStamp('not a stamp');
      return readStamp(text, only, orders);
    };
    let differ = 0;
    for (const text of [...stamps.map(([t]) => t), '02/03/2024 10:00:00', '02-03-2024 10:00:00', '3/4/24 7:54:59 PM']) {
      for (const before of configs) {
        for (const [only, orders] of configs) {
          const want = alone(text, only, orders);
          alone(text, ...before);
          assert.deepEqual(readStamp(text, only, orders), want, `${text} as ${JSON.stringify([only, orders])} after ${JSON.stringify(before)}`);
          if (JSON.stringify(want) !== JSON.stringify(alone(text, ...before))) differ++;
        }
      }
    }
    // The configurations do read some stamps differently, so a reading kept across them would show.
    assert.ok(differ > 50, `${differ}`);
  });

  it('reads a plain ISO stamp from its characters as the grammar\'s expression reads it (the same stamp with a zone)', () => {
    // `2024-12-02 19:54:59.123` is read without the iso shape's expression; with a zone after it
    // (`...Z`), by the expression. Both readings agree but for the zone, valid dates or not.
    const two = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => String(n).padStart(2, '0'));
    const stamp = fc.tuple(fc.integer({ min: 1960, max: 2210 }), two(0, 13), two(0, 32), fc.constantFrom('T', '_', ' '), two(0, 25), two(0, 61), two(0, 61), fc.option(fc.tuple(fc.constantFrom('.', ',', ':'), fc.stringMatching(/^\d{1,10}$/)))).map(
      ([y, mo, d, sep, h, mi, s, f]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${f ? f[0] + f[1] : ''}`,
    );
    let read = 0;
    fc.assert(
      fc.property(stamp, (text) => {
        const plain = readStamp(text);
        const zoned = readStamp(`${text}Z`);
        assert.equal(zoned?.zone ?? 'Z', 'Z');
        const { zone: _, ...unzoned } = zoned ?? {};
        assert.deepEqual(plain, zoned && unzoned, text);
        if (plain) read++;
      }),
      { numRuns: 3000 },
    );
    assert.ok(read > 500, `${read} of 3000 read`);
  });

  it('keeps the order and gaps of time-only lines across midnight, without a date', () => {
    const p = new LineParser();
    const a = p.parse('23:59:50 gsmd[1]: a', 1) as LogRecord;
    const b = p.parse('00:00:20 gsmd[1]: b', 2) as LogRecord;
    assert.equal(b.time! - a.time!, 30_000);
    assert.equal(formatTime(a.time!), '23:59:50');
    assert.equal(formatTime(b.time!), 'day 2, 00:00:20');
  });
});
