import type { CatalogueEntry } from '../types';

// Lines in which the programs that write a log say they left lines out of it: a syslog daemon
// folding a line said again and again, journald's and the kernel's rate limits. Each is a note;
// the report says how many lines were left out, so counts in the findings are lower bounds
// (`leftOut`). rsyslog's fold keeps the line it repeats, which is read as itself (formats/envelopes.ts).

export const logWriterEntries: CatalogueEntry[] = [
  {
    // BSD syslogd and sysklogd (FreeBSD usr.sbin/syslogd/syslogd.c, X157): the line before, again.
    id: 'syslog.last-message-repeated',
    subsystem: 'system',
    severity: 'info',
    literal: 'message repeated ',
    // (A host a header did not take may stand before it: `rpi-gw last message repeated 2 times`.)
    pattern: /^(?:[\w.-]{1,64} )?(?:last )?message repeated (?<count>\d{1,9}) times?\s*$/,
    summary: 'The syslog daemon left out {count} repeats of the line before',
    explanation: 'A BSD-style syslog daemon writes this instead of the same line said again and again: the line before this one was logged {count} more times, and those lines are not in the file.',
    leftOut: { group: 'count', by: 'the syslog daemon\'s folding of a line said again and again (`last message repeated N times`)' },
    sources: ['X157'],
    samples: ['Nov  3 11:00:52 rpi-gw last message repeated 37 times', 'Nov  3 11:00:52 rpi-gw syslogd: last message repeated 2 times'],
    counterSamples: ['Nov  3 11:00:52 rpi-gw rsyslogd: message repeated 3 times: [ Connect script failed]'],
  },
  {
    // syslog-ng's lib/logwriter.c (X154): the first 20 characters of the line it folded.
    id: 'syslog-ng.repeated',
    subsystem: 'system',
    severity: 'info',
    literal: ' times, suppressed by syslog-ng',
    pattern: /^Last message '(?<start>[^']{0,40})' repeated (?<count>\d{1,9}) times, suppressed by syslog-ng/,
    summary: 'syslog-ng left out {count} repeats of the line that began "{start}"',
    explanation: 'syslog-ng writes this instead of the same line said again and again: the line that began so was logged {count} more times, and those lines are not in the file.',
    leftOut: { group: 'count', by: 'syslog-ng\'s folding of a line said again and again (`Last message ... repeated N times`)' },
    sources: ['X154'],
    samples: ["Nov  3 14:04:40 gw syslog-ng[612]: Last message 'usb 1-1: device desc' repeated 212 times, suppressed by syslog-ng on gw"],
  },
  {
    // journald's rate limit per service (systemd src/journal/journald-server.c, X155).
    id: 'journald.suppressed',
    subsystem: 'system',
    severity: 'info',
    tags: ['systemd-journald'],
    literal: 'Suppressed ',
    pattern: /^Suppressed (?<count>\d{1,9}) messages from (?<unit>\S+)/,
    summary: 'journald left out {count} lines of {unit} (its rate limit)',
    explanation: 'journald keeps at most a number of lines per service in a time window (RateLimitBurst in journald.conf): {unit} wrote more, and {count} of its lines are not in the journal.',
    leftOut: { group: 'count', by: 'journald\'s rate limit (`Suppressed N messages from <unit>`)' },
    sources: ['X155'],
    samples: ['Nov 03 10:31:04 apu-gw systemd-journald[245]: Suppressed 1534 messages from ModemManager.service'],
  },
  {
    // The kernel's printk rate limit (lib/ratelimit.c, X156): a driver's messages past its limit.
    id: 'kernel.callbacks-suppressed',
    subsystem: 'system',
    severity: 'info',
    tags: ['kernel', '-'],
    literal: ' callbacks suppressed',
    pattern: /^(?<func>[\w.]{1,64}): (?<count>\d{1,9}) callbacks suppressed\s*$/,
    summary: 'The kernel left out {count} messages of {func} (its rate limit)',
    explanation: 'The kernel limits how many messages a function may print in a time window: {func} had {count} more to print, and they are not in the log.',
    leftOut: { group: 'count', by: 'the kernel\'s rate limit (`<function>: N callbacks suppressed`)' },
    sources: ['X156'],
    samples: ['[ 8123.402211] usb_wwan_write: 184 callbacks suppressed'],
  },
];
