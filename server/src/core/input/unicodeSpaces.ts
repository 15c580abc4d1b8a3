// Spaces other than ASCII's that pasted logs carry: a no-break space (U+00A0) where Outlook,
// Teams, Word or a web page's `&nbsp;` put one, a narrow no-break space (U+202F, macOS's time
// formats), and the typographic spaces (U+2000-U+200A) and others of Unicode's space separators.
// A log writes none of them, so each is read as an ASCII space: one UTF-16 unit for one, so
// every column of the line stays where the editor shows it.

/** The space separators (Unicode's Zs) other than U+0020 and U+00A0. */
const WIDE_SPACES = /[\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const ANY_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/**
 * Whether the text holds one. Two searches, not one regular expression: indexOf finds U+00A0 at
 * memory speed, and V8 answers the wide ones at once for a text of one-byte characters, which a
 * log nearly always is (a class of all of them scanned 45 MB in 26 ms, these two in 2 ms).
 */
export function hasUnicodeSpace(text: string): boolean {
  return text.indexOf('\u00a0') >= 0 || WIDE_SPACES.test(text);
}

/** The text with each of them an ASCII space. */
export function asciiSpaces(text: string): string {
  return text.replace(ANY_SPACES, ' ');
}

/**
 * Whitespace that JavaScript's `\s` matches besides ASCII's space and tab and the space
 * separators above: a vertical tab, a form feed, the line and paragraph separators (U+2028,
 * U+2029) and a zero-width no-break space (a byte-order mark inside a line). The full parser's
 * patterns take each for a space; the fast readers, which compare characters, do not: a line that
 * holds one is left to the full parser, so both lanes read it alike (a fuzzed `kernel: \u2028[  70.9]`
 * was dmesg to one and stripped text to the other).
 */
// As a character class's source, which lineSplitter's SPECIAL holds too.
export const OTHER_WHITESPACE_CHARS = '\\v\\f\\u2028\\u2029\\ufeff';
const WIDE_OTHER_WHITESPACE = /[\u2028\u2029\ufeff]/;

/**
 * Whether the text holds one of them. Native searches, as hasUnicodeSpace: the class of all five
 * scans a text of one-byte characters to its end for the vertical tab and form feed (10 ms of an 11
 * MB document), two indexOf find those at memory speed and V8 answers the wide ones at once.
 */
export function hasOtherWhitespace(text: string): boolean {
  return text.indexOf('\v') >= 0 || text.indexOf('\f') >= 0 || WIDE_OTHER_WHITESPACE.test(text);
}

/**
 * Typographic single quotes and the prime a text converter puts where a log wrote an ASCII `'` (a
 * mail client's or a web page's `‘wwan’`): each is read as `'`, one unit for one, as the spaces
 * above are (a blind probe's HTML mail had `Interface ‘wwan’ is now down` unread). A log writes
 * none of them. Not the double ones: a `”` in a JSON string or a CSV field made `"` would end it
 * (the metamorphic tests' JSON re-tellings of a log that quotes with them).
 */
const TYPOGRAPHIC_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/;
const EVERY_TYPOGRAPHIC_QUOTE = new RegExp(TYPOGRAPHIC_QUOTES.source, 'g');

/** Whether the text holds one (a class V8 answers at once for a text of one-byte characters). */
export function hasTypographicQuote(text: string): boolean {
  return TYPOGRAPHIC_QUOTES.test(text);
}

/** The text with each typographic single quote an ASCII one. */
export function asciiQuotes(text: string): string {
  return text.replace(EVERY_TYPOGRAPHIC_QUOTE, "'");
}
