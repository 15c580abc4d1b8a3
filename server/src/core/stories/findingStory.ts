import type { Episode, FindingCode, Finding, LogEvent, Severity } from '../model';
import type { StoryMark } from './marks';
import { StoryWriter, when } from './evidence';
import type { StoryContext, StoryDefinition, StoryDraft } from './types';
import { lineIndexOf } from '../events/lineIndex';
import type { UnknownId } from '../catalogue/advice';
import { interfaceBase, otherSimOfModem, RUTOS_MOBILE_INTERFACE } from '../catalogue/tables/mobileInterfaces';
import { catalogueEntry } from '../catalogue/index';
import { sourceFitsHost } from '../catalogue/sources';
import { findingOf } from '../findings/eventTime';

/** What a story told from findings of some codes needs: the codes, what shows recovery, the words. */
export interface FindingStorySpec {
  id: string;
  title: string;
  description: string;
  rank: number;
  /** Findings that make the story. */
  codes: readonly FindingCode[];
  /** Marks of lines that show the trouble over (a later registration, data up). */
  recovery: readonly StoryMark[];
  /** No line the catalogue reads shows this trouble over (a program's own words would): not over is said with medium confidence. */
  recoveryUnread?: true;
  /** How bad the story is while it lasts. */
  severity: Severity;
  /** The opening of the summary: "The modem reported a SIM problem". */
  opening: string;
  /** What the problem can mean, one sentence with "can"; with its sources. */
  meaning: string;
  sources: readonly string[];
  advice: readonly string[];
  unknowns?: readonly UnknownId[];
  /** Only findings whose events carry one of these marks count (unexpected reboot: the cause lines). */
  onlyIf?: (f: Finding, ctx: StoryContext) => boolean;
  /**
   * Findings this trouble brings with it (a modem without its SIM has no data connection): those
   * of these codes from the trouble's first line until a line shows it over (or the boot ends)
   * are told as one step of this story, after `words`, and no story of their own tells them
   * again with advice for another cause (a blind probe: "check the APN" under a missing SIM).
   */
  consequences?: {
    codes: readonly FindingCode[];
    words: string;
    /** How long before the trouble's first line a consequence may come (default CONSEQUENCE_LEAD_MS). */
    leadMs?: number;
    /** The same for lines without a clock: how many lines before it (default CONSEQUENCE_LEAD_LINES). */
    leadLines?: number;
    /** Words of their own for the consequences of some codes (a registration lost, beside the data): a step each. */
    wordsByCode?: Partial<Record<FindingCode, string>>;
  };
  /**
   * A story told before this one, of one of these severities, that began before this trouble and
   * was not over (its verdict no return or recovery) comes first: this story says so and gives
   * `advice` instead of its own (a data connection fails while the modem is in download mode).
   */
  defersTo?: { severities: readonly Severity[]; advice: string };
  /**
   * Advice by what the trouble's lines say: fields of their events (the network's reason for a
   * refused data call, the SIM's lock) and the advice for each value, the first field a line has
   * that its table knows; or else the advice a line's catalogue entry calls for (`advice`). Lines
   * that all call for advice get it instead of the story's; some do: both.
   */
  adviceBy?: readonly AdviceByField[];
  /**
   * Advice the lines may call for that makes the story's own (`advice`) wrong, not merely less
   * specific: a SIM that is missing or whose PIN was refused needs no advice on entering a PIN (a
   * blind probe's missing SIM was told "send the PIN" first, for ModemManager's passing `locked`).
   * When the lines call for one of these, the story's own advice is not added beside it.
   */
  replacesOwnAdvice?: readonly string[];
  /**
   * Advice the lines call for (`adviceBy`) that holds when the trouble is over too: a network that
   * denied the registration, or refused the SIM's data, will refuse again, and the operator is the
   * one to ask (a blind probe's registration denied every night, each time registered again, had
   * been told with no next step).
   */
  lastingAdvice?: readonly string[];
  /**
   * Advice when the trouble came RECURRING_TIMES times or more and was over each time (a PPP
   * link that hung up four times in eight minutes, redialled each time): the settings let it work,
   * so what brings it back is the question. Else the story's own advice.
   */
  recurringAdvice?: readonly string[];
  /**
   * Whether `recurringAdvice` also replaces the story's own advice when the trouble is not over at
   * the end but was over between its times: the own advice is about settings, and a connection
   * that came up in between shows they let it work (a blind probe's SIM 1, dropping again and
   * again until the router moved to SIM 2, had been told to check its APN).
   */
  returnDisprovesAdvice?: true;
  /**
   * Advice when the modem reported a weak signal around the trouble (`weak-signal` marks: +CSQ rssi
   * 9 or less), told as a step: coverage before settings.
   */
  weakSignalAdvice?: string;
  /** Advice when it reported no signal it could measure (`no-signal` marks: +CSQ rssi 99) and no weak one. */
  noSignalAdvice?: string;
}

