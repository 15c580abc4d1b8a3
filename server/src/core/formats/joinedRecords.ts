import { readJsonLine, recordsInDocument } from './jsonLines';
import { STAMP_SPAN } from './timestampGrammar';

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
  id: 'json-message' | 'json-document' | 'escaped-string' | 'html' | 'spaces';
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

/**
 * The joins, with the parser's tests: `startsRecord` (a timed record starts the text) and
 * `startsHeaderedRecord` (one with a header beyond its clock, for the parts of a line of spaces).
 */
export function joinsOf(startsRecord: StartsRecord, startsHeaderedRecord: StartsRecord = startsRecord): readonly Join[] {
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
      // Either may come alone: a forum's code block keeps its line breaks and escapes `<` (a blind probe).
      description: 'HTML, with entities such as `&lt;` for characters or `<br>` for line breaks',
      samples: ['<p>Mon Dec &nbsp;2 19:54:59 2024 kern.info kernel: [ &nbsp;100.123456] usb 1-1: USB disconnect, device number 6<br />Mon Dec &nbsp;2 19:56:59 2024 kern.info kernel: [ &nbsp;220.123456] usb 1-1: new high-speed USB device number 7 using ehci-platform</p>'],
      // A log's own text holds no `<br>` and, but for `&amp;` in a URL, no entity: a line with one
      // is a page's, whether or not it starts a record (a wrapped line of one is read as wrapped text).
      unjoin: (text) => (BR.test(text) ? text.split(BR_SPLIT).map(htmlText) : HTML_ENTITY.test(text) ? [htmlText(text)] : undefined),
    },
    {
      id: 'spaces',
      // `Mon Dec  2 19:54:59 2024 kern.info kernel: ... Mon Dec  2 19:56:59 2024 kern.info kernel: ...`
      description: 'one line whose line breaks became spaces (a shell\'s `echo $(logread)`, a one-line form)',
      samples: [
        'Mon Dec  2 19:54:59 2024 kern.info kernel: [  100.123456] usb 1-1: USB disconnect, device number 6 Mon Dec  2 19:56:59 2024 kern.info kernel: [  220.123456] usb 1-1: new high-speed USB device number 7 using ehci-platform Mon Dec  2 19:56:59 2024 kern.info kernel: [  220.323456] usb 1-1: New USB device found, idVendor=2c7c, idProduct=6005, bcdDevice= 3.18 Mon Dec  2 19:57:01 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5',
        '[   12.100000] usb 1-1: new high-speed USB device number 2 using ehci-platform [   12.300000] usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18 [   12.400000] option 1-1:1.2: GSM modem (1-port) converter detected [ 1240.726000] usb 1-1: USB disconnect, device number 2 [ 1250.100000] usb 1-1: new high-speed USB device number 3 using ehci-platform [ 1250.300000] usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18',
      ],
      unjoin: (text) => spaceJoinedLines(text, startsHeaderedRecord),
    },
  ];
}

/**
 * Records whose line breaks became spaces: a shell's `echo $(logread)`, a form or a chat that
 * takes one line. Each record starts with a clock of the shape the line starts with (the same
 * letters, digits and marks in the same places: `Mon Dec  2 19:54:59 2024`, `[  466.515595]`),
 * after a blank; the line is cut before each that starts a record with a header beyond its clock
 * (`startsHeaderedRecord`: a message that quotes a date is one record with a date in it), and
 * taken apart only into three or more, when most such clocks do.
 */
