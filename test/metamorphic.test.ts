import { storyDefinition } from '../server/src/core/stories/registry';
import { reconnectLoopStory } from '../server/src/core/stories/entries/reconnectLoop';
import { modemDropStory } from '../server/src/core/stories/entries/modemDrop';
import { modemLostStory } from '../server/src/core/stories/entries/modemLost';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { MAX_LINE_CHARS } from '../server/src/core/input/lineSplitter';
import type { Analysis, Episode, Finding } from '../server/src/core/model';
import { clockedShare, fitsWithoutDates, parseLog, reshape, type Shape } from './support/reshape';

// Metamorphic tests for issue 9 ("Read any router log"): the same events written by another
// logger, locale or paste path must give the same diagnosis. A case here fails when the parser
// cannot read a shape real routers and forums produce; the fix belongs in the parser.

const REF = Date.UTC(2024, 11, 4);
const YEAR = new Date(REF).getUTCFullYear();
const DIR = join(__dirname, 'fixtures', 'real');
const SAMPLE = join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log');

/**
 * Below this share of lines in records with a clock, a reshape rewrites too little of a log for
 * the comparison to say anything (lsusb listings, shell sessions, tool output).
 */
const MIN_CLOCKED_SHARE = 0.5;

/**
 * What each shape must preserve.
 *
 * - `exact`: the same finding codes with the same counts, and the same episode verdicts. Shapes
 *   that keep the date and time of every record (and the kernel uptime inside kernel messages):
 *   bsd-host, bsd-nohost, rfc5424, both journal shapes, and the paste artefacts (forum-quote,
 *   crlf-bom, mail-wrapped), which change no record at all. bsd and journal-short-iso print whole
 *   seconds while rfc5424 and journal-short-precise keep milliseconds: a case failing only in the
 *   former would point at rounding against a threshold, not at the parser.
 * - `no-uptime`: dmesg -T prints the wall time in place of the kernel uptime, so a reset of the
 *   uptime (a reboot seen only there) and wall-versus-uptime clock jumps cannot be seen; every
 *   other finding, with its count, and every verdict must stay.
 * - time-only drops the date. A reader rolls the day over when the time of day goes back, so
 *   when each line follows the one before by less than 23 h (fitsWithoutDates) every clock fact
 *   survives: `exact`. Otherwise (a step back, a day-long silence) the days are lost: `no-clock`.
 * - `no-clock`: the stripped shape has no clock at all. Gaps, loop windows, silences and burst
 *   lengths cannot be measured, so counts (bursts are split by time) and the codes that exist
 *   only through a measured duration are out: usb-gap, usb-disconnect and usb-reconnect-loop
 *   become one fact, "the modem left the bus"; modem-silent, fw-update-stuck and clock-jump are
 *   dropped, as are reboots seen only as an uptime reset. An episode may turn from stuck to
 *   unknown (stuck needs "the log went on for N s"), but a failed or succeeded update must stay
 *   so. Every fact a single line states must remain. Untagged application lines (044's
 *   `Read error, quitting`) carry nothing that marks them as log lines once their stamp is gone, so
 *   the stripped copy may also say it could not read most of the file (input-problem).
 * - `one-line`: the whole log joined into one line (a JSON string, a page's markup). Every finding
 *   stays, with its count; but a line is a story's place in the file, so two stories of one kind
 *   and verdict (two dongles dropping) are one place, and told once: the verdicts as a set. A log
 *   longer than a line may be (MAX_LINE_CHARS, 64 KiB) is read up to it, with a notice: no case.
 */
type Preserved = 'exact' | 'no-uptime' | 'no-clock' | 'one-line';

interface Variant {
  name: string;
  shape: Shape;
  locale?: 'pl' | 'de';
  /** What the reshaped log keeps; time-only depends on whether its days can be told apart. */
  preserves: (fitsWithoutDates: boolean) => Preserved;
}

