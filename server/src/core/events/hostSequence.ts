// A syslog server's file holds the lines of several devices, each with its hostname in the
// syslog header (RFC 3164's HOSTNAME, RFC 5424's, a journal's `_HOSTNAME`). A file's stories
// are one device's: its boots, its clock, its USB bus, its daemons' silence. Two routers' lines
// read as one device join one's drop to the other's return. So the first reading notes which
// hosts the file's lines name, and whether their lines interleave; a file of interleaved hosts
// is then read once per host (FileAnalysis.readAgain), each reading keeping one host's lines.
//
// Lines alone do not say whether two names are two devices. Interleaving does, and so do two
// blocks of lines that cover the same time: a device renamed (a router set up after a reset, a
// laptop whose journal says `localhost` until its hostname is set at boot) runs under one name,
// then under the other, its log going on in time; two devices' lines take turns. Names a
// device logs under before it has one of its own are no device's name at all (PLACEHOLDER_HOSTS).

import { isTimeOnly } from '../records/timeWords';

/**
 * Hostnames a device logs under before its own is set, or a syslog relay writes for none: a
 * journal's early boot (`localhost`, systemd's fallback; `localhost.localdomain` on older
 * distributions), the kernel's default nodename `(none)`, RFC 5424's NILVALUE `-`.
 * Compared lower-cased.
 */
const PLACEHOLDER_HOSTS = new Set(['localhost', 'localhost.localdomain', 'localhost6', '(none)', 'none', '(null)', '-', 'unknown', '127.0.0.1', '::1']);

export function isPlaceholderHost(host: string): boolean {
  return PLACEHOLDER_HOSTS.has(host.toLowerCase());
}

/** The most hosts of catalogued lines a file names (the set stays this small whatever the log). */
export const HOSTS_NAMED = 16;

/**
 * The most hosts a file is read for, one reading each. A host's reading is fed its own lines
 * (lineOwner), but each keeps a reading's state and a growing document's appends go to every one
 * (FileAnalysis.live); a file of more is read once, and its notice says so.
 */
export const HOSTS_READ = 8;

/** What the first reading saw of the hosts in a file. */
export interface HostsSeen {
  /** Hosts that catalogued lines name, first seen first, at most HOSTS_NAMED (placeholders left out). */
  named: string[];
  /** Two of the named hosts' lines take turns (the span of one's lines overlaps the other's): two devices, not one renamed. */
  interleaved: boolean;
  /** The host each line's records name, while the file is short enough to note every line (LineHosts). */
  lines?: LineHosts;
  /** How many hosts the file's lines name, catalogued or not (at most 4 * HOSTS_NAMED). */
  all?: number;
}

/**
 * The host of each line, noted as the first reading goes (a byte a line): a reading of one host
 * is then fed that host's lines only, where each would otherwise parse every line of the file.
 */
export interface LineHosts {
  /** Per line (1-based): 0 for no host noted (the line goes with the host before it), MANY_HOSTS, else an index into `names` plus one. */
  ids: Uint8Array;
  names: readonly string[];
}

/** A line whose records name more than one host (records a paste joined into one line): every host's reading gets it. */
export const MANY_HOSTS = 255;

/**
 * Whether the later of two hosts' blocks of lines starts before the earlier one ends, by more than
 * a clock's drift between two devices: two devices' logs put one after another (`grep -r` over a
 * syslog server's per-host files, files concatenated), not one device renamed, whose log goes on
 * in time. A blind probe's two routers, grep's file names before each line, had been read as one renamed.
 */
function timesOverlap(a: Span, b: Span): boolean {
  const [earlier, later] = a.first < b.first ? [a, b] : [b, a];
  if (earlier.latest === undefined || later.earliest === undefined) return false;
  return later.earliest < earlier.latest - DRIFT_MS;
}
const DRIFT_MS = 60_000;

/**
 * Whether two hosts' lines first came in two files of one listing (grep -r's file names, tail's
 * `==> file <==`): a syslog server keeps a file per device, so two names in two files are two
 * devices, however their times fall (a blind probe's stuck router's file listed before a healthy
 * one's, the healthy one's later, had been read as one device renamed). A troubleshoot archive's
 * sections (`[Logread]`) are one device's parts, and name no file.
 */
