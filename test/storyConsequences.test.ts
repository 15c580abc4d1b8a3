import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { CATALOGUE } from '../server/src/core/catalogue/index';
import { dataStory, simStory, unresponsiveStory } from '../server/src/core/stories/entries/problems';
import { LineParser } from '../server/src/core/records/lineParser';
import type { Analysis } from '../server/src/core/model';

// A data connection that goes down while the modem has no SIM, or does not answer, went down
// because of it: told inside that story, not as a story of its own with advice for another cause
// (a blind probe: "check the APN" under a missing SIM, and under a modem left in download mode).
// The troubles are every catalogue entry whose logread sample raises the finding, so a new entry
// is held to this too.

const REF = Date.UTC(2024, 11, 4);
const STAMP = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} /;
const at = (s: number): string => `Tue Apr  2 08:${String(14 + Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')} 2024 `;
const DOWN = "daemon.notice netifd: Interface 'mob1s1a1' is now down";
const UP = "daemon.notice netifd: Interface 'mob1s1a1' is now up";

/** Each entry's logread samples that raise `code`, without their stamp. */
function troubles(code: string): { id: string; body: string }[] {
  const parser = new LineParser({ referenceYear: 2024 });
  return CATALOGUE.filter((e) => e.finding === code && !e.findingIf).flatMap((e) =>
    e.samples.filter((s) => STAMP.test(s) && (parser.parse(s, 1) as { format?: string }).format === 'logread').slice(0, 1).map((s) => ({ id: e.id, body: s.replace(STAMP, '') })),
  );
}

const stories = (a: Analysis): string[] => a.episodes.map((e) => `${e.kind}:${e.verdict}`);
const storyOf = (a: Analysis, kind: string) => a.episodes.find((e) => e.kind === kind);

for (const [code, story] of [
  ['sim-error', simStory],
  ['modem-unresponsive', unresponsiveStory],
] as const) {
  describe(`${story.title}: the data connection's loss is told in it`, () => {
    const cases = troubles(code);
    it('the catalogue has troubles to try', () => assert.ok(cases.length >= 2, `${cases.length}`));
    for (const c of cases) {
      it(`${c.id}, twice, each with the interface down a second later`, () => {
        const text = [at(0) + c.body, at(1) + DOWN, at(30) + c.body, at(31) + DOWN].join('\n') + '\n';
        const a = analyzeText(text, { referenceTime: REF });
        const mine = stories(a).filter((s) => s.startsWith(`${story.id}:`));
        if (!mine.length) return; // another story tells this entry's line (a lost modem, a loop): not this test's
        assert.ok(!stories(a).some((s) => s.startsWith(`${dataStory.id}:`)), stories(a).join(', '));
        const told = storyOf(a, story.id)!;
        assert.ok(told.evidence.includes(2) && told.evidence.includes(4), `evidence ${told.evidence}`);
        assert.ok(told.steps.some((s) => /went down with it/.test(s.text)), told.steps.map((s) => s.text).join(' | '));
        assert.ok(!told.advice.some((t) => /APN/.test(t)));
      });
    }
  });
}

describe('a data connection lost for a reason of its own is still its own story', () => {
  const sim = troubles('sim-error')[0];
  it('alone: the data story with its advice', () => {
    const a = analyzeText([at(0) + DOWN, at(60) + DOWN].join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(stories(a), [`${dataStory.id}:unresolved`]);
    assert.ok(storyOf(a, dataStory.id)!.advice.some((t) => /APN/.test(t)));
  });
  it('after the SIM trouble was over (the interface came up), a later loss is the data story\'s', () => {
    const text = [at(0) + sim.body, at(1) + DOWN, at(20) + UP, at(300) + DOWN].join('\n') + '\n';
    const a = analyzeText(text, { referenceTime: REF });
    assert.ok(stories(a).includes(`${dataStory.id}:unresolved`), stories(a).join(', '));
    const data = storyOf(a, dataStory.id)!;
    assert.deepEqual(data.evidence, [4]);
    assert.ok(data.advice.some((t) => /APN/.test(t)));
  });
  it('a loss well before the SIM trouble is not its consequence', () => {
    const text = [at(0) + DOWN, at(600) + sim.body].join('\n') + '\n';
    const a = analyzeText(text, { referenceTime: REF });
    assert.ok(stories(a).includes(`${dataStory.id}:unresolved`), stories(a).join(', '));
  });
  it('in a later boot the SIM trouble of the boot before explains nothing', () => {
    const boot = 'kern.notice kernel: [    0.000000] Linux version 5.4.238 (builder@buildhost) (gcc version 8.4.0) #0 SMP Wed Jul 3 13:06:05 2024';
    const text = [at(0) + sim.body, at(1) + DOWN, at(120) + boot, at(300) + DOWN].join('\n') + '\n';
    const a = analyzeText(text, { referenceTime: REF });
    assert.ok(stories(a).includes(`${dataStory.id}:unresolved`), stories(a).join(', '));
  });
});

describe('a data connection that fails under a modem in download mode defers to that story', () => {
  const flash = (down: string) => [
    `Tue Mar 19 ${down} 2024 daemon.notice netifd: Interface 'mob1s1a1' is now down`,
    'Tue Mar 19 15:20:06 2024 kern.info kernel: [ 5120.330412] usb 2-1: USB disconnect, device number 2',
    'Tue Mar 19 15:20:09 2024 kern.info kernel: [ 5123.901553] usb 2-1: new high-speed USB device number 3 using xhci-hcd',
    'Tue Mar 19 15:20:09 2024 kern.info kernel: [ 5124.052310] usb 2-1: New USB device found, idVendor=05c6, idProduct=9008, bcdDevice= 0.00',
    'Tue Mar 19 15:20:09 2024 kern.info kernel: [ 5124.052400] usb 2-1: Product: QUSB__BULK',
    'Tue Mar 19 15:51:05 2024 daemon.info dnsmasq[1500]: read /etc/hosts - 4 addresses',
  ].join('\n') + '\n';
  it('the data connection going down as the modem left (4 s before) is the update story\'s: one story', () => {
    const a = analyzeText(flash('15:20:02'), { referenceTime: REF });
    assert.deepEqual(stories(a), ['modem-firmware-update:failed']);
    assert.ok(a.episodes[0].steps.some((s) => /data connection went down at 15:20:02, as the modem left the bus/.test(s.text)));
  });
  it('an error story told first (a kernel crash 3 s after the data went down): the data story\'s advice points at it', () => {
    const text = [
      'Tue Mar 19 15:20:02 2024 daemon.notice netifd: Interface \'mob1s1a1\' is now down',
      'Tue Mar 19 15:20:05 2024 kern.emerg kernel: [ 5120.330412] Kernel panic - not syncing: Fatal exception in interrupt',
      'Tue Mar 19 15:51:05 2024 daemon.info dnsmasq[1500]: read /etc/hosts - 4 addresses',
    ].join('\n') + '\n';
    const a = analyzeText(text, { referenceTime: REF });
    const data = storyOf(a, dataStory.id);
    assert.ok(data, stories(a).join(', '));
    assert.equal(a.episodes[0].severity, 'error');
    assert.match(data.summary, new RegExp(`"${a.episodes[0].title}: ${a.episodes[0].verdictLabel}" \\(told above\\)`));
    assert.ok(!data.advice.some((t) => /^Check the data connection/.test(t)));
    assert.match(data.advice.join(' '), /story above/);
  });
});
