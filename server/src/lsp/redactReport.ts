import { Redactor } from '../core/redact/redact';

/** The Markdown report as it may be shared: one placeholder table for the whole report. */
export function redactReport(markdown: string): string {
  return new Redactor().redact(markdown);
}