/** How long after a domain's refusal was last told another domain's registration ends it (a poll asks for both at once). */
const OTHER_REGISTER_AFTER_MS = 60_000;
const OTHER_REGISTER_AFTER_LINES = 10;

/** How long before the trouble's first line a weak signal is told with it. */
const WEAK_SIGNAL_BEFORE_MS = 10 * 60_000;
const WEAK_SIGNAL_BEFORE_LINES = 50;

/** 3GPP TS 27.007's +CSQ rssi in dBm, in words (X110). */
function csqDbm(rssi: number): string {
  if (rssi <= 0) return '-113 dBm or less';
  if (rssi >= 31) return '-51 dBm or more';
  return `${-113 + 2 * rssi} dBm`;
}

/** How many times a trouble that is over each time must come to be told as coming back. */
const RECURRING_TIMES = 3;

/** One field of a trouble's lines and the advice each of its values calls for (keys compared without case or punctuation). */
export interface AdviceByField {
  field: string;
  advice: Readonly<Record<string, string>>;
}

/** A value as the advice tables key it: `SIM PUK required`, `sim-puk-required` and `SIMPUKREQUIRED` alike. */
const adviceKey = (value: string): string => value.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Restarts of the system named one by one in a trouble's story before "and N more" (a reboot loop has thousands). */
const MAX_RESTARTS_NAMED = 12;

/** Findings listed as steps before "and N more". */
const MAX_STEPS = 6;

/**
 * A story told from findings: what went wrong (each finding a step), whether a later line shows it
 * over, and the advice for it. Most problem stories are this shape; the registry entries give the
 * words and the codes, this gives the telling.
 */
export function findingStory(spec: FindingStorySpec): StoryDefinition {
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    rank: spec.rank,
    verdicts: {
      unresolved: { label: 'not over in this log', severity: spec.severity, open: true, meaning: 'No later line shows the trouble over.' },
      recovered: { label: 'recovered', severity: 'info', meaning: 'A later line shows the trouble over.' },
      recurring: { label: 'over each time, but it keeps coming back', severity: 'warning', meaning: `The trouble came ${RECURRING_TIMES} times or more, each time over by a later line: something brings it back.` },
    },
    build: (ctx) => {
      // A note (an interface other than the mobile one going down) is not a problem story.
      const found = ctx.untold(...spec.codes).filter((f) => (f.severity === 'error' || f.severity === 'warning') && (!spec.onlyIf || spec.onlyIf(f, ctx)));
      if (!found.length) return [];
      return [tell(spec, ctx, found)];
    },
  };
}

