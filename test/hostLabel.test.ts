import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeFiles, analyzeText } from '../server/src/core/analyze';
import { adviceStackSentence } from '../server/src/core/report/reportContent';

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
  // Teltonika's gsmd writing only lines no entry reads (its debug chatter) still says RutOS in
  // OpenWrt's logread; under another stamp a `gsmd` tag may be another, older program's.
  it('gsmd\'s lines make a logread file RutOS even when none is read; elsewhere they do not', () => {
    const lines = (stamp: (clock: string) => string) => [`${stamp('10:42:01')} gsmd[1402]: [MODEM] modem0: poll 12`, `${stamp('10:42:02')} netifd: Interface 'wwan' is now down`].join('\n') + '\n';
    assert.equal(analyzeText(lines((c) => `Mon Mar 18 ${c} 2024 daemon.debug`), { referenceTime: REF }).host, 'Teltonika RutOS');
    assert.equal(analyzeText(lines((c) => `Mar 18 ${c} oldphone`), { referenceTime: REF }).host, 'OpenWrt');
    // mobifd is Teltonika's alone, under any stamp.
    assert.equal(analyzeText(`Mar 18 10:42:01 router mobifd: [gsm.modem0] poll 12\n`, { referenceTime: REF }).host, 'Teltonika RutOS');
  });
  it('ModemManager in logread is OpenWrt with ModemManager; in a journal, Linux with ModemManager', () => {
    const line = '<info>  [modem0] state changed (connected -> registered)';
    assert.equal(analyzeText(`Mon Mar 18 10:42:01 2024 daemon.notice [2736]: ${line}\n`, { referenceTime: REF }).host, 'OpenWrt with ModemManager');
    assert.equal(analyzeText(`Mar 18 10:42:01 laptop ModemManager[744]: ${line}\n`, { referenceTime: REF }).host, 'Linux with ModemManager');
  });
});

// Files read together are each their own stack's: a blind probe's OpenWrt log read beside a
// RutOS one had been given RutOS's advice (ping_reboot, mobifd) for its ModemManager modem.
describe('several files read together', () => {
  const usbDrop = (stamp: string): string[] => [
    `${stamp} 10:00:00 2024 kern.info kernel: [ 100.000000] usb 1-1: USB disconnect, device number 2`,
    `${stamp} 10:00:30 2024 kern.info kernel: [ 130.000000] usb 1-1: new high-speed USB device number 3 using xhci-hcd`,
    `${stamp} 10:00:30 2024 kern.info kernel: [ 130.100000] usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18`,
    `${stamp} 10:00:31 2024 kern.info kernel: [ 131.000000] option 1-1:1.2: GSM modem (1-port) converter detected`,
  ];
  const dir = mkdtempSync(join(tmpdir(), 'gsmlens-hosts-'));
  const rutos = join(dir, 'rut.log');
  const openwrt = join(dir, 'owrt.log');
  writeFileSync(rutos, [...usbDrop('Mon Mar 18'), "Mon Mar 18 10:01:00 2024 daemon.notice netifd: Interface 'mob1s1a1' is now up"].join('\n') + '\n');
  writeFileSync(openwrt, [...usbDrop('Tue Mar 19'), 'Tue Mar 19 10:01:00 2024 daemon.info ModemManager[812]: <info>  [modem0] state changed (enabling -> registered)'].join('\n') + '\n');
  it('get each their stack\'s advice, and the report says which file has which', async () => {
    const a = await analyzeFiles([rutos, openwrt], { referenceTime: REF });
    assert.deepEqual(a.hostByFile, { [rutos]: 'Teltonika RutOS', [openwrt]: 'OpenWrt with ModemManager' });
    assert.match(adviceStackSentence(a)!, /Teltonika RutOS for rut\.log, OpenWrt with ModemManager for owrt\.log/);
    const advice = (file: number): string => a.episodes.filter((e) => e.file === file).flatMap((e) => e.advice).join(' ');
    assert.match(advice(0), /mobifd|gsmctl|Teltonika/);
    assert.ok(advice(1).length > 0);
    assert.doesNotMatch(advice(1), /gsmctl|ubus|mobifd|Teltonika/);
  });
  it('of one stack say so once, as one log does', async () => {
    const a = await analyzeFiles([rutos, rutos], { referenceTime: REF });
    assert.equal(a.hostByFile, undefined);
    assert.equal(a.host, 'Teltonika RutOS');
  });
});


// ModemManager's modem number in the advice: the one the trouble's lines name (a blind probe's
// second modem, `[modem1/bearer3]`, had been told to check `mmcli -m 0`, the healthy one).
describe('the ModemManager modem the advice names', () => {
  const failed = (modem: string): string => `Mar 18 10:42:01 gw ModemManager[812]: <warn>  [${modem}/bearer3] connection attempt #1 failed: QMI protocol error (14): 'CallFailed'`;
  const advice = (lines: string[]): string => analyzeText([...lines, 'Mar 18 11:00:00 gw cron[1]: (root) CMD (true)'].join('\n') + '\n', { referenceTime: REF }).episodes.flatMap((e) => e.advice).join(' ');
  it('is the one the lines name', () => {
    assert.match(advice([failed('modem1')]), /mmcli -m 1\b/);
    assert.doesNotMatch(advice([failed('modem1')]), /mmcli -m 0\b/);
  });
  it('is 0, beside "its number from mmcli -L", when the lines name none or two', () => {
    assert.match(advice([failed('modem0'), failed('modem2')]), /mmcli -m 0\b/);
  });
});

