import type { FindingCode } from '../../model';

// The modem's own error answers to AT commands (`+CME ERROR: <n>`, or the text when verbose
// errors are on, AT+CMEE=2), per 3GPP TS 27.007 9.2 [X68] [X90]: the number and its words, and the
// finding each means. Every modem that speaks AT writes them the same, whoever logs them (a modem
// manager's debug trace, a chat script, a microcontroller's console), so one table reads them all.

export interface CmeError {
  code: number;
  /** The words verbose errors print, as 27.007 and ModemManager's table spell them. */
  text: string;
  finding: FindingCode;
}

export const CME_ERRORS: readonly CmeError[] = [
  // 9.2.1: the SIM [X90]
  { code: 10, text: 'SIM not inserted', finding: 'sim-error' },
  { code: 11, text: 'SIM PIN required', finding: 'sim-error' },
  { code: 12, text: 'SIM PUK required', finding: 'sim-error' },
  { code: 13, text: 'SIM failure', finding: 'sim-error' },
  { code: 14, text: 'SIM busy', finding: 'sim-error' },
  { code: 15, text: 'SIM wrong', finding: 'sim-error' },
  { code: 16, text: 'incorrect password', finding: 'sim-error' },
  { code: 17, text: 'SIM PIN2 required', finding: 'sim-error' },
  { code: 18, text: 'SIM PUK2 required', finding: 'sim-error' },
  // 9.2.1: the network [X67] [X68]
  { code: 30, text: 'no network service', finding: 'registration-failed' },
  { code: 31, text: 'network timeout', finding: 'registration-failed' },
  { code: 32, text: 'network not allowed', finding: 'registration-failed' }, // '- emergency calls only' follows
  // 9.2.2: the network rejected the modem or its subscription (GPRS/packet domain) [X90]
  { code: 103, text: 'Illegal MS', finding: 'registration-failed' },
  { code: 106, text: 'Illegal ME', finding: 'registration-failed' },
  { code: 107, text: 'GPRS services not allowed', finding: 'registration-failed' },
  { code: 111, text: 'PLMN not allowed', finding: 'registration-failed' },
  { code: 112, text: 'Location area not allowed', finding: 'registration-failed' },
  { code: 113, text: 'Roaming not allowed in this location area', finding: 'registration-failed' },
  // 9.2.2: a data session (PDP context) refused [X90]
  { code: 132, text: 'service option not supported', finding: 'data-session-failed' },
  { code: 133, text: 'requested service option not subscribed', finding: 'data-session-failed' },
  { code: 134, text: 'service option temporarily out of order', finding: 'data-session-failed' },
  { code: 149, text: 'PDP authentication failure', finding: 'data-session-failed' },
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `+CME ERROR: <code or text>` for the errors of one finding: a number not followed by another
 * digit (`+CME ERROR: 3` and `302` are other errors), or the text, its spaces and case free.
 */
export function cmePattern(finding: FindingCode): RegExp {
  const codes = CME_ERRORS.filter((e) => e.finding === finding).map((e) => String(e.code)).join('|');
  return new RegExp(`\\+CME ERROR: ?(?<cme>(?:${codes})(?!\\d)|(?:${cmeWords(finding)})(?![\\w-]))`, 'i');
}

/**
 * The words of the errors of one finding as a regular expression's alternation (match it with the
 * `i` flag): words apart by anything but a letter (`PLMN not allowed`, `SIM-not-inserted`). A modem
 * manager that reports the modem's error in words (NetworkManager's `failed to connect modem:
 * Network not allowed - Emergency calls only`) is read with them.
 */
export function cmeWords(finding: FindingCode): string {
  return CME_ERRORS.filter((e) => e.finding === finding).map((e) => e.text.split(/\W+/).map(escapeRegExp).join('\\W*')).join('|');
}

/** The words of an error, for its number (`SIM not inserted` for 10) or its text as a modem wrote it. */
export function cmeText(cme: string): string {
  const n = Number(cme);
  const key = (t: string): string => t.toLowerCase().replace(/\W/g, '');
  const row = Number.isInteger(n) ? CME_ERRORS.find((e) => e.code === n) : CME_ERRORS.find((e) => key(e.text) === key(cme));
  return row ? row.text : cme;
}
