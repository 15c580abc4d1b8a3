/**
 * 3GPP TS 27.007's network registration status as a modem reports it (+CREG, +CGREG, +CEREG,
 * +C5GREG; source X91): the answer to a read, `+CEREG: <n>,<stat>[,...]`, or the unsolicited
 * report, `+CEREG: <stat>` alone or before a quoted area code. Status 1 is registered at home, 2
 * searching, 3 denied, 5 registered roaming, 0 not registered and not searching. One reading
 * serves the AT entries of every status.
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

/** The reports that carry a reject cause (+CREG's and +CEREG's n=3 form): a literal of each. */
export const REJECT_CAUSE_LITERALS: readonly string[] = ['+CREG: ', '+CEREG:'];

/**
 * A denied status (3) in +CREG's or +CEREG's n=3 form, which adds the network's reason after the
 * area, cell and radio technology: `<cause_type>,<reject_cause>` (X184), as `causeType` and
 * `rejectCause`; `+CEREG: 3,3,"1F4A","0A3C2105",7,0,7` is n=3, denied, cause type 0, cause 7.
 */
export const REJECT_CAUSE_PATTERN = /\+(?<register>C(?<service>E)?REG): (?:[0-5],)?3,(?:"[^"]*")?,(?:"[^"]*")?,(?:\d{1,2})?,(?<causeType>[01]),(?<rejectCause>\d{1,3})\b/;
