import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// The stack the advice is written for, from what the log shows: RutOS's mobile interfaces are
// named for modem, SIM and APN (mob1s1a1) whatever daemon logs beside them; ModemManager on an
// OpenWrt router (logread) is named so. Two blind probes' TRB140 and OpenWrt routers had been
// told "OpenWrt" and "Linux with ModemManager".

const REF = Date.UTC(2024, 5, 1);

describe('the host the advice is written for', () => {
  it('a RutOS mobile interface makes a log RutOS, with no RutOS daemon read', () => {
    const a = analyzeText(['Mon Mar 18 10:42:01 2024 daemon.notice netifd: Interface \'mob1s1a1\' is now down', 'Mon Mar 18 10:42:01 2024 daemon.notice netifd: Interface \'mob1s1a1_4\' is now down'].join('\n') + '\n', { referenceTime: REF });
    assert.equal(a.host, 'Teltonika RutOS');
  });
  it('an OpenWrt interface named by its user stays OpenWrt', () => {
    const a = analyzeText(["Mon Mar 18 10:42:01 2024 daemon.notice netifd: Interface 'wwan' is now down"].join('\n') + '\n', { referenceTime: REF });
    assert.equal(a.host, 'OpenWrt');
  });
  it('ModemManager in logread is OpenWrt with ModemManager; in a journal, Linux with ModemManager', () => {
    const line = '<info>  [modem0] state changed (connected -> registered)';
    assert.equal(analyzeText(`Mon Mar 18 10:42:01 2024 daemon.notice [2736]: ${line}\n`, { referenceTime: REF }).host, 'OpenWrt with ModemManager');
    assert.equal(analyzeText(`Mar 18 10:42:01 laptop ModemManager[744]: ${line}\n`, { referenceTime: REF }).host, 'Linux with ModemManager');
  });
});
