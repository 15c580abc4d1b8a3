import type { RE2JS } from 're2js';
import type { Finding, InputNotice, Severity } from '../model';

// A person's own rules (the `gsmlens.customRules` setting, `gsmlens diagnose --rules FILE`). The
// setting is resource-scoped, so a workspace's `.vscode/settings.json` can set it: a rule is
// input from a stranger too. Rules therefore run on RE2 (re2js, a pure-JavaScript port of Google's
// linear-time engine): matching takes time in proportion to the line, never the exponential time
// a backtracking engine takes on `(a+)+$`. What RE2 cannot do in linear time (backreferences,
// lookahead) is refused with a message that says so.

/** A rule a person adds in the settings: a regular expression, a severity and a message. */
export interface CustomRule {
  pattern: string;
  severity?: Severity;
  message: string;
  code?: string;
}

/** What a compiled rule is matched with: a search anywhere in the line. */
export interface LineMatcher {
  test(line: string): boolean;
}

export interface CompiledRule {
  re: LineMatcher;
  severity: Severity;
  message: string;
  code?: string;
  /** Where the rule came from (`gsmlens.customRules[2]`) and its pattern, for refusals. */
  where: string;
  pattern: string;
}

export interface CompiledRules {
  rules: CompiledRule[];
  /** One sentence per rule that was refused, naming the rule and why. */
  errors: string[];
}

/** The bounds on rules, as data. */
export const CUSTOM_RULE_LIMITS = {
  /** Only this many characters of a line are searched (a line may hold up to 64 KiB). */
  probeChars: 4096,
  /**
   * Largest compiled program (RE2 instructions): the cost of a search grows with it, so a rule
   * such as `[\s\S]{5000}x` is refused rather than slowing every line.
   */
  maxProgramSize: 2000,
  /**
   * A rule that matches more than this share of the content (non-blank) lines of a file, once it
   * has at least `broadMinLines` of them, flags nearly every line: it says nothing about the log
   * and would bury the real problems, so it is refused for that file. Half the lines is not
   * refused: a rule may rightly point at a flood of one message.
   */
  broadShare: 0.9,
  broadMinLines: 20,
} as const;

const SEVERITIES = new Set<Severity>(['error', 'warning', 'info', 'hint']);

/** Constructs that JavaScript accepts and RE2 refuses, named for the person who wrote the rule. */
const REFUSED_SYNTAX: readonly { what: string; re: RegExp }[] = [
  { what: 'a backreference (\\1, \\k<name>)', re: /\\(?:[1-9]|k<)/ },
  { what: 'a lookahead ((?=...) or (?!...))', re: /\(\?[=!]/ },
  { what: 'a lookbehind with a capture group', re: /\(\?<[=!][^)]*\(/ },
  { what: 'a repeat count over 1000', re: /\{\d*\d{4}(?:,\d*)?\}/ },
];

/**
 * JavaScript escapes RE2 spells differently: `\uXXXX` and `\u{X}` are `\x{X}` there. Escapes are
 * read in order, so `\\u` (a backslash, then u) is left alone.
 */
export function toRe2Syntax(pattern: string): string {
  return pattern.replace(/\\(?:u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4})|[\s\S])/g, (m, braced: string | undefined, four: string | undefined) => (braced ?? four ? `\\x{${braced ?? four}}` : m));
}

/** Compiles one pattern for line matching, or says why not (a sentence for the person). */
export function compileLinePattern(pattern: string): { re: LineMatcher } | { error: string } {
  let re: RE2JS;
  try {
    const engine = re2();
    re = engine.compile(toRe2Syntax(pattern), engine.LOOKBEHINDS);
  } catch (err) {
    const engine = (err as Error).message.replace(/^error parsing regexp: /, '');
    try {
      new RegExp(pattern);
    } catch (jsErr) {
      return { error: `is not a valid regular expression: ${(jsErr as Error).message}` };
    }
    const what = REFUSED_SYNTAX.find((s) => s.re.test(pattern))?.what ?? 'something';
    return { error: `uses ${what}, which the linear-time engine (RE2) refuses (${engine}): rules are matched in time proportional to the line so that no rule can hang the analysis. Write it without that construct` };
  }
  const size = re.programSize();
  if (size > CUSTOM_RULE_LIMITS.maxProgramSize) return { error: `is too large to match against every line (${size} RE2 instructions, at most ${CUSTOM_RULE_LIMITS.maxProgramSize})` };
  return { re };
}

