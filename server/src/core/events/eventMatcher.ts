import { UNRELATED_PROGRAMS } from '../catalogue/tables/unrelatedPrograms';
import { syntaxChars } from '../formats/patternScreen';
import { FORMATS } from '../formats/registry';
import type { CatalogueEntry } from '../catalogue/types';
import type { LogRecord } from '../model';
import { levelRank } from '../records/levels';
import { LiteralScreen } from './literalScreen';

export interface Match {
  entry: CatalogueEntry;
  fields: Record<string, string>;
  /** The host a relayed line's first word is, where the entry matched after it (a record with neither host nor program). */
  host?: string;
}

/**
 * Finds the catalogue entry for a record. Tags are a hint, not a gate: a line whose tag some entry
 * names is tried against that tag's entries and the entries for any source; a line without a tag,
 * or with a tag no entry knows (`mm`, a renamed daemon, a paste that lost it), against every entry.
 * Entries are screened by their literals before their regex runs, so a million uncatalogued lines
 * cost one map lookup and one search for any of those literals each (literalScreen.ts). The first entry in catalogue order wins, which lets
 * specific entries precede general ones.
 */
export class EventMatcher {
  private readonly byTag = new Map<string, CatalogueEntry[]>();
  private readonly anyTag: CatalogueEntry[] = [];
  private readonly cache = new Map<string, Candidates>();

  /** Catch-alls (`fallbackLevel`), tried after every other entry, by program and level (matchFallback). */
  private readonly fallbacks: { entry: CatalogueEntry; names: (lowerTag: string) => boolean; rank: number }[] = [];

  constructor(entries: readonly CatalogueEntry[]) {
    this.entries = entries.filter((e) => e.fallbackLevel === undefined);
    this.wordsAlone = new Set(this.entries.filter((e) => e.wordsAlone === true));
    for (const entry of entries) {
      if (entry.fallbackLevel !== undefined) {
        const tags = new Set((entry.tags ?? []).map((t) => t.toLowerCase()));
        const pattern = entry.tagPattern;
        this.fallbacks.push({ entry, names: pattern ? (t) => tags.has(t) || pattern.test(t) : (t) => tags.has(t), rank: levelRank(entry.fallbackLevel) });
        continue;
      }
      if (!entry.tags) {
        this.anyTag.push(entry);
        continue;
      }
      for (const tag of entry.tags) {
        const key = tag.toLowerCase();
        let list = this.byTag.get(key);
        if (!list) this.byTag.set(key, (list = []));
        list.push(entry);
      }
    }
  }

  readonly entries: readonly CatalogueEntry[];

  /** The entries that read a program's words alone (`wordsAlone`): tried last (matchNew). */
  private readonly wordsAlone: ReadonlySet<CatalogueEntry>;

  /**
   * The catch-all for a line no entry matched: one whose program a catch-all names, at its level
   * or worse. Its fields are the pattern's and the program as the line wrote it.
   */
  matchFallback(record: LogRecord): Match | undefined {
    if (this.fallbacks.length === 0 || record.level === undefined) return undefined;
    const tag = record.tag === undefined || record.tag === '' ? '-' : record.tag.toLowerCase();
    const rank = levelRank(record.level);
    for (const f of this.fallbacks) {
      if (rank > f.rank || !f.names(tag)) continue;
      if (f.entry.envelope !== undefined && record.envelope?.[f.entry.envelope] === undefined) continue;
      const m = f.entry.pattern.exec(record.message);
      if (m) return { entry: f.entry, fields: { ...(m.groups ?? {}), ...(record.tag ? { program: record.tag } : {}) } };
    }
    return undefined;
  }

  /**
   * Whether a catch-all names the program of the last message screened (mayMatch): known from the
   * candidates the screen looked up, so asking costs nothing.
   */
  screenedFallback(): boolean {
    return this.lastFallback;
  }

  private lastFallback = false;