function tell(spec: FindingStorySpec, ctx: StoryContext, found: readonly Finding[]): StoryDraft {
  const w = new StoryWriter();
  for (const f of found.slice(0, MAX_STEPS)) w.step(f.message, f);
  for (const f of found) w.prove(...f.lines.slice(0, 20));
  if (found.length > MAX_STEPS) w.step(`... and ${found.length - MAX_STEPS} more of the same kind.`);
  w.cite(...spec.sources.filter((s) => sourceFitsHost(s, ctx.host)));
  const lastLine = Math.max(...found.map((f) => f.endLine));
  // A line that shows the trouble over names the interface that was in trouble, when it names one
  // (a blind probe: SIM2's `mob1s2a1` up had been told as SIM1's `mob1s1a1` back, and `lan` up
  // as mobile data back); its `_4` / `_6` alias is the same interface. When the trouble's lines
  // name none (a modem not answering), a RutOS mobile interface coming up shows it over.
  // The interfaces its consequences took down are in trouble too (a SIM's lines name none).
  // The consequences, notes among them (an interface down that a SIM switch answered is still the
  // troubled SIM's); those told as a step are the warnings and worse.
  const consequences = spec.consequences ? consequencesOf(spec.consequences, found, ctx) : [];
  const following = consequences.filter((f) => f.severity === 'error' || f.severity === 'warning');
  // (Its notes too: the other SIM coming up is no end of the trouble.)
  const troubled = interfacesOf([...found, ...consequences], ctx);
  // The lines with a recovery mark, in line order; those of the troubled interface show it over.
  const marked = spec.recovery.flatMap((m) => ctx.marked(m)).sort((a, b) => a.line - b.line);
  // The troubled interface's other SIM coming up (the router switched SIMs): a line that names no
  // interface after it is that SIM's (RutOS's `Mobile data connected`), not the trouble's end (a
  // blind probe's RUT951, SIM 1's data failing and SIM 2 connected, had been told "recovered").
  const otherSimUp = troubled.length ? marked.find((e) => e.line > lastLine && e.fields.iface !== undefined && troubled.some((i) => otherSimOfModem(i, e.fields.iface!))) : undefined;
  // A modem's registration in one domain does not end a refusal in another that is still told
  // beside or after it (`+CREG: 0,1`, its circuit-switched registration, polled with `+CEREG`'s
  // LTE denial: a blind probe's one denial had been told as nine, each over at the next +CREG);
  // a while after the refusal was last told, the modem is on a network again.
  const refusals = eventsOfFindings(found, ctx).filter((e) => e.fields.register !== undefined);
  const registers = new Set(refusals.map((e) => e.fields.register!));
  const lastRefusal = refusals.reduce<LogEvent | undefined>((last, e) => (last === undefined || e.line > last.line ? e : last), undefined);
  const afterRefusals = (e: LogEvent): boolean =>
    lastRefusal === undefined || (e.time !== undefined && lastRefusal.time !== undefined ? e.time - lastRefusal.time > OTHER_REGISTER_AFTER_MS : e.line > lastRefusal.line + OTHER_REGISTER_AFTER_LINES);
  const recoveries = marked.filter(
    (e) =>
      (e.fields.register === undefined || registers.size === 0 || registers.has(e.fields.register) || afterRefusals(e)) &&
      (e.fields.iface === undefined ? !(otherSimUp && e.line >= otherSimUp.line) : troubled.length ? troubled.some((i) => sameInterface(i, e.fields.iface!)) : RUTOS_MOBILE_INTERFACE.test(e.fields.iface)),
  );
  const recovery = recoveries.find((e) => e.line > lastLine);
  // The system restarted between the trouble and the line that shows it over: the restart ended
  // it, not the modem or its manager (a blind probe's hung modem, back only after the watchdog
  // daemon rebooted the Pi, had been told "recovered" with no advice).
  const restart = recovery ? ctx.coded('reboot', 'unexpected-reboot').find((f) => f.line > lastLine && f.line < recovery.line) : undefined;
  // What restarted it, when a line before the restart says so (the watchdog daemon, a ping check, a person's command).
  // The lines that say what restarted the system: asked for (a watchdog daemon, a ping check, a person) or the watchdog's reset.
  const askers = [...ctx.marked('deliberate-restart'), ...ctx.marked('watchdog')];
  const cause = restart ? latestBetween(askers, lastLine, restart.line) : undefined;
  if (restart) w.step(`The system restarted${when(restart)} ("${restart.message}")${cause ? `, after "${cause.text.trim()}"${when(cause)}` : ''}: the trouble was over only after it.`, restart);
  if (cause) w.prove(cause.line);
  // Else its modem manager started again between them (a person's `systemctl restart ModemManager`,
  // a crash's respawn): the restart ended it (a blind probe's modem, marked invalid by ModemManager
  // and back only after an admin restarted it, had been told "recovered" with no advice).
  const managerRestart = recovery && !restart ? ctx.marked('manager-started').find((e) => e.line > lastLine && e.line < recovery.line) : undefined;
  const asked = managerRestart ? latestBetween([...ctx.marked('manager-restart-asked'), ...ctx.marked('deliberate-restart')], lastLine, managerRestart.line) : undefined;
  if (managerRestart) w.step(`The modem manager started again${when(managerRestart)} ("${managerRestart.text}")${asked ? `, after "${asked.text.trim()}"${when(asked)}` : ''}: the trouble was over only after it.`, managerRestart);
  if (asked) w.prove(asked.line);
  const restarted = restart ? 'the system' : managerRestart ? 'its modem manager' : undefined;
  // Restarts of the system while the trouble came and went, besides one that ended it (a connection
  // check rebooting the router after each run of failures, the failures back after each boot:
  // blind probes' RUT955s had their reboots untold).
  const start = firstOf(found);
  const during = ctx.coded('reboot', 'unexpected-reboot').filter((f) => f !== restart && f.line > start.line && (restart ? f.line < restart.line : recovery ? f.line < recovery.line : true));
  if (during.length) {
    // What asked for each (of the first few): the last restart asked for since the restart before it.
    const named = during.slice(0, MAX_RESTARTS_NAMED);
    const causes = named.map((r, i) => latestBetween(askers, i > 0 ? Math.max(start.line, named[i - 1].endLine) : start.line, r.line));
    const cause = causes.every((c) => c !== undefined && c.text.trim() === causes[0]!.text.trim()) ? causes[0] : undefined;
    const lines = named.map((r) => r.line).join(', ') + (during.length > named.length ? ` and ${during.length - named.length} more` : '');
    const cameBack = during.filter((r) => r.endLine < lastLine).length;
    const again = cameBack === 0 ? '' : cameBack === during.length ? `: the trouble came back after ${during.length === 1 ? 'it' : 'each'}` : `: the trouble came back after ${cameBack} of them`;
    w.step(`The system restarted ${during.length === 1 ? 'once' : `${during.length} times`} after it began (line${during.length > 1 ? 's' : ''} ${lines})${cause ? `, ${during.length > 1 ? 'each time ' : ''}after "${cause.text.trim()}"` : ''}${again}.`, during[0]);
    for (const c of causes) if (c) w.prove(c.line);
  }
  if (recovery) w.step(`Then${when(recovery)}: "${recovery.text}".`, recovery);
  // Not over at the end, but over between the times it came: said of each (a blind probe's PCIe
  // modem, recovered from its first crash and not from its second, had the first return untold).
  let told = 0;
  if (!recovery) {
    const groups = occasionGroups(found, recoveries);
    let r = 0;
    for (let i = 0; i + 1 < groups.length && told < MAX_OVER_BETWEEN; i++) {
      const end = Math.max(...groups[i].map((f) => f.endLine));
      while (r < recoveries.length && recoveries[r].line <= end) r++;
      const over = recoveries[r];
      if (over === undefined || over.line >= groups[i + 1][0].line) continue;
      w.step(`It was over in between${when(over)}: "${over.text}".`, over);
      told++;
    }
  }
  // Not over on its own interface, but the modem connected on its other SIM: the router switched
  // SIMs (a blind probe's RUT955: SIM 1's data failing, SIM 2 connected). SIM 1's trouble stays.
  const otherSim = recovery ? undefined : otherSimUp;
  if (otherSim) w.step(`The modem connected on another SIM${when(otherSim)}: "${otherSim.text}": the data connection works there; nothing shows the trouble over on the SIM it happened on.`, otherSim, 'S21');
  // Those before the line that shows the trouble over.
  const brought = recovery ? following.filter((f) => f.line < recovery.line) : following;
  // One step per kind of consequence, in the order they came.
  const byWords = new Map<string, Finding[]>();
  for (const f of brought) {
    const words = spec.consequences!.wordsByCode?.[f.code] ?? spec.consequences!.words;
    (byWords.get(words) ?? byWords.set(words, []).get(words)!).push(f);
  }
  for (const [words, kind] of byWords) {
    const times = occasions(kind);
    const more = kind.length > 1 ? ` (${times > 1 ? `${times} times, ` : ''}${kind.reduce((n, f) => n + f.count, 0)} lines)` : '';
    w.step(`${words}${more}: ${kind[0].message}.`, kind[0]);
    for (const f of kind) w.prove(...f.lines.slice(0, 20));
  }
  const total = found.reduce((n, f) => n + f.count, 0);
  const times = occasions(found);
  const span = times > 1 ? ` ${times} times (${total} lines)` : total > 1 ? ` (${total} lines)` : '';
  const evidence = w.evidence;
  const above = !recovery && spec.defersTo ? ctx.toldBefore().find((t) => spec.defersTo!.severities.includes(t.severity) && beganBy(t, found)) : undefined;
  const deferred = above ? ` It failed with "${above.title}: ${above.verdictLabel}" (told above), which was not over: that comes first.` : '';
  // The modem's weak signal around the trouble (from a little before its first line to its last):
  // the weakest reading, a fact of the log; that it caused the trouble is left to the reader.
  const first = firstOf(found);
  const around = (mark: StoryMark): LogEvent[] =>
    spec.weakSignalAdvice || spec.noSignalAdvice ? ctx.marked(mark).filter((e) => e.line <= lastLine && (first.time !== undefined && e.time !== undefined ? e.time >= first.time - WEAK_SIGNAL_BEFORE_MS : e.line >= first.line - WEAK_SIGNAL_BEFORE_LINES)) : [];
  const weak = around('weak-signal');
  const weakest = weak.reduce<LogEvent | undefined>((w, e) => (w === undefined || Number(e.fields.rssi) < Number(w.fields.rssi) ? e : w), undefined);
  if (weakest) w.step(`The modem reported a weak signal around it (${weak.length} reading${weak.length > 1 ? 's' : ''} of rssi 9 or less, the weakest ${weakest.fields.rssi}: ${csqDbm(Number(weakest.fields.rssi))})${when(weakest)}.`, weakest, 'X110');
  // No signal it could measure: a reading of its own, not the weakest of the weak ones.
  const none = around('no-signal');
  if (none.length) w.step(`The modem reported no signal it could measure around it (${none.length} reading${none.length > 1 ? 's' : ''} of rssi 99, "not known or not detectable")${when(none[0])}.`, none[0], 'X110');
  const coverageAdvice = weakest ? spec.weakSignalAdvice : none.length ? spec.noSignalAdvice : undefined;
  // Over at the end, but it came again and again: told as coming back, with its own advice (a blind
  // probe's pppd link that hung up four times in eight minutes had been told "recovered", a note).
  const groups = occasionGroups(found, recoveries);
  const recurring = !!recovery && groups.length >= RECURRING_TIMES && overBetween(groups, recoveries);
  // A weak signal outlasts a trouble that was over: its advice stands then too (a blind probe's
  // drops over at rssi 6 had been given none); no signal at all, only while it lasts.
  const coverage = !!coverageAdvice && (!recovery || recurring || coverageAdvice === spec.weakSignalAdvice) && !above;
  return {
    verdict: recurring ? 'recurring' : recovery ? 'recovered' : 'unresolved',
    confidence: !recovery && spec.recoveryUnread ? 'medium' : 'high',
    why: !recovery && spec.recoveryUnread
        ? 'The log shows the trouble; a line showing it over would be the program\'s own words, which GSM Log Lens does not read.'
        : recurring
      ? `The log shows the trouble ${groups.length} times and a later line showing it over each time.`
      : restarted
        ? `The log shows the trouble, ${restarted} restarting after it, and a later line showing it over.`
        : recovery
          ? 'The log shows the trouble and a later line showing it over.'
          : 'The log shows the trouble and no later line showing it over.',
    summary: `${spec.opening}${span}${recovery ? `; a later line shows it over ("${recovery.text}")${restarted ? `, after ${restarted} restarted` : ''}` : ''}. ${spec.meaning}${deferred}`,
    steps: w.sorted(),
    evidence,
    advice: [
      // Coverage first while the trouble lasts or keeps coming back, unless a story above comes first.
      ...(coverage ? [coverageAdvice!] : []),
      // Over only through a restart: nothing in the modem's own recovery ended it, so its advice stands.
      // No signal at all: no setting helps until there is one, so the story's own advice (the APN,
      // the registration's settings) waits; a line's own reason still gets its advice (a blind
      // probe's modem with rssi 99 had been told to check its APN beside it).
      ...storyAdvice(spec, found, ctx, { recovered: !!recovery && !restarted, recurring, overBetween: told > 0, deferredTo: above }).filter((k) => !(coverage && coverageAdvice === spec.noSignalAdvice && spec.advice.includes(k))),
    ],
    unknowns: [...(spec.unknowns ?? [])],
    ...modemNumber(found, ctx),
    sources: w.sources,
    startLine: evidence[0],
    endLine: evidence[evidence.length - 1],
    tells: [...spec.codes, ...(spec.consequences?.codes ?? [])],
    restsOn: [...new Set(found.map((f) => f.code))],
  };
}

