import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { compileCustomRules, type CompiledRule } from '../core/findings/customRules';
import { analyzeFiles, type AnalyzeOptions } from '../core/analyze';
import { InputError } from '../core/input/readInput';
import type { Severity } from '../core/model';
import { toJsonReport } from '../core/report/jsonReport';
import { runRedact } from './redactCommand';
import { toMarkdownReport } from '../core/report/markdownReport';
import { PLAIN, toTextReport, type TextStyle } from '../core/report/textReport';

const USAGE = `Usage: gsmlens diagnose [options] FILE... (use - for standard input; a troubleshoot.tar.gz is read whole)
       gsmlens redact FILE...   (the files with IMEI, IMSI, ICCID, serials, MACs, public IPs, phone
                                 numbers, e-mail addresses and secrets replaced by stable placeholders)

Reads router logs (RutOS/OpenWrt logread, troubleshoot system.log, dmesg, syslog, journalctl)
and tells what happened to the cellular modem, and what to do next.

Options:
  --json                     print the machine-readable report (schema version 1)
  --report md                print the report as Markdown (for a ticket or a forum post)
  --min-severity LEVEL       hide findings below error|warning|info (default: info)
  --rules FILE               your own rules: a JSON list like the gsmlens.customRules setting
                             ([{ "pattern": "regex", "severity": "warning", "message": "..." }])
  --usb-gap-seconds N        a modem gone from USB this long while the log goes on is an error (default 60)
  --burst-window-seconds N   lines of one kind this close form one finding (default 30)
  --reconnect-loop-count N   reconnects within 15 min that make a loop (default 3)
  --silence-seconds N        gsmd quiet this long after losing the modem is modem-silent (default 120)
  --no-color                 plain text even on a terminal
  -h, --help                 this text
  -v, --version              the version

Exit status: 0 when the analysis ran, 2 on a usage error or unreadable input.`;

const VERSION = '0.1.0';

class UsageError extends Error {}

function numberOption(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} takes a number of 0 or more, not "${v}"`);
  return n;
}

function styleFor(stream: NodeJS.WriteStream, noColor: boolean): TextStyle {
  if (noColor || !stream.isTTY || process.env.NO_COLOR) return PLAIN;
  const c = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
  const sev: Record<Severity, (s: string) => string> = { error: c('31'), warning: c('33'), info: c('36'), hint: c('2') };
  return { bold: c('1'), dim: c('2'), severity: (v, s) => sev[v](s) };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        report: { type: 'string' },
        'min-severity': { type: 'string' },
        'usb-gap-seconds': { type: 'string' },
        rules: { type: 'string' },
        'burst-window-seconds': { type: 'string' },
        'reconnect-loop-count': { type: 'string' },
        'silence-seconds': { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    process.stderr.write(`gsmlens: ${(err as Error).message}\n${USAGE.split('\n')[0]}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  try {
    const [command, ...files] = positionals;
    if (command === 'redact') {
      if (files.length === 0) throw new UsageError('redact needs a FILE, or - for standard input');
      const counts = await runRedact(files, process.stdout).catch((err: Error) => {
        throw new InputError(err.message);
      });
      const said = counts.map((c) => `${c.count} ${c.kind}`).join(', ');
      process.stderr.write(`gsmlens: replaced ${said || 'nothing'}\n`);
      return 0;
    }
    if (command !== 'diagnose') throw new UsageError(command ? `unknown command "${command}" (try: gsmlens diagnose FILE)` : 'no command given (try: gsmlens diagnose FILE)');
    if (files.length === 0) throw new UsageError('diagnose needs a FILE, or - for standard input');
    if (values.report !== undefined && !['md', 'markdown', 'text'].includes(values.report)) throw new UsageError(`--report is md or text, not "${values.report}"`);
    const minSeverity = (values['min-severity'] ?? 'info') as Severity;
    if (!(minSeverity in RANK)) throw new UsageError(`--min-severity is error, warning or info, not "${values['min-severity']}"`);
    const options: AnalyzeOptions = {
      usbGapSeconds: numberOption(values['usb-gap-seconds'], 'usb-gap-seconds'),
      burstWindowSeconds: numberOption(values['burst-window-seconds'], 'burst-window-seconds'),
      reconnectLoopCount: numberOption(values['reconnect-loop-count'], 'reconnect-loop-count'),
      silenceSeconds: numberOption(values['silence-seconds'], 'silence-seconds'),
    };
    if (values.rules !== undefined) options.customRules = readRules(values.rules);
    const analysis = await analyzeFiles(files, options);
    analysis.findings = analysis.findings.filter((f) => RANK[f.severity] <= RANK[minSeverity]);
    if (values.json) process.stdout.write(JSON.stringify(toJsonReport(analysis), null, 2) + '\n');
    else if (values.report === 'md' || values.report === 'markdown') process.stdout.write(toMarkdownReport(analysis));
    else process.stdout.write(toTextReport(analysis, styleFor(process.stdout, !!values['no-color'])));
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) {
      process.stderr.write(`gsmlens: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`gsmlens: internal error: ${(err as Error).message}\n`);
    return 2;
  }
}

/** `--rules FILE`: the same rules as the editor's `gsmlens.customRules`, refused with the same reasons. */
function readRules(path: string): CompiledRule[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`--rules ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not a JSON list of rules (${(err as Error).message})`}`);
  }
  const { rules, errors } = compileCustomRules(raw);
  if (errors.length) throw new UsageError(`--rules ${path}: ${errors.join(' ')}`);
  return rules;
}
