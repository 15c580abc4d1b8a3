import type { Analysis } from '../model';
import { Redactor } from '../redact/redact';
import { toHtmlReport, type HtmlOptions } from './htmlReport';
import { toMarkdownReport, type MarkdownOptions } from './markdownReport';

// A report that leaves the machine (a forum post, a ticket) is redacted: identities, public
// addresses and secrets become placeholders (`<IMEI-1>`), one table for the whole report so the
// same value keeps its number in the story and in the quoted lines.
//
// Redaction runs on the analysis and on the quoted log lines, BEFORE the report escapes them for
// Markdown or HTML: escaping first splits values the redactor must see whole (`352099001761481.log`
// at the start of a line becomes `352099001761481\.log`, `jane_doe@` becomes `jane\_doe@`, `&`
// becomes `&amp;`), and a redactor run on the finished text then leaves them, or half of them.

/** Fields that name things in our own vocabulary (codes, ids, enums), used as lookup keys: never redacted. */
const OWN_VOCABULARY = new Set(['code', 'kind', 'verdict', 'severity', 'confidence', 'format', 'id', 'eventIds', 'sources', 'subsystem', 'host']);

function redactValue(value: unknown, redactor: Redactor, depth: number): unknown {
  if (typeof value === 'string') {
    const out = redactor.redact(value);
    redactor.endOfInput(); // a PEM block left open in one field must not swallow the next
    return out;
  }
  if (value === null || typeof value !== 'object' || depth > 12) return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, redactor, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = OWN_VOCABULARY.has(k) ? v : redactValue(v, redactor, depth + 1);
  return out;
}

/**
 * A copy of the analysis with every text that can come from a log (finding messages, story
 * steps and summaries, notices, file names, event texts and fields, device facts) redacted
 * through `redactor`. Numbers, line references and our own codes are unchanged.
 */
export function redactAnalysis(analysis: Analysis, redactor: Redactor = new Redactor()): Analysis {
  return redactValue(analysis, redactor, 0) as Analysis;
}

export type ShareableFormat = 'md' | 'html';

/**
 * The Markdown (or HTML) report as it may be shared: with `redact` (the default) the analysis and
 * every quoted line go through one Redactor before the report is rendered and escaped. The CLI's
 * `--report md` and the editor's "Copy report as Markdown" both come here.
 */
export function toShareableReport(analysis: Analysis, format: ShareableFormat, options: MarkdownOptions & HtmlOptions = {}, redact = true): string {
  let a = analysis;
  let o = options;
  if (redact) {
    const redactor = new Redactor();
    // The reports quote no events (they quote lines through lineText): redacting the events too
    // was most of the time of a report on a modem in a reconnect loop (50,000 events, 0.4 s).
    a = redactAnalysis({ ...analysis, events: [] }, redactor);
    const lineText = options.lineText;
    if (lineText) {
      o = {
        ...options,
        lineText: (file, line) => {
          const text = lineText(file, line);
          return text === undefined ? undefined : redactor.redact(text);
        },
      };
    }
  }
  return format === 'md' ? toMarkdownReport(a, o) : toHtmlReport(a, o);
}
