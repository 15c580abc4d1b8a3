import type { FindingCode, Finding, LogEvent, Severity } from '../model';
import type { StoryMark } from './marks';
import { StoryWriter, when } from './evidence';
import type { StoryContext, StoryDefinition, StoryDraft } from './types';
import { lineIndexOf } from '../events/lineIndex';
import type { UnknownId } from '../catalogue/advice';

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
}

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
      unresolved: { label: 'not over in this log', severity: spec.severity, meaning: 'No later line shows the trouble over.' },
      recovered: { label: 'recovered', severity: 'info', meaning: 'A later line shows the trouble over.' },
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
  w.cite(...spec.sources);
  const lastLine = Math.max(...found.map((f) => f.endLine));
  // A line that shows the trouble over names the interface that was in trouble, when it names one
  // (a blind probe: SIM2's `mob1s2a1` up had been told as SIM1's `mob1s1a1` back, and `lan` up
  // as mobile data back); its `_4` / `_6` alias is the same interface.
  const troubled = interfacesOf(found, ctx);
  const recovery = spec.recovery
    .flatMap((m) => ctx.marked(m))
    .filter((e) => e.line > lastLine && (e.fields.iface === undefined || troubled.some((i) => sameInterface(i, e.fields.iface!))))
    .sort((a, b) => a.line - b.line)[0] as LogEvent | undefined;
  if (recovery) w.step(`Then${when(recovery)}: "${recovery.text}".`, recovery);
  const total = found.reduce((n, f) => n + f.count, 0);
  const span = found.length > 1 ? ` ${found.length} times (${total} lines)` : total > 1 ? ` (${total} lines)` : '';
  const evidence = w.evidence;
  return {
    verdict: recovery ? 'recovered' : 'unresolved',
    confidence: 'high',
    why: recovery ? 'The log shows the trouble and a later line showing it over.' : 'The log shows the trouble and no later line showing it over.',
    summary: `${spec.opening}${span}${recovery ? `; a later line shows it over ("${recovery.text}")` : ''}. ${spec.meaning}`,
    steps: w.sorted(),
    evidence,
    advice: recovery ? [] : [...spec.advice],
    unknowns: [...(spec.unknowns ?? [])],
    sources: w.sources,
    startLine: evidence[0],
    endLine: evidence[evidence.length - 1],
    tells: spec.codes,
    restsOn: [...new Set(found.map((f) => f.code))],
  };
}

/** The interfaces the findings' lines name (netifd's `iface`). */
function interfacesOf(found: readonly Finding[], ctx: StoryContext): string[] {
  const lines = new Set(found.flatMap((f) => f.lines));
  const index = lineIndexOf(ctx.events);
  const names = new Set<string>();
  for (const f of found) for (const e of index.within(f.line, f.endLine)) if (lines.has(e.line) && e.fields.iface !== undefined) names.add(e.fields.iface);
  return [...names];
}

/** One interface or its IPv4 / IPv6 alias (`mob1s1a1_4`, `wan_6`). */
function sameInterface(a: string, b: string): boolean {
  return a === b || a.replace(/_[46]$/, '') === b.replace(/_[46]$/, '');
}
