import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// ModemManager's own view of a USB modem leaving and coming back, where no kernel line shows it (a
// container's log, `journalctl -u ModemManager`): blind probe D of the 27th session had "no problem".

const REF = Date.UTC(2026, 11, 31);
const SYSFS = '/sys/devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/usb1/1-1/1-1.4';
const lost = ['ttyUSB0', 'ttyUSB1', 'cdc-wdm0', 'wwan0'].map((p) => `<info>  [base-manager] port ${p} released by device '${SYSFS}'`);
const back = [`<info>  [device ${SYSFS}] creating modem with plugin 'quectel' and '6' ports`, '<info>  [modem1] state changed (unknown -> disabled)', '<info>  [modem1] state changed (connecting -> connected)'];
const shapes: Record<string, (clock: string, m: string) => string> = {
  journal: (c, m) => `Nov 03 10:${c} pi-gw ModemManager[611]: ${m}`,
  'docker logs --timestamps': (c, m) => `2026-11-03T09:${c}.000000000Z ModemManager[1]: ${m}`,
  'journalctl -u -o short-iso': (c, m) => `2026-11-03T10:${c}+0100 pi-gw ModemManager[611]: ${m}`,
};
const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe("ModemManager's lines alone", () => {
  for (const [shape, at] of Object.entries(shapes)) {
    it(`(${shape}): its modem lost and made again is a drop that came back`, () => {
      const a = tell([...lost.map((m) => at('31:02', m)), ...back.map((m, i) => at(`32:1${4 + i}`, m))]);
      const s = a.episodes.find((e) => e.kind === 'modem-drop');
      assert.ok(s, a.episodes.map((e) => e.kind).join());
      assert.equal(s.verdict, 'came-back');
      assert.match(s.summary, /USB 1-1\.4/);
    });
    it(`(${shape}): lost and not made again is not over`, () => {
      const a = tell([...lost.map((m) => at('31:02', m)), at('45:00', '<info>  [base-manager] couldn\'t check support for device: not supported')]);
      const s = a.episodes.find((e) => e.kind === 'modem-drop' || e.kind === 'modem-lost');
      assert.ok(s && s.verdict !== 'came-back', a.episodes.map((e) => `${e.kind}:${e.verdict}`).join());
    });
  }
  it('a modem made at start, never lost, is no story', () => {
    const a = tell(back.map((m, i) => shapes.journal(`32:1${4 + i}`, m)));
    assert.deepEqual(a.episodes.map((e) => e.kind), []);
  });
});

describe("ModemManager's modem locked, then unlocked in the same moment", () => {
  const j = (clock: string, m: string) => `Dec 07 ${clock} raspberrypi ModemManager[602]: ${m}`;
  it('is a note (NetworkManager gave the PIN it keeps), not a SIM problem', () => {
    const a = tell([j('05:37:16', '<info>  [modem1] state changed (unknown -> locked)'), j('05:37:16', '<info>  [modem1] state changed (locked -> disabled)'), j('05:37:20', '<info>  [modem1] state changed (disabled -> enabling)')]);
    assert.ok(!a.episodes.some((e) => e.kind === 'sim-problem'), a.episodes.map((e) => e.kind).join());
    assert.equal(a.findings.find((f) => f.code === 'sim-error')?.severity, 'info');
  });
  it('locked and left so is a SIM problem', () => {
    const a = tell([j('05:37:16', '<info>  [modem1] state changed (unknown -> locked)'), j('05:45:00', '<info>  [base-manager] couldn\'t check support for device: not supported')]);
    assert.ok(a.episodes.some((e) => e.kind === 'sim-problem'), a.episodes.map((e) => e.kind).join());
  });
});
