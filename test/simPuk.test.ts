import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { ADVICE, pickVariant } from '../server/src/core/catalogue/advice';
import { simStory } from '../server/src/core/stories/entries/problems';

// A SIM that wants its PUK is told so, however the line says it (3GPP's +CME ERROR 12, gsmd's PIN
// state 5, NetworkManager's reason, uqmi's words, a program's own words): its advice is the PUK,
// not "check whether it needs a PIN" (a blind probe's PUK-locked router).

const REF = Date.UTC(2025, 11, 4);
const PUK_LINES: Record<string, string> = {
  'an AT trace, +CME ERROR 12': "Mar 14 10:02:11 gw atcmd[812]: /dev/ttyUSB2 < +CME ERROR: 12",
  'gsmd\'s PIN state 5': 'Fri Mar  7 08:12:40 2025 daemon.info gsmd[2210]: [urc_pin_state:133] debug: Modem `1-1 [2c7c:0801]` URC Event: PIN State: Required PUK (5)',
  'NetworkManager': "Dec 02 19:54:59 thinkpad NetworkManager[812]: <info>  [1733169299.1234] device (cdc-wdm0): state change: prepare -> failed (reason 'gsm-sim-puk-required', sys-iface-state: 'managed')",
  'uqmi': 'Sat May 10 10:17:00 2025 daemon.notice netifd: lte (2437): SIM locked PUK required',
  'a program\'s words': 'Dec  2 19:54:59 gw cellmgr[812]: SIM PUK required',
};

describe('a SIM that wants its PUK', () => {
  for (const [name, line] of Object.entries(PUK_LINES)) {
    it(`${name}: the PUK's advice`, () => {
      const a = analyzeText(line + '\n', { referenceTime: REF });
      const story = a.episodes.find((e) => e.kind === simStory.id);
      assert.ok(story, a.episodes.map((e) => e.kind).join(', '));
      assert.ok(story.advice.some((t) => /wants its PUK/.test(t)), story.advice.join(' | '));
      assert.ok(!story.advice.some((t) => /check whether it needs a PIN/.test(t)), story.advice.join(' | '));
    });
  }
  it('a SIM that wants its PIN gets no PUK advice', () => {
    const story = analyzeText('Mar 14 10:02:11 gw atcmd[812]: /dev/ttyUSB2 < +CME ERROR: 11\n', { referenceTime: REF }).episodes.find((e) => e.kind === simStory.id);
    assert.ok(story && !story.advice.some((t) => /PUK/.test(t)), story?.advice.join(' | '));
  });
  it("gsmd's PIN state report is a problem only in its problem states, and then a warning", () => {
    const state = (name: string, code: number): string => `Fri Mar  7 08:12:40 2025 daemon.info gsmd[2210]: [urc_pin_state:133] debug: Modem \`1-1 [2c7c:0801]\` URC Event: PIN State: ${name} (${code})`;
    const ok = analyzeText(state('Ready', 1) + '\n', { referenceTime: REF });
    assert.deepEqual(ok.findings, []);
    assert.equal(ok.events[0].severity, 'info');
    const puk = analyzeText(state('Required PUK', 5) + '\n', { referenceTime: REF });
    assert.equal(puk.events[0].severity, 'warning');
  });
  it('RutOS gets its own wording (gsmctl -B)', () => {
    const story = analyzeText(PUK_LINES["gsmd's PIN state 5"] + '\n', { referenceTime: REF }).episodes.find((e) => e.kind === simStory.id)!;
    assert.ok(story.advice.includes(pickVariant(ADVICE.simPukLocked, 'rutos')!.text));
  });
});