function spaceJoinedLines(text: string, startsRecord: StartsRecord): string[] | undefined {
  if (text.length < MIN_SPACE_JOINED) return undefined;
  // The first record may follow text (a prompt, `# logread -f`, a sentence): its clock is looked for
  // after each blank of the line's first characters.
  const first = firstClockAt(text, startsRecord);
  if (first < 0) return undefined;
  const split = splitterOf(text, first);
  if (!split) return undefined;
  // Where each blank before a clock starts, and where the clock after it starts.
  const cuts: number[] = [];
  split.lastIndex = first;
  for (let m = split.exec(text); m; m = split.exec(text)) {
    cuts.push(m.index, m.index + m[0].length);
    if (cuts.length > 2 * MAX_SPACE_JOINED) return undefined;
  }
  // The text before the first record (a prompt) is a line of its own, and counts as a cut made.
  const lines: string[] = first > 0 ? [text.slice(0, first).trimEnd()] : [];
  const lead = lines.length;
  let from = first;
  let refused = 0;
  for (let k = 0; k < cuts.length; k += 2) {
    const part = text.slice(cuts[k + 1], k + 2 < cuts.length ? cuts[k + 2] : text.length);
    // A clock with nothing after it, or no record's start (a kernel's build date in its version
    // line, `#1 Mon Nov 25 09:42:11 2024`), stays in the text it is part of.
    if (!startsRecord(part) || (LEAD_CLOCK.exec(part)?.[0].length ?? part.length) >= part.trimEnd().length) {
      refused++;
      // Most clocks must start records: a line whose first ones mostly do not is not read further
      // (each is parsed to be asked: 64 KiB of clocks in prose cost that for every one).
      const asked = k / 2 + lead;
      if (asked >= 16 && refused * 2 > asked) return undefined;
      continue;
    }
    lines.push(text.slice(from, cuts[k]));
    from = cuts[k + 1];
  }
  lines.push(text.slice(from));
  // Most clocks of the shape start a record: a line whose clocks mostly do not is text about dates.
  return lines.length >= 3 && refused * 2 <= lines.length - 1 ? lines : undefined;
}

/**
 * A line shorter than this is not searched for records joined by spaces: a log's own line seldom
 * is this long, a log whose breaks became spaces is (a page of it, or all of it), and the search
 * stays off the lines of ordinary logs, the fast lane's included.
 */
export const MIN_SPACE_JOINED = 400;
/** Lines of a text past which it is not taken apart (the line is cut at 64 KiB before; a bound on the work). */
const MAX_SPACE_JOINED = 4096;

/**
 * A clock: a bracketed one with a time of day in it (`dmesg -T`'s `[wto lip  4 21:36:24 2017]`,
 * LuCI's), a stamp of the timestamp grammar, a `<PRI>` perhaps before either; a printk stamp;
 * seconds since 1970. Where it starts a record is the parser's to say (`startsHeaderedRecord`).
 */
const STAMP = STAMP_SPAN.replace('(?<stamp>', '(?:');
const CLOCK = String.raw`(?:<\d{1,3}>)?(?:\[[^\[\]]{0,40}\d{1,2}:\d{2}[^\[\]]{0,30}\]|${STAMP}|\[\s*\d{1,10}\.\d{1,9}\]|1\d{9}\.\d{1,9})`;
/** The same at a line's start, and (sticky) where it is asked for. */
const LEAD_CLOCK = new RegExp(`^${CLOCK}`, 'u');
const CLOCK_AT = new RegExp(CLOCK, 'uy');
/** How far into a line the first record's clock is looked for. */
const MAX_FIRST_CLOCK = 2000;

/** Where the first record's clock is: the line's start, or after a blank in its first characters; -1 if none. */
function firstClockAt(text: string, startsRecord: StartsRecord): number {
  if (LEAD_CLOCK.test(text)) return 0;
  const limit = Math.min(text.length, MAX_FIRST_CLOCK);
  for (let p = 1; p < limit; p++) {
    const before = text.charCodeAt(p - 1);
    if (before !== 0x20 && before !== 0x09) continue;
    CLOCK_AT.lastIndex = p;
    if (CLOCK_AT.test(text) && startsRecord(text.slice(p, p + 400))) return p;
  }
  return -1;
}

