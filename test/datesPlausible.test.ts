import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../server/src/core/analyze';
import { isPlausibleWallTime, isRealDate, PLAUSIBLE_YEARS, readStamp } from '../server/src/core/formats/timestampGrammar';
import type { Analysis } from '../server/src/core/model';
import { isTimeOnly } from '../server/src/core/records/timeWords';
import { toJsonReport } from '../server/src/core/report/jsonReport';

// Impossible dates (issue 13, item 9): `2024-13-45 99:99:99`, `0000-00-00`, `Feb 31`, year 10000
// are not times. They must not be normalised into real dates (Feb 31 -> Mar 2, year 0 -> 1900),
// raise clock jumps of a century, or break the JSON report's ISO times.
const REF = Date.UTC(2024, 11, 4);
const GOOD = 'Mon Dec  2 19:54:50 2024 kern.info kernel: [  466.515595] usb 1-1: USB disconnect, device number 6';

/** Every time the analysis holds: a plausible wall time, or a time-only log's time of day. */
function assertPlausible(a: Analysis): void {
  const times = [
    ...a.events.map((e) => e.time), ...a.findings.map((f) => f.time), ...a.files.flatMap((f) => [f.firstTime, f.lastTime]),
    ...a.episodes.flatMap((e) => e.steps.map((s) => s.time)),
  ].filter((t): t is number => t !== undefined);
  for (const t of times) assert.ok(isPlausibleWallTime(t) || isTimeOnly(t), `time ${t} (${new Date(t).toISOString()}) is outside ${PLAUSIBLE_YEARS.first}-${PLAUSIBLE_YEARS.last}`);
  // The JSON report survives a round trip, and every time in it is ISO 8601 with a 4-digit year or a time of day.
  const json = JSON.parse(JSON.stringify(toJsonReport(a))) as Record<string, unknown>;
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.entries(v).forEach(([k, x]) => walk(x, k));
    if (/^(time|firstTime|lastTime)$/.test(key) && v !== null) assert.match(String(v), /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d|(day \d+, )?\d\d:\d\d:\d\d)$/, `${key}: ${String(v)}`);
  };
  walk(json, '');
}

describe('impossible dates are not times', () => {
  it('refuses dates that are not on the calendar, and years outside 1970-2199', () => {
    for (const stamp of ['2024-13-45 99:99:99', '0000-00-00 00:00:00', '2024-02-30 10:00:00', '2023-02-29 10:00:00', '2024-04-31 10:00:00', 'Mon Feb 31 19:54:50 2024', '31.04.2024 10:00:00', '1969-12-31 23:59:59', '2200-01-01 00:00:00', 'Dec  2 19:54:50 0000']) {
      assert.equal(readStamp(stamp), undefined, stamp);
    }
    assert.ok(readStamp('2024-02-29 10:00:00'), 'a leap day is real');
    assert.ok(readStamp('Feb 29 10:00:00'), 'a yearless Feb 29 may be a leap year');
    assert.equal(isRealDate(1, 29, 2100), false, '2100 is not a leap year');
  });

  it('keeps a log with such lines free of century clock jumps, and counts every line', () => {
    const lines = [
      GOOD,
      '2024-13-45 99:99:99 kern.info kernel: usb 1-1: USB disconnect, device number 6',
      '0000-00-00 00:00:00 kern.info kernel: usb 1-1: USB disconnect, device number 6',
      'Mon Dec  2 19:54:51 0000 kern.info kernel: [  467.515595] usb 1-1: new high-speed USB device number 7 using ehci-platform',
      'Mon Feb 31 19:54:52 2024 kern.info kernel: usb 1-1: USB disconnect, device number 6',
      'Mon Dec  2 19:54:53 10000 daemon.info gsmd[1]: hello',
      '<14>1 2024-02-30T19:54:59Z router kernel - - - usb 1-1: USB disconnect',
      'Mon Dec  2 19:54:58 2024 kern.info kernel: [  471.0] usb 1-1: new high-speed USB device number 8 using ehci-platform',
    ];
    const a = analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
    assert.equal(a.files[0].lines, lines.length);
    assert.deepEqual(a.findings.filter((f) => f.code === 'clock-jump'), [], a.findings.map((f) => f.message).join('\n'));
    assertPlausible(a);
    const dated = a.events.filter((e) => e.time !== undefined).map((e) => e.line);
    for (const bad of [2, 3, 4, 5, 6, 7]) assert.ok(!dated.includes(bad), `line ${bad} has no time`);
  });

  it('stops the year of a yearless log at 2199 however many New Years it passes', () => {
    // Dec then Jan, 300 times over: each Jan is a new year for a yearless log.
    const lines = Array.from({ length: 600 }, (_, i) => `${i % 2 ? 'Jan  1' : 'Dec 31'} 23:59:59 router daemon.info gsmd[1]: tick ${i}`);
    const a = analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
    assert.ok(a.files[0].parsedLines > 500);
    assertPlausible(a);
  });

  it('does not read a century-long kernel uptime', () => {
    const a = analyzeText([GOOD, 'Mon Dec  2 19:55:50 2024 kern.info kernel: [99999999999.000000] usb 1-1: new high-speed USB device number 7 using ehci-platform', '[Dmesg]', '[9999999999999.5] usb 1-1: USB disconnect, device number 6', ''].join('\n'), { referenceTime: REF });
    assert.ok(a.events.every((e) => e.uptime === undefined || e.uptime < 4e9));
    assertPlausible(a);
  });
});

