import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis, Episode } from '../server/src/core/model';

// A Raspberry Pi's firmware flags an under-voltage of its supply and the kernel's voltage sensor
// driver logs it (upstream: `hwmon hwmon1: Undervoltage detected!`; Raspberry Pi's kernel:
// `Under-voltage detected! (0x00050005)`). Logged just before the modem drops off USB, it tells why
// (an inference the stories label): a supply too weak for the board and the modem.

const REF = Date.UTC(2024, 4, 1);

/** An EC25 on 1-1.3 that drops at each of `drops` (uptime seconds) and is back 10 s later; `uv` the under-voltage line's text, or none. */
function log(drops: number[], uv: string | undefined, uvLead = 0.6): string[] {
  const at = (t: number, m: string): string => `[${t.toFixed(6).padStart(12)}] ${m}`;
  const lines = [at(5, 'usb 1-1.3: new high-speed USB device number 3 using dwc_otg'), at(5.1, 'usb 1-1.3: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'), at(5.3, 'option 1-1.3:1.2: GSM modem (1-port) converter detected')];
  drops.forEach((t, i) => {
    if (uv) lines.push(at(t - uvLead, uv));
    lines.push(at(t, `usb 1-1.3: USB disconnect, device number ${3 + i}`));
    lines.push(at(t + 10, `usb 1-1.3: new high-speed USB device number ${4 + i} using dwc_otg`));
    lines.push(at(t + 10.1, 'usb 1-1.3: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'));
  });
  lines.push(at(900, 'random: crng reseeded on system resumption'));
  return lines;
}

/** The same lines as `journalctl -k -o short-iso` writes them. */
const asJournal = (lines: string[]): string[] =>
  lines.map((l) => {
    const m = /^\[\s*([\d.]+)\] (.*)$/.exec(l)!;
    return `${new Date(REF + +m[1] * 1000).toISOString().slice(0, 19)}+0000 raspberrypi kernel: ${m[2]}`;
  });

const WORDINGS = ['hwmon hwmon1: Undervoltage detected!', 'Under-voltage detected! (0x00050005)'];
const tell = (lines: string[]): Analysis => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
const powerAdvice = (e: Episode): boolean => /power supply/.test(e.advice[0] ?? '');
const linked = (e: Episode): boolean => e.steps.some((s) => /under-voltage/.test(s.text)) && /under-voltage/.test(e.summary);

describe('an under-voltage of the board\'s supply just before the modem drops', () => {
  it('is told as the reason of a reconnect loop, with the power supply first, in both wordings and two shapes', () => {
    for (const uv of WORDINGS) {
      for (const [name, shape] of [['dmesg', (l: string[]) => l], ['journalctl -k', asJournal]] as const) {
        const a = tell(shape(log([60, 100, 140, 180], uv)));
        assert.ok(a.findings.some((f) => f.code === 'undervoltage'), `${uv}, ${name}: a finding`);
        const loop = a.episodes.find((e) => e.kind === 'reconnect-loop');
        assert.ok(loop, `${uv}, ${name}: ${a.episodes.map((e) => e.kind).join(' ')}`);
        assert.ok(linked(loop!) && powerAdvice(loop!), `${uv}, ${name}: ${loop!.summary} | ${loop!.advice[0]}`);
        assert.ok(!loop!.unknowns.some((u) => /Why the modem dropped/.test(u)), `${uv}, ${name}: why it dropped is no longer unknown`);
      }
    }
  });

  it('is told with a single drop and with a modem that does not come back', () => {
    const drop = tell(log([60], WORDINGS[0]));
    const told = drop.episodes.find((e) => e.kind === 'modem-drop')!;
    assert.ok(told && linked(told) && powerAdvice(told), drop.episodes.map((e) => `${e.kind}: ${e.summary}`).join(' | '));
    // Not back, and the log goes on: another device's line 14 minutes later.
    const gone = [...log([60], WORDINGS[1]).filter((l) => !/ 70\.|number 4 /.test(l)), '[  901.000000] usb 1-1.4: new high-speed USB device number 9 using dwc_otg'];
    const lost = tell(gone).episodes.find((e) => e.kind === 'modem-lost')!;
    assert.ok(lost && linked(lost) && powerAdvice(lost), tell(gone).episodes.map((e) => `${e.kind}: ${e.summary}`).join(' | '));
  });

  it('is not linked to drops it does not come just before, and its absence changes nothing', () => {
    for (const lines of [log([60, 100, 140, 180], undefined), log([60, 100, 140, 180], WORDINGS[0], 30)]) {
      const loop = tell(lines).episodes.find((e) => e.kind === 'reconnect-loop')!;
      assert.ok(loop && !linked(loop) && !powerAdvice(loop), loop?.summary);
    }
  });
});
