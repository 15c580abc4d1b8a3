import type { Finding, FindingCode, LogEvent, Severity } from '../../model';
import { catalogueEntry, storyMarksOf, type CatalogueEntry } from '../../catalogue/index';
import { formatDuration } from '../../records/timeWords';
import { DEVICE_FIELDS, interfaceBase, interfaceOfModemDevice, otherSimOfModem, RUTOS_MOBILE_INTERFACE } from '../../catalogue/tables/mobileInterfaces';
import { findingOf, secondsBetween } from '../eventTime';
import { burstMessage } from '../findingText';
import type { DetectOptions } from '../options';
import { maxSeverity, toFinding } from './findingBuilder';

// Codes that the USB, EDL and episode detectors own; every other evidence code is grouped here.
const OWNED_ELSEWHERE = new Set<FindingCode>(['usb-disconnect', 'usb-gap', 'fw-update-started', 'modem-edl-mode', 'reboot', 'unexpected-reboot']);

/** Lines without a clock that are this close count as one burst. */
const UNTIMED_LINE_DISTANCE = 20;

/**
 * Groups the events that are evidence for the same finding and lie close together into one
 * finding: forty `errno 5` lines in six seconds are one problem, not forty.
 */
export function detectBursts(events: readonly LogEvent[], options: DetectOptions): Finding[] {
  const open = new Map<string, LogEvent[]>();
  const findings: Finding[] = [];
  const answers = passingAnswers(events);
  const modemInterfaces = modemInterfacesOf(events);
  const push = (code: FindingCode, group: LogEvent[], passed: string | undefined): void => {
    const seconds = secondsBetween(group[0], group[group.length - 1]);
    const message = burstMessage(code, group, seconds);
    findings.push(toFinding(code, passed ? 'info' : severityOf(code, group, modemInterfaces), passed ? `${message} (${passed})` : message, group));
  };
  const close = (code: FindingCode, group: LogEvent[]): void => {
    const passed = answers.passed(group);
    // Losses answered in time beside ones that were not (a host resetting the radio while the modem
    // keeps searching: a blind probe's nRF9160 had been told its radio was off) are a note of their
    // own; the trouble is the rest.
    if (!passed && group.length > 1) {
      const answered = new Set(group.filter((e) => answers.passed([e]) !== undefined));
      if (answered.size > 0 && answered.size < group.length) {
        push(code, [...answered], answers.passed([...answered]));
        push(code, group.filter((e) => !answered.has(e)), undefined);
        return;
      }
    }
    push(code, group, passed);
  };
  for (const e of events) {
    const code = findingOf(e);
    if (!code || OWNED_ELSEWHERE.has(code)) continue;
    const key = `${e.file}|${code}|${e.fields.usbPath ?? e.fields.iface ?? ''}`;
    const group = open.get(key);
    if (group && belongsTo(group[group.length - 1], e, options)) {
      group.push(e);
      continue;
    }
    if (group) close(code, group);
    open.set(key, [e]);
  }
  for (const [key, group] of open) close(key.split('|')[1] as FindingCode, group);
  return findings;
}

function belongsTo(last: LogEvent, e: LogEvent, options: DetectOptions): boolean {
  // A boot between them ends a burst: what comes after it is another time (a connection check's
  // failures before each of its reboots, minutes apart, had been one burst across three boots).
  if (last.segment !== e.segment && last.segment >= 0 && e.segment >= 0) return false;
  const gap = secondsBetween(last, e);
  if (gap !== undefined) return gap >= 0 && gap <= Math.max(options.burstWindowSeconds, catalogueEntry(e.id)?.burstSeconds ?? 0);
  return e.line - last.endLine <= UNTIMED_LINE_DISTANCE;
}

/**
 * A burst is as serious as its worst line (a line alone of an entry whose lines matter only
 * together, `aloneIsNote`, is a note); interface downs stay informational unless they are a
 * modem's interfaces, where they mean the router lost its mobile link: RutOS's by their name,
 * any down; others, named by a modem protocol script's line, only by their own lines' severity
 * (a connection lost is a warning; `is now down` is also an ifdown's or a reboot's, and blind
 * probes' OpenWrt ifdown and nightly reboot were no trouble).
 */
function severityOf(code: FindingCode, group: readonly LogEvent[], modemInterfaces: ReadonlySet<string>): Severity {
  if (group.length === 1 && catalogueEntry(group[0].id)?.aloneIsNote) return 'info';
  const worst = maxSeverity(group.map((e) => e.severity));
  if (code !== 'interface-down') return worst;
  if (group.some((e) => RUTOS_MOBILE_INTERFACE.test(e.fields.iface ?? ''))) return 'warning';
  return group.some((e) => modemInterfaces.has(interfaceKey(e)) && e.severity === 'warning') ? 'warning' : 'info';
}

/** An event's interface as the file's: its file and the interface without its `_4`/`_6` half. */
function interfaceKey(e: LogEvent): string {
  return `${e.file}|${interfaceBase(e.fields.iface ?? '')}`;
}

/**
 * The interfaces a modem protocol script's line names (catalogue `modemInterface`), or whose
 * device only a modem's protocol makes (`3g-lte`: interfaceOfModemDevice), per file.
 */
