import { modemDropStory } from './entries/modemDrop';
import { modemLostStory } from './entries/modemLost';
import { modemRestartStory } from './entries/modemRestart';
import { modemUpdateStory } from './entries/modemUpdate';
import { crashStory, managerCrashStory, dataStory, portBusyStory, radioOffStory, registrationStory, simStory, unresponsiveStory } from './entries/problems';
import { reconnectLoopStory } from './entries/reconnectLoop';
import { unexpectedRebootStory } from './entries/unexpectedReboot';
import type { StoryDefinition } from './types';

/**
 * Every story the product tells, in the order they are tried. A story whose findings a story
 * before it has told (inside that story's lines) is not told again, so the specific stories come
 * first. Adding a story: one entry here and its tests (test/stories.test.ts).
 */
export const STORIES: readonly StoryDefinition[] = [
  modemUpdateStory,
  modemRestartStory,
  unexpectedRebootStory,
  modemLostStory,
  reconnectLoopStory,
  modemDropStory,
  crashStory,
  managerCrashStory,
  unresponsiveStory,
  simStory,
  registrationStory,
  radioOffStory,
  portBusyStory,
  dataStory,
];

const BY_ID = new Map(STORIES.map((s) => [s.id, s]));

export function storyDefinition(id: string): StoryDefinition | undefined {
  return BY_ID.get(id);
}

/** The story a "Diagnose modem update" command opens with when the log has one. */
export const UPDATE_STORY_ID = modemUpdateStory.id;

/** Finding codes that stories raise for their verdicts (a stuck update): the story tells them, lists need not. */
export const STORY_FINDING_CODES: ReadonlySet<string> = new Set(STORIES.flatMap((s) => Object.values(s.verdicts).flatMap((v) => (v.finding ? [v.finding] : []))));
