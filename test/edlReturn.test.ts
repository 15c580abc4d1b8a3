import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';

// A modem flashed in emergency download (EDL) mode comes back as itself when the flash is done;
// a USB 3 module (RM500Q) comes back on its SuperSpeed port, not the one its download mode had. A
// blind probe's QFirehose flash (EDL on 1-1, the modem back on 2-1 and connected) had been told
// "Modem firmware update: FAILED ... left in EDL mode", with advice to flash it again.

const REF = Date.UTC(2024, 3, 10);

const modemUp = (port: string, n: number): string[] => [
  `usb ${port}: new SuperSpeed USB device number ${n} using xhci_hcd`,
  `usb ${port}: New USB device found, idVendor=2c7c, idProduct=0800, bcdDevice= 4.14`,
  `option ${port}:1.0: GSM modem (1-port) converter detected`,
  `usb ${port}: GSM modem (1-port) converter now attached to ttyUSB0`,
  `qmi_wwan ${port}:1.4: cdc-wdm0: USB WDM device`,
];
const modemGone = (port: string, n: number): string[] => [`usb ${port}: USB disconnect, device number ${n}`, `option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0`];
const edlUp = (port: string, n: number): string[] => [
  `usb ${port}: new high-speed USB device number ${n} using xhci_hcd`,
  `usb ${port}: New USB device found, idVendor=05c6, idProduct=9008, bcdDevice= 0.00`,
  `qcserial ${port}:1.0: Qualcomm USB modem converter detected`,
];
const edlGone = (port: string, n: number): string[] => [`usb ${port}: USB disconnect, device number ${n}`];

/** Lines a few seconds apart, long gaps where `gap` says, as dmesg and as journalctl. */
function shapes(blocks: readonly (readonly string[] | number)[]): { name: string; text: string }[] {
  const timed: [number, string][] = [];
  let t = 600;
  for (const b of blocks) {
    // A number: that many seconds with no line.
    if (typeof b === 'number') {
      t += b;
      continue;
    }
    for (const l of b) timed.push([(t += 0.2), l]);
    t += 30;
  }
  const clock = (s: number): string => `11:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(Math.floor(s) % 60).padStart(2, '0')}`;
  return [
    { name: 'dmesg', text: timed.map(([s, l]) => `[${s.toFixed(6).padStart(12)}] ${l}`).join('\n') + '\n' },
    { name: 'journalctl', text: timed.map(([s, l]) => `Apr 02 ${clock(s)} gw5g kernel: ${l}`).join('\n') + '\n' },
  ];
}

const update = (a: Analysis): string | undefined => a.episodes.find((e) => e.kind === 'modem-firmware-update')?.verdict;

describe('a modem back out of download mode', () => {
  for (const s of shapes([modemUp('2-1', 2), modemGone('2-1', 2), edlUp('1-1', 5), edlGone('1-1', 5), modemUp('2-1', 3)])) {
    it(`${s.name}: back on another port: the flash ended, the modem runs firmware again`, () => {
      const a = analyzeText(s.text, { referenceTime: REF });
      assert.equal(update(a), 'succeeded');
      const edl = a.findings.find((f) => f.code === 'modem-edl-mode');
      assert.equal(edl?.severity, 'info');
      assert.match(edl!.message, /came back as Quectel .*2c7c:0800/);
      const story = a.episodes.find((e) => e.kind === 'modem-firmware-update')!;
      assert.ok(story.steps.some((x) => /came back as the modem at USB 2-1/.test(x.text)), story.steps.map((x) => x.text).join('\n'));
      assert.doesNotMatch(story.advice.join(' '), /re-flash/i);
      // Download mode's departure is the modem's return on its other port: a note, not an error.
      const edlGap = a.findings.find((f) => f.code === 'usb-gap' && /emergency download/.test(f.message))!;
      assert.equal(edlGap.severity, 'info');
      assert.match(edlGap.message, /the modem came up with its own ID \(.*2c7c:0800\) at USB 2-1 .*download mode ended/);
    });
  }
  for (const s of shapes([modemUp('2-1', 2), modemGone('2-1', 2), edlUp('2-1', 3), edlGone('2-1', 3), modemUp('2-1', 4)])) {
    it(`${s.name}: back on the same port: succeeded too, in the layout it had (download mode's serial port is no composition of the modem's)`, () => {
      const a = analyzeText(s.text, { referenceTime: REF });
      assert.equal(update(a), 'succeeded');
      assert.deepEqual(a.findings.filter((f) => f.code === 'usb-composition-change').map((f) => f.message), []);
    });
  }
  const later = ['usb 3-2: new full-speed USB device number 7 using xhci_hcd'];
  for (const s of shapes([modemUp('2-1', 2), modemGone('2-1', 2), edlUp('1-1', 5), 2700, later])) {
    it(`${s.name}: still in download mode 45 min later, at the end: failed, flash it again`, () => {
      const a = analyzeText(s.text, { referenceTime: REF });
      assert.equal(update(a), 'failed');
      assert.equal(a.findings.find((f) => f.code === 'modem-edl-mode')?.severity, 'error');
    });
  }
  // Minutes after it went there (on its USB 2 port): a flash may still run. dmesg's uptime says nothing of the log's end: failed as before.
  for (const s of shapes([modemUp('2-1', 2), modemGone('2-1', 2), edlUp('1-1', 5)]).filter((x) => x.name === 'journalctl')) {
    it(`${s.name}: in download mode on another port 30 s before the end: in download mode when the log ends`, () => {
      assert.equal(update(analyzeText(s.text, { referenceTime: REF })), 'flashing-at-end');
    });
  }
});

// A flasher resetting a modem in download mode again and again makes a loop of drops on its port:
// the update's, told once (a re-test probe's FM150 had a second story, "a reconnect loop by itself").
describe('a modem reset again and again in download mode', () => {
  const resets = [1, 2, 3, 4].flatMap((i) => [...edlGone('1-1', 4 + i), ...edlUp('1-1', 5 + i)]);
  for (const s of shapes([modemUp('1-1', 2), modemGone('1-1', 2), ...[edlUp('1-1', 5)], resets])) {
    it(`${s.name}: one story, the update's`, () => {
      const a = analyzeText(s.text, { referenceTime: REF });
      assert.deepEqual(a.episodes.map((e) => e.kind), ['modem-firmware-update']);
      assert.ok(a.findings.some((f) => f.code === 'usb-reconnect-loop'), 'the loop is still a finding');
    });
  }
});
