import { parseArgs } from 'node:util';

// The command line of `gsmlens` as data: every option once, with the commands it belongs to, the
// values it takes and its help line. Parsing (node:util parseArgs, non-strict, with tokens) and
// every refusal are ours, so a mistake gets one line naming the option and the help to read, and
// exit status 2, never Node's own parseArgs text.

export const COMMANDS = ['diagnose', 'redact'] as const;
export type Command = (typeof COMMANDS)[number];

/** A usage mistake: `gsmlens: <message>` on stderr, exit status 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  /** The commands that take it; undefined: every command. */
  commands?: readonly Command[];
  /** The value's name in the help (`LEVEL`, `N`, `FILE`). */
  arg?: string;
  /** The only values taken (compared as own strings: `toString` is not a level). */
  choices?: readonly string[];
  /** A number from min to max (whole numbers only when integer). */
  range?: { min: number; max: number; integer: boolean };
  help: string;
  /** Not listed in the help (kept for scripts written before it was renamed). */
  hidden?: boolean;
}

const DAY = 86_400;

export const OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', commands: ['diagnose'], help: 'print the machine-readable report (schema version 1)' },
  report: { type: 'string', commands: ['diagnose'], arg: 'FORMAT', choices: ['text', 'md', 'markdown'], help: 'text (default) or md: the report as Markdown, redacted (see --no-redact), for a ticket or a forum post' },
  'min-severity': { type: 'string', commands: ['diagnose'], arg: 'LEVEL', choices: ['error', 'warning', 'info'], help: 'list only findings at or above error|warning|info (default: info)' },
  'fail-on': { type: 'string', commands: ['diagnose'], arg: 'LEVEL', choices: ['error', 'warning', 'info'], help: 'exit status 1 when a story or finding at or above error|warning|info was found (for scripts and CI)' },
  redact: { type: 'boolean', commands: ['diagnose'], help: 'replace identities, public addresses and secrets by placeholders (<IMEI-1>) in any report; --report md is redacted without it' },
  'no-redact': { type: 'boolean', commands: ['diagnose'], help: 'keep them in the --report md report too (it is for your own eyes then)' },
  rules: { type: 'string', commands: ['diagnose'], arg: 'FILE', help: 'your own rules: a JSON list like the gsmlens.customRules setting ([{ "pattern": "regex", "severity": "warning", "message": "..." }])' },
  // Ranges as declared for the editor's gsmlens.thresholds.* settings (package.json), with a ceiling.
  'usb-gap-seconds': { type: 'string', commands: ['diagnose'], arg: 'N', range: { min: 0, max: 365 * DAY, integer: false }, help: 'a modem gone from USB this long while the log goes on is an error (default 60)' },
  'burst-window-seconds': { type: 'string', commands: ['diagnose'], arg: 'N', range: { min: 0, max: 365 * DAY, integer: false }, help: 'lines of one kind this close form one finding (default 30)' },
  'reconnect-loop-count': { type: 'string', commands: ['diagnose'], arg: 'N', range: { min: 2, max: 100_000, integer: true }, help: 'reconnects within 15 min that make a loop (default 3)' },
  'silence-seconds': { type: 'string', commands: ['diagnose'], arg: 'N', range: { min: 0, max: 365 * DAY, integer: false }, help: 'gsmd quiet this long after losing the modem is modem-silent (default 120)' },
  color: { type: 'string', commands: ['diagnose'], arg: 'WHEN', choices: ['auto', 'always', 'never'], help: 'colour the text report: auto (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always, never' },
  'no-color': { type: 'boolean', commands: ['diagnose'], help: 'the same as --color never' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
  version: { type: 'boolean', short: 'V', help: 'print the version' },
  // -v was the version before -V (ripgrep's and lnav's letter); kept so old scripts still work.
  'version-lower': { type: 'boolean', short: 'v', help: 'the same as -V', hidden: true },
};

export interface CommandLine {
  /** The first operand: diagnose, redact, help; undefined when none was given. */
  command?: string;
  /** The operands after the command (files, or the command `help` is asked about). */
  operands: string[];
  /** Options given, by name; values are validated against the option's choices or range. */
  values: Record<string, string | boolean | undefined>;
}

const seeHelp = (command: string | undefined): string => `(see gsmlens help${command && isCommand(command) ? ` ${command}` : ''})`;

export function isCommand(s: string): s is Command {
  return (COMMANDS as readonly string[]).includes(s);
}

