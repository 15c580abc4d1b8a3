import type { Shape } from './reshape';

/** The shapes a log is written in, each keeping every record's date, time and program (metamorphic.test.ts: `exact`). */
export const EXACT_FORMATS: readonly Shape[] = [
  'bsd-host', 'bsd-nohost', 'logread', 'logread-ids', 'logread-t', 'bsd-host-facility', 'luci', 'luci-en-gb', 'luci-en-us', 'dashes-us', 'dashes-eu',
  'rfc5424', 'journal-short-iso', 'iso-zone-name', 'bracketed-program', 'iso-named', 'iso-levelled', 'iso-levelled-bracketed', 'bracketed-iso-host',
  'journal-short-precise', 'journal-short-full', 'journal-short-unix', 'journal-json', 'logfmt', 'journal-with-unit', 'logcat-threadtime', 'logcat-time',
  'dmesg-x', 'dmesg-d', 'dmesg-caller', 'export-tsv', 'export-spaces', 'export-bars', 'export-csv', 'syslog-server-tsv', 'export-csv-excel', 'export-headed',
  'gelf', 'loki-logcli', 'capture-ts', 'capture-tio', 'level-first',
];

/** The ways a log is then pasted or listed, each changing no record. */
export const PASTES: readonly Shape[] = [
  'forum-quote', 'cat-n', 'grep-numbered', 'grep-named', 'code-block', 'bulleted', 'crlf-bom', 'no-break-spaces', 'kubectl-prefix', 'compose', 'newest-first', 'mail-wrapped', 'terminal-80',
];