const exact = (): Preserved => 'exact';
const VARIANTS: Variant[] = [
  { name: 'bsd-host', shape: 'bsd-host', preserves: exact },
  { name: 'bsd-nohost', shape: 'bsd-nohost', preserves: exact },
  { name: 'logread', shape: 'logread', preserves: exact },
  { name: 'logread-ids', shape: 'logread-ids', preserves: exact },
  { name: 'logread-t', shape: 'logread-t', preserves: exact },
  { name: 'bsd-host-fac', shape: 'bsd-host-facility', preserves: exact },
  { name: 'luci', shape: 'luci', preserves: exact },
  { name: 'luci-en-gb', shape: 'luci-en-gb', preserves: exact },
  { name: 'luci-en-us', shape: 'luci-en-us', preserves: exact },
  { name: 'dashes-us', shape: 'dashes-us', preserves: exact },
  { name: 'dashes-eu', shape: 'dashes-eu', preserves: exact },
  { name: 'rfc5424', shape: 'rfc5424', preserves: exact },
  { name: 'jrnl-iso', shape: 'journal-short-iso', preserves: exact },
  { name: 'iso-zone', shape: 'iso-zone-name', preserves: exact },
  { name: 'bracketed', shape: 'bracketed-program', preserves: exact },
  { name: 'iso-named', shape: 'iso-named', preserves: exact },
  { name: 'iso-levelled', shape: 'iso-levelled', preserves: exact },
  { name: 'iso-lvl-brk', shape: 'iso-levelled-bracketed', preserves: exact },
  { name: 'brk-iso-host', shape: 'bracketed-iso-host', preserves: exact },
  { name: 'jrnl-precise', shape: 'journal-short-precise', preserves: exact },
  { name: 'jrnl-full', shape: 'journal-short-full', preserves: exact },
  { name: 'jrnl-unix', shape: 'journal-short-unix', preserves: exact },
  { name: 'jrnl-json', shape: 'journal-json', preserves: exact },
  { name: 'logfmt', shape: 'logfmt', preserves: exact },
  { name: 'jrnl-json-seq', shape: 'journal-json-seq', preserves: exact },
  { name: 'jrnl-json-sse', shape: 'journal-json-sse', preserves: exact },
  { name: 'jrnl-with-unit', shape: 'journal-with-unit', preserves: exact },
  { name: 'logcat', shape: 'logcat-threadtime', preserves: exact },
  { name: 'logcat-time', shape: 'logcat-time', preserves: exact },
  { name: 'logcat-brief', shape: 'logcat-brief', preserves: () => 'no-clock' },
  { name: 'dmesg-T-pl', shape: 'dmesg-T-foreign', locale: 'pl', preserves: () => 'no-uptime' },
  { name: 'dmesg-T-de', shape: 'dmesg-T-foreign', locale: 'de', preserves: () => 'no-uptime' },
  { name: 'dmesg-iso', shape: 'dmesg-iso', preserves: () => 'no-uptime' },
  { name: 'dmesg-H', shape: 'dmesg-H', preserves: () => 'no-clock' },
  { name: 'dmesg-x', shape: 'dmesg-x', preserves: exact },
  { name: 'dmesg-d', shape: 'dmesg-d', preserves: exact },
  { name: 'dmesg-caller', shape: 'dmesg-caller', preserves: exact },
  { name: 'dmesg-json', shape: 'dmesg-json', preserves: exact },
  { name: 'dmesg-x-T', shape: 'dmesg-x-T', preserves: () => 'no-uptime' },
  { name: 'dmesg-x-t', shape: 'dmesg-x-t', preserves: () => 'no-clock' },
  { name: 'time-only', shape: 'time-only', preserves: (fits) => (fits ? 'exact' : 'no-clock') },
  { name: 'time-only-brk', shape: 'time-only-bracketed', preserves: (fits) => (fits ? 'exact' : 'no-clock') },
  { name: 'stripped', shape: 'stripped', preserves: () => 'no-clock' },
  { name: 'cat-n', shape: 'cat-n', preserves: exact },
  { name: 'grep-numbered', shape: 'grep-numbered', preserves: exact },
  { name: 'capture-tio', shape: 'capture-tio', preserves: exact },
  { name: 'capture-ts', shape: 'capture-ts', preserves: exact },
  { name: 'level-first', shape: 'level-first', preserves: exact },
  { name: 'loki-logcli', shape: 'loki-logcli', preserves: exact },
  { name: 'loki-labels', shape: 'loki-labels', preserves: exact },
  { name: 'grep-color', shape: 'grep-color', preserves: exact },
  { name: 'ecs-hits', shape: 'ecs-hits', preserves: exact },
  { name: 'gelf', shape: 'gelf', preserves: exact },
  { name: 'grep-named', shape: 'grep-named', preserves: exact },
  { name: 'compose', shape: 'compose', preserves: exact },
  { name: 'kubectl', shape: 'kubectl-prefix', preserves: exact },
  { name: 'quote', shape: 'forum-quote', preserves: exact },
  { name: 'code-block', shape: 'code-block', preserves: exact },
  { name: 'bulleted', shape: 'bulleted', preserves: exact },
  { name: 'crlf-bom', shape: 'crlf-bom', preserves: exact },
  { name: 'kernel-2.6', shape: 'kernel-2.6', preserves: exact },
  { name: 'mail-wrap', shape: 'mail-wrapped', preserves: exact },
  { name: 'terminal-80', shape: 'terminal-80', preserves: exact },
  { name: 'no-break', shape: 'no-break-spaces', preserves: exact },
  { name: 'export-tsv', shape: 'export-tsv', preserves: exact },
  { name: 'export-spaces', shape: 'export-spaces', preserves: exact },
  { name: 'export-bars', shape: 'export-bars', preserves: exact },
  { name: 'export-csv', shape: 'export-csv', preserves: exact },
  { name: 'syslog-server', shape: 'syslog-server-tsv', preserves: exact },
  { name: 'export-csv-excel', shape: 'export-csv-excel', preserves: exact },
  { name: 'export-headed', shape: 'export-headed', preserves: exact },
  { name: 'newest-first', shape: 'newest-first', preserves: exact },
  { name: 'escaped-string', shape: 'escaped-string', preserves: () => 'one-line' },
  { name: 'json-message', shape: 'json-message', preserves: () => 'one-line' },
  { name: 'space-joined', shape: 'space-joined', preserves: () => 'one-line' },
  { name: 'json-string-array', shape: 'json-string-array', preserves: exact },
  { name: 'html-one-line', shape: 'html-one-line', preserves: () => 'one-line' },
  { name: 'html-source', shape: 'html-source', preserves: exact },
  { name: 'json-pretty', shape: 'journal-json-pretty', preserves: exact },
  { name: 'json-array', shape: 'export-json-array', preserves: exact },
  { name: 'search-answer', shape: 'search-answer', preserves: exact },
  { name: 'jrnl-verbose', shape: 'journal-verbose', preserves: exact },
  { name: 'jrnl-export', shape: 'journal-export', preserves: exact },
];

