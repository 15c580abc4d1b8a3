import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { ListingParts } from '../server/src/core/events/listingParts';
import type { Analysis } from '../server/src/core/model';
import { isTimeOnly } from '../server/src/core/records/timeWords';
import { documentSymbols } from '../server/src/lsp/outline';
import { DocumentAnalysis } from '../server/src/lsp/documentAnalysis';
import { LogDocument } from '../server/src/lsp/logDocument';
import { clockedShare, parseLog } from './support/reshape';

// A file that lists several logs: grep over rotated files (`messages:...`, `messages.1:...`),
// `tail -n +1 messages*` (`==> messages <==` before each), a troubleshoot system.log's
// `[Logfile ...]` sections. A shell lists `messages*` newest first; read as listed, the clock runs
// back at each new log and the span, the silences and the stories come out wrong. The same log
// cut into parts and listed so must get the diagnosis of the log itself, at the same lines.

const REF = Date.UTC(2024, 11, 4);
const YEAR = new Date(REF).getUTCFullYear();
const DIR = join(__dirname, 'fixtures', 'real');
const SAMPLE = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const YEAR_2000 = Date.UTC(2000, 0, 1);

const labels: { file: string; problems: string[] }[] = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8'));
const CASES = [
  { name: 'rut901-sample', text: SAMPLE },
  ...labels.filter((l) => !l.problems.includes('none')).map((l) => ({ name: l.file.slice(0, 3), text: readFileSync(join(DIR, l.file), 'utf8') })),
];

/**
 * The log's lines cut in three at record starts where every wall time before the cut is earlier
 * than every one after it (rotated logs do not overlap), each part with a wall time of its own;
 * undefined when the log has no such cuts.
 */
function cutInThree(text: string): string[][] | undefined {
  const log = parseLog(text, YEAR);
  if (clockedShare(log) < 0.5) return undefined;
  const lines = log.lines;
  const n = lines.length;
  const wall = lines.map((l) => (typeof l.result !== 'string' && l.result.time !== undefined && l.result.time >= YEAR_2000 && !isTimeOnly(l.result.time) ? l.result.time : undefined));
  const before = new Array<number>(n + 1).fill(-Infinity);
  for (let i = 0; i < n; i++) before[i + 1] = Math.max(before[i], wall[i] ?? -Infinity);
  const after = new Array<number>(n + 1).fill(Infinity);
  for (let i = n - 1; i >= 0; i--) after[i] = Math.min(after[i + 1], wall[i] ?? Infinity);
  const cuttable = (i: number): boolean => typeof lines[i].result !== 'string' && before[i] < after[i] && before[i] > -Infinity && after[i] < Infinity;
  const near = (target: number, from: number): number | undefined => {
    let best: number | undefined;
    for (let i = from; i < n; i++) if (cuttable(i) && (best === undefined || Math.abs(i - target) < Math.abs(best - target))) best = i;
    return best;
  };
  const a = near(Math.floor(n / 3), 1);
  if (a === undefined) return undefined;
  const b = near(Math.floor((2 * n) / 3), a + 1);
  // Each part holds a wall time: the cuts are apart by a timed line.
  if (b === undefined || !wall.slice(a, b).some((t) => t !== undefined)) return undefined;
  const raw = lines.map((l) => l.raw);
  return [raw.slice(0, a), raw.slice(a, b), raw.slice(b)];
}

const NAMES = ['messages.2', 'messages.1', 'messages'];

/** `grep -H '' messages messages.1 messages.2`: the newest part first, each line after its file's name. */
function grepListing(parts: string[][]): { text: string; lineText: (line: number) => string } {
  const lines = [2, 1, 0].flatMap((k) => parts[k].map((l) => `${NAMES[k]}:${l}`));
  return { text: lines.join('\n') + '\n', lineText: (line) => lines[line - 1].replace(/^messages(?:\.\d)?:/, '') };
}

/** `tail -n +1 messages messages.1 messages.2`: a header before each part, a blank line between them. */
function tailListing(parts: string[][]): { text: string; lineText: (line: number) => string } {
  const lines = [2, 1, 0].flatMap((k, i) => [...(i > 0 ? [''] : []), `==> ${NAMES[k]} <==`, ...parts[k]]);
  return { text: lines.join('\n') + '\n', lineText: (line) => lines[line - 1] };
}

