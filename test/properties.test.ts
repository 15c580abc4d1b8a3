import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../server/src/core/analyze';
import { LineParser, type ParseResult } from '../server/src/core/records/lineParser';
import { LineSplitter } from '../server/src/core/input/lineSplitter';
import { isClean } from '../server/src/lsp/logDocument';

// Logs are written by strangers and pasted through forums and mail: whatever arrives, the parser
// must give every line a record or a reason, and the analysis must count every line and finish.
// These properties look for the inputs nobody thought of; the fixtures only cover the ones we did.

const REF = Date.UTC(2024, 11, 4);
const SKIP_REASONS = new Set(['blank', 'elision', 'continuation', 'binary', 'too-long-truncated', 'mail-header']);

const FIXTURES = join(__dirname, 'fixtures', 'real');
/** Every non-blank line of the real fixtures and the bundled sample: the seeds of the mutations. */
const REAL_LINES: string[] = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.log')).map((f) => join(FIXTURES, f)),
  join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'),
].flatMap((path) => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== ''));

/** Pieces that steer the parser into its branches: clocks, brackets, tags, months, artefacts. */
const TOKENS = [
  '\0', '\r', '\t', '\x1b', '\x7f', '\uFFFD', '\uFEFF', ' ', '  ', '[', ']', '<', '>', '> ', '`', '```', '_', ':', ': ', '.', '...', '…',
  '0', '1', '7', '42', '2024', '99999999999', '-1', '19:54:59', '25:61:61', '0.000000', '[    1.234567]', '[422506.592997]', '[000.294]:',
  'Mon', 'Dec', 'dec', 'Feb', 'jun', 'gru', 'wto', 'Mär', 'Dez', 'déc', 'maig', 'Dec  2 19:54:59', 'Mon Dec  2 19:54:59 2024',
  '2024-12-02T19:54:59', '+0200', 'Z', '<30>1 ', '<191>', '<999>', 'kernel:', 'kernel: ', 'daemon.info', 'kern.warn', 'user.notice:',
  'gsmd[3553]: ', '[2656]: ', 'router', 'root@RUT955:~# ', 'Bus 001 Device 024: ID 05c6:9008', '[Dmesg]', '[Logread]', 'usb 1-1: ',
];

const noNewline = (s: string): string => s.replace(/\n/g, '');

/** One physical line as LineSplitter would hand it over (never containing LF). */
const lineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((t) => t.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 120 }).map(noNewline) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\0', '\x01', '\r', '\uFFFD', 'a', ' '), maxLength: 600 }) },
  // Past the parser's 16 KiB match window and the splitter's 64 KiB line bound.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TOKENS, 'x', 'Dec  2 19:54:59 host tag: '), fc.integer({ min: 16_000, max: 70_000 })).map(([t, n]) => noNewline(t.repeat(Math.ceil(n / t.length)).slice(0, n))) },
  { weight: 2, arbitrary: fc.constantFrom(...REAL_LINES) },
);

/** The parser's contract: a skip reason, or a record that says where it is and what it holds. */
function assertWellFormed(r: ParseResult, lineNo: number): void {
  if (typeof r === 'string') {
    assert.ok(SKIP_REASONS.has(r), `unknown skip reason ${r}`);
    return;
  }
  assert.equal(typeof r, 'object');
  assert.equal(r.line, lineNo);
  assert.ok(typeof r.endLine === 'number' && r.endLine >= r.line);
  assert.equal(typeof r.format, 'string');
  assert.equal(typeof r.message, 'string');
  // A NaN clock would sort and subtract silently wrong in every detector downstream.
  if (r.time !== undefined) assert.ok(Number.isFinite(r.time), `time ${r.time}`);
  if (r.uptime !== undefined) assert.ok(Number.isFinite(r.uptime), `uptime ${r.uptime}`);
}

/**
 * How many lines LineSplitter numbers: one per line end (LF, CRLF or a lone CR, as an editor
 * counts them), plus an unterminated last line.
 */