/** The facts a shape must keep, as one comparable value. */
function facts(a: Analysis, preserved: Preserved): { findings: Record<string, number> | string[]; verdicts: string[] } {
  const uptimeReboot = (f: Finding): boolean => f.code === 'reboot' && f.eventIds.length === 0;
  const told = (e: Episode): string => `${e.kind}: ${e.verdict}`;
  if (preserved === 'exact') return { findings: countCodes(a.findings), verdicts: a.episodes.map(told) };
  if (preserved === 'one-line') return { findings: countCodes(a.findings), verdicts: [...new Set(a.episodes.map(told))].sort() };
  if (preserved === 'no-uptime') {
    return { findings: countCodes(a.findings.filter((f) => f.code !== 'clock-jump' && !uptimeReboot(f))), verdicts: a.episodes.map(told) };
  }
  const MEASURED = new Set(['modem-silent', 'fw-update-stuck', 'clock-jump', 'input-problem']);
  const LEFT_BUS = new Set(['usb-gap', 'usb-disconnect', 'usb-reconnect-loop']);
  const codes = a.findings.filter((f) => !MEASURED.has(f.code) && !uptimeReboot(f)).map((f) => (LEFT_BUS.has(f.code) ? 'usb-left-bus' : f.code));
  // Without a clock, how long the modem sat in one layout (the update reading), whether drops came
  // within a loop's window, and whether the log went on long enough are not measurable: those
  // verdicts fold together, as their findings do.
  const verdicts = a.episodes.map((e) => {
    if (storyDefinition(e.kind)?.verdicts[e.verdict]?.finding === 'fw-update-stuck' || e.verdict === 'unknown') return `${e.kind}: stuck-or-unknown`;
    if (e.kind === reconnectLoopStory.id || e.kind === modemDropStory.id || e.kind === modemLostStory.id) return 'usb-left-bus';
    return told(e);
  });
  return { findings: [...new Set(codes)].sort(), verdicts: [...new Set(verdicts)].sort() };
}

