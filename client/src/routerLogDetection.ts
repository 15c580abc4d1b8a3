import { CATALOGUE } from '../../server/src/core/catalogue/index';
import { catalogueTags } from '../../server/src/core/catalogue/tables/programNames';
import { EventMatcher } from '../../server/src/core/events/eventMatcher';
import { FORMATS } from '../../server/src/core/formats/registry';
import { LineParser } from '../../server/src/core/records/lineParser';

// Which documents VS Code opened as something else are router logs, and what to do about it.
// VS Code gives `*.log` to its built-in "Log" language by file name before our `firstLine` can
// claim it, so a router log named `router.log` (every downloaded log, every forum attachment)
// would get no problems. The extension looks at the first lines of documents opened as `log` or
// `plaintext` and switches them. No vscode import: the decision is tested on its own.

/** The `gsmlens.detectRouterLogs` setting. */
export type DetectSetting = 'auto' | 'ask' | 'off';

/** Languages VS Code gives router logs by their names; any other language was chosen on purpose. */
export const SNIFFED_LANGUAGES: ReadonlySet<string> = new Set(['log', 'plaintext']);

/** Where documents come from that may be a user's log (not output channels, git views, settings). */
export const SNIFFED_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

/** How many lines are read; a log's first lines say what it is. */
export const SNIFF_LINES = 60;

const BY_SHAPE = new Set<string>(FORMATS.filter((f) => f.routerLogByShape).map((f) => f.id));
/** Formats whose facility is a field of a JSON line (journald writes one on every line), not `facility.level` written in it. */
const FACILITY_AS_FIELD = new Set<string>(FORMATS.filter((f) => f.body === 'json').map((f) => f.id));
/** Programs the catalogue knows by tag (gsmd, netifd, pppd, ModemManager...), not the ones every Linux has (systemd's lines about ModemManager are catalogued events). */
const COMMON_TAGS = new Set(['kernel', 'init', 'systemd', '-']);
let programs: Set<string> | undefined;
let matcher: EventMatcher | undefined;

export interface Sniff {
  /** Lines that look like content (not blank, not elisions or continuations). */
  content: number;
  /** Content lines read as log records by the format registry. */
  records: number;
  /** Records whose shape alone says router log (logread, LuCI) or troubleshoot section headers. */
  routerShaped: number;
  /** Content lines that are catalogued events (modem, USB, network, system). */
  catalogued: number;
  /** Records from a program the catalogue knows (gsmd, netifd, pppd, chat, ModemManager...). */
  knownPrograms: number;
}

/** Reads the first lines the way the analysis does: the format registry, then the event catalogue. */
export function sniff(lines: readonly string[]): Sniff {
  const parser = new LineParser();
  const events = (matcher ??= new EventMatcher(CATALOGUE));
  const known = (programs ??= new Set([...catalogueTags()].filter((t) => !COMMON_TAGS.has(t))));
  const s: Sniff = { content: 0, records: 0, routerShaped: 0, catalogued: 0, knownPrograms: 0 };
  lines.slice(0, SNIFF_LINES).forEach((line, i) => {
    const r = parser.parse(line, i + 1);
    if (typeof r === 'string') return;
    s.content++;
    if (r.format === 'section') s.routerShaped++;
    else if (r.format !== 'text') {
      s.records++;
      // A router's shape is the date and `facility.level` of logread and LuCI (other programs
      // write dates like these too, but not a syslog facility after them), or any format's
      // `facility.level` (a router's remote syslog).
      if ((r.facility !== undefined && !FACILITY_AS_FIELD.has(r.format)) || (BY_SHAPE.has(r.format) && (r.tag !== undefined || r.pid !== undefined))) s.routerShaped++;
      if (r.tag !== undefined && known.has(r.tag.toLowerCase())) s.knownPrograms++;
    }
    if (events.match(r)) s.catalogued++;
  });
  return s;
}

/**
 * Whether the first lines are a router log. Three ways to be one: most lines have a router's
 * own shape (logread or LuCI with `facility.level`, troubleshoot sections); most lines are log
 * records of another format (syslog, dmesg, journalctl) and one of them is a catalogued event or
 * comes from a program the catalogue knows (pppd, gsmd, ModemManager), so an application's own
 * log (npm, Python, a web server, a desktop's syslog) is not taken; or, for console pastes
 * without clocks (lsusb, modem_updater), at least two catalogued events and a fifth of the lines.
 */
export function isRouterLog(s: Sniff): boolean {
  if (s.content === 0) return false;
  if (s.routerShaped * 2 > s.content) return true;
  if (s.records * 2 > s.content && (s.catalogued >= 1 || s.knownPrograms >= 1)) return true;
  return s.catalogued >= 2 && s.catalogued * 5 >= s.content;
}

export interface DetectInput {
  languageId: string;
  scheme: string;
  setting: DetectSetting;
  /** The document's first lines (up to `SNIFF_LINES`). */
  firstLines: readonly string[];
  /** Whether this document was decided before (switched, asked, or switched back by the user). */
  decidedBefore: boolean;
}

/** What to do with a document: switch it to Router Log, ask the user first, or leave it. */
export type DetectDecision = 'switch' | 'ask' | 'leave';

export function detectDecision(input: DetectInput): DetectDecision {
  if (input.setting === 'off' || input.decidedBefore) return 'leave';
  if (!SNIFFED_LANGUAGES.has(input.languageId) || !SNIFFED_SCHEMES.has(input.scheme)) return 'leave';
  if (!isRouterLog(sniff(input.firstLines))) return 'leave';
  return input.setting === 'ask' ? 'ask' : 'switch';
}
