import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A program that opens the modem's serial port itself refused it because another program holds it
// (EBUSY): blind probe G's Kannel and Home Assistant gateways, on hosts where ModemManager had
// taken the port, had been "no problems found".

const REF = Date.UTC(2025, 3, 10);
const mm = ['Apr 03 09:13:52 gw ModemManager[871]: <info>  ModemManager (version 1.20.0) starting in system bus...', "Apr 03 09:14:06 gw ModemManager[871]: <info>  [device /sys/devices/pci0000:00/0000:00:14.0/usb1/1-2] creating modem with plugin 'huawei' and '3' ports"];
const refusals: [string, string][] = [
  ['Kannel', 'Apr 03 09:14:30 gw bearerbox[1102]: ERROR: AT2[gsm0]: open failed! ERRNO=16'],
  ['smstools', 'Apr 03 09:14:30 gw smsd[2805]: GSM1: Cannot open serial port /dev/ttyUSB2, error: Device or resource busy'],
  ['gammu', "Apr 03 09:14:30 gw hass[811]: ERROR (MainThread) [homeassistant.components.sms.gateway] Failed to initialize, error {'Text': 'Error opening device. Unknown, busy or no permissions.', 'Code': 2}"],
];
const tell = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });

describe("a modem's port another program holds", () => {
  for (const [name, line] of refusals) {
    it(`${name}: its own story, with ModemManager's ignore tag as advice where ModemManager runs`, () => {
      const a = tell([...mm, line, line.replace('09:14:30', '09:15:30')]);
      const story = a.episodes.find((e) => e.kind === 'modem-port-busy');
      assert.ok(story, a.episodes.map((e) => e.kind).join());
      assert.equal(story.confidence, 'medium');
      assert.match(story.advice.join('\n'), /ID_MM_DEVICE_IGNORE/);
    });
  }
  it('without ModemManager in the log, the advice names no ModemManager rule but how to find the holder', () => {
    const a = tell([refusals[1][1]]);
    const advice = a.episodes.find((e) => e.kind === 'modem-port-busy')!.advice.join('\n');
    assert.doesNotMatch(advice, /ID_MM_DEVICE_IGNORE/);
    assert.match(advice, /fuser -v/);
  });
  it('a busy word that is no refusal of a port is none', () => {
    const a = tell(['Apr 03 09:14:30 gw smsd[2805]: GSM1: the port is busy sending an SMS', 'Apr 03 09:14:31 gw app[5]: ERROR: System error 16 while reading the config']);
    assert.ok(!a.findings.some((f) => f.code === 'modem-port-busy'), a.findings.map((f) => f.code).join());
  });
});

// smstools gives up waiting for the registration, or the modem refuses an SMS for want of a
// network (+CMS ERROR 331): blind probe G's gateway without a network had been "no problems found".
describe('a program that says the modem is not registered', () => {
  it('a registration story, not over, whatever program says it', () => {
    for (const line of ['2024-10-08 02:13:51,3, GSM1: Error: Modem is not registered to the network', 'Oct 08 02:10:19 gw smsd[2805]: GSM1: The modem answer was not OK: +CMS ERROR: 331 (No network service)']) {
      const a = tell([line]);
      assert.deepEqual(a.episodes.map((e) => `${e.kind}:${e.verdict}`), ['registration-problem:unresolved'], line);
    }
  });
  it('the check before it, and a registration still being sought, are none', () => {
    const a = tell(['2024-10-08 02:10:30,6, GSM1: Checking if Modem is registered to the network', '2024-10-08 02:10:31,6, GSM1: modem is not registered to the network yet, searching']);
    assert.ok(!a.findings.some((f) => f.code === 'registration-failed'), a.findings.map((f) => f.code).join());
  });
});