const FIXTURES = join(__dirname, 'fixtures', 'real');
const REAL_LINES = [...readdirSync(FIXTURES).filter((f) => f.endsWith('.log')).map((f) => join(FIXTURES, f)), join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log')]
  .flatMap((p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim() !== ''));

/** Digits anywhere in a stamp: months 00-99, days 00-99, years 0000-99999. */
const num = (min: number, max: number, width: number): fc.Arbitrary<string> => fc.integer({ min, max }).map((n) => String(n).padStart(width, '0'));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Sep', 'Nov', 'Dec'];
const stampArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(num(0, 99999, 4), num(0, 99, 2), num(0, 99, 2), num(0, 99, 2), num(0, 99, 2), num(0, 99, 2)).map(([y, mo, d, h, mi, s]) => `${y}-${mo}-${d} ${h}:${mi}:${s} kern.info kernel: usb 1-1: USB disconnect, device number 6`),
  fc.tuple(fc.constantFrom(...MONTHS), num(0, 39, 2), num(0, 29, 2), num(0, 69, 2), num(0, 69, 2), num(0, 99999, 4)).map(([mo, d, h, mi, s, y]) => `Mon ${mo} ${d.replace(/^0/, ' ')} ${h}:${mi}:${s} ${y} daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to \`1-1 [2c7c:6005]\` modem failed: errno 5`),
  fc.tuple(fc.constantFrom(...MONTHS), num(0, 39, 2), num(0, 29, 2), num(0, 69, 2), num(0, 69, 2)).map(([mo, d, h, mi, s]) => `${mo} ${d} ${h}:${mi}:${s} router kernel: usb 1-1: USB disconnect, device number 6`),
  fc.tuple(num(0, 39, 2), num(0, 19, 2), num(0, 99999, 4), num(0, 29, 2), num(0, 69, 2), num(0, 69, 2)).map(([d, mo, y, h, mi, s]) => `${d}.${mo}.${y} ${h}:${mi}:${s} kernel: usb 1-1: USB disconnect`),
  fc.tuple(num(0, 19, 2), num(0, 39, 2), num(0, 29, 2), num(0, 69, 2), num(0, 69, 2), num(0, 999, 3)).map(([mo, d, h, mi, s, ms]) => `[${mo}-${d}_${h}:${mi}:${s}:${ms}] Quectel_QConnectManager_Linux_V1.6.0.24`),
  fc.tuple(num(0, 99999999999, 1), num(0, 999999, 6)).map(([u, f]) => `[${u}.${f}] usb 1-1: USB disconnect, device number 6`),
  fc.tuple(fc.constantFrom(...REAL_LINES), fc.array(fc.tuple(fc.nat(), fc.constantFrom('0', '9', '00', '99', '13', '31', '45', '0000', '10000')), { maxLength: 4 })).map(([line, edits]) => {
    let s = line;
    for (const [at, digits] of edits) {
      const i = at % Math.max(1, s.length);
      s = s.slice(0, i) + digits + s.slice(i + digits.length);
    }
    return s.replace(/\n/g, '');
  }),
);

describe('a Unix time past the plausible years', () => {
  it('gives a ModemManager line no clock, in both lanes (fast-check seed 1987661172)', () => {
    const text = 'ModemManager[33505]: <inf> [9967016030.374863] [modem0] processing user request to connect modem...\n0000-00-00 00:00:00 kern.info kernel: usb 1-1: USB disconnect, device number 6\n';
    for (const fastLane of [true, false]) assertPlausible(analyzeText(text, { referenceTime: REF, fastLane }));
  });
});

describe('property: no parsed time is outside the plausible years', () => {
  it('holds for stamps of every shape with any numbers in them, and the JSON report stays valid', () => {
    fc.assert(fc.property(fc.array(stampArb, { minLength: 1, maxLength: 40 }), fc.boolean(), (lines, dmesg) => {
      const text = (dmesg ? ['[Dmesg]', ...lines] : lines).join('\n') + '\n';
      const a = analyzeText(text, { referenceTime: REF });
      assert.equal(a.files[0].lines, lines.length + (dmesg ? 1 : 0));
      assertPlausible(a);
    }), { numRuns: Number(process.env.RUNS ?? 300) });
  });
});