function inOtherFiles(a: Span, b: Span): boolean {
  return a.section !== undefined && b.section !== undefined && a.section !== b.section && FILE_NAME.test(a.section) && FILE_NAME.test(b.section);
}
const FILE_NAME = /[/\\]|\.(?:log|txt|gz|\d+)$|messages|syslog/i;

function noteTime(span: Span, time: number | undefined): void {
  if (time === undefined || isTimeOnly(time)) return;
  if (span.earliest === undefined || time < span.earliest) span.earliest = time;
  if (span.latest === undefined || time > span.latest) span.latest = time;
}

/**
 * The hosts of a file's lines and the span of lines each is on (every record's host, not only the
 * catalogued ones: a host's chatter between another's events is what shows they take turns).
 */
export class HostSequence {
  private current: Span | undefined;
  /** Each host's first and last line (bounded: a flood of names adds nothing). */
  private readonly spans = new Map<string, Span>();
  private readonly named: string[] = [];
  /** Each line's host (LineHosts), up to `maxLines` lines; undefined past them, or when none are noted. */
  private ids: Uint8Array | undefined;

  /** `maxLines`: the most lines whose hosts are noted (0: none, a host's own reading, which needs no LineHosts). */
  constructor(private readonly maxLines: number) {
    if (maxLines > 0) this.ids = new Uint8Array(1024);
  }

  /**
   * A record's host ('' or undefined for none) on `line`, with its wall time if it has a date: a
   * record without a host says nothing of the sequence.
   */
  note(host: string | undefined, line: number, time?: number, section?: string): void {
    const cur = this.current;
    if (cur !== undefined && host === cur.host) {
      cur.last = line;
      noteTime(cur, time);
      this.noteLine(line, cur.id);
      return;
    }
    if (host === undefined || host === '') return;
    let span = this.spans.get(host);
    if (span === undefined) {
      // A placeholder never gets a span: only a new name is asked (lines of hosts taking turns switch on every line).
      if (isPlaceholderHost(host) || this.spans.size >= 4 * HOSTS_NAMED) return;
      this.spans.set(host, (span = { host, first: line, last: line, id: this.spans.size + 1, ...(section !== undefined ? { section } : {}) }));
    }
    span.last = line;
    noteTime(span, time);
    this.current = span;
    this.noteLine(line, span.id);
  }

  private noteLine(line: number, id: number): void {
    let ids = this.ids;
    if (ids === undefined) return;
    if (line >= ids.length) {
      if (line > this.maxLines) {
        this.ids = undefined;
        return;
      }
      const grown = new Uint8Array(Math.min(this.maxLines + 1, Math.max(2 * ids.length, line + 1)));
      grown.set(ids);
      this.ids = ids = grown;
    }
    const had = ids[line];
    ids[line] = had === 0 || had === id ? id : MANY_HOSTS;
  }

  /** A catalogued line's host. */
  noteEvent(host: string | undefined): void {
    if (host === undefined || host === '' || this.named.length >= HOSTS_NAMED || isPlaceholderHost(host) || this.named.includes(host)) return;
    this.named.push(host);
  }

  seenSoFar(): HostsSeen {
    const spans = this.named.map((h) => this.spans.get(h)).filter((s) => s !== undefined);
    const interleaved = spans.some((a, i) => spans.some((b, j) => j > i && ((a.first < b.last && b.first < a.last) || timesOverlap(a, b) || inOtherFiles(a, b))));
    const seen: HostsSeen = { named: this.named.slice(), interleaved, all: this.spans.size };
    if (this.ids !== undefined && this.named.length > 1) seen.lines = { ids: this.ids, names: [...this.spans.keys()] };
    return seen;
  }

  /** A copy that goes on from here (a snapshot's): it shares the lines noted so far, which only a later line's note changes. */
  copy(): HostSequence {
    const c = new HostSequence(this.maxLines);
    for (const [h, s] of this.spans) c.spans.set(h, { ...s });
    if (this.current) c.current = c.spans.get(this.current.host);
    c.named.push(...this.named);
    c.ids = this.ids;
    return c;
  }
}

interface Span {
  host: string;
  first: number;
  last: number;
  /** The part of a listing the host's first line is in (grep's file name, a `==> file <==` header). */
  section?: string;
  /** The earliest and latest wall times of the host's dated lines. */
  earliest?: number;
  latest?: number;
  /** The host's id in LineHosts. */
  id: number;
}

