// Log text and names are written by strangers. Some characters change how the text around them
// is shown without being seen themselves: line breaks inside a name forge lines in a report,
// terminal escapes rewrite the terminal, and Unicode's bidirectional controls reorder what a
// reader sees ("Trojan Source", CVE-2021-42574). Every surface that shows log-derived text (the
// text, Markdown and HTML reports, hovers, problems) passes it through `showControls` first, so
// such characters are shown as escapes (`\x0a`, `\u202e`) instead of acting.

/**
 * C0 controls but TAB (line breaks included), DEL and C1 controls; the bidirectional marks,
 * embeddings, overrides and isolates (U+061C, U+200E-F, U+202A-E, U+2066-9); the zero-width and
 * invisible format characters (U+200B-D, U+2060-4, U+FEFF); the line and paragraph separators
 * (U+2028-9); the interlinear annotation marks (U+FFF9-B).
 */
export const DISPLAY_CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/** The text with every display control shown as an escape: `\x1b`, `\x0a`, `\u202e`. */
export function showControls(s: string): string {
  return s.replace(DISPLAY_CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
