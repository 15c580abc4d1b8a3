import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { ADVICE, pickVariant } from '../server/src/core/catalogue/advice';
import { radioOffStory } from '../server/src/core/stories/entries/problems';
import type { Analysis } from '../server/src/core/model';

// A modem ModemManager cannot turn on (sources X120-X122): an MBIM modem answers the request to
// turn its radio on with `Cannot power-up: sotware radio switch is OFF` (ModemManager's spelling),
// ModemManager runs its FCC unlock once and asks again, and then gives up with `couldn't enable
// interface: 'Invalid transition'` (a QMI modem shows only that). A blind probe's ThinkPad with an
// FCC-locked Fibocom FM350-GL had been told "no modem problem".

const REF = Date.UTC(2025, 3, 8);
const mm = (clock: string, msg: string): string => `Apr 07 ${clock} t14s ModemManager[1021]: ${msg}`;
const tell = (lines: string[]): Analysis => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
const story = (a: Analysis) => a.episodes.find((e) => e.kind === radioOffStory.id);
const advice = (key: string, host: 'modemmanager' | 'linux' = 'modemmanager'): string => pickVariant(ADVICE[key], host)!.text;

/** One enable attempt of an FCC-locked MBIM modem, as ModemManager 1.20-1.23 logs it. */
const refusedMbim = (m: string): string[] => [
  mm(`09:14:${m}`, '<msg> [modem0] state changed (disabled -> enabling)'),
  mm(`09:14:${m}`, '<wrn> [modem0] Cannot power-up: sotware radio switch is OFF'),
  mm(`09:14:${m}`, '<wrn> [modem0] Cannot power-up: sotware radio switch is OFF'),
  mm(`09:14:${m}`, "<wrn> [modem0] couldn't enable interface: 'Invalid transition'"),
  mm(`09:14:${m}`, '<msg> [modem0] state changed (enabling -> disabled)'),
];

describe('a modem ModemManager cannot turn on (the FCC lock)', () => {
  it('is the radio-off story (not a registration problem) whose advice is the host\'s radio switches, then ModemManager\'s FCC unlock scripts', () => {
    const a = tell([...refusedMbim('14'), ...refusedMbim('44')]);
    const s = story(a);
    assert.ok(s, a.episodes.map((e) => e.kind).join());
    assert.equal(s.verdict, 'unresolved');
    assert.match(s.steps.map((x) => x.text).join(' '), /software radio switch is off/);
    const text = s.advice.join('\n');
    assert.equal(text, advice('fccUnlock').replace('{mmModem}', '0'));
    assert.match(text, /rfkill list[\s\S]*nmcli radio wwan[\s\S]*fcc-unlock\.available\.d[\s\S]*\/etc\/ModemManager\/fcc-unlock\.d/);
    assert.match(text, /does not say why/);
  });

  it('is no trouble when the radio comes on after the first refusal (ModemManager\'s FCC unlock worked)', () => {
    const a = tell([
      mm('09:14:13', '<msg> [modem0] state changed (disabled -> enabling)'),
      mm('09:14:14', '<wrn> [modem0] Cannot power-up: sotware radio switch is OFF'),
      mm('09:14:16', '<msg> [modem0] power state updated: on'),
      mm('09:14:17', '<msg> [modem0] state changed (enabling -> enabled)'),
    ]);
    assert.equal(story(a), undefined);
    const f = a.findings.find((x) => x.code === 'radio-off');
    assert.equal(f?.severity, 'info');
    assert.match(f!.message, /the radio on within 2 s/);
  });

  it('is told from a QMI modem\'s refusal alone, and from NetworkManager\'s or mmcli\'s report of it', () => {
    for (const line of [
      mm('09:14:15', "<wrn> [modem0] couldn't enable interface: 'Invalid transition'"),
      'Apr 07 09:14:15 t14s NetworkManager[1030]: <warn>  [1744010055.0841] modem-broadband[cdc-wdm0]: failed to enable modem: GDBus.Error:org.freedesktop.ModemManager1.Error.Core.Retry: Invalid transition',
      "Apr 07 09:15:02 gw netifd: wwan (5400): error: couldn't enable the modem: 'GDBus.Error:org.freedesktop.ModemManager1.Error.Core.Retry: Invalid transition'",
    ]) {
      const s = story(tell([line]));
      assert.ok(s, line);
      assert.match(s.advice.join('\n'), /fcc-unlock\.available\.d/, line);
    }
  });

  it('a hardware radio switch off is no FCC lock', () => {
    const s = story(tell([mm('09:14:14', '<wrn> [modem0] Cannot power-up: hardware radio switch is OFF')]));
    assert.deepEqual(s?.advice, [advice('hardwareRadioOff')]);
  });

  it('an enable that falls back to disabled, or another client error, is no such story', () => {
    assert.equal(story(tell([mm('09:14:15', '<msg> [modem0] state changed (enabling -> disabled)')])), undefined);
    assert.equal(story(tell(['Apr 07 09:14:15 t14s NetworkManager[1030]: <warn>  [1744010055.0841] modem-broadband[cdc-wdm0]: failed to enable modem: GDBus.Error:org.freedesktop.ModemManager1.Error.Core.WrongState: Cannot enable modem: device locked'])), undefined);
  });
});
