/** Placeholder until the redaction module lands: returns the report unchanged. */
export function redactReport(markdown: string): string {
  return markdown;
}
