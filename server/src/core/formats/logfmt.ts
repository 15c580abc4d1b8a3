import { readFieldsByRole, type JsonLine } from './jsonLines';

// logfmt: a record as `key=value` pairs on one line, the way Go's loggers write text (log/slog's
// TextHandler, logrus, go-kit, Grafana's and Prometheus' daemons, Mender on embedded Linux):
// `time=2024-12-02T19:54:59Z level=WARN msg="modem lost" port=1-1`. A value with a space or a
// quote is quoted, with Go's escapes. The pairs are read by role as a JSON line's keys are
// (jsonLines.ts JSON_FIELDS), so a logger with other names is one more key there.

/** A key as logfmt writes one: no space, `=` or quote. */
const KEY_CHAR = /[^\s="]/;

/**
 * The fields of a line of logfmt pairs with a message, by role; undefined for any other line (two
 * pairs at least, every word of the line a `key=value`, a quoted value closed). Never throws.
 */
export function readLogfmtLine(text: string): JsonLine | undefined {
  const pairs = logfmtPairs(text);
  return pairs ? readFieldsByRole(pairs) : undefined;
}

/** The pairs of a logfmt line (`least` of them at least), or undefined when a word of it is no pair. */
export function logfmtPairs(text: string, least = 2): Record<string, string> | undefined {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  let n = 0;
  let i = 0;
  const end = text.length;
  while (i < end) {
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i >= end) break;
    const keyStart = i;
    while (i < end && KEY_CHAR.test(text[i])) i++;
    if (i === keyStart || text.charCodeAt(i) !== 0x3d /* = */) return undefined;
    const key = text.slice(keyStart, i);
    // A first key with a colon is grep's file name glued to the line's first key
    // (`messages:time=...`): the line is read after that name (lineParser's grep lead), not so.
    if (n === 0 && key.includes(':')) return undefined;
    i++;
    let value: string;
    if (text.charCodeAt(i) === 0x22 /* " */) {
      const read = quoted(text, i);
      if (!read) return undefined;
      value = read.value;
      i = read.end;
      // A quoted value ends its word.
      if (i < end && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) return undefined;
    } else {
      const start = i;
      while (i < end && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) i++;
      value = text.slice(start, i);
      if (value.includes('"')) return undefined;
    }
    out[key] = value;
    n++;
  }
  return n >= least ? out : undefined;
}

/** Go's escapes in a quoted value (strconv.Quote): the common ones, and any other character as itself. */
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

/** The quoted value at `at` (its opening quote) and the index after its closing one, or undefined when it is not closed. */
function quoted(text: string, at: number): { value: string; end: number } | undefined {
  let value = '';
  let from = at + 1;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return { value: value + text.slice(from, i), end: i + 1 };
    if (c !== 0x5c /* \ */ || i + 1 >= text.length) continue;
    value += text.slice(from, i);
    const e = text[i + 1];
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      value += ESCAPES[e] ?? e;
      i += 1;
    }
    from = i + 1;
  }
  return undefined;
}
