import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { ADVICE, pickVariant } from '../server/src/core/catalogue/advice';
import { modemDropStory } from '../server/src/core/stories/entries/modemDrop';
import { radioOffStory } from '../server/src/core/stories/entries/problems';

// The AT command that sets the modem's functionality (3GPP TS 27.007 +CFUN, source X98), in any
// program's AT trace: with <rst> 1 it resets the modem, so the drop that follows is that reset;
// CFUN 0 or 4 turns the radio off, so the registration lost is no network's doing. A blind probe's
// modem reset by a user's command, and another's radio turned off by a schedule, had been told as
// an unexplained drop and as "ask the operator".

const REF = Date.UTC(2024, 11, 4);
const kernel = (clock: string, msg: string): string => `Mar 14 ${clock} pi kernel: [ 1000.000000] ${msg}`;

describe('AT+CFUN in an AT trace', () => {
  for (const sent of ['Mar 14 10:02:11 pi atcmd[812]: /dev/ttyUSB2 > AT+CFUN=1,1', "Mar 14 10:02:11 pi ModemManager[701]: <dbg> [ttyUSB2/at] --> 'AT+CFUN=1,1<CR>'"]) {
    it(`a reset (${sent.split(': ')[1]}) explains the drop after it`, () => {
      const text = [
        sent,
        kernel('10:02:12', 'usb 1-1: USB disconnect, device number 2'),
        kernel('10:02:25', 'usb 1-1: new high-speed USB device number 3 using xhci-hcd'),
        kernel('10:02:25', 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
        kernel('10:02:26', 'option 1-1:1.2: GSM modem (1-port) converter detected'),
        kernel('10:30:00', 'usb 2-1: new full-speed USB device number 4 using xhci-hcd'),
      ].join('\n') + '\n';
      const story = analyzeText(text, { referenceTime: REF }).episodes.find((e) => e.kind === modemDropStory.id);
      assert.equal(story?.verdict, 'restarted');
    });
  }
  it('the radio set off: the radio-off story, whose advice is the radio', () => {
    const text = ['Mar 14 02:00:00 gw radio-sched[22105]: sending AT+CFUN=0 to modem 0', "Mar 14 02:00:05 gw mmcli[2211]: response: '+CFUN: 0'"].join('\n') + '\n';
    const story = analyzeText(text, { referenceTime: REF }).episodes.find((e) => e.kind === radioOffStory.id);
    assert.ok(story);
    assert.deepEqual(story.advice, [pickVariant(ADVICE.radioSwitchedOff, 'linux')!.text]);
  });
  it('full functionality, a query and a reset are no radio off', () => {
    const text = ['AT+CFUN=1', 'AT+CFUN?', '+CFUN: 1', 'AT+CFUN=0,1'].map((l) => `Mar 14 02:00:00 gw atcmd[1]: ${l}`).join('\n') + '\n';
    assert.deepEqual(analyzeText(text, { referenceTime: REF }).findings.filter((f) => f.code === 'radio-off'), []);
  });
});
