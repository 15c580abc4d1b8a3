import type { StoryMark } from '../stories/marks';
import { dfotaEntries } from './entries/dfota';
import { gsmdEntries } from './entries/gsmd';
import { netifdEntries, netifdFallbackEntries } from './entries/netifd';
import { rutosEventEntries } from './entries/rutosEvents';
import { systemEntries } from './entries/system';
import { usbKernelEntries } from './entries/usbKernel';
import { mobifdEntries } from './entries/mobifd';
import { rutosScriptEntries } from './entries/rutosScripts';
import { genericStackEntries } from './entries/genericStacks';
import { modemProgramErrorEntries } from './entries/modemProgramErrors';
import { pcieModemEntries } from './entries/pcieModems';
import { programCrashEntries } from './entries/programCrashes';
import { modemWordEntries } from './entries/modemWords';
import { watchcatEntries } from './entries/watchcat';
import { usbModeswitchEntries } from './entries/usbModeswitch';
import { dhcpClientEntries } from './entries/dhcpClients';
import { ciscoCellularEntries } from './entries/ciscoCellular';
import { routerOsEntries } from './entries/routerOs';
import { logWriterEntries } from './entries/logWriters';
import { androidRilEntries } from './entries/androidRil';
// CATALOGUE-IMPORTS (more entry files are imported here)
import type { CatalogueEntry } from './types';

/**
 * The whole catalogue in matching order: the first entry that matches a line wins, so
 * specific entries come before the catch-alls at the end.
 */
export const CATALOGUE: readonly CatalogueEntry[] = [
  ...gsmdEntries,
  ...usbKernelEntries,
  ...rutosEventEntries,
  ...dfotaEntries,
  ...systemEntries,
  ...mobifdEntries,
  ...rutosScriptEntries,
  ...genericStackEntries,
  ...pcieModemEntries,
  ...programCrashEntries,
  ...watchcatEntries,
  ...usbModeswitchEntries,
  ...dhcpClientEntries,
  ...ciscoCellularEntries,
  ...routerOsEntries,
  ...logWriterEntries,
  ...androidRilEntries,
  // CATALOGUE-ENTRIES (more entry lists are spread here, before the netifd catch-alls)
  ...netifdEntries,
  // What any program says of the modem in 3GPP's words: after every program's own entries.
  ...modemWordEntries,
  ...netifdFallbackEntries,
  // Catch-alls by program and level, tried after all the others (EventMatcher.matchFallback).
  ...modemProgramErrorEntries,
];

const BY_ID = new Map(CATALOGUE.map((e) => [e.id, e]));

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return BY_ID.get(id);
}

/** Whether a line's fields meet its entry's condition for its finding (`findingIf`); no condition: yes. */
export function meetsFindingIf(entry: CatalogueEntry, fields: Record<string, string>): boolean {
  const only = entry.findingIf;
  if (!only) return true;
  const value = fields[only.field] ?? '';
  if (only.values && !only.values.includes(value)) return false;
  if (only.pattern && !only.pattern.test(value)) return false;
  return true;
}

/** The story marks a line carries, per its catalogue entry (and that entry's condition). */
export function storyMarksOf(e: { id: string; fields: Record<string, string> }): readonly StoryMark[] {
  const entry = BY_ID.get(e.id);
  if (!entry?.story) return [];
  if (entry.storyIf && !entry.storyIf.values.includes(e.fields[entry.storyIf.field] ?? '')) return [];
  return entry.story;
}

export type { CatalogueEntry };