  /** Whether a catch-all names this program (as a line writes it): its lines at an error level are the parser's. */
  hasFallbackFor(tag: string): boolean {
    let known = this.fallbackTags.get(tag);
    if (known === undefined) {
      const lower = tag.toLowerCase();
      known = this.fallbacks.some((f) => f.names(lower));
      if (this.fallbackTags.size < TAGS_CACHED) this.fallbackTags.set(tag, known);
    }
    return known;
  }

  private readonly fallbackTags = new Map<string, boolean>();

  match(record: LogRecord): Match | undefined {
    // Most lines hold none of the literals: the screen says so before anything is built for them.
    const candidates = this.candidates(record.tag);
    const screen = candidates.screen;
    if (!screen || !screen.test(record.message, 0, record.message.length)) return undefined;
    // A flood repeats a few messages word for word (a URB error, an ifup event): one whose match
    // is known is not matched again. An entry may need or forbid an envelope field, so which
    // fields the line has is part of what is remembered (their values are not: no entry reads
    // them); the fields are the caller's to change, so each gets a copy.
    const envelope = record.envelope;
    let present = '';
    if (envelope !== undefined) for (const k in envelope) if (envelope[k] !== undefined) present += `${k},`;
    // Keyed by the message alone (no string is built for the key); the tag and the fields present
    // are compared. The same message under another tag takes the place of the first.
    const tag = record.tag ?? '';
    const message = record.message;
    // A log whose screened messages never repeat (`[INFO] request 17 done in 3 ms`) gains nothing
    // from remembering them and pays for it (a map entry each, and the collector's work on them):
    // after a generation that found almost none again, none is looked up or kept for a while.
    const remembering = ++this.matched >= this.forgetUntil;
    let known = remembering ? this.recent.get(message) : undefined;
    if (remembering && known === undefined) {
      known = this.older.get(message);
      if (known !== undefined) this.remember(message, known);
    }
    if (known !== undefined && known.tag === tag && known.present === present) {
      this.found++;
      const m = known.match;
      return m === null ? undefined : { ...m, fields: { ...m.fields } };
    }
    const match = this.matchNew(record, candidates);
    if (remembering) this.remember(message, { tag, present, match: match ? { ...match, fields: { ...match.fields } } : null });
    return match;
  }

  /** Screened messages matched so far; those found remembered in the current generation; the count before which none is remembered. */
  private matched = 0;
  private found = 0;
  private forgetUntil = 0;

