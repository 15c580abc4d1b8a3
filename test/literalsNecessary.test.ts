import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../server/src/core/analyze';
import { CATALOGUE } from '../server/src/core/catalogue';
import { EventMatcher } from '../server/src/core/events/eventMatcher';

// The catalogue's screen (events/literalScreen.ts) lets a message reach an entry's pattern only
// when the message holds one of the entry's literals. A literal that is not in every text the
// pattern matches silently drops part of the pattern: `Updated internal modem firmware` as the
// literal of `^Updated (?<modemType>\w+) modem firmware` never let an external modem's line be
// read, and a pattern's second alternative with no literal of its own was never matched at all.
// The samples cannot show this (they are the lines the literal was written from), so this test
// asks fast-check for texts each pattern matches, of every alternative and repetition it has, and
// asserts each holds a literal.

/**
 * The pattern with what fast-check cannot generate from taken out: word boundaries and look-arounds
 * (leaving one out only lets the pattern match more texts, so a literal that every one of those
 * holds is in every text of the pattern), and the flags (a pattern that ignores case is checked in
 * the case it is written in, which is the case its literals are written in).
 */
export function loosened(pattern: RegExp): RegExp {
  const s = pattern.source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      const next = s[i + 1];
      if (!inClass && (next === 'b' || next === 'B')) { i++; continue; }
      out += c + next;
      i++;
      continue;
    }
    if (inClass) { if (c === ']') inClass = false; out += c; continue; }
    if (c === '[') { inClass = true; out += c; continue; }
    if (c === '(' && /^\(\?(?:=|!|<=|<!)/.test(s.slice(i, i + 4))) { i = closingParen(s, i); continue; }
    out += c;
  }
  return new RegExp(out);
}

/** The index of the `)` that closes the group opened at `open`. */
function closingParen(s: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new Error(`unclosed group in /${s}/`);
}

/** ASCII letters in lower case: what the screen folds for a pattern that ignores case. */
const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

const literalsOf = (literal: string | readonly string[]): readonly string[] => (typeof literal === 'string' ? [literal] : literal);

describe('each catalogue entry\'s literals are in every text its pattern matches', () => {
  it('takes word boundaries and look-arounds out of a pattern, and nothing else', () => {
    assert.equal(loosened(/^\bfoo(?=bar)[\b(]x(?<!y(z))\d/i).source, '^foo[\\b(]x\\d');
    assert.equal(loosened(/a(?:b|c)(?<n>d)/).source, 'a(?:b|c)(?<n>d)');
  });

  const screened = CATALOGUE.filter((e) => e.fallbackLevel === undefined);
  it('checks every screened entry', () => assert.ok(screened.length > 150, `${screened.length} entries`));
  for (const entry of screened) {
    it(entry.id, () => {
      const folds = entry.pattern.flags.includes('i');
      const literals = literalsOf(entry.literal).map((l) => (folds ? asciiLower(l) : l));
      const texts = fc.sample(fc.stringMatching(loosened(entry.pattern)), { numRuns: Number(process.env.RUNS ?? 200), seed: Number(process.env.SEED ?? 11) });
      for (const text of texts) {
        assert.ok(literals.some((l) => (folds ? asciiLower(text) : text).includes(l)), `/${entry.pattern.source}/ matches ${JSON.stringify(text)}, which holds none of ${JSON.stringify(literals)}`);
      }
    });
  }
});

describe('the screen never stops a message an entry reads', () => {
  // The matcher as the product uses it (screen, literals found, entries tried): every text an
  // entry's pattern matches, written by a program the entry names, is read by some entry (an
  // earlier one may take it). Entries that need an envelope field are left out: a bare message has none.
  const matcher = new EventMatcher(CATALOGUE);
  for (const entry of CATALOGUE.filter((e) => e.fallbackLevel === undefined && e.envelope === undefined)) {
    it(entry.id, () => {
      const generated = fc.sample(fc.stringMatching(loosened(entry.pattern)), { numRuns: 50, seed: 5 });
      // A pattern that ignores case reads its words in capitals and in title case too (`No Sim Card`).
      const cased = entry.pattern.flags.includes('i') ? generated.flatMap((t) => [t, t.toUpperCase(), t.replace(/\b[a-z]/g, (c) => c.toUpperCase())]) : generated;
      const texts = cased.filter((t) => entry.pattern.test(t));
      for (const message of texts) {
        for (const tag of [entry.tags?.[0], undefined]) {
          const record = { line: 1, endLine: 1, format: 'logread' as const, tag: tag === '-' ? undefined : tag, message };
          assert.ok(matcher.match(record), `${JSON.stringify(message)} from ${tag ?? 'no program'} is read by no entry`);
        }
      }
    });
  }
});

describe('lines the screen stopped before are read', () => {
  const REF = Date.UTC(2024, 11, 4);
  for (const [line, finding] of [
    ['Tue Dec  3 10:01:40 2024 kern.info Updated external modem firmware from EC200AEUHAR01A13M16 to EC200AEUHAR01A19M16', undefined],
    ['Tue Dec  3 10:01:41 2024 daemon.info dfota[123]: Doing basic checks for gsm.modem0...', undefined],
    ['Tue Dec  3 10:01:42 2024 daemon.err cellmgr[812]: SIM PIN is required', 'sim-error'],
    ['Tue Dec  3 10:01:43 2024 daemon.err cellmgr[812]: invalid SIM PIN', 'sim-error'],
    ['Tue Dec  3 10:01:44 2024 daemon.err cellmgr[812]: SIM card is not detected', 'sim-error'],
    ['Tue Dec  3 10:01:45 2024 daemon.err cellmgr[812]: No Sim Card Inserted', 'sim-error'],
    ['Tue Dec  3 10:01:46 2024 daemon.err cellmgr[812]: Modem Not Responding', 'modem-unresponsive'],
    ['Tue Dec  3 10:01:47 2024 daemon.err cellmgr[812]: Network Registration Denied', 'registration-failed'],
  ] as const) {
    it(line.slice(25), () => {
      const a = analyzeText(`${line}\n`, { referenceTime: REF });
      assert.equal(a.events.length, 1, 'one event');
      if (finding) assert.deepEqual(a.findings.map((f) => f.code), [finding]);
    });
  }
});
