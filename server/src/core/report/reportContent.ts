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
