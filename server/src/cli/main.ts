import { readFileSync } from 'node:fs';
import { version as VERSION } from '../../../package.json';
import { compileCustomRules, type CompiledRule } from '../core/findings/customRules';
import { analyzeFiles, type AnalyzeOptions } from '../core/analyze';
import { InputError } from '../core/input/readInput';
import type { Severity } from '../core/model';
import { toJsonReport } from '../core/report/jsonReport';
import { runRedact } from './redactCommand';
import { redactAnalysis, toShareableReport } from '../core/report/shareableReport';
import { toTextReport } from '../core/report/textReport';
import { expandPaths } from '../core/input/logSet';
import { helpText, isCommand, numberValue, parseCommandLine, UsageError, type CommandLine } from './options';
import { colorStyle, textWidth, wantsColor, type ColorChoice } from './terminal';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export async function main(argv: string[]): Promise<number> {
  let cli: CommandLine;
  try {
    cli = parseCommandLine(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`gsmlens: ${err.message}\n`);
    return 2;
  }
  const { command, values } = cli;
  if (values.version) {
    process.stdout.write(`gsmlens ${VERSION}\n`);
    return 0;
  }
  if (command === 'help' || values.help) {
    const topic = command === 'help' ? cli.operands[0] : command;
    if (topic !== undefined && !isCommand(topic)) {
      process.stderr.write(`gsmlens: unknown command "${topic}" (see gsmlens help)\n`);
      return 2;
    }
    process.stdout.write(helpText(VERSION, topic, textWidth(process.stdout)));
    return 0;
  }
  try {
    const files = cli.operands;
    if (command === 'redact') {
      if (files.length === 0) throw new UsageError('redact needs a FILE, or - for standard input');
      const counts = await runRedact(files, process.stdout).catch((err: Error) => {
        throw new InputError(err.message);
      });
      const said = counts.map((c) => `${c.count} ${c.kind}`).join(', ');
      process.stderr.write(`gsmlens: replaced ${said || 'nothing'}\n`);
      return 0;
    }
    if (command !== 'diagnose') throw new UsageError(command ? `unknown command "${command}" (see gsmlens help)` : 'no command given (try: gsmlens diagnose FILE, or gsmlens help)');
    if (files.length === 0) throw new UsageError('diagnose needs a FILE, or - for standard input');
    if (values.redact && values['no-redact']) throw new UsageError('--redact and --no-redact contradict each other (see gsmlens help diagnose)');
    // Choices and ranges were checked by parseCommandLine (options.ts).
    const minSeverity = (values['min-severity'] ?? 'info') as Severity;
    const failOn = values['fail-on'] as Severity | undefined;
    const options: AnalyzeOptions = {
      usbGapSeconds: numberValue(values, 'usb-gap-seconds'),
      burstWindowSeconds: numberValue(values, 'burst-window-seconds'),
      reconnectLoopCount: numberValue(values, 'reconnect-loop-count'),
      silenceSeconds: numberValue(values, 'silence-seconds'),
    };
    if (typeof values.rules === 'string') options.customRules = readRules(values.rules);
    const analysis = await analyzeFiles(await expandPaths(files), options);
    // --fail-on judges every finding, also those --min-severity leaves out of the report, and every
    // story by its verdict's severity: a modem not answering, not over, is an error story told from
    // warnings (a blind probe's hung modem exited 0 with --fail-on error).
    const failingFindings = failOn ? analysis.findings.filter((f) => RANK[f.severity] <= RANK[failOn]).length : 0;
    const failingStories = failOn ? analysis.episodes.filter((e) => RANK[e.severity] <= RANK[failOn]).length : 0;
    analysis.findings = analysis.findings.filter((f) => RANK[f.severity] <= RANK[minSeverity]);
    // A report for sharing (--report md) is redacted unless --no-redact; --redact redacts any report.
    const markdown = !values.json && (values.report === 'md' || values.report === 'markdown');
    const redact = !values['no-redact'] && (!!values.redact || markdown);
    if (values.json) process.stdout.write(JSON.stringify(toJsonReport(redact ? redactAnalysis(analysis) : analysis), null, 2) + '\n');
    else if (markdown) process.stdout.write(toShareableReport(analysis, 'md', {}, redact));
    else {
      const color: ColorChoice = values['no-color'] ? 'never' : ((values.color as ColorChoice | undefined) ?? 'auto');
      process.stdout.write(toTextReport(redact ? redactAnalysis(analysis) : analysis, colorStyle(wantsColor(color, process.stdout)), textWidth(process.stdout)));
    }
    if (failingFindings || failingStories) {
      const parts = [...(failingStories ? [`${failingStories} stor${failingStories === 1 ? 'y' : 'ies'}`] : []), ...(failingFindings ? [`${failingFindings} finding${failingFindings === 1 ? '' : 's'}`] : [])];
      process.stderr.write(`gsmlens: ${parts.join(' and ')} at or above ${failOn} (--fail-on ${failOn})\n`);
      return 1;
    }
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