  /**
   * Remembers a message's match in two generations of RECENT_KEPT: when the newer is full it
   * becomes the older, and a message found in the older is moved to the newer. What was seen
   * lately is so never forgotten all at once: emptying one map when full, as before, matched
   * every line anew of a flood that cycles through a few more messages than the map held.
   */
  private remember(message: string, known: Remembered): void {
    if (this.recent.size >= RECENT_KEPT) {
      // A generation's worth of messages found under 1% of the time again: remembering pays
      // nothing here; try again after FORGET_FOR more.
      if (this.found * 100 < RECENT_KEPT) this.forgetUntil = this.matched + FORGET_FOR;
      this.found = 0;
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(message, known);
  }

  /** Reused by matchNew: the literals a message holds, and the candidates (by index) that have one. */
  private readonly literalsFound: string[] = [];
  private readonly entriesFound: number[] = [];

  /** Messages matched lately, with their tag and envelope fields (a null match: no entry matched), at most RECENT_KEPT; and the generation before. */
  private recent = new Map<string, Remembered>();
  private older = new Map<string, Remembered>();

  /** The match of a message the screen of its tag's candidates passed. */
  private matchNew(record: LogRecord, { entries: candidates, screen, withLiteral }: Candidates): Match | undefined {
    const message = record.message;
    // One search for the literals the message holds, then only the entries that have one of
    // them, in catalogue order: the same entries the loop over all of them would try.
    if (screen!.found(message, 0, message.length, this.literalsFound).length === 0) return undefined;
    const order = this.entriesFound;
    order.length = 0;
    for (const literal of this.literalsFound) for (const i of withLiteral.get(literal)!) order.push(i);
    // An entry with several of the literals is there more than once: tried once, in its place.
    order.sort((a, b) => a - b);
    const at = this.tryEntries(record, candidates, order, message, false, false);
    if (at !== undefined) return at;
    // A line no format read keeps what a paste put before it (a list's bullet, cat -n's number,
    // grep's file name and line number before a console's output: `- Update found!`,
    // `dfota.txt:12:Update found!`): the parser takes such a lead off only before a line with a
    // header. The entries anchored at the message's start are tried after it.
    const lead = record.format === 'text' ? PASTED_LEAD.exec(message) : null;
    if (lead) {
      const again = this.tryEntries(record, candidates, order, message.slice(lead[0].length), true, false);
      if (again !== undefined) return again;
    }
    // The format layer may not have cut the message where the event's text begins: an export's
    // host and program columns (`router\tkernel\t`, `router | kernel | `, CSV's `"kernel","`), a
    // program it does not read (`[kernel] `, `kernel: ` after a bracketed clock), or a line no
    // format took. The entries anchored at the message's start are tried again at the start of
    // each of its first fields, up to the last literal found: a rule for every such layout, not
    // one per layout. Unanchored entries have been tried on the whole message already.
    // Fields lead a message: only the first few, in its first FIELD_CHARS, before a literal, and
    // while what precedes them is a few words at most (prose that names an event is no event).
    let last = 0;
    for (const literal of this.literalsFound) last = Math.max(last, screen!.lastIndexOf(message, literal, FIELD_CHARS));
    let fields = 0;
    let words = 1;
    for (let i = 1; i <= last && fields < FIELDS_TRIED; i++) {
      if (message.charCodeAt(i) === 0x20 && message.charCodeAt(i - 1) !== 0x20 && ++words > FIELD_WORDS) break;
      if (!isFieldStart(message, i)) continue;
      fields++;
      const again = this.tryEntries(record, candidates, order, message.slice(i), true, false);
      if (again !== undefined) return again;
    }
    // A syslog header's host with no program after it (`Dec  2 19:54:57 router Mobile data
    // disconnected (internal modem)`: RutOS's tagless events relayed to a syslog server, or a
    // daemon whose name the relay dropped): without a `tag: ` after the word the format layer
    // cannot tell a host from the message's first word, and leaves it in the message. The entries
    // anchored at the message's start are tried after it, as after a field.
    // (A container's service given to such a line as its program names no program the line wrote.)
    if ((record.tag === undefined || record.tagIsService) && record.host === undefined && HOST_FIRST.has(record.format)) {
      const space = message.indexOf(' ');
      if (space > 0 && space <= MAX_HOST_CHARS && HOST_WORD.test(message.slice(0, space))) {
        const again = this.tryEntries(record, candidates, order, message.slice(space + 1), true, false);
        if (again !== undefined) return { ...again, host: message.slice(0, space) };
      }
    }
    // The other way round: the format layer may have read off as the program a name the event's
    // text begins with. Programs that write to the kernel's log lead their lines with their name
    // (`procd: - early -`), and a format without a `kernel: ` tag (`dmesg --time-format iso`, an
    // application's template) reads a known program's `name: ` as the line's program. The entries
    // are tried on the name and the message together: only an entry whose text names the program
    // can match there and not on the message alone.
    if (record.tag !== undefined && record.tag !== '' && record.tag !== 'kernel') {
      const named = this.tryEntries(record, candidates, order, `${record.tag}: ${message}`, false, false);
      if (named !== undefined) return named;
    }
    // Last, the entries that read a program's words alone (`wordsAlone`), on the message: every
    // program's own entry has had the line first, wherever the matcher looked for its start.
    return this.wordsAlone.size ? this.tryEntries(record, candidates, order, message, false, true) : undefined;
  }

  /**
   * The first of the entries in `order` (indices into candidates, ascending, maybe repeated) whose
   * pattern matches `text`; only anchored ones when `anchoredOnly`; only those that read words
   * alone (`wordsAlone`) when `wordsAlone`, else only the others.
   */
  private tryEntries(record: LogRecord, candidates: readonly CatalogueEntry[], order: readonly number[], text: string, anchoredOnly: boolean, wordsAlone: boolean): Match | undefined {
    for (let k = 0; k < order.length; k++) {
      if (k > 0 && order[k] === order[k - 1]) continue;
      const entry = candidates[order[k]];
      if ((entry.wordsAlone === true) !== wordsAlone) continue;
      if (entry.envelope !== undefined && record.envelope?.[entry.envelope] === undefined) continue;
      if (entry.forbidsEnvelope !== undefined && record.envelope?.[entry.forbidsEnvelope] !== undefined) continue;
      if (anchoredOnly && !isAnchored(entry.pattern)) continue;
      const m = entry.pattern.exec(text);
      if (!m) continue;
      // A program's words in a question are a person's, not a program's (a mail's `Subject: ... SIM
      // missing??`, a customer's `is the SIM not inserted properly?`: blind probe P's healthy log had
      // been told a SIM problem from them). Programs state; a person asks.
      if (wordsAlone && asksAfter(text, m.index + m[0].length)) continue;
      const fields: Record<string, string> = {};
      if (m.groups) {
        for (const k in m.groups) {
          const v = m.groups[k];
          if (v !== undefined) fields[k] = v;
        }
      }
      if (entry.programField !== undefined && fields[entry.programField] === undefined && record.tag) fields[entry.programField] = record.tag;
      return { entry, fields };
    }
    return undefined;
  }

  /** Whether any entry for this tag could match the message `text[from, end)`. */
  mayMatch(tag: string, text: string, from: number, end = text.length): boolean {
    const { screen, fallback } = this.candidates(tag === '' ? undefined : tag);
    this.lastFallback = fallback;
    // The message is screened where it lies in the longer text, and only up to its end.
    return screen !== undefined && screen.test(text, from, end);
  }

  /**
   * Screens by their literals: the tags of programs no entry names all get the same few literals
   * (the entries for any program), so a few screens (64 KiB each) serve any number of tags.
   */
  private readonly screens = new Map<string, LiteralScreen>();

  private screenFor(literals: readonly string[], folded: ReadonlySet<string>): LiteralScreen {
    const key = `${literals.join('\u0000')}\u0001${[...folded].join('\u0000')}`;
    let screen = this.screens.get(key);
    if (!screen) this.screens.set(key, (screen = new LiteralScreen(literals, folded)));
    return screen;
  }

  /** Entries that can apply to a tag, in catalogue order (tagged and untagged merged). */
  private candidates(tag: string | undefined): Candidates {
    const raw = tag === undefined || tag === '' ? '-' : tag;
    let found = this.cache.get(raw);
    if (found) return found;
    found = this.candidatesOfKey(raw === '-' ? undefined : normaliseTag(raw));
    if (this.cache.size < TAGS_CACHED) this.cache.set(raw, found);
    return found;
  }

  /**
   * Candidates by kind of tag, each built once: a tag some entry names has its own; every other
   * tag shares one of two (a program no entry concerns: the entries for any program; an unknown
   * one, or none: every entry). A log whose tags all differ (a number in every program's name)
   * so builds a handful, not one a line once the cache of tags is full: 200,000 lines of distinct
   * tags took 9.5 s that way, 32 times the time of the same lines from 50 programs.
   */
  private candidatesOfKey(key: string | undefined): Candidates {
    const own = key === undefined ? undefined : this.byTag.get(key);
    // A program only a catch-all names (Cisco's CELLWAN) is tried against every entry, as an
    // unknown one is, with the catch-all's literals: candidates of its own.
    const caught = key !== undefined && own === undefined && this.fallbacks.some((f) => f.names(key));
    const kind = own || caught ? key! : key !== undefined && UNRELATED_PROGRAMS.has(key) ? UNRELATED_KIND : ANY_KIND;
    let found = this.byKind.get(kind);
    if (found) return found;
    const only = own ?? (kind === UNRELATED_KIND ? [] : undefined);
    const entries = only ? this.entries.filter((e) => only.includes(e) || this.anyTag.includes(e)) : this.entries.slice();
    const withLiteral = new Map<string, number[]>();
    const folded = new Set<string>();
    entries.forEach((e, i) => {
      for (const literal of screenLiterals(e, folded)) {
        const list = withLiteral.get(literal);
        if (!list) withLiteral.set(literal, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    // A catch-all's literals join the screen of its programs with no entry to try: a line that holds
    // one is the parser's, and matched there by its level (matchFallback). Its programs each have
    // candidates of their own (their entries, or every entry).
    let fallback = false;
    if (own || caught) {
      for (const f of this.fallbacks) {
        if (!f.names(key!)) continue;
        fallback = true;
        for (const literal of screenLiterals(f.entry, folded)) if (!withLiteral.has(literal)) withLiteral.set(literal, []);
      }
    }
    found = { entries, screen: withLiteral.size ? this.screenFor([...withLiteral.keys()], folded) : undefined, withLiteral, fallback };
    this.byKind.set(kind, found);
    return found;
  }

  /** Candidates by kind of tag (candidatesOfKey): one per tag the catalogue names, and two more. */
  private readonly byKind = new Map<string, Candidates>();
}

/**
 * Fields of a message tried as where an event's text begins, after the message's own start: an
 * export's date, time, host, program and level columns are five; a CSV's date and time and its
 * quoted columns a few more.
 */
const FIELDS_TRIED = 8;
/** Where the fields before a message lie: its first characters, its first words (a date, a time, a host, a level, a program: `router | kern.info | kernel | `). */
const FIELD_CHARS = 200;
const FIELD_WORDS = 8;

/**
 * Where a field before a message ends: a column's tab, bar or quote, a bracket, or a space after a
 * colon, bracket, bar or arrow (`kernel: `, `[kernel] `, `| `) or after another space. A space between words is not one:
 * prose that names an event (`Loading modules backported from Linux version v5.10`) is not the event.
 */
const COLUMN_END = new Set(['\t', '|', '"', ']']);
const BEFORE_SPACE_END = new Set([':', ']', '|', '>', '\t']);

/** Whether a field starts at `i`: after a field's end, at a character that does not end one. */
function isFieldStart(text: string, i: number): boolean {
  const c = text[i];
  if (c === ' ' || COLUMN_END.has(c)) return false;
  const before = text[i - 1];
  // Two spaces or more end a column too: a table copied from a page as text (RutOS's event log,
  // `2022-10-05 12:14:43  Network Operator  Connected to ...`, knowledge 1.4 [F6]).
  return COLUMN_END.has(before) || (before === ' ' && i > 1 && (BEFORE_SPACE_END.has(text[i - 2]) || text[i - 2] === ' '));
}

/**
 * Whether a pattern is anchored at the message's start in some branch (`^...`, `(?:^...|...)`,
 * `(?:...|^Sahara: sending ...)`), so a later start can match where the start did not. One whose
 * every branch matches anywhere (or after `: `, `(?:^|: )`, which a later start adds nothing to
 * but the same match) has been tried on the whole message already.
 */
const anchored = new WeakMap<RegExp, boolean>();
function isAnchored(pattern: RegExp): boolean {
  let a = anchored.get(pattern);
  if (a === undefined) anchored.set(pattern, (a = hasAnchor(pattern.source)));
  return a;
}

/** Whether `^` stands in the source as its syntax, other than as `(?:^|`. */
function hasAnchor(source: string): boolean {
  for (const [c, i] of syntaxChars(source)) if (c === '^' && source[i + 1] !== '|') return true;
  return false;
}

/** A list's bullet, cat -n's number and tab, or grep's file name with or without its line number (`name:`, `name:12:`), before a line's text. */
const PASTED_LEAD = /^(?:[-*•+] +| *\d{1,9}\t|[^\s:]{1,200}:(?:\d{1,9}:)?(?=\S))/;

/** Formats whose header may end with a host before the message (a syslog body, or an ISO stamp's program slot): a record of them without host or program may start with its host. */
const HOST_FIRST: ReadonlySet<string> = new Set(FORMATS.filter((f) => f.body === 'syslog' || f.body === 'program').map((f) => f.id));
/** A host name as a syslog header writes it (RFC 3164's HOSTNAME: no blanks; letters, digits, dots, dashes, underscores). */
const HOST_WORD = /^[A-Za-z0-9][\w.-]*$/;
const MAX_HOST_CHARS = 64;

/** Tags remembered as they were written; past these, a tag is lowercased and its kind looked up. */
const TAGS_CACHED = 4096;
/** Kinds of tag that no catalogue tag can be (no tag holds a NUL). */
const UNRELATED_KIND = '\u0000unrelated';
const ANY_KIND = '\u0000any';

/**
 * Messages whose match each of the two generations remembers: a flood's kinds of line, bounded
 * whatever the log. A USB reconnect loop cycles through the bus's device numbers (1 to 127, then
 * again) on its disconnect and enumeration lines, some 260 messages with the others of a cycle,
 * which a generation of 1,024 holds whole (1M lines of such a loop: 2.56 s, against 2.73 s with
 * two generations of 256 and 3.16 s with one map of 256).
 */
const RECENT_KEPT = 1024;

/** How many screened messages go unremembered after a generation in which almost none repeated. */
const FORGET_FOR = 16 * RECENT_KEPT;

/** A message's match (null: no entry), with the tag and the envelope fields it was matched with. */
interface Remembered {
  tag: string;
  present: string;
  match: Match | null;
}

interface Candidates {
  entries: CatalogueEntry[];
  screen: LiteralScreen | undefined;
  /** The candidates (their indices in `entries`, ascending) that have each literal. */
  withLiteral: Map<string, number[]>;
  /** Whether a catch-all names the program (matchFallback). */
  fallback: boolean;
}

/**
 * An entry's literals as the screen knows them: as written, or, for a pattern that ignores case,
 * in ASCII lower case and added to `folded` (found in any case). A literal of another entry written
 * the same way is then found in any case too: the screen passes more lines to that entry's
 * pattern, which still decides.
 */
function screenLiterals(entry: CatalogueEntry, folded: Set<string>): readonly string[] {
  const literals = typeof entry.literal === 'string' ? [entry.literal] : entry.literal;
  if (!entry.pattern.flags.includes('i')) return literals;
  return literals.map((l) => {
    const lower = l.replace(/[A-Z]+/g, (w) => w.toLowerCase());
    folded.add(lower);
    return lower;
  });
}

/**
 * Whether the sentence the text at `from` is in ends in a question mark: only a sentence's words
 * (letters, digits, spaces, `'`, `-`, `,`) come before the first `?` after it (within a sentence's
 * length). Anything else (a `.`, a bracket, a code's punctuation) is no question.
 */
function asksAfter(text: string, from: number): boolean {
  const end = Math.min(text.length, from + QUESTION_REACH);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3f /* ? */) return true;
    const wordy = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x20 || c === 0x27 || c === 0x2d || c === 0x2c;
    if (!wordy) return false;
  }
  return false;
}
/** How far after a program's words a question mark is looked for. */
const QUESTION_REACH = 80;

/** `mwan3track[123]` style tags and case differences fold to one key. */
function normaliseTag(tag: string): string {
  return tag.toLowerCase();
}
