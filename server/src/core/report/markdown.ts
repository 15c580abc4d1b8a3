import { showControls } from './controls';

/**
 * Markdown text from strangers' log lines: every character that could start markup (emphasis,
 * code, links, images, HTML, tables, line-start blocks) is escaped; control characters (line
 * breaks, bidirectional overrides) are shown as escapes; the rest stays readable.
 */
export function escapeMarkdown(s: string): string {
  return showControls(s)
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'))
    .replace(/^(\s*)([#+=-]|\d+[.)])/gm, '$1\\$2');
}

/** A fenced block that the text inside cannot close: the fence is longer than any backtick run. */
export function fencedBlock(lines: readonly string[], info = 'log'): string {
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((r) => r.length))));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${lines.map(showControls).join('\n')}\n${fence}`;
}