/** Parses and validates argv; throws UsageError with a one-line message. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const parseOptions: Record<string, { type: 'boolean' | 'string'; short?: string }> = {};
  for (const [name, spec] of Object.entries(OPTIONS)) parseOptions[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}) };
  const { tokens } = parseArgs({ args: [...argv], options: parseOptions, allowPositionals: true, strict: false, tokens: true });
  const positionals = tokens.filter((t) => t.kind === 'positional').map((t) => t.value);
  const [command, ...operands] = positionals;
  const values: Record<string, string | boolean | undefined> = Object.create(null);
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const raw = t.rawName;
    if (!Object.hasOwn(OPTIONS, t.name)) throw new UsageError(`unknown option ${raw} ${seeHelp(command)}`);
    const spec = OPTIONS[t.name];
    const name = t.name === 'version-lower' ? 'version' : t.name;
    if (spec.commands && command !== undefined && isCommand(command) && !spec.commands.includes(command)) throw new UsageError(`${command} takes no option ${raw} ${seeHelp(command)}`);
    if (spec.type === 'boolean') {
      if (t.inlineValue) throw new UsageError(`${raw} takes no value ${seeHelp(command)}`);
      values[name] = true;
      continue;
    }
    const value = t.value;
    if (value === undefined || (!t.inlineValue && value.startsWith('-') && value !== '-')) throw new UsageError(`${raw} needs a value: ${spec.arg ?? 'VALUE'} ${seeHelp(command)}`);
    checkValue(raw, spec, value);
    values[name] = value;
  }
  return { ...(command !== undefined ? { command } : {}), operands, values };
}

function checkValue(raw: string, spec: OptionSpec, value: string): void {
  if (spec.choices && !spec.choices.includes(value)) {
    const listed = spec.choices.filter((c) => c !== 'markdown');
    throw new UsageError(`${raw} is ${listed.slice(0, -1).join(', ')} or ${listed[listed.length - 1]}, not ${JSON.stringify(value)}`);
  }
  if (spec.range) {
    const { min, max, integer } = spec.range;
    const n = (integer ? /^\d+$/ : /^\d+(?:\.\d+)?$/).test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) throw new UsageError(`${raw} takes ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not ${JSON.stringify(value)}`);
  }
}

/** A validated numeric option, or undefined when not given. */
export function numberValue(values: CommandLine['values'], name: string): number | undefined {
  const v = values[name];
  return typeof v === 'string' ? Number(v) : undefined;
}

const SYNOPSIS: Record<Command, { usage: string; about: string; exit: [status: number, meaning: string][] }> = {
  diagnose: {
    usage: 'gsmlens diagnose [options] PATH...',
    about: `Tells what happened to the cellular modem in router logs (RutOS/OpenWrt logread, troubleshoot
      system.log, dmesg, syslog, journalctl), and what to do next. A PATH is a log file (.gz is
      decompressed), a directory (the logs in it; rotated sets such as messages.2.gz, messages.1,
      messages are read oldest first), a RutOS troubleshoot.tar.gz, or - for standard input (gzip
      or not). A file named twice is read once.`,
    exit: [
      [0, 'the analysis ran (with --fail-on: and found nothing at or above that level)'],
      [1, '--fail-on LEVEL was given and a story or finding at or above LEVEL was found'],
      [2, 'a usage error or unreadable input (one line on stderr says which)'],
    ],
  },
  redact: {
    usage: 'gsmlens redact FILE...',
    about: `Prints the files (- for standard input) with IMEI, IMSI, ICCID, serials, MACs, public IPs,
      phone numbers, e-mail addresses and secrets replaced by stable placeholders, to share them.`,
    exit: [
      [0, 'the files were written, redacted'],
      [2, 'a usage error or unreadable input (one line on stderr says which)'],
    ],
  },
};

const EXIT_STATUS: [status: number, meaning: string][] = [
  [0, 'the command ran (diagnose --fail-on: and found nothing at or above that level)'],
  [1, 'diagnose --fail-on LEVEL found a story or finding at or above LEVEL'],
  [2, 'a usage error or unreadable input (one line on stderr says which)'],
];

function exitLines(rows: [number, string][], width: number): string[] {
  return ['Exit status:', ...rows.map(([status, meaning]) => `  ${status}  ${fill(meaning, width - 5, 5)}`)];
}

/** Words filled into lines of at most `width` columns; lines after the first are indented by `indent`. */
function fill(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((l, i) => (i ? ' '.repeat(indent) + l : l)).join('\n');
}

function optionLines(command: Command | undefined, width: number): string[] {
  const rows = Object.entries(OPTIONS)
    .filter(([, s]) => !s.hidden && (command === undefined ? !s.commands : !s.commands || s.commands.includes(command)))
    .map(([name, s]) => [`${s.short ? `-${s.short}, ` : '    '}--${name}${s.arg ? ` ${s.arg}` : ''}`, s.help] as const);
  const col = Math.max(...rows.map(([left]) => left.length)) + 4;
  // Narrow terminals: the help goes under its option rather than in a column a few letters wide.
  if (width - col < 30) return rows.flatMap(([left, help]) => [`  ${left}`, `        ${fill(help, width - 8, 8)}`]);
  return rows.map(([left, help]) => `  ${left.padEnd(col - 2)}${fill(help, width - col, col)}`);
}

/** `gsmlens help [command]`: the text of the help, wrapped to `width` columns. */
export function helpText(version: string, command?: Command, width = 80): string {
  if (command) {
    const s = SYNOPSIS[command];
    return [`Usage: ${s.usage}`, '', fill(s.about, width, 0), '', 'Options:', ...optionLines(command, width), '', ...exitLines(s.exit, width), ''].join('\n');
  }
  return [
    fill(`gsmlens ${version}: what happened to the cellular modem in a router log, and what to do next.`, width, 0),
    '',
    'Usage: gsmlens diagnose [options] PATH...  logs: files, directories, archives, -',
    '       gsmlens redact FILE...              the logs with secrets replaced',
    '       gsmlens help [COMMAND]              help on diagnose or redact',
    '       gsmlens -V | --version',
    '',
    'Options of every command:',
    ...optionLines(undefined, width),
    '',
    ...exitLines(EXIT_STATUS, width),
    '',
    'Run "gsmlens help diagnose" for the options of diagnose.',
    '',
  ].join('\n');
}
