import { isMostlyUnread, recognisedText } from '../findings/detectors/readability';
import type { Analysis, Finding } from '../model';

/**
 * The findings a report lists after its episodes: those not already told as episode evidence,
 * and not the episode's own stuck/failed finding.
 */
export function findingsBesideEpisodes(a: Analysis): Finding[] {
  // Keyed by file too: in an archive, line 5 of sysinfo.log is not line 5 of system.log.
  const inEpisodes = new Set(a.episodes.flatMap((e) => e.evidence.map((l) => `${e.file}:${l}`)));
  return a.findings.filter((f) => !inEpisodes.has(`${f.file}:${f.line}`) && f.code !== 'fw-update-stuck' && f.code !== 'fw-update-failed');
}

/**
 * What a report says when it tells no episode: that there was none, or, when a file was mostly
 * not read, that the log cannot say (the lines that would tell it may be the unread ones).
 */
export function noEpisodeStatement(a: Analysis): { headline: string; detail: string } {
  const unread = a.files.filter(isMostlyUnread);
  if (unread.length) {
    const which = unread.map((f) => `${f.path.split(/[\\/]/).pop() ?? f.path} (${recognisedText(f)})`).join(', ');
    return { headline: 'Modem firmware update: unknown', detail: `most of ${which} is in a shape GSM Log Lens does not read, so an update or a problem told in those lines cannot be seen.` };
  }
  return { headline: 'No modem firmware update in this log', detail: 'no update lines, and no loss of the modem of the kind an update causes.' };
}

/** One line per file: how much of it was read as log lines. */
export function readabilityLines(a: Analysis): string[] {
  return a.files.map((f) => `${f.path.split(/[\\/]/).pop() ?? f.path}: ${recognisedText(f)}${f.yearAssumed !== undefined ? `; the lines carry no year, ${f.yearAssumed} was assumed from the file's date` : ''}${f.timeOnly ? '; the lines carry only a time of day, so no dates are shown' : ''}.`);
}
