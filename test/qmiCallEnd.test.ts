import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { ADVICE, pickVariant } from '../server/src/core/catalogue/advice';
import { dataStory } from '../server/src/core/stories/entries/problems';

// libqmi names the network's reason for a refused data call (`verbose call end reason (6,33):
// [3gpp] option-unsubscribed`, source X97), printed so by qmicli, the qmi-network script and
// ModemManager's QMI bearer. The data story's advice follows the reason: a SIM without a data
// plan is the operator's to fix, not the APN's (a blind probe had been told to check the APN).

const REF = Date.UTC(2024, 11, 4);
const SHAPES: Record<string, (s: number, msg: string) => string> = {
  'qmi-network under syslog': (s, msg) => `Mar 15 09:12:${String(s).padStart(2, '0')} edge qmi-network[512]: ${msg}`,
  'ModemManager journal': (s, msg) => `Mar 15 09:12:${String(s).padStart(2, '0')} pi ModemManager[701]: <info>  [modem0/bearer1] ${msg}`,
  'qmicli on a console': (_s, msg) => msg,
};
const ADVICE_BY_REASON = {
  'unknown-apn': 'checkDataSession',
  // The APN's credentials refused (3GPP cause 29, X164): their own advice, not the APN's.
  'authentication-failed': 'checkApnCredentials',
  'option-unsubscribed': 'askOperatorSubscription',
  'operator-determined-barring': 'askOperatorSubscription',
  'network-failure': 'networkSideRetry',
} as const;

describe("a refused data call's reason picks the data story's advice", () => {
  for (const [name, line] of Object.entries(SHAPES)) {
    for (const [reason, key] of Object.entries(ADVICE_BY_REASON)) {
      it(`${name}: ${reason}`, () => {
        const text = [0, 30].map((s) => line(s, `verbose call end reason (6,27): [3gpp] ${reason}`)).join('\n') + '\n';
        const a = analyzeText(text, { referenceTime: REF });
        const story = a.episodes.find((e) => e.kind === dataStory.id);
        assert.ok(story, a.episodes.map((e) => e.kind).join(', '));
        const text0 = pickVariant(ADVICE[key], 'linux')!.text;
        assert.ok(story.advice.includes(text0), story.advice.join(' | '));
        assert.equal(story.advice.length, 1);
      });
    }
    it(`${name}: a regular deactivation is no failure`, () => {
      const a = analyzeText(line(0, 'verbose call end reason (6,36): [3gpp] regular-deactivation') + '\n', { referenceTime: REF });
      assert.deepEqual(a.findings.filter((f) => f.code === 'data-session-failed'), []);
    });
  }
  it('a reason outside the table keeps the story\'s own advice beside the known one', () => {
    const text = [SHAPES['qmicli on a console'](0, 'verbose call end reason (6,33): [3gpp] option-unsubscribed'), SHAPES['qmicli on a console'](0, 'verbose call end reason (6,25): [3gpp] llc-sndcp-failure')].join('\n') + '\n';
    const story = analyzeText(text, { referenceTime: REF }).episodes.find((e) => e.kind === dataStory.id)!;
    assert.equal(story.advice.length, 2);
  });
  it('no service (the short and the verbose reason after qmicli\'s CallFailed) calls for registration and signal, not the APN', () => {
    const failure = (s: number) => [
      "qmicli: error: couldn't start network: QMI protocol error (14): 'CallFailed'",
      'qmicli: call end reason (3): generic-no-service',
      'qmicli: verbose call end reason (2,211): [internal] no-service',
    ].map((m) => SHAPES['qmi-network under syslog'](s, m));
    const story = analyzeText([...failure(0), ...failure(40)].join('\n') + '\n', { referenceTime: REF }).episodes.find((e) => e.kind === dataStory.id)!;
    assert.deepEqual(story.advice, [pickVariant(ADVICE.checkRegistration, 'linux')!.text]);
  });
  it('a precise (verbose) reason outranks the general one of the same failure: an unknown APN under generic-no-service is the APN\'s', () => {
    const failure = (s: number) => ['qmicli: call end reason (3): generic-no-service', 'qmicli: verbose call end reason (6,27): [3gpp] missing-or-unknown-apn'].map((m) => SHAPES['qmi-network under syslog'](s, m));
    const story = analyzeText([...failure(0), ...failure(40)].join('\n') + '\n', { referenceTime: REF }).episodes.find((e) => e.kind === dataStory.id)!;
    assert.deepEqual(story.advice, [pickVariant(ADVICE.checkDataSession, 'linux')!.text]);
  });
  it("uqmi's failure to reach the modem's QMI service calls for the QMI channel, not the APN (the entry's own advice)", () => {
    const text = ['10:17:00', '10:17:31'].map((c) => `Sat May 10 ${c} 2025 daemon.notice netifd: lte (2437): "Failed to connect to service"`).join('\n') + '\n';
    const story = analyzeText(text, { referenceTime: REF }).episodes.find((e) => e.kind === dataStory.id)!;
    assert.deepEqual(story.advice, [pickVariant(ADVICE.checkQmiChannel, 'openwrt')!.text]);
  });
});
