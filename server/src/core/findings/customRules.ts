import type { Finding, Severity } from '../model';

/** A rule a person adds in the settings: a regular expression, a severity and a message. */
export interface CustomRule {
  pattern: string;
  severity?: Severity;
  message: string;
  code?: string;
}

export interface CompiledRule {
  re: RegExp;
  severity: Severity;
  message: string;
  code?: string;
}

export interface CompiledRules {
  rules: CompiledRule[];
  /** One sentence per rule that was refused, naming the rule and why. */
  errors: string[];
}

const SEVERITIES = new Set<Severity>(['error', 'warning', 'info', 'hint']);

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
    if (!SEVERITIES.has(severity)) return void out.errors.push(`${where}: severity "${String(r.severity)}" is not error, warning, info or hint.`);
    let re: RegExp;
    try {
      re = new RegExp(r.pattern);
    } catch (err) {
      return void out.errors.push(`${where}: the pattern ${JSON.stringify(r.pattern)} is not a valid regular expression: ${(err as Error).message}.`);
    }
    if (re.test('')) return void out.errors.push(`${where}: the pattern ${JSON.stringify(r.pattern)} matches an empty line, so it would flag every line.`);
    out.rules.push({ re, severity, message: r.message, ...(typeof r.code === 'string' ? { code: r.code } : {}) });
  });
  return out;
}

/** The findings the rules raise on one line (1-based), one per matching rule. */
export function matchCustomRules(rules: readonly CompiledRule[], text: string, line: number, file = 0): Finding[] {
  const out: Finding[] = [];
  const probe = text.length > 4096 ? text.slice(0, 4096) : text;
  for (const r of rules) {
    if (!r.re.test(probe)) continue;
    out.push({ code: 'custom-rule', severity: r.severity, message: r.message, file, line, endLine: line, count: 1, lines: [line], eventIds: r.code ? [r.code] : [] });
  }
  return out;
}
