import { showControls } from './controls';

/**
 * HTML text from strangers' log lines: every character that could open markup is an entity, and
 * control characters (bidirectional overrides, line breaks) are shown as escapes.
 */
export function escapeHtml(s: string): string {
  return showControls(s).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Our own prose with `commands` in backticks: each part escaped, the backtick spans as <code>. */
export function proseHtml(s: string): string {
  return s.split('`').map((part, i) => (i % 2 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part))).join('');
}
