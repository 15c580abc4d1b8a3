import type { Severity } from '../core/model';
import { PLAIN, type TextStyle } from '../core/report/textReport';

// How the text report meets a terminal: colour and width, decided the way ripgrep and most
// command-line tools do, so `gsmlens diagnose x | less`, CI logs and scripts all get what they expect.

export type ColorChoice = 'auto' | 'always' | 'never';

/**
 * Whether to colour. `always`/`never` win over the environment (as ripgrep's --color does). For
 * `auto`: FORCE_COLOR set to anything but 0/false forces colour (CI logs that render it), and wins
 * over NO_COLOR as it does in Node itself; a non-empty NO_COLOR (no-color.org) turns it off;
 * otherwise colour only on a terminal that is not TERM=dumb.
 */
export function wantsColor(choice: ColorChoice, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (choice !== 'auto') return choice === 'always';
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  return !!stream.isTTY && env.TERM !== 'dumb';
}

export function colorStyle(on: boolean): TextStyle {
  if (!on) return PLAIN;
  const c = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
  const sev: Record<Severity, (s: string) => string> = { error: c('31'), warning: c('33'), info: c('36'), hint: c('2') };
  return { bold: c('1'), dim: c('2'), severity: (v, s) => sev[v](s) };
}

/** Prose is hard to read wider than this, however wide the terminal (clap, which ripgrep used, caps help at 100 too). */
export const MAX_WIDTH = 100;
/** Narrower than this, the report's columns would not fit: wrap at this width anyway. */
export const MIN_WIDTH = 40;
/** Not a terminal and no COLUMNS (a pipe, a file, CI): the width of a mail, a ticket, `man`'s default. */
export const DEFAULT_WIDTH = 80;

/**
 * The width the text report wraps to: COLUMNS when set to a number (the shell's, or the user's
 * choice for a pipe), else the terminal's own width, else 80; then held between 40 and 100.
 */
export function textWidth(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = /^\d+$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0;
  const width = fromEnv > 0 ? fromEnv : stream.isTTY && stream.columns ? stream.columns : DEFAULT_WIDTH;
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, width));
}
