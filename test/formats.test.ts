import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { monthIndex, isWeekday } from '../server/src/core/formats/dateWords';
import { ENVELOPES } from '../server/src/core/formats/envelopes';
import { FORMATS } from '../server/src/core/formats/registry';
import { readStamp } from '../server/src/core/formats/timestampGrammar';
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
  it('keeps the order and gaps of time-only lines across midnight, without a date', () => {
    const p = new LineParser();
    const a = p.parse('23:59:50 gsmd[1]: a', 1) as LogRecord;
    const b = p.parse('00:00:20 gsmd[1]: b', 2) as LogRecord;
    assert.equal(b.time! - a.time!, 30_000);
    assert.equal(formatTime(a.time!), '23:59:50');
    assert.equal(formatTime(b.time!), 'day 2, 00:00:20');
  });
});
