import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';

// The modem's own words in an AT trace, whatever program logs it (catalogue/entries/modemWords.ts):
// the SIM's state (+CPIN), the network taking the data context down (+CGEV and the vendors' codes),
// the registration back, a module's under-voltage. A blind probe's application logs, terminal
// captures and chat scripts had been read 100% and told nothing, or "check the APN" for a SIM PIN.

const REF = Date.UTC(2024, 4, 3);
const at = (lines: [string, string][], program = 'cellmgr'): Analysis =>
  analyzeText(lines.map(([t, m]) => `2024-05-02 ${t},000 INFO ${program}: ${m}`).join('\n') + '\n', { referenceTime: REF });
const stories = (a: Analysis): string[] => a.episodes.map((e) => `${e.kind}:${e.verdict}`);

describe('the modem\'s own words, from any program', () => {
  it('a SIM that wants its PIN, said by the modem through chat -v, is a SIM problem, not the APN', () => {
    const a = analyzeText([
      'Mar 12 10:15:02 raspberrypi chat[501]: send (AT+CPIN?^M)',
      'Mar 12 10:15:02 raspberrypi chat[501]: expect (READY)',
      'Mar 12 10:15:02 raspberrypi chat[501]: +CPIN: SIM PIN^M',
      'Mar 12 10:15:47 raspberrypi chat[501]: alarm',
      'Mar 12 10:15:47 raspberrypi pppd[500]: Connect script failed',
    ].join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(stories(a), ['sim-problem:unresolved']);
    assert.ok(a.episodes[0].steps.some((s) => /SIM PIN/.test(s.text)));
  });

  it('a SIM that waits for its PIN at start-up and is ready within a minute is a note, not a problem', () => {
    const a = at([['10:00:00', '+CPIN: SIM PIN'], ['10:00:02', 'AT+CPIN="****"'], ['10:00:03', '+CPIN: READY'], ['10:00:20', '+CEREG: 0,1']]);
    assert.deepEqual(stories(a), []);
    assert.deepEqual(a.findings.filter((f) => f.code === 'sim-error').map((f) => f.severity), ['info']);
  });

  it('a SIM that wants its PUK gets the PUK\'s advice', () => {
    const a = at([['10:00:20', '+CPIN: SIM PUK'], ['10:05:00', 'AT+COPS?']]);
    assert.deepEqual(stories(a), ['sim-problem:unresolved']);
    assert.match(a.episodes[0].advice[0], /PUK/);
  });

  it('the network taking the data context down, in each vendor\'s words, is a data connection problem; a context activated again ends it', () => {
    for (const urc of ['+CGEV: NW DETACH', '+CGEV: NW PDN DEACT 1', '+QIURC: "pdpdeact",1', '+UUPSDD: 0', '+PDP: DEACT']) {
      const down = at([['09:00:00', '+CEREG: 0,1'], ['09:14:02', urc], ['09:30:00', 'AT+CSQ']]);
      assert.deepEqual(stories(down), ['data-connection-problem:unresolved'], urc);
      for (const up of ['+CGEV: ME PDN ACT 1', '+QIACT: 1,1,1,"10.204.88.12"']) {
        const back = at([['09:00:00', '+CEREG: 0,1'], ['09:14:02', urc], ['09:14:30', up], ['09:30:00', 'AT+CSQ']]);
        assert.deepEqual(stories(back), ['data-connection-problem:recovered'], `${urc}, then ${up}`);
      }
    }
    // The host's own deactivation is no trouble.
    assert.deepEqual(stories(at([['09:14:02', '+CGEV: ME PDN DEACT 1'], ['09:30:00', 'AT+CSQ']])), []);
  });

  it('a registration denied, then the modem\'s own status 1 or 5, is over', () => {
    for (const back of ['+CEREG: 0,1', '+CREG: 0,5', '+CEREG: 1,"00C3","0A1B2C3",7']) {
      const a = at([['09:14:16', '+CEREG: 0,3'], ['09:40:00', back], ['09:50:00', 'AT+CSQ']]);
      assert.deepEqual(stories(a), ['registration-problem:recovered'], back);
    }
    // Searching (2) is no registration.
    assert.deepEqual(stories(at([['09:14:16', '+CEREG: 0,3'], ['09:40:00', '+CEREG: 0,2'], ['09:50:00', 'AT+CSQ']])), ['registration-problem:unresolved']);
  });

  it('a module\'s own under-voltage alarm is a finding of its supply, in SIMCom\'s and Quectel\'s spelling', () => {
    for (const uv of ['UNDER-VOLTAGE WARNNING', 'UNDER-VOLTAGE POWER DOWN', 'UNDER_VOLTAGE POWER DOWN']) {
      const a = at([['10:00:00', uv]], 'gsm');
      assert.deepEqual(a.findings.map((f) => f.code), ['undervoltage'], uv);
    }
  });

  it('a terminal\'s AT conversation (microcom, minicom) is read as one, its lines as the modem said them', () => {
    const capture = (...said: string[]): Analysis => analyzeText(['connected to /dev/ttyUSB2', 'Escape character: Ctrl-\\', 'ATE1', 'OK', 'ATI', 'Quectel', 'EC25', 'Revision: EC25EFAR06A06M4G', '', 'OK', ...said].join('\n') + '\n', { referenceTime: REF });
    const missing = capture('AT+CPIN?', '+CME ERROR: 10', 'AT+CPIN?', '+CPIN: NOT INSERTED', '', 'OK', 'AT+CEREG?', '+CEREG: 0,0', '', 'OK');
    assert.equal(missing.files[0].format, 'at-console');
    assert.ok(missing.files[0].parsedLines * 2 > missing.files[0].lines, 'most lines read');
    assert.deepEqual(stories(missing), ['sim-problem:unresolved']);
    const healthy = capture('AT+CPIN?', '+CPIN: READY', '', 'OK', 'AT+CEREG?', '+CEREG: 0,1', '', 'OK', 'AT+CSQ', '+CSQ: 24,99', '', 'OK');
    assert.deepEqual(stories(healthy), []);
    assert.deepEqual(healthy.findings.filter((f) => f.severity !== 'info'), []);
  });

  it('a modem that keeps searching for a network is a registration problem; one that registers within a minute lost nothing', () => {
    const searching = at([['09:00:00', '+CEREG: 2,"FFFE","FFFFFFFF",7'], ['09:02:00', '+CEREG: 0,2'], ['09:30:00', '+CEREG: 0,2'], ['09:31:00', 'AT+CSQ']]);
    assert.deepEqual(stories(searching), ['registration-problem:unresolved']);
    const starting = at([['09:00:00', '+CEREG: 2,"FFFE","FFFFFFFF",7'], ['09:00:20', '+CEREG: 1,"00C3","0A1B2C3",7'], ['09:31:00', 'AT+CSQ']]);
    assert.deepEqual(stories(starting), []);
  });

  it('a host that resets the radio while the modem keeps searching: the radio\'s off is a note, the search the trouble', () => {
    const a = at([['09:00:00', '+CEREG: 0,2'], ['09:10:00', 'AT+CFUN=4'], ['09:10:01', 'AT+CFUN=1'], ['09:10:05', '+CEREG: 0,2'], ['09:30:00', '+CEREG: 0,2'], ['09:31:00', 'AT+CSQ']]);
    assert.deepEqual(stories(a), ['registration-problem:unresolved']);
    assert.ok(!a.episodes[0].advice.some((x) => /radio off/.test(x)), 'no advice to find what turned the radio off');
    assert.ok(a.findings.some((f) => f.severity === 'info' && /radio is off/.test(f.message) && /radio on again/.test(f.message)));
  });
  it('in a terminal\'s AT conversation, a search the next answer shows registered lost nothing', () => {
    const a = analyzeText(['AT+CEREG?', '+CEREG: 0,2', '', 'OK', 'AT+CEREG?', '+CEREG: 0,1', '', 'OK'].join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(stories(a), []);
  });
});

