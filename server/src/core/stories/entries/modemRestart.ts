import { findingOf } from '../../findings/eventTime';
import { formatDuration } from '../../records/timeWords';
import { eventOf, StoryWriter, usbIdWords, when } from '../evidence';
import type { StoryDefinition, StoryDraft } from '../types';
import { restartBefore } from './modemUpdate';

/**
 * Something restarted the modem on purpose (ping_reboot, mobifd, a user's request) and the modem
 * manager then refused the returning modem as already registered. The same refusal as after an
 * update, but no update: the restart explains the drop (knowledge 2.6 ping_reboot, 6.8).
 */
export const modemRestartStory: StoryDefinition = {
  id: 'modem-restart-refused',
  title: 'Modem restart not taken back',
  description: 'A deliberate restart of the modem (ping_reboot, mobifd, a user) after which the modem manager refused the returning modem.',
  rank: 2,
  verdicts: {
    'taken-back': { label: 'taken back later', severity: 'info', meaning: 'The modem was taken back into service after the refusal.' },
    'not-taken-back': { label: 'not taken back', severity: 'error', open: true, meaning: 'The log does not show the modem taken back after the refusal.' },
  },
  build: (ctx) => {
    const refusal = ctx.coded('modem-duplicate-registration')[0];
    if (!refusal) return [];
    const updateLines = ctx.events.some((e) => findingOf(e) === 'fw-update-started');
    const restart = restartBefore(ctx.events, refusal);
    if (!restart || updateLines) return [];
    const w = new StoryWriter();
    w.step(`The modem was restarted on purpose${when(restart)}: "${restart.text}".`, restart, 'S23', 'S20');
    const after = restart.time !== undefined && refusal.time !== undefined ? (refusal.time - restart.time) / 1000 : undefined;
    w.step(`${after !== undefined && after >= 1 ? `${formatDuration(after)} later the` : 'The'} modem manager refused to register the returning modem: "already exists and is registered": it still held the instance of the modem it had before the restart.`, refusal, 'S8', 'S17');
    const back = ctx.marked('modem-back').find((e) => e.line > refusal.endLine);
    if (back) w.step(`The modem was taken back into service${when(back)}.`, back);
    else w.step('The log does not show the modem taken back after the refusal.', undefined, 'KB6');
    const draft: StoryDraft = {
      verdict: back ? 'taken-back' : 'not-taken-back',
      confidence: back ? 'high' : 'medium',
      why: back ? 'The log shows the modem taken back after the refusal.' : 'The refusal follows a logged deliberate restart, and no later line shows the modem in service.',
      summary: `The modem was restarted on purpose ("${restart.text}"), and when it came back the modem manager refused it because it still held the old instance.${back ? ' It was taken back later.' : ' A refused modem is not registered again by itself: a restart of the modem manager or a clean reboot takes it back.'} This is not a firmware update: no update line is in the log.`,
      steps: w.sorted(),
      evidence: w.evidence,
      advice: back ? [] : ['checkModemAnswers', 'findWhoResets'],
      adviceFields: usbIdWords(refusal && eventOf(refusal, ctx.events)?.fields.vidpid),
      unknowns: back ? [] : ['gsmdSilence'],
      sources: w.sources,
      restsOn: ['modem-duplicate-registration'],
      tells: ['modem-duplicate-registration', 'modem-silent', 'usb-gap', 'usb-disconnect', 'modem-write-failure', 'modem-read-failure', 'interface-down', 'mobile-data-down', 'data-session-failed'],
    };
    return [draft];
  },
};
