import { readJsonLine, recordsInDocument } from './jsonLines';

/**
 * Records that a paste or an export joined into one line, and the lines they were.
 *
 * A log travels in other texts: as a string in a JSON document (an API's answer, a ticket's
 * export, a shipper's record of a whole `logread`), in a program's string literal, or as HTML
 * (a web page's source, a forum post's markup), where its line breaks are `\n` escapes or `<br>`
 * tags and its `<`, `>` and runs of spaces are entities. Each way is one entry: what marks it
 * (a cheap search), and how its text is had back.
 *
 * A line is taken apart only when at least two of its parts start a record with a clock (the
 * format registry decides, through `startsRecord`), or when it is one quoted string and nothing
 * else: a message that holds an escape of its own (a modem's `AT+CSQ\r\n` echoed by gsmd) is no
 * join, and is left as it is.
 */
export interface Join {
  id: 'json-message' | 'json-document' | 'escaped-string' | 'html';
  /** What held the lines, for the notice. */
  description: string;
  samples: string[];
  /** The lines the text holds, or undefined when it is not of this kind. */
  unjoin: (text: string) => string[] | undefined;
}

/** Whether a line starts a record with a clock (the parser's registry). */
export type StartsRecord = (text: string) => boolean;

/**
 * Whether `text[start, end)` holds the mark of a join: a `\n` or `\r` escape, a `<br` or an
 * entity (`&lt;`, `&#160;`). A line with a `\` or an `&` of its own (a path, a URL) has none.
 * Linear in the line; for the lines of a long text, `JoinMarks`.
 */
export function mayHoldJoins(text: string, start = 0, end = text.length): boolean {
  for (let at = start; at < end - 1; at++) {
    const c = text.charCodeAt(at);
    if (c === 0x5c /* \ */) {
      const next = text.charCodeAt(at + 1);
      if (next === 0x6e /* n */ || next === 0x72 /* r */) return true;
      at++;
    } else if (c === 0x26 /* & */) {
      // `&name;` or `&#160;`: the `;` is looked for among the next few characters only.
      let k = at + 1;
      if (text.charCodeAt(k) === 0x23 /* # */) k++;
      const from = k;
      while (k < end && k - at <= 9 && isAlnum(text.charCodeAt(k))) k++;
      if (k > from && k < end && text.charCodeAt(k) === 0x3b /* ; */) return true;
    } else if (c === 0x3c /* < */ && (text.charCodeAt(at + 1) | 0x20) === 0x62 /* b */ && at + 2 < end && (text.charCodeAt(at + 2) | 0x20) === 0x72 /* r */) {
      return true;
    }
  }
  return false;
}

/** The characters a join's mark starts with, as the fast lane searches a piece for them. */
const MARK_STARTS = ['\\', '&', '<b', '<B'];

/**
 * Where the marks of a join may be in a long text (a 64 KiB piece of a file, an editor's document),
 * for its lines one after another: each starting character is searched for once from where it was
 * last found, so a piece whose only `&` is at its end is not searched again from every line.
 */
export class JoinMarks {
  private readonly next: number[];

  constructor(private readonly text: string) {
    this.next = MARK_STARTS.map((m) => text.indexOf(m));
  }

  private lastStart = 0;

  /** Whether the line `text[start, end)` holds a mark (lines asked for in order cost a search of the text once). */
  inLine(start: number, end: number): boolean {
    // Asked again from further back: searched again from there.
    const back = start < this.lastStart;
    this.lastStart = start;
    let first = Infinity;
    for (let k = 0; k < MARK_STARTS.length; k++) {
      let at = this.next[k];
      if (back || (at >= 0 && at < start)) this.next[k] = at = this.text.indexOf(MARK_STARTS[k], start);
      if (at >= 0 && at < first) first = at;
    }
    return first < end && mayHoldJoins(this.text, first, end);
  }

