/**
 * Where pasted text was wrapped. A terminal or serial console cuts a long line at its width, inside
 * a word, and the next line goes on at the margin; a mail client wraps at a space before about 76
 * columns. Readers that join a wrapped line use these to tell the two apart.
 */

/** The widths terminals and serial consoles wrap at (80 columns, and the common wider ones). */
export const TERMINAL_WIDTHS: ReadonlySet<number> = new Set([80, 100, 120, 132, 160, 200]);

/** The width a line was drawn at: its length, a carriage return at its end not counted. */
export function drawnWidth(line: string): number {
  return line.charCodeAt(line.length - 1) === 13 ? line.length - 1 : line.length;
}

/** The most lines one wrapped line (a string, a quoted column) goes on over: a message of a few thousand characters at 76 columns. */
export const MAX_WRAPPED_LINES = 48;

/** A line shorter than this was not wrapped by a mail client (which wraps near 72-78 columns) nor a terminal. */
export const MIN_WRAPPED_CHARS = 60;

/** The longest start of a stamp a wrap may leave on a line of its own (`Mon Dec  2 19:54:59`, `2024-12-02T19:54:59.123+01:00`). */
export const CUT_STAMP_CHARS = 32;

/** Whether `line` may have been wrapped before `next`: it is long, or `next`'s first word would have made it long (a wrap moves a long word down early). */
export function wrappedBefore(line: string, next: string): boolean {
  if (line.length >= MIN_WRAPPED_CHARS) return true;
  const word = /^\s*(\S*)/.exec(next)![1];
  return line.length + 1 + word.length >= MIN_WRAPPED_CHARS;
}

/**
 * What goes after `before` to undo a wrap before `next`: at a terminal's width the line was cut
 * inside a word (`next` as it is); before that a mail wrapped it at a space (a space, `next`'s
 * indentation dropped; none where `before` kept its space).
 */
export function unwrapped(before: string, next: string): string {
  if (TERMINAL_WIDTHS.has(before.length) && !/^\s/.test(next)) return next;
  return `${/\s$/.test(before) ? '' : ' '}${next.trimStart()}`;
}