function countCodes(findings: readonly Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of [...findings].sort((a, b) => a.code.localeCompare(b.code))) out[f.code] = (out[f.code] ?? 0) + 1;
  return out;
}

interface Case {
  name: string;
  text: string;
}

const labels: { file: string; problems: string[] }[] = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8'));
const sample = readFileSync(SAMPLE, 'utf8');
const CASES: Case[] = [
  { name: 'rut901-sample', text: sample },
  // As a person pastes it into an issue: no newline after the last line.
  { name: 'rut901-as-posted', text: sample.replace(/\n$/, '') },
  ...labels
    .filter((l) => !l.problems.includes('none'))
    .map((l) => ({ name: l.file.slice(0, 3), text: readFileSync(join(DIR, l.file), 'utf8') }))
    .filter((c) => clockedShare(parseLog(c.text, YEAR)) >= MIN_CLOCKED_SHARE),
];

const results = new Map<string, Map<string, 'ok' | 'FAIL' | 'same' | 'long'>>();
function row(name: string): Map<string, 'ok' | 'FAIL' | 'same' | 'long'> {
  let r = results.get(name);
  if (!r) results.set(name, (r = new Map()));
  return r;
}

describe('metamorphic: the same log in another shape gets the same diagnosis', () => {
  it('keeps enough fixtures for the comparison to mean something', () => {
    // A parser change that reads fewer lines must not silently shrink this test to nothing.
    assert.ok(CASES.length >= 20, `only ${CASES.length} cases: ${CASES.map((c) => c.name).join(' ')}`);
  });

  for (const c of CASES) {
    describe(c.name, () => {
      const original = analyzeText(c.text, { referenceTime: REF });
      const fits = fitsWithoutDates(parseLog(c.text, YEAR));
      row(c.name);
      for (const v of VARIANTS) {
        const text = reshape(c.text, v.shape, { referenceYear: YEAR, ...(v.locale ? { locale: v.locale } : {}) });
        // A log already in this shape, or with nothing it rewrites (dmesg -T of a log without
        // kernel lines, mail wrapping of short lines), is the original again: no case.
        if (text === c.text) {
          row(c.name).set(v.name, 'same');
          continue;
        }
        if (v.preserves(fits) === 'one-line' && text.length > MAX_LINE_CHARS) {
          row(c.name).set(v.name, 'long');
          continue;
        }
        it(v.name, () => {
          row(c.name).set(v.name, 'FAIL');
          const preserved = v.preserves(fits);
          const reshaped = analyzeText(text, { referenceTime: REF });
          assert.deepEqual(facts(reshaped, preserved), facts(original, preserved), `${c.name} as ${v.name} (${preserved})`);
          row(c.name).set(v.name, 'ok');
        });
      }
    });
  }

  after(() => {
    const names = VARIANTS.map((v) => v.name);
    const lines = [['case'.padEnd(16), ...names].join(' | ')];
    let pass = 0;
    let total = 0;
    for (const [name, r] of results) {
      lines.push([name.padEnd(16), ...names.map((n) => (r.get(n) ?? '').padEnd(n.length))].join(' | '));
      for (const v of r.values()) {
        if (v === 'same' || v === 'long') continue;
        total++;
        if (v === 'ok') pass++;
      }
    }
    console.log(lines.join('\n'));
    console.log(`metamorphic: ${pass}/${total} (case, shape) pairs keep the diagnosis ('same': the shape leaves that log unchanged; 'long': one line of it would be over 64 KiB)`);
  });
});