/**
 * Whether the story told had begun by the findings' first line, or began just after it: a
 * modem updater stops the connection manager, and the data goes down, a few seconds before the
 * modem leaves the bus (CONSEQUENCE_LEAD_MS).
 */
function beganBy(told: Episode, found: readonly Finding[]): boolean {
  const first = firstOf(found);
  if (told.startTime !== undefined && first.time !== undefined) return told.startTime <= first.time + CONSEQUENCE_LEAD_MS;
  return told.startLine <= first.line + CONSEQUENCE_LEAD_LINES;
}

/** How far before the trouble's first line a consequence may be logged (netifd's `down` and its reason share a second). */
const CONSEQUENCE_LEAD_MS = 5_000;
const CONSEQUENCE_LEAD_LINES = 3;

/** The finding of `found` on the earliest line. */
function firstOf(found: readonly Finding[]): Finding {
  return found.reduce((a, b) => (b.line < a.line ? b : a));
}

/**
 * The findings of `codes` the trouble may have brought, notes among them: from its first line (or
 * just before it) until the next boot after it was last seen (the caller cuts them at the line
 * that shows the trouble over).
 */
function consequencesOf({ codes, leadMs = CONSEQUENCE_LEAD_MS, leadLines = CONSEQUENCE_LEAD_LINES }: NonNullable<FindingStorySpec['consequences']>, found: readonly Finding[], ctx: StoryContext): Finding[] {
  const first = firstOf(found);
  const last = Math.max(...found.map((f) => f.endLine));
  // The boot ends it: the router's next start reads the SIM and the modem again.
  const end = ctx.coded('reboot').find((r) => r.line > last)?.line ?? Infinity;
  return ctx
    .untold(...codes)
    .filter((f) => (first.time !== undefined && f.time !== undefined ? f.time >= first.time - leadMs : f.line >= first.line - leadLines))
    .filter((f) => f.line < end)
    .sort((a, b) => a.line - b.line);
}

