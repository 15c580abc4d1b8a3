import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// OpenWrt's ncm and mbim protocol scripts print each step's failure through netifd (X108, X109).
// A blind probe's Huawei NCM router whose connect was refused eight times, and its Sierra MBIM
// router denied registration five times, had each been told "no modem problem".

const REF = Date.UTC(2024, 8, 10);
const netifd = (clock: string, pid: number, text: string): string => `Mon Sep  2 ${clock} 2024 daemon.notice netifd: wwan (${pid}): ${text}`;

describe("OpenWrt's ncm and mbim scripts", () => {
  const cases: { name: string; lines: (pid: number, clock: string) => string[]; story: string }[] = [
    { name: 'ncm: the connect refused', lines: (pid, c) => [netifd(c, pid, 'Configuring modem'), netifd(c, pid, 'Starting network wwan'), netifd(c, pid, 'Connecting modem'), netifd(c, pid, 'Error running AT-command'), netifd(c, pid, 'Failed to connect')], story: 'data-connection-problem' },
    { name: 'ncm: no answer to AT+CGMI', lines: (pid, c) => [netifd(c, pid, 'Timeout running AT-command'), netifd(c, pid, 'Failed to get modem information')], story: 'modem-unresponsive' },
    { name: 'mbim: registration failed', lines: (pid, c) => [netifd(c, pid, `mbim[${pid}] Register with network`), netifd(c, pid, `mbim[${pid}] Subscriber registration failed`)], story: 'registration-problem' },
    { name: 'mbim: the SIM wants its PIN', lines: (pid, c) => [netifd(c, pid, `mbim[${pid}] Checking pin`), netifd(c, pid, `mbim[${pid}] PIN required`)], story: 'sim-problem' },
  ];
  for (const c of cases) {
    it(`${c.name}: told as ${c.story}, not over`, () => {
      const text = [...c.lines(2301, '08:15:02'), ...c.lines(2340, '08:16:06'), ...c.lines(2388, '08:17:07')].join('\n') + '\n';
      const a = analyzeText(text, { referenceTime: REF });
      assert.deepEqual(a.episodes.map((e) => `${e.kind}: ${e.verdict}`), [`${c.story}: unresolved`]);
      assert.equal(a.host, 'OpenWrt');
    });
  }
});

// qmi.sh and mbim.sh check the device before they send the modem anything (X162). A blind probe's
// router whose modem had no QMI driver (no /dev/cdc-wdm0) had been told to check its APN.
describe("OpenWrt's protocol scripts finding no modem device", () => {
  const shapes: [string, string[]][] = [
    ['qmi.sh: no control device', ['The specified control device does not exist']],
    ['qmi.sh: no network interface under it', ['The interface could not be found.', 'Command failed: Not found']],
    ['mbim.sh: no matching interface', ['mbim[2411] Failed to find matching interface']],
  ];
  for (const [name, lines] of shapes) {
    it(`${name}: a data story whose advice is the device, not the APN`, () => {
      const text = [...lines.map((l) => netifd('09:14:20', 2411, l)), "Mon Sep  2 09:14:20 2024 daemon.notice netifd: Interface 'wwan' is now down"].join('\n') + '\n';
      const a = analyzeText(text, { referenceTime: REF });
      assert.deepEqual(a.episodes.map((e) => `${e.kind}: ${e.verdict}`), ['data-connection-problem: unresolved']);
      const advice = a.episodes[0].advice.join('\n');
      assert.match(advice, /cdc-wdm/);
      assert.match(advice, /kmod-usb-net-qmi-wwan/, 'the OpenWrt package to install');
      assert.doesNotMatch(advice, /\bAPN\b.*against what the operator/);
    });
  }

  it('an APN the network refused after the device was there keeps the settings advice', () => {
    const text = [netifd('09:14:20', 2411, 'Starting network wwan'), netifd('09:14:25', 2411, 'Unable to connect IPv4'), "Mon Sep  2 09:14:25 2024 daemon.notice netifd: Interface 'wwan' is now down"].join('\n') + '\n';
    const a = analyzeText(text, { referenceTime: REF });
    assert.doesNotMatch(a.episodes.map((e) => e.advice.join('\n')).join('\n'), /cdc-wdm\*/);
  });
});

describe("an older qmi.sh logging under its own tag (logger -t \"qmi[$$]\")", () => {
  it('is the same missing device, with the same advice', () => {
    const a = analyzeText(['Mon Sep  2 09:14:20 2024 daemon.err qmi[2411]: The specified control device does not exist', "Mon Sep  2 09:14:20 2024 daemon.notice netifd: Interface 'wwan' is now down"].join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(a.episodes.map((e) => e.kind), ['data-connection-problem']);
    assert.match(a.episodes[0].advice.join('\n'), /cdc-wdm/);
  });
});
