import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A mail body sent quoted-printable and pasted undecoded, as a support desk's mail client shows
// its source: `=` soft breaks at the wrap, `=3D` for `=`. Blind probe P's forwarded RutOS log had
// `USB di=` | `sconnect` and read no drop at all.

const REF = Date.UTC(2026, 11, 8);
const log = [
  'Mon Mar  9 14:00:28 2026 daemon.info odhcpd[1702]: Using a RA lifetime of 1800 seconds on br-lan',
  'Mon Mar  9 14:02:11 2026 kern.info kernel: [86053.514021] usb 1-1: USB disconnect, device number 2',
  'Mon Mar  9 14:02:11 2026 kern.info kernel: [86053.520000] option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0',
  'Mon Mar  9 14:02:19 2026 kern.info kernel: [86061.120000] usb 1-1: new high-speed USB device number 3 using ehci-platform',
  'Mon Mar  9 14:02:19 2026 kern.info kernel: [86061.270000] usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18',
  'Mon Mar  9 14:02:20 2026 kern.info kernel: [86061.900000] usb 1-1: GSM modem (1-port) converter now attached to ttyUSB0',
  'Mon Mar  9 14:05:00 2026 daemon.info dnsmasq[1]: read /etc/hosts - 4 addresses',
];
/** The log as a quoted-printable body: `=` for `=3D`, lines cut at 76 with a soft break, quoted `> `. */
function qp(lines: string[]): string {
  const out = ['From: customer@example.com', 'Subject: router log', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', ''];
  for (const line of lines) {
    let rest = `> ${line.replace(/=/g, '=3D')}`;
    while (rest.length > 76) {
      out.push(`${rest.slice(0, 75)}=`);
      rest = rest.slice(75);
    }
    out.push(rest);
  }
  return out.join('\n') + '\n';
}
const stories = (text: string, fastLane = true) => analyzeText(text, { referenceTime: REF, fastLane }).episodes.map((e) => `${e.kind}:${e.verdict}`);

describe('a quoted-printable mail pasted undecoded', () => {
  it('tells the drop and return the plain log tells', () => {
    assert.deepEqual(stories(qp(log)), stories(log.join('\n') + '\n'));
    assert.deepEqual(stories(qp(log)), ['modem-drop:came-back']);
  });
  it('the fast lane and the full parser read it alike', () => {
    const text = qp(log);
    assert.deepEqual(analyzeText(text, { referenceTime: REF }), analyzeText(text, { referenceTime: REF, fastLane: false }));
  });
  it('without its header, a line ending in `=` is no soft break (a program\'s own `key=`)', () => {
    const a = analyzeText(['Mon Mar  9 14:02:11 2026 daemon.info app[1]: value=', 'Mon Mar  9 14:02:12 2026 daemon.info app[1]: next'].join('\n') + '\n', { referenceTime: REF });
    assert.equal(a.files[0].lines, 2);
    assert.equal(a.files[0].parsedLines, 2);
  });
});