/** What a person reads of a diagnosis: each finding's code, time and the text of the line it points at; the stories' verdicts; the span. */
function told(a: Analysis, lineText: (line: number) => string) {
  return {
    findings: a.findings.map((f) => `${f.code} ${f.time ?? '-'} ${lineText(f.line)}`).sort(),
    verdicts: a.episodes.map((e) => `${e.kind}: ${e.verdict}`),
    span: [a.files[0].firstTime, a.files[0].lastTime],
  };
}

/**
 * A log too long for one mail, sent as three (`Subject: ... (part k/3)`, each with a mail's header,
 * a line of prose and a signature), pasted into one file the last mail first: a thread as a mail
 * client shows it, newest on top.
 */
function mailListing(parts: string[][]): { text: string; lineText: (line: number) => string } {
  const mail = (k: number): string[] => [
    'From: Site Engineer <ops@example.net>',
    `Date: Wed, 4 Dec 2024 1${k}:00:00 +0100`,
    `Subject: Re: router lost its modem (part ${k + 1}/3)`,
    '',
    k === 0 ? 'Here is the log, it is too long for one mail:' : 'and the rest of it:',
    '',
    ...parts[k],
    '',
    '-- ',
    'Site Engineer',
    '',
  ];
  const lines = [2, 1, 0].flatMap(mail);
  return { text: lines.join('\n') + '\n', lineText: (line) => lines[line - 1] };
}

const LISTED_NOTICE = /lists 3 logs .* read in time order \(messages\.2, then messages\.1, then messages\)/;
const MAILS_NOTICE = /holds 3 mails .* read in time order \("Re: router lost its modem \(part 1\/3\)", then "[^"]*part 2\/3\)", then "[^"]*part 3\/3\)"\)/;

describe('a listing of rotated logs, newest first, gets the diagnosis of the log itself', () => {
  let compared = 0;
  const plainLines = (text: string) => {
    const lines = text.split('\n');
    return (line: number): string => lines[line - 1];
  };
  for (const c of CASES) {
    const parts = cutInThree(c.text);
    if (!parts) continue;
    compared++;
    const original = analyzeText(c.text, { referenceTime: REF });
    for (const [shape, listing] of [['grep -H', grepListing(parts)], ['tail -n +1', tailListing(parts)], ['three mails, the last first', mailListing(parts)]] as const) {
      it(`${c.name}, as ${shape} lists it`, () => {
        const a = analyzeText(listing.text, { referenceTime: REF });
        assert.deepEqual(told(a, listing.lineText), told(original, plainLines(c.text)));
        assert.ok(!a.findings.some((f) => f.code === 'clock-jump' && !original.findings.some((o) => o.code === 'clock-jump')), 'a new log of the listing is no clock jump');
        assert.match(a.notices.map((n) => n.message).join('\n'), shape.endsWith('first') ? MAILS_NOTICE : LISTED_NOTICE);
      });
    }
  }
  it('has enough logs that can be cut so for the comparison to mean something', () => assert.ok(compared >= 10, `${compared} cases`));
});

