import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { ADVICE, pickVariant } from '../server/src/core/catalogue/advice';

// wvdial dials modems alone: the pppd it reports dead ran over a modem, even when pppd's own
// `Connect: ppp0 <--> /dev/ttyUSB0` is before the paste (a blind probe's industrial PC, its link
// lost after 412 minutes and redialled 12 s later, had been told nothing).

const REF = Date.UTC(2025, 2, 5);
const at = (clock: string, rest: string): string => `2025-03-04T${clock}+0100 ipc-line4 ${rest}`;
const DROP = [
  at('14:41:53', 'pppd[1893]: No response to 4 echo-requests'),
  at('14:41:53', 'pppd[1893]: Serial link appears to be disconnected.'),
  at('14:41:56', 'pppd[1893]: Modem hangup'),
  at('14:41:56', 'wvdial[1880]: --> The PPP daemon has died: A modem hung up the phone (exit code = 16)'),
  at('14:41:56', 'wvdial[1880]: --> Auto Reconnect will be attempted in 5 seconds'),
];
const BACK = [at('14:42:05', 'pppd[24630]: Connect: ppp0 <--> /dev/ttyUSB0'), at('14:42:08', 'pppd[24630]: local  IP address 100.78.14.203')];
const data = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: REF }).episodes.filter((e) => e.kind === 'data-connection-problem');

describe("wvdial's report of pppd's end", () => {
  it('is the modem\'s data link lost; redialled and up again, it recovered', () => {
    const told = data([...DROP, ...BACK]);
    assert.equal(told.length, 1);
    assert.equal(told[0].verdict, 'recovered');
    assert.ok(told[0].steps.some((s) => /modem hung up the phone/.test(s.text)));
  });
  it('cut before the redial: not over', () => {
    assert.equal(data(DROP)[0]?.verdict, 'unresolved');
  });
  it("as WvLog writes it, and a refused login: the login's advice", () => {
    const told = data(['WvDial<*1>: The PPP daemon has died: Authentication error.', 'WvDial<*1>: We failed to authenticate ourselves to the peer.', 'WvDial<*1>: Maybe bad account or password? (exit code = 19)']);
    assert.equal(told.length, 1);
    assert.ok(told[0].advice.includes(pickVariant(ADVICE.pppLoginRefused, 'linux')!.text), told[0].advice.join(' | '));
  });
  it('pppd alone, its link\'s device unknown (PPPoE prints the same): no story', () => {
    assert.deepEqual(data(DROP.filter((l) => !l.includes('wvdial'))), []);
  });
});