/** The story's advice, or the advice its lines' reasons call for (spec.adviceBy). */
function adviceFor(spec: FindingStorySpec, found: readonly Finding[], ctx: StoryContext): string[] {
  const by = spec.adviceBy;
  if (!by) return [...spec.advice];
  // One failure told over several lines (qmicli's `couldn't start network: 'CallFailed'`, then
  // its call end reasons) is one failure: the advice a line of it gives is the failure's, and its
  // other lines do not add the story's own (a blind probe's "no service" had been told to check
  // the APN beside it). A reason of a kind the failure also gives a known one of, that the table
  // does not know, keeps the story's own advice beside it.
  const keys = found.flatMap((f): (string | undefined)[] => {
    const given: string[] = [];
    const known = new Set<string>();
    const unknown = new Set<string>();
    const events = eventsOfFindings([f], ctx, true);
    // A general reason yields to a precise one of the same failure (catalogue `generalReason`: a
    // blind probe's unknown APN, its short reason `generic-no-service`, had been told to check the
    // registration first).
    const precise = events.some((e) => !catalogueEntry(e.id)?.generalReason && by.some((rule) => e.fields[rule.field] !== undefined && rule.advice[adviceKey(e.fields[rule.field])] !== undefined));
    for (const e of events) {
      if (precise && catalogueEntry(e.id)?.generalReason) continue;
      let k: string | undefined;
      for (const rule of by) {
        const value = e.fields[rule.field];
        if (value === undefined) continue;
        const key = rule.advice[adviceKey(value)];
        if (key === undefined) unknown.add(rule.field);
        else {
          known.add(rule.field);
          k ??= key;
        }
      }
      // Else the advice its catalogue entry calls for.
      k ??= catalogueEntry(e.id)?.advice;
      if (k !== undefined) given.push(k);
    }
    return given.length && ![...unknown].some((field) => known.has(field)) ? given : [...given, undefined];
  });
  const known = [...new Set(keys.filter((k): k is string => k !== undefined))];
  if (!known.length) return [...spec.advice];
  if (known.some((k) => spec.replacesOwnAdvice?.includes(k))) return known;
  return keys.every((k) => k !== undefined) ? known : [...new Set([...known, ...spec.advice])];
}