  /** Whether the text holds none at all: its lines need no asking. */
  get none(): boolean {
    return this.next.every((at) => at < 0);
  }
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** How far into a string literal's first line its opening quote is looked for (`{"log":"`, `msg = "`). */
const MAX_STRING_LEAD = 200;

/**
 * Whether a line may be a JSON document of records: an array of objects, or an object with objects
 * inside (an aggregator's answer). A flat object, a JSON line of its own, is not searched again:
 * a log of them (`journalctl -o json`) costs no second parse a line. Not for the fast lane's
 * search: that is `mayHoldJoins`, which a JSON document's line need not match.
 */
export function mayBeJsonDocument(text: string): boolean {
  let i = firstNonSpace(text);
  const c = text.charCodeAt(i);
  if (c === 0x5b /* [ */) {
    i = firstNonSpace(text, i + 1);
    return text.charCodeAt(i) === 0x7b /* { */;
  }
  if (c !== 0x7b /* { */) return false;
  const inner = text.indexOf('{', i + 1);
  const list = text.indexOf('[', i + 1);
  return (inner > 0 || list > 0) && text.charCodeAt(text.length - 1) !== 0x7b;
}

const LINE_BREAK = /\r\n|\r|\n/;

/** A line that is one quoted string: its quote, and what is inside. */
const WHOLE_STRING = /^\s*(["'])([\s\S]*)\1\s*[,;]?\s*$/;

/** A string literal's escapes (JSON's, and C's and Python's that logs carry), undone in one pass. */
export function unescapeString(s: string): string {
  return s.replace(/\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([\s\S]))/g, (all, u: string | undefined, x: string | undefined, c: string | undefined) => {
    if (u !== undefined) return String.fromCharCode(parseInt(u, 16));
    if (x !== undefined) return String.fromCharCode(parseInt(x, 16));
    switch (c) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case '0': return '\0';
      case '\\': case '"': case "'": case '/': return c;
      default: return all;
    }
  });
}

/**
 * HTML's markup, which a log's text never is: the elements a page or a post wraps text in. A
 * ModemManager `<info>` or a printk `<3>` in a page's source is written `&lt;info&gt;`; written
 * raw, it is no element of this list and stays.
 */
const MARKUP = /<\/?(?:a|abbr|b|blockquote|body|code|dd|div|dl|dt|em|font|h[1-6]|hr|html|i|kbd|li|ol|p|pre|q|s|samp|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul|var)(?:\s[^<>]{0,200})?\/?>/gi;

const BR = /<br\s*\/?>/i;
/** The same, to split at every one (a global regex keeps state between tests, so `BR` stays one for them). */
const BR_SPLIT = new RegExp(BR.source, 'gi');

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", '#39': "'", '#160': ' ' };

/** Entities a page writes a log's text with; `&amp;` alone, which a URL in a log may hold, is not one. */
const HTML_ENTITY = /&(?:nbsp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;

/** The text of a piece of HTML: markup dropped, entities read (a no-break space is a space, as the line splitter reads U+00A0). */
export function htmlText(s: string): string {
  return s.replace(MARKUP, '').replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,6});/g, (all, name: string) => {
    const known = ENTITIES[name];
    if (known !== undefined) return known;
    if (name[0] !== '#') return all;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (code === 0xa0) return ' ';
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** Whether two of the lines start records with a clock: a join, not a message with an escape in it. */
function twoRecords(lines: readonly string[], startsRecord: StartsRecord): boolean {
  let n = 0;
  for (const l of lines) if (startsRecord(l.trimStart()) && ++n >= 2) return true;
  return false;
}

/**
 * A string literal's lines: the text before its opening quote (`{"log":"`, `msg = "`) dropped from
 * the first, its closing quote and what closes around it (`"}`, `",`) from the last.
 */
function stringLines(lines: string[], startsRecord: StartsRecord): string[] {
  const first = lines[0];
  if (startsRecord(first.trimStart())) return lines;
  for (let q = 0; q < Math.min(first.length, MAX_STRING_LEAD); q++) {
    const c = first.charCodeAt(q);
    if (c !== 0x22 /* " */ && c !== 0x27 /* ' */) continue;
    if (!startsRecord(first.slice(q + 1))) continue;
    const out = lines.slice();
    out[0] = first.slice(q + 1);
    const quote = first[q];
    const last = out[out.length - 1];
    const close = last.lastIndexOf(quote);
    if (close >= 0 && /^\s*[}\]),;]*\s*$/.test(last.slice(close + 1))) out[out.length - 1] = last.slice(0, close);
    return out;
  }
  return lines;
}