/** Checks and compiles the rules from the settings; a bad rule is refused with a clear reason. */
export function compileCustomRules(value: unknown): CompiledRules {
  const out: CompiledRules = { rules: [], errors: [] };
  if (value === undefined || value === null) return out;
  if (!Array.isArray(value)) {
    out.errors.push('gsmlens.customRules must be a list of rules ({ "pattern", "severity", "message" }).');
    return out;
  }
  value.forEach((raw, i) => {
    const where = `gsmlens.customRules[${i}]`;
    if (typeof raw !== 'object' || raw === null) return void out.errors.push(`${where} is not an object with "pattern" and "message".`);
    const r = raw as Record<string, unknown>;
    if (typeof r.pattern !== 'string' || r.pattern === '') return void out.errors.push(`${where} has no "pattern" (a regular expression).`);
    if (typeof r.message !== 'string' || r.message === '') return void out.errors.push(`${where} has no "message".`);
    const severity = (r.severity ?? 'warning') as Severity;
    if (typeof severity !== 'string' || !SEVERITIES.has(severity)) return void out.errors.push(`${where}: severity "${String(r.severity)}" is not error, warning, info or hint.`);
    const compiled = compileLinePattern(r.pattern);
    if ('error' in compiled) return void out.errors.push(`${where}: the pattern ${JSON.stringify(r.pattern)} ${compiled.error}.`);
    if (compiled.re.test('')) return void out.errors.push(`${where}: the pattern ${JSON.stringify(r.pattern)} matches an empty line, so it would flag every line.`);
    out.rules.push({ re: compiled.re, severity, message: r.message, where, pattern: r.pattern, ...(typeof r.code === 'string' ? { code: r.code } : {}) });
  });
  return out;
}

/** Whether one rule matches one line (its first `probeChars` characters). */
export function ruleMatches(rule: CompiledRule, text: string): boolean {
  return rule.re.test(text.length > CUSTOM_RULE_LIMITS.probeChars ? text.slice(0, CUSTOM_RULE_LIMITS.probeChars) : text);
}

function ruleFinding(r: CompiledRule, line: number, file: number): Finding {
  return { code: 'custom-rule', severity: r.severity, message: r.message, file, line, endLine: line, count: 1, lines: [line], eventIds: r.code ? [r.code] : [] };
}

/** The findings the rules raise on one line (1-based), one per matching rule. */
export function matchCustomRules(rules: readonly CompiledRule[], text: string, line: number, file = 0): Finding[] {
  return rules.filter((r) => ruleMatches(r, text)).map((r) => ruleFinding(r, line, file));
}

/** Whether a rule that matched `hits` of `content` lines flags nearly every line. */
export function isTooBroad(hits: number, content: number): boolean {
  return content >= CUSTOM_RULE_LIMITS.broadMinLines && hits > content * CUSTOM_RULE_LIMITS.broadShare;
}

/**
 * The rules over one file, line by line: the lines each rule matched (numbers only, no finding
 * per line until the end) and the content lines seen, so a rule that flags nearly every line can
 * be refused for that file.
 */
export class RuleMatcher {
  private readonly hits: number[][];
  private content = 0;

  constructor(private readonly rules: readonly CompiledRule[], private readonly file: number) {
    this.hits = rules.map(() => []);
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  addLine(text: string, line: number): void {
    if (!/\S/.test(text)) return;
    this.content++;
    for (let i = 0; i < this.rules.length; i++) if (ruleMatches(this.rules[i], text)) this.hits[i].push(line);
  }

  /**
   * The findings so far (with an unfinished last line, for an editor buffer that grows), and a
   * notice for each rule refused as too broad.
   */
  result(tail?: { text: string; line: number }): { findings: Finding[]; notices: InputNotice[] } {
    const findings: Finding[] = [];
    const notices: InputNotice[] = [];
    const tailContent = tail && /\S/.test(tail.text) ? 1 : 0;
    const content = this.content + tailContent;
    this.rules.forEach((r, i) => {
      const lines = tailContent && ruleMatches(r, tail!.text) ? [...this.hits[i], tail!.line] : this.hits[i];
      if (isTooBroad(lines.length, content)) {
        notices.push({ file: this.file, severity: 'warning', message: tooBroadMessage(r, lines.length, content) });
        return;
      }
      for (const line of lines) findings.push(ruleFinding(r, line, this.file));
    });
    return { findings, notices };
  }
}

/** The refusal of a rule that matched nearly every line; the language server shows it as an error. */
export function tooBroadMessage(r: CompiledRule, hits: number, content: number): string {
  return `${r.where}: the pattern ${JSON.stringify(r.pattern)} matches ${hits} of ${content} lines (${Math.round((hits / content) * 100)}%); a rule that matches more than ${Math.round(CUSTOM_RULE_LIMITS.broadShare * 100)}% of the lines says nothing about the log, so it is refused for this file.`;
}

/** Whether a notice is the refusal of a too-broad rule. */
export function isRuleRefusal(n: { message: string }): boolean {
  return /^gsmlens\.customRules\[\d+\]: .* so it is refused for this file\.$/.test(n.message);
}

let loaded: typeof RE2JS | undefined;

/**
 * re2js, loaded on the first custom rule: most runs have none, and the engine is half the size of
 * the CLI bundle (the build keeps it in its own file, out/re2.js), so a plain diagnosis does not
 * pay to load it.
 */
function re2(): typeof RE2JS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= (require('re2js') as typeof import('re2js')).RE2JS);
}
