/**
 * 3GPP TS 27.007's network registration status as a modem reports it (+CREG, +CGREG, +CEREG,
 * +C5GREG; source X91): the answer to a read, `+CEREG: <n>,<stat>[,...]`, or the unsolicited
 * report, `+CEREG: <stat>` alone or before a quoted area code. Status 1 is registered at home, 2
 * searching, 3 denied, 5 registered roaming. One reading serves the AT entries of every status.
 */

/** Seven characters each: every line of every program is screened for an any-program entry's literals, in a window as long as the shortest of them (LiteralScreen). */
export const REGISTRATION_LITERALS: readonly string[] = ['+CREG: ', '+CGREG:', '+CEREG:', '+C5GREG'];

/**
 * A report of a registration status that `stat` matches (`3`, `[15]`): after `<n>,` in a read's
 * answer, or first in an unsolicited report (`+CEREG: 3,1` is n=3 and registered, not denied).
 * `register` names which registration (CREG circuit-switched, CGREG GPRS, CEREG LTE, C5GREG 5G):
 * one of them does not end another's trouble (findingStory).
 */
export function registrationPattern(stat: string): RegExp {
  return new RegExp(String.raw`\+(?<register>C(?<service>G|E|5G)?REG): (?:[0-5], ?${stat}(?=$|[\s<'",])|${stat}(?=$|[\s<'"]|,"))`);
}