describe('the same log on other days gets the same diagnosis', () => {
  // Moved so that its middle falls on New Year's midnight (written with the year, and without it:
  // a yearless log rolls its year over), on 1 March of a leap year, and in 2031.
  const moves = [
    { name: 'New Year, logread', at: Date.UTC(2025, 0, 1), shape: 'logread' },
    { name: 'New Year, BSD without a year', at: Date.UTC(2024, 0, 1), shape: 'bsd-host' },
    { name: 'after 29 February', at: Date.UTC(2024, 2, 1), shape: 'logread' },
    { name: 'in 2031', at: Date.UTC(2031, 5, 15), shape: 'journal-short-iso' },
  ] as const;
  for (const c of CASES) {
    const times = [...parseLog(c.text, YEAR).clock.values()];
    if (times.length === 0) continue;
    const middle = (Math.min(...times) + Math.max(...times)) / 2;
    for (const m of moves) {
      const before = reshape(c.text, m.shape, { referenceYear: YEAR });
      const moved = reshape(c.text, m.shape, { referenceYear: YEAR, shiftMs: Math.round(m.at - middle) });
      if (moved === c.text) continue;
      it(`${c.name}: ${m.name}`, () => {
        assert.deepEqual(facts(analyzeText(moved, { referenceTime: REF }), 'exact'), facts(analyzeText(before, { referenceTime: REF }), 'exact'));
      });
    }
  }
});

describe('dates written with slashes or dashes are read in the order their writer used', () => {
  // LuCI's log table copied from a browser writes the browser's locale: en-GB day first, en-US
  // month first; a template with dashes writes an American's or a European's order. A date that
  // could be either is read as its separator usually means (slashes month first, dashes day first)
  // unless the file's dates say otherwise (a number over 12, or dates that change in one number
  // alone: a day passing). A log of one day whose day is 12 or less says neither.
  const day = (t: number | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString().slice(0, 10));
  let told = 0;
  for (const c of CASES) {
    const original = analyzeText(c.text, { referenceTime: REF });
    const f = original.files[0];
    // A yearless log the reader put in the year before (it would end after REF) is written with REF's year by the renderer.
    if (f.firstTime === undefined || f.lastTime === undefined || f.yearAssumed !== undefined) continue;
    const says = day(f.firstTime) !== day(f.lastTime) || new Date(f.firstTime).getUTCDate() > 12;
    // Written otherwise than its separator usually means, a log must say so; written as it usually means, it is read so.
    const unusual: Record<string, Record<string, string> | undefined> = { 'luci-en-gb': { '/': 'day-first' }, 'dashes-us': { '-': 'month-first' }, 'luci-en-us': undefined, 'dashes-eu': undefined };
    for (const shape of ['luci-en-us', 'luci-en-gb', 'dashes-us', 'dashes-eu'] as const) {
      const text = reshape(c.text, shape, { referenceYear: YEAR });
      if (text === c.text || (unusual[shape] && !says)) continue;
      told++;
      it(`${c.name} as ${shape}: the same first and last times`, () => {
        const a = analyzeText(text, { referenceTime: REF });
        assert.deepEqual([a.files[0].firstTime, a.files[0].lastTime].map(day), [f.firstTime, f.lastTime].map(day));
        assert.deepEqual(a.files[0].dateOrders, unusual[shape]);
      });
    }
  }
  it('has cases of every kind', () => assert.ok(told >= 60, `${told} cases`));
});

