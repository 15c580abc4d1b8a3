import type { FindingCode, Level, Severity, Subsystem } from '../model';
import type { HostId, StoryMark } from '../stories/marks';

/**
 * One kind of log line the product understands. Knowledge lives here as data, like lnav's
 * formats: every entry carries the lines it was written from, and a test proves it matches them.
 */
export interface CatalogueEntry {
  /** Stable id, `<source>.<what>`: `gsmd.write-failed`, `usb.disconnect`. */
  id: string;
  subsystem: Subsystem;
  /** What the line implies on its own. Detectors may raise it for bursts or context. */
  severity: Severity;
  /**
   * Program tags the line may come from (`gsmd`, `kernel`, `netifd`). `-` means a line with no
   * tag: tagless RutOS events, pasted shell output, bare dmesg. Omitted: any source.
   */
  tags?: readonly string[];
  /**
   * The line says its writer left lines out (a rate limit, a syslog daemon folding repeats): the
   * group holding how many, and what left them out, in words. Counts in the findings are then
   * lower bounds, and the report says so (events/eventCollector.ts).
   */
  leftOut?: { group: string; by: string };
  /**
   * A catch-all's (`fallbackLevel`) other programs, by name: a lowercase tag it matches is one of
   * them too (programs named for the modem on stacks the catalogue has no entries for).
   */
  tagPattern?: RegExp;
  /**
   * Text every matching message contains (or one of several, for a pattern with alternatives);
   * checked before the regex runs, and the more specific the faster a big log is read.
   */
  literal: string | readonly string[];
  /**
   * An envelope field the line must carry (formats/envelopes.ts): `iface` for netifd's protocol
   * handler output. Entries whose words are generic ("Failed to") need the wrapping to be specific.
   */
  envelope?: string;
  /**
   * An envelope field the line must NOT carry: dfota's bare ubus `Command failed: ...` must not take
   * netifd's `iface (pid): Command failed: ...` when that line comes without its tag.
   */
  forbidsEnvelope?: string;
  /**
   * A field the line's program fills when the message gives it none: the kernel's report of a
   * crashed program begins with the program's name and pid (`ModemManager[812]: segfault at`),
   * which a view that drops the kernel's tag (LuCI's `kern.info: `) leaves read as the line's program.
   */
  programField?: string;
  /** Matcher over the message (the text after time, priority, tag and envelopes). Named groups become fields. */
  pattern: RegExp;
  /** One line for a person; `{name}` is replaced by a field or an enrichment (see describe.ts). */
  summary: string;
  /**
   * What several of these lines are, as a plural noun for a count: `USB disconnects` reads
   * "2 USB disconnects" on the timeline. Omitted: the summary with the words the lines share.
   */
  group?: string;
  /** What the daemon was doing, what it means, what it implies. */
  explanation: string;
  nextSteps?: readonly string[];
  /** Finding this line is evidence for; detectors group such events into findings. */
  finding?: FindingCode;
  /**
   * Only events whose field has one of these values (e.g. PIN state codes), or matches the
   * pattern, count for `finding`; a field the event lacks counts as ''.
   */
  findingIf?: {
    field: string;
    values?: readonly string[];
    pattern?: RegExp;
    /** How serious a line that meets the condition is (a state report's problem states), over `severity`. */
    severity?: Severity;
  };
  /**
   * Fields whose last value in the file (in the same boot) the line keeps for later lines:
   * pppd names the device of its link once (`Connect: ppp0 <--> /dev/ttyUSB0`), and the lines that
   * end the link do not.
   */
  remember?: readonly string[];
  /**
   * Of `remember`'s fields, those that held before the line too, for lines of the same process
   * (pid) in the same boot that recalled none: a pppd that redials (`persist`) opens the same
   * device again, so the drop of a link whose start the paste cut off gets its device from the
   * next `Connect:` (a blind probe's first drop was missed, its second told).
   */
  heldBefore?: readonly string[];
  /** Fields the line takes from the last line that remembered them (`remember`), when it has none of its own. */
  recall?: readonly string[];
  /**
   * Advice (a key of catalogue/advice.ts) this line calls for over its story's own, where the line
   * says more than its finding does (uqmi's "Failed to connect to service" is a data session that
   * failed because the modem's QMI channel did not answer). A story that picks advice by its
   * lines reads it (findingStory's adviceBy).
   */
  advice?: string;
  /**
   * The loss this line reports passes when a line with the mark `answeredBy` follows within
   * `seconds` (for the same `mmObject`, when both name one; the next line or the next catalogued
   * one, when neither has a clock): a modem that reports itself unregistered and registered again in the same second
   * lost nothing a person would notice. Its finding is then a note, with `note` and the delay.
   */
  /**
   * The interface the line names (netifd's envelope, `wwan (2613): ...`) is a modem's: the line is
   * a modem protocol script's (OpenWrt's qmi, mbim, ncm). An OpenWrt interface's name is the
   * user's, so such a line is what says that its losses are the mobile connection's (findings/detectors/bursts.ts).
   */
  modemInterface?: true;
  /**
   * The line's reason is a general one that another line of the same failure may say precisely
   * (libqmi's short call end reason, `generic-no-service`, before the verbose 3GPP one,
   * `missing-or-unknown-apn`): the story's advice follows the precise line where there is one.
   */
  generalReason?: true;
  passing?: {
    answeredBy: StoryMark;
    seconds: number;
    note: string;
    /**
     * Only a line naming the same modem's interface on another SIM answers it (RutOS's
     * `mob1s2a1` for `mob1s1a1`): the router moved its data to the other SIM, by a schedule or a
     * failover, and the interface going down is that switch, not an outage.
     */
    otherSim?: true;
  };
  /**
   * How far apart the lines of one trouble may be (s), where the program repeats its line at an
   * interval of its own longer than a burst's window (watchcat: one line per failed ping, a minute
   * apart): one outage is one finding.
   */
  burstSeconds?: number;
  /**
   * One such line alone, with no other of its finding near it, is a note: a program's one AT
   * command left unanswered, the next poll answered, is no modem that stopped answering (a blind
   * probe's single timeout had been told "not over"); several in a burst are the trouble.
   */
  aloneIsNote?: true;
  /**
   * What the line says about the USB device in `usbPath`: it left the bus (`gone`), is on it
   * (`present`), or one of its functions went away, which means gone when no disconnect line is
   * logged (`teardown`), or the kernel gave up bringing up a device on the port `usbPath` names
   * (`gave-up`: a hub's port, `1-1-port3`), so the attempts since the device last left the bus,
   * which it never answered, were no return. The USB detectors follow devices with this and
   * nothing else.
   */
  usb?: 'gone' | 'present' | 'teardown' | 'gave-up';
  /**
   * The line is a program's echo of what the kernel did to the device (ModemManager's `port ttyUSB0
   * released by device ...`), logged when that program gets to it, after or among the kernel's own
   * lines: where the kernel's lines show the device, they tell its comings and goings and the echo
   * only joins them; where they do not (a container's log), the echo tells them.
   */
  usbEcho?: true;
  /**
   * The line says the system clock was stepped: the field holding by how many seconds (forward
   * positive). Spans of time across it are measured on one time base (LogEvent.clockStepMs).
   */
  clockStep?: string;
  /** The line names a driver bound to an interface: part of the device's USB composition. */
  layout?: boolean;
  /**
   * What the line says about the modem's emergency download (EDL) mode beyond `finding:
   * 'modem-edl-mode'` (the modem is in it). `sahara`: a Sahara protocol exchange, the protocol of
   * the boot ROM's download mode, which a crashed modem's memory-dump mode speaks too, so it proves
   * EDL only in a file that shows no memory dump. `dump`: the modem is in that memory-dump mode.
   * `left`: a flash completed and the modem runs its firmware again; EDL evidence before it no
   * longer holds. The EDL detector reads these marks and nothing else.
   */
  edl?: 'sahara' | 'dump' | 'left';
  /**
   * What the line says of a modem's install mode (a virtual CD-ROM, findings/detectors/installMode.ts):
   * `switching-disabled`, usb_modeswitch's refusal to switch the ID in its `vidpid` field;
   * `switch-sent`, its switch of that ID sent (which a device left in its install mode ignored).
   */
  installMode?: 'switching-disabled' | 'switch-sent';
  /**
   * What the line means to a story beyond its finding (stories/marks.ts): the update finished, the
   * modem was taken back, something restarted the modem or the router on purpose, and so on.
   * Stories read these marks, never event ids.
   */
  story?: readonly StoryMark[];
  /** Only events whose field has one of these values carry `story` (e.g. a state change to `connected`). */
  storyIf?: { field: string; values: readonly string[] };
  /** The software stack the line proves the log comes from (gsmd: RutOS; mm: ModemManager). */
  stack?: HostId;
  /**
   * A catch-all: tried only when no other entry matched the line, and only on a line of one of its
   * `tags` at this level or worse (its own `[f:l] error:`, `<err>`, or its syslog priority). Its
   * literal is not asked for (the fast lane sends such lines to the parser by their level).
   */
  fallbackLevel?: Level;
  /**
   * The entry reads a program's words alone, whatever program wrote them (modemWords.ts' `words.*`:
   * "resetting modem", "SIM not inserted"): tried after every other entry has been tried on the
   * line, also where the matcher tries again after a paste's lead, a field or a host's word, so a
   * program's own entry anchored at its message's start (`Restarting modem after 3 unsuccessful
   * tries` behind a relay's host word) keeps its line.
   */
  wordsAlone?: boolean;
  /** Tags in sources.ts for every fact the explanation states. */
  sources: readonly string[];
  /** Whole log lines (as they appear in a log) that this entry must match. */
  samples: readonly string[];
  /** Lines that look close but must not match this entry. */
  counterSamples?: readonly string[];
}
