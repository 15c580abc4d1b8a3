import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CATALOGUE } from '../server/src/core/catalogue';
import { LiteralScreen } from '../server/src/core/events/literalScreen';

// The catalogue's screen decides which lines the matcher looks at: a line it wrongly passes over
// is an event the report never shows. It must answer exactly as "does the span contain any of the
// literals" for any literals and any span, whatever the skips it takes.

/** ASCII letters in lower case, nothing else changed (what a pattern's `i` flag folds in a log's words). */
const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Whether `span` holds `literal`, in any ASCII case when it is one of `folded`. */
const holds = (span: string, literal: string, folded: ReadonlySet<string>): boolean => (folded.has(literal) ? asciiLower(span).includes(asciiLower(literal)) : span.includes(literal));

/** The answer by definition: some literal lies wholly inside `text[from, end)`. */
const reference = (literals: readonly string[], text: string, from: number, end: number, folded: ReadonlySet<string> = new Set()): boolean => {
  const span = text.slice(from, end);
  return literals.some((l) => holds(span, l, folded));
};

/** Every literal `text[from, end)` holds, by definition, sorted. */
const referenceFound = (literals: readonly string[], text: string, from: number, end: number, folded: ReadonlySet<string> = new Set()): string[] => {
  const span = text.slice(from, end);
  return [...new Set(literals.filter((l) => l.length > 0 && holds(span, l, folded)))].sort();
};
const sortedFound = (screen: LiteralScreen, text: string, from: number, end: number): string[] => [...screen.found(text, from, end, [])].sort();

const FIXTURES = join(__dirname, 'fixtures', 'real');
const LINES = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.log')).map((f) => join(FIXTURES, f)),
  join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'),
].flatMap((path) => readFileSync(path, 'utf8').split('\n'));

/** The literal sets the matcher screens with: one per catalogue tag, and all of them (no tag, or a tag no entry names). */
const literalsOf = (entries: typeof CATALOGUE): string[] => [...new Set(entries.flatMap((e) => (typeof e.literal === 'string' ? [e.literal] : [...e.literal])))];
const TAGS = [...new Set(CATALOGUE.flatMap((e) => e.tags ?? []))];
const SETS: [string, string[]][] = [
  ['(any tag)', literalsOf(CATALOGUE)],
  ...TAGS.map((t): [string, string[]] => [t, literalsOf(CATALOGUE.filter((e) => !e.tags || e.tags.includes(t)))]),
];

describe('the literal screen', () => {
  it('answers as a plain search on every real line, for every literal set of the catalogue, whole and from inside', () => {
    let passed = 0;
    for (const [tag, literals] of SETS) {
      const screen = new LiteralScreen(literals);
      for (const line of LINES) {
        // The whole line, the line from its middle, and the line inside a longer text.
        const half = line.length >> 1;
        const framed = `${literals[0]}\n${line}\n${literals[0]}`;
        const cases: [string, number, number][] = [[line, 0, line.length], [line, half, line.length], [framed, literals[0].length + 1, literals[0].length + 1 + line.length]];
        for (const [text, from, end] of cases) {
          const want = reference(literals, text, from, end);
          assert.equal(screen.test(text, from, end), want, `${tag}: ${JSON.stringify(text.slice(from, end))}`);
          // What the matcher asks of the lines the screen passes: which literals they hold.
          if (want) assert.deepEqual(sortedFound(screen, text, from, end), referenceFound(literals, text, from, end), `${tag}: ${JSON.stringify(text.slice(from, end))}`);
          if (want) passed++;
        }
      }
    }
    // The fixtures hold catalogued lines: the check saw both answers.
    assert.ok(passed > 100, `${passed} spans held a literal`);
  });

  it('answers as a plain search for any literals and any span (short literals, shared low bytes, a literal cut by the end)', () => {
    // Characters that share a low byte (A, Ł = U+0141, 䅁 = U+4141) and a surrogate pair.
    const alphabet = fc.constantFrom('a', 'b', 'A', 'Ł', '䅁', ' ', ':', '\n', '😀', 'ab', 'rro');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((w) => w.join(''));
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.array(fc.oneof(alphabet, word), { maxLength: 30 }), fc.nat(), fc.nat(), (literals, parts, a, b) => {
      const text = parts.join('');
      const from = a % (text.length + 1);
      const end = from + (b % (text.length - from + 1));
      const screen = new LiteralScreen(literals);
      assert.equal(screen.test(text, from, end), reference(literals, text, from, end));
      assert.deepEqual(sortedFound(screen, text, from, end), referenceFound(literals, text, from, end));
    }), { numRuns: 3000 });
  });

  it('finds the literals of a pattern that ignores case in any ASCII case, and only those', () => {
    // Characters a naive fold would confuse: `[`/`{` and `@`/`` ` `` share a low byte with the case bit set, `İ` and `K` (Kelvin) fold outside ASCII.
    const alphabet = fc.constantFrom('s', 'S', 'i', 'I', 'm', 'M', ' ', '[', '{', '@', '`', 'İ', 'K', 'ß', 'ab');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 8 }).map((w) => w.join(''));
    fc.assert(fc.property(fc.array(fc.tuple(word, fc.boolean()), { minLength: 1, maxLength: 8 }), fc.array(fc.oneof(alphabet, word), { maxLength: 30 }), (pairs, parts) => {
      const literals = pairs.map(([w]) => w);
      const folded = new Set(pairs.filter(([, f]) => f).map(([w]) => w));
      const text = parts.join('');
      const screen = new LiteralScreen(literals, folded);
      assert.equal(screen.test(text, 0, text.length), reference(literals, text, 0, text.length, folded));
      assert.deepEqual(sortedFound(screen, text, 0, text.length), referenceFound(literals, text, 0, text.length, folded));
      for (const l of literals) {
        const want = folded.has(l) ? asciiLower(text).lastIndexOf(asciiLower(l)) : text.lastIndexOf(l);
        assert.equal(screen.lastIndexOf(text, l, text.length), want, `${l} in ${text}`);
      }
    }), { numRuns: 3000 });
    const screen = new LiteralScreen(['no sim card', 'Modem'], new Set(['no sim card']));
    assert.equal(screen.test('No Sim Card inserted', 0, 20), true);
    assert.equal(screen.test('NO SIM CARD', 0, 11), true);
    assert.equal(screen.test('MODEM gone', 0, 10), false, 'a literal not folded keeps its case');
  });

  it('lists each literal a span holds once, and empties the list it is given first', () => {
    const screen = new LiteralScreen(['errno', 'urb', 'modem failed', 'is now down']);
    const text = 'urb: modem failed: errno 5, errno 5, urb again';
    const out = ['left over'];
    assert.equal(screen.found(text, 0, text.length, out), out);
    assert.deepEqual([...out].sort(), ['errno', 'modem failed', 'urb']);
    assert.deepEqual(screen.found('nothing here', 0, 12, out), []);
  });

  it('finds a literal that ends the span, and not one that runs past it or starts before it', () => {
    const screen = new LiteralScreen(['errno', 'is now down']);
    const text = 'x gsmd: modem failed: errno 5, is now down';
    assert.equal(screen.test(text, 0, text.length), true);
    assert.equal(screen.test(text, 0, text.indexOf('errno') + 5), true);
    assert.equal(screen.test(text, 0, text.indexOf('errno') + 4), false);
    assert.equal(screen.test(text, text.indexOf('errno') + 1, text.indexOf(', is')), false);
    assert.equal(screen.test(text, text.indexOf('is now'), text.length), true);
  });
});
