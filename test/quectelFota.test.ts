import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { modemUpdateStory } from '../server/src/core/stories/entries/modemUpdate';

// A Quectel module reports its delta firmware update itself (`+QIND: "FOTA",...`, sources X95,
// X96), and whatever logs its AT port prints the report as sent: the update is read from it on
// any stack. A blind probe's clean update, told without it as an unexplained modem reset with
// power-supply advice, is the case.

const REF = Date.UTC(2024, 11, 4);
const clock = (s: number): string => `${String(14 + Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

/** How three programs log the module's reports: gsmd's debug, ModemManager's AT trace, a terminal's capture. */
const SHAPES: Record<string, (s: number, urc: string) => string> = {
  'RutOS logread': (s, urc) => `Thu Mar 14 ${clock(s)} 2024 daemon.debug gsmd[1544]: URC: ${urc}`,
  'ModemManager debug': (s, urc) => `Mar 14 ${clock(s)} pi ModemManager[701]: <dbg> [ttyUSB2/at] <-- '<CR><LF>${urc}<CR><LF>'`,
  'terminal capture': (s, urc) => `[${clock(s)}:123] ${urc}`,
};
const kernel = (s: number, msg: string): string => `Mar 14 ${clock(s)} pi kernel: [ ${(1000 + s).toFixed(6)}] ${msg}`;

function update(shape: (s: number, urc: string) => string, end: string): string {
  return [
    shape(0, '+QIND: "FOTA","HTTPSTART"'),
    shape(60, '+QIND: "FOTA","HTTPEND",0'),
    shape(62, '+QIND: "FOTA","START"'),
    shape(120, '+QIND: "FOTA","UPDATING",50'),
    shape(200, '+QIND: "FOTA","UPDATING",100'),
    kernel(205, 'usb 2-1: USB disconnect, device number 2'),
    kernel(240, 'usb 2-1: new high-speed USB device number 3 using xhci-hcd'),
    kernel(240, 'usb 2-1: New USB device found, idVendor=2c7c, idProduct=0306, bcdDevice= 3.10'),
    shape(260, end),
    kernel(900, 'usb 1-1: new full-speed USB device number 4 using xhci-hcd'),
  ].join('\n') + '\n';
}

describe("Quectel's own report of its firmware update", () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(`${name}: END 0 is an update that succeeded`, () => {
      const a = analyzeText(update(shape, '+QIND: "FOTA","END",0'), { referenceTime: REF });
      const story = a.episodes.find((e) => e.kind === modemUpdateStory.id);
      assert.ok(story, a.episodes.map((e) => e.kind).join(', '));
      assert.equal(story.verdict, 'succeeded');
      assert.ok(!a.episodes.some((e) => e.severity === 'error'), a.episodes.map((e) => `${e.kind}:${e.verdict}`).join(', '));
    });
    it(`${name}: END 510 is an update that failed`, () => {
      const a = analyzeText(update(shape, '+QIND: "FOTA","END",510'), { referenceTime: REF });
      const story = a.episodes.find((e) => e.kind === modemUpdateStory.id);
      assert.equal(story?.verdict, 'failed');
      assert.ok(a.findings.some((f) => f.code === 'fw-update-failed' && f.severity === 'error'));
    });
  }
  it("a download that failed (HTTPEND 701) flashed nothing: failed", () => {
    const text = [SHAPES['terminal capture'](0, '+QIND: "FOTA","HTTPSTART"'), SHAPES['terminal capture'](30, '+QIND: "FOTA","HTTPEND",701')].join('\n') + '\n';
    const a = analyzeText(text, { referenceTime: REF });
    assert.equal(a.episodes.find((e) => e.kind === modemUpdateStory.id)?.verdict, 'failed');
  });
  it("gsmd's END with the module's error number", () => {
    const line = (err: number): string => `Thu Mar 14 14:09:00 2024 daemon.info gsmd[3553]: [quectel_urc_fota:220] debug: [QUECTEL_DRIVER] Modem \`1-1 [2c7c:6005]\` URC Event: FOTA State => END ${err}`;
    const start = 'Thu Mar 14 14:02:43 2024 daemon.info gsmd[3553]: [quectel_urc_fota:214] debug: [QUECTEL_DRIVER] Modem `1-1 [2c7c:6005]` URC Event: FOTA State => START';
    const ok = analyzeText([start, line(0)].join('\n') + '\n', { referenceTime: REF });
    assert.equal(ok.episodes.find((e) => e.kind === modemUpdateStory.id)?.verdict, 'succeeded');
    const bad = analyzeText([start, line(504)].join('\n') + '\n', { referenceTime: REF });
    assert.equal(bad.episodes.find((e) => e.kind === modemUpdateStory.id)?.verdict, 'failed');
  });
});
