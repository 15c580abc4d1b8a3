/**
 * Where pasted text was wrapped. A terminal or serial console cuts a long line at its width, inside
 * a word, and the next line goes on at the margin; a mail client wraps at a space before about 76
 * columns. Readers that join a wrapped line use these to tell the two apart.
 */

/** The widths terminals and serial consoles wrap at (80 columns, and the common wider ones). */
export const TERMINAL_WIDTHS: ReadonlySet<number> = new Set([80, 100, 120, 132, 160, 200]);

/** A line shorter than this was not wrapped by a mail client (which wraps near 72-78 columns) nor a terminal. */
export const MIN_WRAPPED_CHARS = 60;

/** The longest start of a stamp a wrap may leave on a line of its own (`Mon Dec  2 19:54:59`, `2024-12-02T19:54:59.123+01:00`). */
export const CUT_STAMP_CHARS = 32;