describe('reshape renders one record in each shape', () => {
  // The renderer is test code too: these pin what each shape looks like, so a wrong renderer
  // cannot make the metamorphic cases pass or fail for the wrong reason.
  const logread = 'Mon Dec  2 19:54:58 2024 daemon.notice gsmd[3553]: modem lost\n';
  const kernel = 'Mon Dec  2 19:54:58 2024 kern.info kernel: [  311.644380] usb 1-1: USB disconnect, device number 5\n';
  const cases: [Shape, string, string, ('pl' | 'de')?][] = [
    ['bsd-host', logread, 'Dec  2 19:54:58 router gsmd[3553]: modem lost\n'],
    // Envelopes the parser peels off (netifd's `iface (pid): `, ModemManager's level and object) stay.
    ['bsd-host', 'Sun Feb  9 12:31:49 2025 daemon.notice netifd: wan (5907): stopping network\n', 'Feb  9 12:31:49 router netifd: wan (5907): stopping network\n'],
    ['rfc5424', 'Tue Mar 15 18:22:55 2022 daemon.info [7618]: <info>  [modem0] state changed (registered -> disabling)\n', '<30>1 2022-03-15T18:22:55.000Z router - 7618 - - <info>  [modem0] state changed (registered -> disabling)\n'],
    ['bsd-nohost', kernel, 'Dec  2 19:54:58 kernel: [  311.644380] usb 1-1: USB disconnect, device number 5\n'],
    ['rfc5424', logread, '<29>1 2024-12-02T19:54:58.000Z router gsmd 3553 - - modem lost\n'],
    ['journal-short-iso', logread, '2024-12-02T19:54:58+0000 router gsmd[3553]: modem lost\n'],
    ['journal-short-precise', logread, 'Dec 02 19:54:58.000000 router gsmd[3553]: modem lost\n'],
    ['dmesg-T-foreign', kernel + logread, '[pon gru  2 19:54:58 2024] usb 1-1: USB disconnect, device number 5\n' + logread, 'pl'],
    ['dmesg-T-foreign', kernel, '[Mo Dez  2 19:54:58 2024] usb 1-1: USB disconnect, device number 5\n', 'de'],
    ['time-only', kernel, '19:54:58 kernel: [  311.644380] usb 1-1: USB disconnect, device number 5\n'],
    ['stripped', logread + kernel, 'daemon.notice gsmd[3553]: modem lost\nkern.info kernel: usb 1-1: USB disconnect, device number 5\n'],
    ['export-tsv', kernel, '2024-12-02 19:54:58.000\trouter\tkernel\t[  311.644380] usb 1-1: USB disconnect, device number 5\n'],
    ['export-bars', logread, '2024-12-02 19:54:58.000 | router | gsmd | modem lost\n'],
    ['export-csv', 'Mon Dec  2 19:54:58 2024 daemon.err gsmd[3553]: say "AT"\n', '"2024-12-02T19:54:58.000Z","router","err","gsmd","say ""AT"""\n'],
    ['export-headed', logread, '"message","host","severity","program","@timestamp"\n"modem lost","router","notice","gsmd","2024-12-02T19:54:58.000Z"\n'],
    ['terminal-80', kernel, kernel.slice(0, 80) + '\n' + kernel.slice(80)],
    ['forum-quote', 'a\n\nb', '> a\n> \n> b'],
    ['code-block', logread + '\n' + kernel, '    ' + logread + '\n    ' + kernel],
    ['bulleted', 'Mon Dec  2 19:54:58 2024 daemon.notice gsmd[3553]: modem\n    lost\n', '- Mon Dec  2 19:54:58 2024 daemon.notice gsmd[3553]: modem\n    lost\n'],
    ['crlf-bom', 'a\nb\n', '\uFEFFa\r\nb\r\n'],
  ];
  for (const [shape, input, expected, locale] of cases) {
    it(`${shape}${locale ? ` (${locale})` : ''}`, () => {
      assert.equal(reshape(input, shape, { referenceYear: 2024, ...(locale ? { locale } : {}) }), expected);
    });
  }

  it('a dmesg excerpt gets boot time + uptime, and a reboot does not turn the clock back', () => {
    const out = reshape('[  100.500000] usb 1-1: USB disconnect\n[    0.000000] Linux version 5.4\n', 'bsd-host', { referenceYear: 2024 });
    assert.equal(out, 'Dec  2 00:01:40 router kernel: [  100.500000] usb 1-1: USB disconnect\nDec  2 00:02:40 router kernel: [    0.000000] Linux version 5.4\n');
  });

  it('mail wrapping breaks at spaces before column 76 and indents what follows', () => {
    const long = `Mon Dec  2 19:54:58 2024 daemon.notice netifd: ${'word '.repeat(20)}end`;
    const out = reshape(long, 'mail-wrapped').split('\n');
    assert.ok(out.length > 1 && out.every((l) => l.length <= 76), out.join('\n'));
    assert.ok(out.slice(1).every((l) => l.startsWith('    ')));
    assert.equal(out.map((l) => l.trim()).join(' '), long);
  });

  it('lines that are not records pass through unchanged', () => {
    const text = 'root@RUT955:~# lsusb\nBus 001 Device 024: ID 05c6:9008\n[Dmesg]\n';
    for (const shape of ['bsd-host', 'rfc5424', 'stripped', 'time-only'] as const) assert.equal(reshape(text, shape), text);
  });
});