/**
 * The story's advice by how its trouble ended: not over, its lines' advice (or the story's above
 * it, when that comes first); over, only what of it lasts (`lastingAdvice`); coming back, that and
 * the advice for what brings it back.
 */
function storyAdvice(spec: FindingStorySpec, found: readonly Finding[], ctx: StoryContext, end: { recovered: boolean; recurring: boolean; overBetween: boolean; deferredTo: Episode | undefined }): string[] {
  if (!end.recovered) {
    if (end.deferredTo) return [spec.defersTo!.advice];
    const own = adviceFor(spec, found, ctx);
    // Not over, but over in between: what brings it back, not the settings its returns vouch for.
    const disproved = end.overBetween && spec.returnDisprovesAdvice ? spec.recurringAdvice : undefined;
    return disproved ? [...new Set(own.flatMap((k) => (spec.advice.includes(k) ? disproved : [k])))] : own;
  }
  const lasting = adviceFor(spec, found, ctx).filter((k) => spec.lastingAdvice?.includes(k));
  return end.recurring ? [...new Set([...lasting, ...(spec.recurringAdvice ?? spec.advice)])] : lasting;
}

/**
 * The events on the findings' lines (through the line index, not a scan per finding); `raising`:
 * only those that raise their finding's code (a line may hold several records).
 */
