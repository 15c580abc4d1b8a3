import type { Level } from '../model';

// Maps, not objects: a word of the log is looked up, and an object would answer `constructor` or
// `toString` with its prototype's function (a JSON line's `"level":"constructor"` read as a level).
const LEVEL_WORDS: ReadonlyMap<string, Level> = new Map(Object.entries({
  emerg: 'emerg', panic: 'emerg', alert: 'alert', crit: 'crit', critical: 'crit', fatal: 'crit',
  err: 'err', error: 'err', warn: 'warn', warning: 'warn', wrn: 'warn', notice: 'notice', msg: 'notice',
  info: 'info', inf: 'info', debug: 'debug', dbg: 'debug',
} as const));

/** The level words (lowercase) for error or worse: `err`, `error`, `crit`, `fatal`, `panic`... */
export function errorLevelWords(): string[] {
  return [...LEVEL_WORDS].filter(([, level]) => RANK[level] <= RANK.err).map(([w]) => w);
}

/** The level words as a regex alternation, each in lower case, upper case and capitalised (`info`, `INFO`, `Info`). */
export function levelWordAlternation(): string {
  return [...LEVEL_WORDS.keys()].flatMap((w) => [w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1)]).join('|');
}

/** Syslog priority names and the level words daemons print (`warning:`, `<warn>`, `ERROR`). */
export function levelFromWord(word: string): Level | undefined {
  return LEVEL_WORDS.get(word) ?? LEVEL_WORDS.get(word.toLowerCase());
}

const LETTER_LEVELS: ReadonlyMap<string, Level> = new Map(Object.entries({ E: 'err', W: 'warn', I: 'info', D: 'debug', V: 'debug', F: 'crit', A: 'alert' } as const));

/** One-letter levels: ESP-IDF's, and Android's (F fatal, A assert). */
export function levelFromLetter(letter: string): Level | undefined {
  return LETTER_LEVELS.get(letter);
}

const BY_NUMBER: Level[] = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];

export function levelFromNumber(n: number): Level {
  return BY_NUMBER[n & 7];
}

/** Syslog facility names by number (RFC 5424, 6.2.1): a `<PRI>`'s, or journald's SYSLOG_FACILITY. */
export const FACILITY_NAMES: readonly string[] = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'ntp', 'audit', 'alert', 'clock', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];

// gsmd writes `[func:line] warning: [CMM] ...` at daemon.info (knowledge 1.1, [S8][F1]);
// ModemManager writes `<warn>`/`<inf>`; multilog-style apps a padded `ERROR`.
const EMBEDDED_LEVEL = /^(?:\[[^\]\s]{1,80}:\d+\] (debug|info|notice|warning|error|critical|fatal):|<(dbg|debug|info|inf|msg|warn|wrn|err|error|crit)>)/;

/** The level word a daemon wrote inside its message, which outranks the syslog priority. */
export function embeddedLevel(message: string): Level | undefined {
  const c = message.charCodeAt(0);
  if (c !== 0x5b /* [ */ && c !== 0x3c /* < */) return undefined;
  const m = EMBEDDED_LEVEL.exec(message);
  if (!m) return undefined;
  return levelFromWord(m[1] ?? m[2]);
}

const RANK: Record<Level, number> = { emerg: 0, alert: 1, crit: 2, err: 3, warn: 4, notice: 5, info: 6, debug: 7 };

export function levelRank(level: Level): number {
  return RANK[level];
}
