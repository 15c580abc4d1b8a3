// journalctl -o with-unit writes a systemd unit where the other layouts write the program
// (`ModemManager.service[519]: `, templated `qmi-network@wwan0.service[812]: `), and journal
// shippers label records with the unit (Loki's `unit`, journald's `_SYSTEMD_UNIT`). The catalogue
// and the detectors know programs, so the program a unit runs is read off its name: the name
// without the unit type and without a template's instance. Only `.service` and `.scope` units run
// programs that log; any other word is a program's own name and is kept as written.

const SUFFIXES = ['.service', '.scope'] as const;

/** Where the program's name in `s[a, b)` ends: before a unit's type and its instance, or `b`. */
export function programEnd(s: string, a: number, b: number): number {
  // A unit's last character is `e` (.service, .scope): one comparison for every other tag.
  if (s.charCodeAt(b - 1) !== 101 /* e */) return b;
  for (const suffix of SUFFIXES) {
    const at = b - suffix.length;
    if (at <= a || !s.startsWith(suffix, at)) continue;
    const instance = s.indexOf('@', a);
    return instance > a && instance < at ? instance : at;
  }
  return b;
}

/** The program a unit's name says runs (`ModemManager.service` -> `ModemManager`), or the name as it was. */
export function programOfUnit(tag: string): string {
  const end = programEnd(tag, 0, tag.length);
  return end === tag.length ? tag : tag.slice(0, end);
}
