import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { toTextReport as renderText } from '../server/src/core/report/textReport';

// A journal or BSD syslog without years is read in the year of its file's date. A line that also
// carries a Unix time (NetworkManager writes one on every line; ModemManager with --debug) says
// which year its stamp is in: the file's dates take it, and the report says where it came from.

const REF = Date.UTC(2026, 11, 6);
/** Seconds since 1970 of 2 December `year`, 19:54:59 UTC. */
const unix = (year: number): string => `${Date.UTC(year, 11, 2, 19, 54, 59) / 1000}.1234`;

const nmLog = (year: number, zoneHours = 0): string => [
  'Dec 02 19:54:40 thinkpad ModemManager[700]: <info>  [modem0] simple connect started...',
  `Dec 02 ${19 + zoneHours}:54:59 thinkpad NetworkManager[812]: <info>  [${unix(year)}] device (cdc-wdm0): state change: prepare -> failed (reason 'gsm-registration-not-searching', sys-iface-state: 'managed')`,
  'Dec 02 19:55:03 thinkpad ModemManager[700]: <warn>  [modem0] connection attempt #1 failed: Serving network not available',
].join('\n');

const yearOf = (t: number | undefined): number => new Date(t!).getUTCFullYear();

describe('the year of yearless dates, from a Unix time on one of their lines', () => {
  for (const year of [2019, 2024, 2026]) {
    it(`reads a journal whose NetworkManager stamps are of ${year} in ${year}`, () => {
      const a = analyzeText(nmLog(year), { referenceTime: REF });
      const f = a.files[0];
      assert.equal(yearOf(f.firstTime), year);
      assert.equal(yearOf(f.lastTime), year);
      assert.ok(a.events.length > 0 && a.events.every((e) => yearOf(e.time) === year), 'every event in that year');
      assert.equal(f.yearAssumed, year);
      assert.equal(f.yearFromLine, 2);
      assert.match(renderText(a), new RegExp(`year ${year} from line 2's Unix time`));
    });
  }

  it("takes the year across a zone's offset: the stamp in local time, the Unix time in UTC", () => {
    const a = analyzeText(nmLog(2023, 3), { referenceTime: REF });
    assert.equal(yearOf(a.files[0].firstTime), 2023);
  });

  it('reads a ModemManager debug stamp so too, not one that counts seconds since the daemon started', () => {
    const debug = (stamp: string): string => `Dec  2 19:54:59 router ModemManager[519]: <debug> [${stamp}] [modem0] state changed (registered -> connecting)`;
    assert.equal(yearOf(analyzeText(debug(unix(2021)), { referenceTime: REF }).files[0].firstTime), 2021);
    const elapsed = analyzeText(debug('1234.567890'), { referenceTime: REF }).files[0];
    assert.equal(elapsed.yearFromLine, undefined);
    assert.equal(yearOf(elapsed.firstTime), 2026);
  });

  it('leaves the year assumed when the Unix time is not the stamp\'s moment (more than a day apart in any year)', () => {
    const text = `Dec 02 19:54:59 thinkpad NetworkManager[812]: <info>  [${Date.UTC(2024, 6, 15) / 1000}.0000] device (cdc-wdm0): state change: prepare -> failed (reason 'modem-no-carrier', sys-iface-state: 'managed')`;
    const f = analyzeText(text, { referenceTime: REF }).files[0];
    assert.equal(f.yearFromLine, undefined);
    assert.equal(yearOf(f.firstTime), 2026);
    assert.match(renderText(analyzeText(text, { referenceTime: REF })), /year 2026 assumed/);
  });

  it('gives the same year in both lanes, and stops seeking after many lines whose Unix times disagree', () => {
    // 3,000 lines: NetworkManager's stamps 100 days off their lines' for the first `bad`, then right.
    const log = (bad: number): string => {
      const lines: string[] = [];
      for (let i = 0; i < 3000; i++) {
        const t = Date.UTC(2021, 11, 1, 8) + i * 1000;
        const d = new Date(t);
        const stamp = `Dec 0${d.getUTCDate()} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}:${String(d.getUTCSeconds()).padStart(2, '0')}`;
        const unixTime = (t + (i < bad ? 100 * 86400_000 : 0)) / 1000;
        lines.push(i % 3 === 0 ? `${stamp} thinkpad NetworkManager[812]: <info>  [${unixTime.toFixed(4)}] device (wlp3s0): state change: activated -> activated (reason 'none', sys-iface-state: 'managed')` : `${stamp} thinkpad kernel: wlp3s0: some chatter ${i}`);
      }
      return lines.join('\n');
    };
    for (const [bad, year, line] of [[30, 2021, 31], [600, 2026, undefined]] as const) {
      const text = log(bad);
      const [full, fast] = [false, true].map((fastLane) => analyzeText(text, { referenceTime: REF, fastLane }).files[0]);
      assert.equal(yearOf(full.firstTime), year, `${bad} lines off`);
      assert.equal(full.yearFromLine, line);
      assert.deepEqual([fast.firstTime, fast.yearFromLine], [full.firstTime, full.yearFromLine]);
    }
  });

  it('changes nothing in a log whose dates carry their year', () => {
    const text = `Mon Dec  2 19:54:59 2024 daemon.info NetworkManager[812]: <info>  [${unix(2020)}] device (cdc-wdm0): state change: prepare -> failed (reason 'modem-no-carrier', sys-iface-state: 'managed')`;
    const f = analyzeText(text, { referenceTime: REF }).files[0];
    assert.equal(yearOf(f.firstTime), 2024);
    assert.equal(f.yearAssumed, undefined);
  });
});