/**
 * The blank before each clock of the shape of the one at `at`, as a global pattern (one per
 * shape, kept), or undefined when there is no clock at `at`. Letters stand for letters and
 * digits for digits, so `Mon Dec  2 19:54:59 2024` finds `Tue Dec 10 08:00:01 2024`.
 */
function splitterOf(text: string, at: number): RegExp | undefined {
  CLOCK_AT.lastIndex = at;
  const m = CLOCK_AT.exec(text);
  if (!m) return undefined;
  // A printk stamp is any other (`[    0.000000]`, `[123456.5]`). Elsewhere a blank stays one (`Mon
  // Dec` is no `MonDec`), and a number of four digits or more (a year, seconds since 1970) stays so
  // long: `[ 12.5]` in a message is no `1733169299.5`.
  const shape = m[0].charCodeAt(0) === 0x5b /* [ */ && /^\[\s*\d+\.\d+\]$/.test(m[0])
    ? String.raw`\[\s*\d+\.\d+\]`
    : m[0].replace(/\p{L}+|\d+|\s+|[^\p{L}\d\s]/gu, (run, at: number, all: string) => (/^\p{L}/u.test(run) ? '\\p{L}+' : /^\d/.test(run) ? digitsShape(run, all[at - 1]) : /^\s/.test(run) ? '\\s+' : run.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
  let re = SPLITTERS.get(shape);
  if (!re) {
    if (SPLITTERS.size >= 64) SPLITTERS.clear();
    // Not a blank after an opening bracket: `[ 1240.726000]` inside a record is no record's start.
    re = new RegExp(`(?<![[(])\\s+(?=${shape})`, 'gu');
    SPLITTERS.set(shape, re);
  }
  return re;
}

const SPLITTERS = new Map<string, RegExp>();

/** A run of digits in a clock's shape: a fraction any long (`.5`, `.123456`), else four or more, or up to three. */
function digitsShape(run: string, before: string | undefined): string {
  if (before === '.' || before === ',') return String.raw`\d+`;
  return run.length >= 4 ? String.raw`\d{4,}` : String.raw`\d{1,3}`;
}

/**
 * Whether `text[start, end)` may be records joined by spaces: long enough, and three clocks in it
 * (a time of day `12:34:56`, a printk stamp's `123.456789]`, seconds since 1970 `1733169299.1`),
 * found by a native search for `:`, `]` and `.`. A cheap test before `spaceJoinedLines`, which the fast lane asks of its long lines.
 */
export function mayBeSpaceJoined(text: string, start = 0, end = text.length): boolean {
  if (end - start < MIN_SPACE_JOINED) return false;
  let clocks = 0;
  for (let at = text.indexOf(':', start); at >= 0 && at < end - 5; at = text.indexOf(':', at + 1)) {
    if (isDigit(text, at - 1) && isDigit(text, at + 1) && isDigit(text, at + 2) && text.charCodeAt(at + 3) === 0x3a && isDigit(text, at + 4) && isDigit(text, at + 5) && ++clocks >= 3) return true;
  }
  clocks = 0;
  for (let at = text.indexOf(']', start); at >= 0 && at < end; at = text.indexOf(']', at + 1)) {
    if (isDigit(text, at - 1) && text.charCodeAt(at - 7) === 0x2e /* . */ && ++clocks >= 3) return true;
  }
  // Seconds since 1970 with a fraction (journalctl -o short-unix): ten digits from 1, a dot.
  clocks = 0;
  for (let at = text.indexOf('.', start); at >= 0 && at < end; at = text.indexOf('.', at + 1)) {
    if (text.charCodeAt(at - 10) === 0x31 /* 1 */ && isDigit(text, at - 1) && isDigit(text, at - 5) && isDigit(text, at - 9) && isDigit(text, at + 1) && !isDigit(text, at - 11) && ++clocks >= 3) return true;
  }
  return false;
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

/** Where the spaces and tabs at `from` end. */
export function firstNonSpace(s: string, from = 0): number {
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
