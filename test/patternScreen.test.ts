import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FORMATS } from '../server/src/core/formats/registry';
import { isAnchored, PatternScreen } from '../server/src/core/formats/patternScreen';

// The screen stands before the registry's formats when a JSON message or a joined line is asked
// whether some format may read it: a line it wrongly turns away is a nested log line read as plain
// text (its clock, program and level lost). It must answer as the patterns asked one by one.

const FIXTURES = join(__dirname, 'fixtures', 'real');
const LINES = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.log')).map((f) => join(FIXTURES, f)),
  join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'),
].flatMap((path) => readFileSync(path, 'utf8').split('\n'));

const PATTERNS = FORMATS.map((f) => f.pattern);
const oneByOne = (patterns: readonly RegExp[], text: string): boolean => patterns.some((p) => new RegExp(p.source, p.flags).test(text));

describe('the pattern screen', () => {
  it('is made of patterns it can combine: none refers to a group by name or number', () => {
    for (const p of PATTERNS) assert.doesNotMatch(p.source, /\\k<|\\[1-9]/, p.source);
  });

  it('answers as the registry patterns one by one on every real line, for every format left out in turn', () => {
    let matched = 0;
    const sets = [PATTERNS, ...PATTERNS.map((_, i) => PATTERNS.filter((__, k) => k !== i))];
    for (const set of sets) {
      const screen = new PatternScreen(set);
      for (const line of LINES) {
        const want = oneByOne(set, line);
        assert.equal(screen.test(line), want, JSON.stringify(line));
        if (want) matched++;
      }
    }
    // The fixtures hold lines of many formats: both answers were seen.
    assert.ok(matched > 1000, `${matched} lines matched`);
  });

  it('answers as the patterns one by one on generated text, for each format alone', () => {
    // Text made of the characters stamps and envelopes are made of, so the patterns do match some.
    const piece = fc.constantFrom('2024-11-01', 'T08:00:01', ',000000', '+01:00', ' ', '<6>', '[', ']', '  12.345678', 'Mon', 'Nov', ' 1', '08:00:01', 'daemon.info', 'kernel: ', 'gsmd[123]: ', '{', 'E (1234) ', 'x', ':', '.', '1730448001.5 ');
    const screens = PATTERNS.map((p) => new PatternScreen([p]));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), (text) => {
        PATTERNS.forEach((p, i) => assert.equal(screens[i].test(text), oneByOne([p], text), `${p.source} on ${JSON.stringify(text)}`));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a pattern with other flags apart: a case-sensitive pattern is not made to ignore case', () => {
    const screen = new PatternScreen([/^abc/, /^xyz/i]);
    assert.equal(screen.test('ABC'), false);
    assert.equal(screen.test('XYZ'), true);
    assert.equal(screen.test('abc'), true);
  });

  it('anchors only the patterns anchored as a whole: a branch after a top-level bar may match anywhere', () => {
    assert.equal(isAnchored(String.raw`^a(?:b|c)[|]\|`), true);
    assert.equal(isAnchored('^a|b'), false);
    assert.equal(isAnchored('a'), false);
    // The registry's are all anchored, so each is asked at the text's start only.
    for (const p of PATTERNS) assert.equal(isAnchored(p.source), true, p.source);
    const screen = new PatternScreen([/^x/, /^a|b/, /c/]);
    assert.equal(screen.test('..b'), true);
    assert.equal(screen.test('..c'), true);
    assert.equal(screen.test('..x'), false);
    assert.equal(screen.test('x..'), true);
  });

  it('makes named groups plain, even a name used by two patterns, and leaves lookbehinds and escaped brackets alone', () => {
    const screen = new PatternScreen([/^(?<stamp>\d{2}):(?<=\d:)x/, /^\(?<stamp>\w+\)/, /^(?<stamp>[a-z]+)!/]);
    assert.equal(screen.test('12:x'), true);
    assert.equal(screen.test('(?<stamp>ab)'.replace('(?<stamp>', '<stamp>')), true);
    assert.equal(screen.test('word!'), true);
    assert.equal(screen.test('word?'), false);
  });
});