describe('ModemManager from the modem-manager snap (Ubuntu Core)', () => {
  // Blind probe N: an Ubuntu Core box had been told `mmcli`, where its own log ran `modem-manager.mmcli`.
  const lines = (tag: string) => [
    `Dec 06 06:12:10 uc-gw ${tag}[690]: <info>  [modem0] state changed (unknown -> locked)`,
    `Dec 06 06:12:10 uc-gw ${tag}[690]: <warn>  [modem0] couldn't initialize: Couldn't check unlock status: SIM not inserted`,
    `Dec 06 06:12:11 uc-gw ${tag}[690]: <info>  [modem0] state changed (locked -> failed)`,
    `Dec 06 06:12:11 uc-gw ${tag}[690]: <info>  [modem0] modem failed: sim-missing`,
    'Dec 06 06:17:04 uc-gw systemd[1]: Started Daily apt download activities.',
  ].join('\n') + '\n';
  for (const tag of ['modem-manager.modemmanager', 'snap.modem-manager.modemmanager.service']) {
    it(`${tag}: the host is named so and its advice writes the snap's commands, with their source`, () => {
      const a = analyzeText(lines(tag), { referenceTime: REF });
      assert.match(a.host ?? '', /ModemManager snap/);
      const advice = a.episodes.flatMap((e) => e.advice).join(' ');
      assert.match(advice, /`modem-manager\.mmcli /);
      assert.doesNotMatch(advice, /(?<![\w.-])mmcli /);
      assert.ok(a.episodes.some((e) => e.sources.includes('X179')));
    });
  }
  it('ModemManager as the distribution packages it: `mmcli` as before', () => {
    const a = analyzeText(lines('ModemManager'), { referenceTime: REF });
    assert.equal(a.host, 'Linux with ModemManager');
    assert.match(a.episodes.flatMap((e) => e.advice).join(' '), /`mmcli /);
  });
});

describe('the modem-manager snap in journalctl -o json, by its unit alone', () => {
  // A blind re-test: SYSLOG_IDENTIFIER is the program's own name; only _SYSTEMD_UNIT says it runs from the snap.
  const entry = (unit: string, message: string) => JSON.stringify({ __REALTIME_TIMESTAMP: '1796638564622000', _HOSTNAME: 'uc-gw', SYSLOG_IDENTIFIER: 'ModemManager', _PID: '690', _SYSTEMD_UNIT: unit, PRIORITY: '6', MESSAGE: message });
  const lines = (unit: string) => [entry(unit, '<info>  [modem0] state changed (unknown -> locked)'), entry(unit, "<warn>  [modem0] couldn't initialize: Couldn't check unlock status: SIM not inserted"), entry(unit, '<info>  [modem0] modem failed: sim-missing')].join('\n') + '\n';
  it('its unit names the host and the snap\'s commands', () => {
    const a = analyzeText(lines('snap.modem-manager.modemmanager.service'), { referenceTime: REF });
    assert.match(a.host ?? '', /ModemManager snap/);
    assert.match(a.episodes.flatMap((e) => e.advice).join(' '), /`modem-manager\.mmcli /);
  });
  it('the distribution\'s unit: plain ModemManager', () => {
    const a = analyzeText(lines('ModemManager.service'), { referenceTime: REF });
    assert.equal(a.host, 'Linux with ModemManager');
  });
});

// The RutOS checklist (knowledge 6) is cited for an advice on RutOS alone: a blind probe's Debian
// PC had been cited "gsmd silence proves little".
describe("one stack's own sources", () => {
  const dataStory = (line: (clock: string) => string) => {
    const text = ['10:00:01', '10:09:01', '10:18:01'].map(line).join('\n') + '\n';
    return analyzeText(text, { referenceTime: REF }).episodes.find((e) => e.kind === 'data-connection-problem');
  };
  it('are cited on that stack and not on another', () => {
    const rutos = dataStory((c) => `Mon Mar 18 ${c} 2024 daemon.notice netifd: Interface 'mob1s1a1' is now down`);
    const linux = dataStory((c) => `Mar 18 ${c} pi NetworkManager[566]: <info>  [1742908020.1682] device (cdc-wdm0): state change: ip-config -> failed (reason 'modem-no-carrier', sys-iface-state: 'managed')`);
    assert.ok(rutos?.sources.includes('KB6'), JSON.stringify(rutos?.sources));
    assert.ok(linux && !linux.sources.includes('KB6'), JSON.stringify(linux?.sources));
  });
});