describe('a listing of several logs', () => {
  const parts = cutInThree(SAMPLE)!;
  it('listed oldest first is read as listed, with no notice and no clock jump', () => {
    const lines = [0, 1, 2].flatMap((k) => parts[k].map((l) => `${NAMES[k]}:${l}`));
    const a = analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
    const original = analyzeText(SAMPLE, { referenceTime: REF });
    // The same lines in the same places: the same findings at the same line numbers.
    assert.deepEqual(a.findings.map((f) => [f.code, f.line]), original.findings.map((f) => [f.code, f.line]));
    assert.doesNotMatch(a.notices.map((n) => n.message).join('\n'), /lists \d+ logs|overlap/);
  });

  it('sent as mails in their order is read as sent, with no notice, and the subjects are no events', () => {
    const listing = mailListing([parts[2], parts[1], parts[0]]);
    const a = analyzeText(listing.text, { referenceTime: REF });
    const original = analyzeText(SAMPLE, { referenceTime: REF });
    assert.deepEqual(told(a, listing.lineText), told(original, (line) => SAMPLE.split('\n')[line - 1]));
    assert.doesNotMatch(a.notices.map((n) => n.message).join('\n'), /mails|lists \d+ logs/);
    assert.ok(!a.events.some((e) => /^Subject:/.test(listing.lineText(e.line))), 'a subject is a person\'s words, not a log line');
  });

  it('whose times overlap (two logs of the same hours) is read as listed, and says so at the second log\'s first line', () => {
    const all = SAMPLE.trimEnd().split('\n');
    const odd = all.filter((_, i) => i % 2 === 0);
    const even = all.filter((_, i) => i % 2 === 1);
    const text = [...odd.map((l) => `kern.log:${l}`), ...even.map((l) => `syslog:${l}`)].join('\n') + '\n';
    const a = analyzeText(text, { referenceTime: REF });
    const overlap = a.notices.find((n) => /overlap/.test(n.message));
    assert.ok(overlap, a.notices.map((n) => n.message).join('\n'));
    assert.match(overlap.message, /`kern\.log` and `syslog`/);
    assert.equal(overlap.line, odd.length + 1);
    assert.doesNotMatch(a.notices.map((n) => n.message).join('\n'), /read in time order/);
    // The step back at the second log's first line is no clock jump of the router's.
    assert.ok(!a.findings.some((f) => f.code === 'clock-jump' && f.line === odd.length + 1));
  });

  it('in a troubleshoot system.log\'s [Logfile] sections is read in time order, and [Dmesg] stays where it is', () => {
    const kernel = '[  311.644380] usb 1-1: USB disconnect, device number 5';
    const text = ['[Dmesg]', kernel, '', '[Logfile messages]', ...parts[1], ...parts[2], '', '[Logfile messages.1]', ...parts[0]].join('\n') + '\n';
    const a = analyzeText(text, { referenceTime: REF });
    assert.match(a.notices.map((n) => n.message).join('\n'), /lists 3 logs \(Dmesg, Logfile messages, Logfile messages\.1\) .* \(Dmesg, then Logfile messages\.1, then Logfile messages\)/);
    const original = analyzeText(SAMPLE, { referenceTime: REF });
    assert.deepEqual([a.files[0].firstTime, a.files[0].lastTime], [original.files[0].firstTime, original.files[0].lastTime]);
    assert.ok(!a.findings.some((f) => f.code === 'clock-jump'));
  });

  it('keeps a kernel line of each log when two boots wrote it at the same uptime', () => {
    const boot = (day: number) => `Mon Dec  ${day} 10:00:0${day} 2024 kern.info kernel: [    5.120000] usb 1-1: new high-speed USB device number 2 using ehci-platform`;
    const text = `==> messages <==\n${boot(3)}\n\n==> messages.1 <==\n${boot(2)}\n`;
    const a = analyzeText(text, { referenceTime: REF });
    const enumerations = a.events.filter((e) => e.line === 2 || e.line === 5);
    assert.equal(enumerations.length, 2, JSON.stringify(a.events.map((e) => [e.id, e.line])));
  });

  it('shows each log as a section of the outline, at the file\'s lines, in the file\'s order', async () => {
    const listing = grepListing(parts);
    const doc = LogDocument.create('file:///listing.txt', 'routerlog', 1, listing.text);
    const result = await new DocumentAnalysis(doc, { referenceTime: REF }).result();
    const sections = documentSymbols(result).filter((s) => NAMES.some((name) => s.name === `[${name}]`));
    assert.deepEqual(sections.map((s) => [s.name, s.range.start.line + 1]), [['[messages]', 1], ['[messages.1]', parts[2].length + 1], ['[messages.2]', parts[2].length + parts[1].length + 1]]);
  });
});

describe('ListingParts', () => {
  const at = (d: number) => Date.UTC(2024, 11, d);
  it('moves only the parts with a time: one without keeps its place', () => {
    const p = new ListingParts(100);
    p.start('b', 1);
    p.time(at(3));
    p.start('notes', 10);
    p.start('a', 20);
    p.time(at(1));
    p.time(at(2));
    assert.deepEqual(p.order()?.order, [2, 1, 0]);
  });
  it('gives no order for parts in order, for one timed part, and past its budget of parts', () => {
    const inOrder = new ListingParts(100);
    inOrder.time(at(1));
    inOrder.start('b', 5);
    inOrder.time(at(2));
    assert.equal(inOrder.order(), undefined);
    const one = new ListingParts(100);
    one.start('a', 1);
    one.time(at(2));
    one.start('b', 5);
    assert.equal(one.order(), undefined);
    const many = new ListingParts(2);
    for (let k = 0; k < 4; k++) {
      many.start(`p${k}`, 10 * k + 2);
      many.time(at(10 - k));
    }
    assert.equal(many.order(), undefined);
  });
  it('lets 1970 and time-of-day stamps place no part', () => {
    const p = new ListingParts(100);
    p.start('new', 1);
    p.time(at(3));
    p.start('old', 5);
    p.time(1000);
    p.time(at(1));
    assert.deepEqual(p.order()?.order, [1, 0]);
  });
});
