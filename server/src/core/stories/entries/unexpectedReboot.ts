import { capitalise, marksOf, StoryWriter, when } from '../evidence';
import type { StoryMark } from '../marks';
import type { StoryDefinition, StoryDraft } from '../types';

// What each cause mark says, in the words of the summary.
const CAUSES: { mark: StoryMark; verdict: string; words: string }[] = [
  { mark: 'kernel-crash', verdict: 'kernel-crash', words: 'the kernel crashed' },
  { mark: 'watchdog', verdict: 'watchdog', words: 'the hardware watchdog reset the system' },
  { mark: 'power-cut', verdict: 'power-cut', words: 'the device started after an unexpected shutdown (power loss or a reset without a clean shutdown)' },
];

/**
 * The router or host restarted without being asked: a watchdog reset, a kernel crash (oops or
 * panic), or a start after an unexpected shutdown. Each cause is read from its own line.
 */
export const unexpectedRebootStory: StoryDefinition = {
  id: 'unexpected-reboot',
  title: 'Unexpected reboot',
  description: 'The router restarted without being asked: watchdog, kernel crash, or power cut.',
  rank: 2,
  verdicts: {
    'kernel-crash': { label: 'kernel crash', severity: 'error', meaning: 'A kernel oops or panic is logged.' },
    watchdog: { label: 'watchdog reset', severity: 'error', meaning: 'The watchdog reset the system: something hung.' },
    'power-cut': { label: 'power cut or hard reset', severity: 'warning', meaning: 'The device started after a shutdown that was not clean.' },
  },
  build: (ctx) => {
    const causes = ctx.events.filter((e) => marksOf(e).some((m) => CAUSES.some((c) => c.mark === m)));
    if (!causes.length) return [];
    const w = new StoryWriter();
    for (const e of causes.slice(0, 6)) w.step(`${when(e).trim() ? capitalise(when(e).trim()) + ': ' : ''}"${e.text}".`, e, 'X1', 'X78', 'S11');
    const cause = CAUSES.find((c) => causes.some((e) => marksOf(e).includes(c.mark)))!;
    const draft: StoryDraft = {
      verdict: cause.verdict, confidence: 'high', why: 'The cause is logged in its own line.',
      summary: `The device restarted without being asked: ${cause.words}${causes.length > 1 ? ` (${causes.length} such lines)` : ''}.`,
      steps: w.sorted(), evidence: w.evidence, advice: ['findRebootCause'], unknowns: [], sources: w.sources,
      tells: ['unexpected-reboot', 'reboot'],
    };
    return [draft];
  },
};