function eventsOfFindings(found: readonly Finding[], ctx: StoryContext, raising = false): LogEvent[] {
  const lines = new Set(found.flatMap((f) => f.lines));
  const index = lineIndexOf(ctx.events);
  return found.flatMap((f) => index.within(f.line, f.endLine).filter((e) => lines.has(e.line) && (!raising || findingOf(e) === f.code)));
}

/**
 * `{mmModem}` for advice: the number of the ModemManager modem all the trouble's lines name
 * (`[modem1/bearer3]`), when they name one; else the advice says 0 beside "its number from
 * `mmcli -L`" (a blind probe's second modem had been told to check `mmcli -m 0`, the healthy one).
 */
function modemNumber(found: readonly Finding[], ctx: StoryContext): { adviceFields?: Record<string, string> } {
  const numbers = new Set(eventsOfFindings(found, ctx).flatMap((e) => {
    const m = /^modem(\d{1,3})\b/.exec(e.fields.mmObject ?? '');
    return m ? [m[1]] : [];
  }));
  return numbers.size === 1 ? { adviceFields: { mmModem: [...numbers][0] } } : {};
}

/** The interfaces the findings' lines name (netifd's `iface`). */
function interfacesOf(found: readonly Finding[], ctx: StoryContext): string[] {
  return [...new Set(eventsOfFindings(found, ctx).flatMap((e) => (e.fields.iface !== undefined ? [e.fields.iface] : [])))];
}