function modemInterfacesOf(events: readonly LogEvent[]): Set<string> {
  const found = new Set<string>();
  for (const e of events) {
    if (e.fields.iface !== undefined && catalogueEntry(e.id)?.modemInterface) found.add(interfaceKey(e));
    for (const field of DEVICE_FIELDS) {
      const iface = interfaceOfModemDevice(e.fields[field] ?? '');
      if (iface !== undefined) found.add(`${e.file}|${interfaceBase(iface)}`);
    }
  }
  return found;
}

/** How many answering lines after a loss are looked at for one of the same modem. */
const ANSWERS_LOOKED_AT = 8;

/**
 * The lines that answer a passing loss (catalogue `passing`), per file in the order they
 * happened, and whether every loss of a group was answered in time: then the words for it
 * (`registered again within 1 s`), else undefined.
 */
function passingAnswers(events: readonly LogEvent[]): { passed(group: readonly LogEvent[]): string | undefined } {
  // The losses (lines of an entry with `passing`), by their place in the order they happened.
  const wanted = new Set<string>();
  const place = new Map<LogEvent, number>();
  events.forEach((e, at) => {
    const p = catalogueEntry(e.id)?.passing;
    if (!p) return;
    wanted.add(p.answeredBy);
    place.set(e, at);
  });
  // For a switch to another SIM: each loss's place, by file and interface (its `_4`/`_6` half the
  // same), so that only the interface's last loss before the other SIM came up is the switch's; the
  // ones before it were the interface failing and trying again (a blind probe's RUT955 failed
  // three times on SIM 1, then switched).
  const lossesOf = new Map<string, number[]>();
  events.forEach((e, at) => {
    if (!catalogueEntry(e.id)?.passing?.otherSim || e.fields.iface === undefined) return;
    const key = interfaceKey(e);
    (lossesOf.get(key) ?? lossesOf.set(key, []).get(key)!).push(at);
  });
  // Whether the interface lost its connection again between a loss and its answer: the losses
  // after it (places in order, binary search), the same loss's other half (within a second) aside.
  const lossAgainBefore = (loss: LogEvent, at: number, answerAt: number): boolean => {
    const places = lossesOf.get(interfaceKey(loss)) ?? [];
    for (let k = firstAfter(places, at, (p) => p); k < places.length && places[k] < answerAt; k++) if (!sameLoss(events[places[k]], loss)) return true;
    return false;
  };
  const byFile = new Map<number, { at: number; e: LogEvent }[]>();
  if (wanted.size) {
    events.forEach((e, at) => {
      if (!storyMarksOf(e).some((m) => wanted.has(m))) return;
      (byFile.get(e.file) ?? byFile.set(e.file, []).get(e.file)!).push({ at, e });
    });
  }
  const answeredAfter = (loss: LogEvent, rule: NonNullable<CatalogueEntry['passing']>): number | undefined => {
    const list = byFile.get(loss.file);
    const at = place.get(loss);
    if (!list || at === undefined) return undefined;
    // The first answer after the loss in the order they happened, then a few more.
    const lo = firstAfter(list, at, (a) => a.at);
    for (let i = lo; i < Math.min(list.length, lo + ANSWERS_LOOKED_AT); i++) {
      const a = list[i].e;
      if (!storyMarksOf(a).includes(rule.answeredBy)) continue;
      if (loss.fields.mmObject !== undefined && a.fields.mmObject !== undefined && a.fields.mmObject !== loss.fields.mmObject) continue;
      if (rule.otherSim && !(loss.fields.iface !== undefined && a.fields.iface !== undefined && otherSimOfModem(loss.fields.iface, a.fields.iface) && !lossAgainBefore(loss, at, list[i].at))) continue;
      const seconds = secondsBetween(loss, a);
      // Without a clock: the next catalogued line answers it (an AT conversation puts `OK` and the
      // next command between the modem's searching and its registration).
      if (seconds === undefined) return loss.time === undefined && loss.uptime === undefined && (a.line === loss.endLine + 1 || list[i].at === at + 1) ? 0 : undefined;
      return seconds >= 0 && seconds <= rule.seconds ? seconds : undefined;
    }
    return undefined;
  };
  return {
    passed(group) {
      if (!byFile.size) return undefined;
      let longest = 0;
      let note: string | undefined;
      for (const e of group) {
        const rule = catalogueEntry(e.id)?.passing;
        const seconds = rule && answeredAfter(e, rule);
        if (!rule || seconds === undefined) return undefined;
        longest = Math.max(longest, seconds);
        note = rule.note;
      }
      return `${note} within ${formatDuration(Math.max(1, Math.ceil(longest)))}`;
    },
  };
}

/** The same loss told twice: an interface and its `_4`/`_6` half going down within a second. */
function sameLoss(a: LogEvent, b: LogEvent): boolean {
  const seconds = secondsBetween(b, a);
  return seconds !== undefined && Math.abs(seconds) <= 1;
}

/** The index of the first of `items` (in order of their places) whose place is after `at`: a binary search. */
function firstAfter<T>(items: readonly T[], at: number, placeOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (placeOf(items[mid]) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
