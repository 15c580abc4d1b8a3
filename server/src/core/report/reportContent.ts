import type { Analysis, Finding } from '../model';

/**
 * The findings a report lists after its episodes: those not already told as episode evidence,
 * and not the episode's own stuck/failed finding.
 */
export function findingsBesideEpisodes(a: Analysis): Finding[] {
  const inEpisodes = new Set(a.episodes.flatMap((e) => e.evidence));
  return a.findings.filter((f) => !inEpisodes.has(f.line) && f.code !== 'fw-update-stuck' && f.code !== 'fw-update-failed');
}