export function joinsOf(startsRecord: StartsRecord): readonly Join[] {
  return [
    {
      id: 'json-message',
      // `{"log":"Mon Dec  2 19:54:59 2024 ...\nMon Dec  2 19:56:59 2024 ..."}`
      description: "a JSON object's message",
      samples: ['{"time":"2024-12-02T20:00:00Z","log":"Mon Dec  2 19:54:59 2024 kern.info kernel: [  100.123456] usb 1-1: USB disconnect, device number 6\\nMon Dec  2 19:56:59 2024 kern.info kernel: [  220.123456] usb 1-1: new high-speed USB device number 7 using ehci-platform"}'],
      unjoin: (text) => {
        if (text.indexOf('{') < 0) return undefined;
        const j = readJsonLine(text);
        if (!j || !LINE_BREAK.test(j.message)) return undefined;
        const lines = j.message.split(LINE_BREAK);
        return twoRecords(lines, startsRecord) ? lines : undefined;
      },
    },
    {
      id: 'json-document',
      // `[{"@timestamp":"2024-12-02T19:54:59Z","message":"usb 1-1: ..."},{...}]`, `{"hits":{"hits":[{"_source":{...}}]}}`
      description: 'a JSON document of records',
      samples: ['[{"@timestamp":"2024-12-02T19:54:59.123Z","host":"router","program":"kernel","message":"usb 1-1: USB disconnect, device number 6"},{"@timestamp":"2024-12-02T19:56:59.123Z","host":"router","program":"kernel","message":"usb 1-1: new high-speed USB device number 7 using ehci-platform"}]'],
      unjoin: (text) => {
        if (!mayBeJsonDocument(text)) return undefined;
        const records = recordsOfDocument(text);
        return records && records.length >= 2 ? records.map(({ object }) => JSON.stringify(object)) : undefined;
      },
    },
    {
      id: 'escaped-string',
      // `"Mon Dec  2 19:54:59 2024 ...\nMon Dec  2 19:56:59 2024 ..."`
      description: 'a quoted string whose line breaks are `\\n` escapes',
      samples: ['"Mon Dec  2 19:54:59 2024 kern.info kernel: [  100.123456] usb 1-1: USB disconnect, device number 6\\nMon Dec  2 19:56:59 2024 kern.info kernel: [  220.123456] usb 1-1: new high-speed USB device number 7 using ehci-platform\\n"'],
      unjoin: (text) => {
        if (!/\\[nr]/.test(text)) return undefined;
        const lines = stringLines(unescapeString(text).split(LINE_BREAK), startsRecord);
        if (twoRecords(lines, startsRecord)) return lines;
        // A line that is one quoted string and nothing else (a JSON string, a quoted paste) with line
        // breaks in it is a text of lines, clocks or not: a shell session, a dmesg without times.
        const whole = WHOLE_STRING.exec(text);
        return whole && /\\[nr]/.test(whole[2]) ? unescapeString(whole[2]).split(LINE_BREAK) : undefined;
      },
    },
    {
      id: 'html',
      // `Mon Dec &nbsp;2 ... &lt;info&gt; ...<br>Mon Dec &nbsp;2 ...`
      description: 'HTML, whose line breaks are `<br>` and whose characters may be entities such as `&lt;`',
      samples: ['<p>Mon Dec &nbsp;2 19:54:59 2024 kern.info kernel: [ &nbsp;100.123456] usb 1-1: USB disconnect, device number 6<br />Mon Dec &nbsp;2 19:56:59 2024 kern.info kernel: [ &nbsp;220.123456] usb 1-1: new high-speed USB device number 7 using ehci-platform</p>'],
      // A log's own text holds no `<br>` and, but for `&amp;` in a URL, no entity: a line with one
      // is a page's, whether or not it starts a record (a wrapped line of one is read as wrapped text).
      unjoin: (text) => (BR.test(text) ? text.split(BR_SPLIT).map(htmlText) : HTML_ENTITY.test(text) ? [htmlText(text)] : undefined),
    },
  ];
}

function firstNonSpace(s: string, from = 0): number {
  let i = from;
  while (i < s.length && (s.charCodeAt(i) === 0x20 || s.charCodeAt(i) === 0x09)) i++;
  return i;
}

/**
 * The records of a JSON document's text (recordsInDocument: the objects with a message), or
 * undefined when it is no JSON.
 */
export function recordsOfDocument(text: string): { object: Record<string, unknown>; index: number }[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  return recordsInDocument(doc);
}

/** The lines a line holds by the first join that takes it apart, or undefined. */
export function unjoinRecords(text: string, joins: readonly Join[]): { join: Join; lines: string[] } | undefined {
  for (const join of joins) {
    const lines = join.unjoin(text);
    if (lines) return { join, lines };
  }
  return undefined;
}