/** One interface or its IPv4 / IPv6 alias (`mob1s1a1_4`, `wan_6`). */
function sameInterface(a: string, b: string): boolean {
  return a === b || interfaceBase(a) === interfaceBase(b);
}

/**
 * How many times the trouble came: findings that start within OCCASION_MS of the one before
 * (or OCCASION_LINES without clocks) are one time, as two programs' lines of one drop are
 * (ModemManager's bearer lost and NetworkManager's device state; a re-test probe read "4 times"
 * for two drops).
 */
/** The last of `events` after line `after` and at or before line `upTo`. */
function latestBetween(events: readonly LogEvent[], after: number, upTo: number): LogEvent | undefined {
  let latest: LogEvent | undefined;
  for (const e of events) if (e.line > after && e.line <= upTo && (!latest || e.line > latest.line)) latest = e;
  return latest;
}

function occasions(found: readonly Finding[]): number {
  return occasionGroups(found).length;
}

/**
 * The findings in line order, grouped by occasion: those within OCCASION_MS of the one before (or,
 * without times, OCCASION_LINES lines) are one time the trouble came (ModemManager's lost bearer
 * and NetworkManager's failed device a second later are one drop).
 */
function occasionGroups(found: readonly Finding[], recoveries: readonly LogEvent[] = []): Finding[][] {
  const byLine = [...found].sort((a, b) => a.line - b.line);
  const groups: Finding[][] = [];
  let last: Finding | undefined;
  let r = 0;
  for (const f of byLine) {
    // A line that shows the trouble over between two lines of it makes them two times, however close.
    while (r < recoveries.length && recoveries[r].line <= (last?.endLine ?? 0)) r++;
    const overBefore = r < recoveries.length && recoveries[r].line < f.line;
    const near = last !== undefined && !overBefore && (f.time !== undefined && last.time !== undefined ? f.time - last.time <= OCCASION_MS && f.time >= last.time : f.time === undefined && last.time === undefined && f.line - last.endLine <= OCCASION_LINES);
    if (near) groups[groups.length - 1].push(f);
    else groups.push([f]);
    last = f;
  }
  return groups;
}
const OCCASION_MS = 10_000;
/** How many of the returns between the times a trouble came, when it was not over at the end, are told. */
const MAX_OVER_BETWEEN = 3;
const OCCASION_LINES = 5;

/**
 * Whether a line shows the trouble over between each time it came and the next (its occasions:
 * two programs' lines of one drop are one time; a blind probe's 27 ModemManager drops, each with
 * NetworkManager's line a second later, had been told "recovered", not coming back).
 */
function overBetween(groups: readonly Finding[][], recoveries: readonly LogEvent[]): boolean {
  let r = 0;
  for (let i = 0; i + 1 < groups.length; i++) {
    const end = Math.max(...groups[i].map((f) => f.endLine));
    while (r < recoveries.length && recoveries[r].line <= end) r++;
    if (r >= recoveries.length || recoveries[r].line >= groups[i + 1][0].line) return false;
  }
  return true;
}