function physicalLines(text: string): number {
  if (text === '') return 0;
  const parts = text.split(/\r\n|\r|\n/);
  return parts[parts.length - 1] === '' ? parts.length - 1 : parts.length;
}

type Mutation = (s: string) => string;
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom(...TOKENS, 'x', '9')).map(([at, ins]): Mutation => (s) => s.slice(0, at % (s.length + 1)) + ins + s.slice(at % (s.length + 1))),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })).map(([at, n]): Mutation => (s) => s.slice(0, at % (s.length + 1)) + s.slice((at % (s.length + 1)) + n)),
  fc.constant<Mutation>((s) => s + '\r'),
  fc.constant<Mutation>((s) => '\uFEFF' + s),
  fc.constant<Mutation>((s) => '> ' + s),
  fc.constant<Mutation>((s) => '`' + s + '`'),
  fc.constant<Mutation>((s) => s.replace(/\d/g, '9')),
  fc.constant<Mutation>((s) => s.slice(0, Math.floor(s.length / 2))),
);
const mutatedLineArb = fc.tuple(fc.constantFrom(...REAL_LINES), fc.array(mutationArb, { minLength: 1, maxLength: 5 }))
  .map(([line, ms]) => noNewline(ms.reduce((s, m) => m(s), line)));

describe('properties: the parser is total', () => {
  it('any line yields a skip reason or a well-formed record', () => {
    fc.assert(fc.property(lineArb, (line) => {
      assertWellFormed(new LineParser({ referenceYear: 2024 }).parse(line, 1), 1);
    }), { numRuns: 1000 });
  });

  it('a sequence of lines through one parser keeps every result well-formed', () => {
    // State spans lines (sections, mail-wrapped records, the year): junk after a record must not
    // corrupt it, and a record extended by a continuation must still hold together.
    fc.assert(fc.property(fc.array(lineArb, { maxLength: 30 }), (lines) => {
      const p = new LineParser({ referenceYear: 2024 });
      lines.forEach((l, i) => assertWellFormed(p.parse(l, i + 1), i + 1));
    }), { numRuns: 300 });
  });

  it('real lines mutated by pasting (CR, BOM, quotes, backticks, edits) still parse', () => {
    fc.assert(fc.property(fc.array(mutatedLineArb, { minLength: 1, maxLength: 10 }), (lines) => {
      const p = new LineParser({ referenceYear: 2024 });
      lines.forEach((l, i) => assertWellFormed(p.parse(l, i + 1), i + 1));
    }), { numRuns: 600 });
  });
});

