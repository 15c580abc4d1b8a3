import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// libqmi's qmi-firmware-update ends with one line (X107). A blind probe's planned update of an
// EM7455, its console pasted beside the journal, had been told "dropped off USB 2 times" with
// power-supply advice.

const REF = Date.UTC(2024, 8, 20);
const kernel = (clock: string, text: string): string => `Sep 10 ${clock} ipc kernel: ${text}`;
const drops = [
  kernel('14:02:14', 'usb 1-4: USB disconnect, device number 3'),
  kernel('14:02:16', 'usb 1-4: new high-speed USB device number 4 using xhci_hcd'),
  kernel('14:02:16', 'usb 1-4: New USB device found, idVendor=1199, idProduct=9071, bcdDevice= 0.06'),
  kernel('14:04:55', 'usb 1-4: USB disconnect, device number 4'),
  kernel('14:05:21', 'usb 1-4: new high-speed USB device number 5 using xhci_hcd'),
  kernel('14:05:21', 'usb 1-4: New USB device found, idVendor=1199, idProduct=9079, bcdDevice= 0.06'),
];

describe('qmi-firmware-update', () => {
  for (const [where, lines] of [['console pasted before the log', ['$ sudo qmi-firmware-update --update -d 1199:9079 fw.cwe fw.nvu', 'firmware update operation finished successfully', ...drops]], ['logged after the drops', [...drops, 'Sep 10 14:05:30 ipc qmi-firmware-update[2210]: firmware update operation finished successfully']]] as const) {
    it(`success (${where}): the update's story, succeeded, not a drop`, () => {
      const a = analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
      assert.deepEqual(a.episodes.map((e) => `${e.kind}: ${e.verdict}`), ['modem-firmware-update: succeeded']);
    });
  }
  it('its command (or its first step) is the update\'s start, not "the log does not show the update starting"', () => {
    for (const start of ['$ sudo qmi-firmware-update --update -d 1199:9079 fw.cwe fw.nvu', 'rebooting in download mode...']) {
      const story = analyzeText([start, 'firmware update operation finished successfully', ...drops].join('\n') + '\n', { referenceTime: REF }).episodes[0];
      assert.ok(story.steps.some((x) => /^The modem firmware update started/.test(x.text)), story.steps.map((x) => x.text).join('\n'));
    }
  });
  it('failure: the update failed', () => {
    const a = analyzeText([...drops.slice(0, 3), 'Sep 10 14:03:30 ipc qmi-firmware-update[2210]: error: firmware update operation finished: couldn\'t detect device: timed out'].join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(a.episodes.map((e) => e.kind).slice(0, 1), ['modem-firmware-update']);
    assert.equal(a.episodes[0].verdict, 'failed');
  });
});