/**
 * Which of the hosts `named` read one by one gets each line (1-based, asked for in file order): its
 * index in `named`, -1 for none (another host's line), `named.length` for every one (a line of
 * several hosts' records). A line without a host goes with the host before it; lines before any
 * host's, with the first one (HostFilter's `first`).
 */
export function lineOwner(lines: LineHosts, named: readonly string[]): (line: number) => number {
  const read = new Map(named.map((h, k) => [lines.names.indexOf(h) + 1, k]));
  let owner = 0;
  return (line) => {
    const id = line < lines.ids.length ? lines.ids[line] : 0;
    if (id === MANY_HOSTS) owner = named.length;
    else if (id !== 0) owner = read.get(id) ?? -1;
    return owner;
  };
}

/**
 * The most lines whose hosts the first reading notes (a byte a line): a file of more is read per
 * host with every line given to every host's reading, whose filter keeps its own.
 */
export const LINE_HOSTS_MAX = 16 * 1024 * 1024;

/**
 * One host's reading of a file: its records are those whose host is `host`, and those without a
 * host (a wrapped line's rest, a tagless line, a placeholder's) that come after one of its
 * records; lines before any host's are the first host's (`first`).
 */
export class HostFilter {
  private current: string | undefined;

  constructor(readonly host: string, private readonly first: boolean) {}

  /** Whether the reading keeps a record whose host is `host` ('' or undefined for none). */
  owns(host: string | undefined): boolean {
    if (host !== undefined && host !== '' && !isPlaceholderHost(host)) this.current = host;
    return this.current === undefined ? this.first : this.current === this.host;
  }

  copy(): HostFilter {
    const c = new HostFilter(this.host, this.first);
    c.current = this.current;
    return c;
  }
}

/** Whether a file is read once per host (FileAnalysis.readAgain): its named hosts take turns, and are few enough. */
export function readsPerHost(seen: HostsSeen | undefined): boolean {
  return seen !== undefined && seen.named.length >= 2 && seen.interleaved && seen.named.length <= HOSTS_READ;
}

function listed(names: readonly string[]): string {
  return names.slice(0, 4).join(', ') + (names.length > 4 ? (names.length < HOSTS_NAMED ? ', ...' : ' and more') : '');
}

function counted(names: readonly string[]): string {
  return names.length < HOSTS_NAMED ? String(names.length) : `${HOSTS_NAMED} or more`;
}

/** What the first reading says of a file's hosts when it is not read per host (undefined: one host, or read per host). */
export function hostsNotice(seen: HostsSeen): string | undefined {
  const { named } = seen;
  if (named.length < 2 || readsPerHost(seen)) return undefined;
  const keep = `Keep one host's lines (\`grep ' ${named[0]} '\`) and open them on their own.`;
  if (!seen.interleaved) return `The modem's lines in this log name ${counted(named)} hosts, one after the other (${listed(named)}): they were read as one device's, renamed. If they are different devices (logs of several routers put one after another), a story may join one's drop to another's return. ${keep}`;
  return `The modem's lines in this log name ${counted(named)} hosts (${listed(named)}), ${SEVERAL_DEVICES}. Each host's lines are read on their own for up to ${HOSTS_READ} hosts; this log has more, and was read as one device's, so a story may join one host's drop to another's return. ${keep}`;
}

/** Why the hosts of a file are several devices (HostSequence.seenSoFar's `interleaved`), as both notices say it. */
const SEVERAL_DEVICES = "whose lines take turns, cover the same time or come from files of their own: several devices' logs (a syslog server's)";

/** Said of a file read per host: how, or why not (`notDone`: the reason it was not). */
export function perHostNotice(seen: HostsSeen, notDone?: string): string {
  const hosts = `${counted(seen.named)} hosts (${listed(seen.named)}), ${SEVERAL_DEVICES}`;
  if (notDone !== undefined) return `The modem's lines in this log name ${hosts}. They were not read host by host: ${notDone}; a story may join one host's drop to another's return. Keep one host's lines (\`grep ' ${seen.named[0]} '\`) and open them on their own.`;
  return `The modem's lines in this log name ${hosts}. Each host's lines were read on their own: each finding and story names its host.`;
}