describe('properties: the analysis finishes and counts every line', () => {
  const textArb = fc.tuple(
    fc.array(fc.oneof(lineArb, mutatedLineArb), { maxLength: 40 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  ).map(([lines, eol, trailing]) => lines.join(eol) + (trailing && lines.length ? eol : ''));

  it('analyzeText never throws and reports as many lines as the text has', () => {
    fc.assert(fc.property(textArb, (text) => {
      const a = analyzeText(text, { referenceTime: REF });
      assert.equal(a.files.length, 1);
      assert.equal(a.files[0].lines, physicalLines(text));
      for (const f of a.findings) assert.ok(f.line >= 1 && f.line <= a.files[0].lines, `${f.code} points at line ${f.line} of ${a.files[0].lines}`);
    }), { numRuns: 400 });
  });

  it('past 2000 lines, where the fast lane takes plain logread lines, nothing changes but speed', () => {
    // The fast lane skips building records for lines no catalogue entry can match; junk mixed
    // into a long plain log must neither break it nor make it see other findings than the parser.
    const sample = readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8').split('\n').filter((l) => l !== '');
    const clock = (i: number): string => new Date(Date.UTC(2024, 11, 2, 10) + i * 1000).toUTCString().slice(17, 25);
    const plain = Array.from({ length: 2001 }, (_, i) => i % 10
      ? `Mon Dec  2 ${clock(i)} 2024 daemon.info dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.${i % 250} f0:2f:74:1c:33:8a laptop`
      : `Mon Dec  2 ${clock(i)} 2024 kern.info kernel: [ ${(100 + i).toFixed(6)}] br-lan: port 1(eth0) entered forwarding state`);
    fc.assert(fc.property(fc.array(fc.oneof(lineArb, mutatedLineArb, fc.constantFrom(...sample)), { minLength: 1, maxLength: 40 }), (tail) => {
      const text = [...plain, ...tail].join('\n');
      const fast = analyzeText(text, { referenceTime: REF });
      const full = analyzeText(text, { referenceTime: REF, fastLane: false });
      assert.equal(fast.files[0].lines, physicalLines(text));
      assert.deepEqual(fast.findings.map((f) => `${f.code}@${f.line}`), full.findings.map((f) => `${f.code}@${f.line}`));
    }), {
      numRuns: 40,
      // Found by this property: after a plain logread line, the full parser reads an untimed
      // `word: text` line as that record's mail-wrapped continuation, the fast lane as a line of
      // its own (here a firmware download failure). Kept as an example so it is always tried.
      examples: [[['litefw_DownloadFW failed: 100']]],
    });
  });

  it('counts lines the way the splitter does at the edges', () => {
    // Fixed cases of the rule the properties rely on, so a wrong physicalLines cannot hide a bug.
    for (const [text, n] of [['', 0], ['\n', 1], ['a', 1], ['a\n', 1], ['a\n\n', 2], ['a\r\nb', 2], ['\n\n\n', 3], ['a\rb', 2], ['a\r', 1], ['a\r\r\nb', 3], ['\r\n\r', 2]] as const) {
      assert.equal(physicalLines(text), n, JSON.stringify(text));
      assert.equal(analyzeText(text, { referenceTime: REF }).files[0].lines, n, JSON.stringify(text));
    }
  });
});

describe('properties: the splitter hands over the same lines as strings or where they lie', () => {
  /** What a splitter fed `chunks` hands over, line by line; with `spans`, lines inside a clean text come as spans. */
  type Range = { text: string; start: number; end: number };
  const split = (chunks: readonly (Buffer | string | Range)[], spans: boolean): { lines: [number, string][]; spans: number; stats: unknown } => {
    const lines: [number, string][] = [];
    let spanCount = 0;
    const splitter = new LineSplitter(
      (text, n) => lines.push([n, text]),
      spans ? (text, start, end, n) => {
        spanCount++;
        // A span ends before a LF, and holds none of what a line must be looked at for.
        assert.equal(text.charCodeAt(end), 10);
        assert.doesNotMatch(text.slice(start, end), /[\0\x1b\uFFFD\r\n]/);
        lines.push([n, text.slice(start, end)]);
      } : undefined,
    );
    for (const c of chunks) if (typeof c === 'string') splitter.pushText(c);
    else if (c instanceof Uint8Array) splitter.push(c);
    else splitter.pushCleanRange(c.text, c.start, c.end);
    splitter.end();
    return { lines, spans: spanCount, stats: splitter.stats };
  };
  const textArb = fc.array(fc.oneof(lineArb, fc.constantFrom('', '\r', 'é ü 模', '\x1b[31mred\x1b[0m')), { maxLength: 40 }).chain((ls) => fc.constantFrom(ls.join('\n'), ls.join('\r\n'), `${ls.join('\n')}\n`));

  /** `value` cut at `cuts` (each taken modulo `length + 1`), in order. */
  const cut = <T extends string | Buffer>(value: T, cuts: readonly number[], length = value.length): T[] => {
    const at = [...new Set(cuts.map((c) => c % (length + 1)))].sort((a, b) => a - b);
    return [0, ...at].map((a, i, all) => value.slice(a, all[i + 1] ?? undefined) as T);
  };
  const sameSplit = (got: ReturnType<typeof split>, want: ReturnType<typeof split>): void => {
    assert.deepEqual(got.lines, want.lines);
    assert.deepEqual(got.stats, want.stats);
  };

  it('bytes in any chunks, or text: the same lines, numbers and counts', () => {
    fc.assert(fc.property(textArb, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (text, cuts, asText) => {
      const bytes = Buffer.from(text);
      const chunks = asText ? cut(text, cuts, bytes.length) : cut(bytes, cuts);
      sameSplit(split(chunks, true), split(chunks, false));
    }), { numRuns: 300 });
  });

  it('clean ranges of a longer text (an editor document\'s pieces): the same lines as the text, nothing read past a range', () => {
    // Clean as the server's pieces are (logDocument.ts isClean): no unicode spaces or other white
    // space either, which only a string of its own gives with ASCII spaces (fast-check's seed
    // -281665390 found U+3000 in a clean range).
    const cleanText = textArb.map((t) => t.replace(/[\r\x1b\0\uFFFD]/g, '')).filter(isClean);
    fc.assert(fc.property(cleanText, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
      const parts = cut(text, cuts);
      // Each part lies in a text of its own, between lines that must not be read: a line end
      // after a range is not the range's, and what follows it is not a line of this text.
      const around = '\u0000\r\nnot this log\n';
      const ranges = parts.map((p) => ({ text: `${around}${p}\n${around}`, start: around.length, end: around.length + p.length }));
      sameSplit(split(ranges, true), split(parts, false));
    }), { numRuns: 300 });
  });

  it('a clean range with a line over the longest kept, whole or cut between ranges: cut and counted as in text', () => {
    const long = `Mon Dec  2 19:54:59 2024 daemon.info gsmd[1]: ${'x'.repeat(70_000)}`;
    const text = `a: one\n${long}\nb: two\n${long}`;
    const want = split([text], false);
    for (const at of [0, 10, 40_000, 70_010, text.length - 5]) {
      const around = `${text}\nnot this log\n`;
      sameSplit(split([{ text: around, start: 0, end: at }, { text: around, start: at, end: text.length }], true), want);
    }
    assert.equal((want.stats as { truncatedLines: number }).truncatedLines, 2);
  });

  it('a plain log is handed over as spans, a line with an ESC or invalid bytes as a string of its own', () => {
    const log = 'Mon Dec  2 19:54:59 2024 daemon.info gsmd[1]: a\n'.repeat(100);
    assert.equal(split([Buffer.from(log)], true).spans, 100);
    assert.equal(split([log], true).spans, 100);
    // The piece with the ESC is handed over as strings; its stats count the invalid byte as before.
    const dirty = split([Buffer.concat([Buffer.from(log), Buffer.from('x \x1b[0m\n'), Buffer.from([0xff, 0x0a])])], true);
    assert.equal(dirty.spans, 0);
    assert.equal(dirty.lines.length, 102);
    assert.equal((dirty.stats as { invalidUtf8Lines: number }).invalidUtf8Lines, 1);
  });
});

describe('properties: a piece is clean exactly when it holds none of the characters that need a line of their own', () => {
  // isClean answers with native searches (one per character or a class V8 answers at once for
  // one-byte text); this is the one class they stand for, read as one regular expression.
  const UNCLEAN = /[\r\0\x1b\uFFFD\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\v\f\u2028\u2029\ufeff\u2018\u2019\u201a\u201b\u2032]/;
  const chars = fc.constantFrom('a', ' ', '\t', '\n', 'é', '\u00ff', '\u0100', '€', '\v', '\f', '\r', '\0', '\x1b', '\uFFFD', '\u00a0', '\u2007', '\u202f', '\u2028', '\u2029', '\ufeff', '\u3000', '\ud83d', '\u2018', '\u201d', '\u2033');
  it('in one-byte and two-byte texts alike', () => {
    fc.assert(fc.property(fc.array(chars, { maxLength: 30 }), fc.boolean(), (list, wide) => {
      // A character above U+00FF anywhere makes V8 keep the whole text two bytes a character.
      const text = list.join('') + (wide ? 'ā' : '');
      assert.equal(isClean(text), !UNCLEAN.test(text), JSON.stringify(text));
    }), { numRuns: 2000 });
  });
});
