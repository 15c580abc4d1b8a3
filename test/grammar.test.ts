import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { INITIAL, loadGrammar } from './support/grammar';

// The TextMate grammar as VS Code runs it: vscode-textmate with the Oniguruma WASM engine.
const ROOT = join(__dirname, '..');
let grammar: IGrammar;

before(async () => {
  grammar = await loadGrammar(join(ROOT, 'syntaxes', 'routerlog.tmLanguage.json'), 'source.routerlog');
});

/** The scopes (without the root) of the token that covers `text` at its first place in the line. */
function scopesOf(line: string, text: string, from = 0): string {
  const at = line.indexOf(text, from);
  assert.ok(at >= 0, `"${text}" is in the line`);
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  const t = tokens.find((tok) => tok.startIndex <= at && tok.endIndex > at)!;
  return t.scopes.slice(1).join(' ');
}

/** Each part of the line, with a scope fragment it must carry. */
function check(line: string, parts: [text: string, scope: string][]): void {
  let from = 0;
  for (const [text, scope] of parts) {
    const scopes = scopesOf(line, text, from);
    assert.ok(scopes.includes(scope), `"${text}" should be ${scope}, is "${scopes}"`);
    from = line.indexOf(text, from);
  }
}

describe('router log grammar', () => {
  it('scopes every part of a RutOS gsmd line', () => {
    check('525 Mon Dec 2 19:54:59 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5', [
      ['525', 'constant.numeric.line-number'], ['Mon Dec 2 19:54:59 2024', 'constant.numeric.date'], ['daemon', 'storage.type.facility'],
      ['info', 'token.info-token'], ['gsmd', 'entity.name.function.program'], ['3553', 'constant.numeric.pid'], ['__write', 'entity.name.function.location'],
      ['1300', 'constant.numeric.line'], ['warning', 'token.warn-token'], ['CMM', 'entity.name.tag.subsystem'], ['1-1', 'variable.other.usb-path'],
      ['2c7c:6005', 'constant.other.usb-id'], ['errno', 'keyword.other.errno'], ['5', 'constant.numeric.errno'],
    ]);
  });

  it('scopes priorities by level', () => {
    check('Mon Dec  2 19:55:05 2024 daemon.err mobifd: [gsm.modem0] GSM error', [['err', 'token.error-token']]);
    check('Mon Dec  2 19:55:05 2024 kern.crit kernel: [   1.000000] x', [['crit', 'token.error-token']]);
    check('Mon Dec  2 19:55:05 2024 kern.warn kernel: [   1.000000] x', [['warn', 'token.warn-token']]);
    check('Mon Dec  2 19:55:05 2024 daemon.debug x[1]: y', [['debug', 'token.debug-token']]);
    check('Mon Dec  2 19:55:05 2024 daemon.info gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem', [['error', 'token.error-token']]);
  });

  it('scopes kernel lines: uptime, USB path, interface, tty', () => {
    check('Mon Dec  2 19:57:33 2024 kern.info kernel: [  466.515595] usb 1-1: USB disconnect, device number 6', [['kernel', 'entity.name.function.program.kernel'], ['466.515595', 'constant.numeric.uptime'], ['1-1', 'variable.other.usb-path'], ['6', 'constant.numeric']]);
    check("[  618.127355] cdc_ether 1-1:1.0 usb0: register 'cdc_ether' at usb-101c0000.ehci-1, CDC Ethernet Device, 02:4b:b3:b9:eb:e5", [['618.127355', 'constant.numeric.uptime'], ['1-1', 'variable.other.usb-path'], ['1.0', 'constant.numeric.usb-interface'], ['usb0', 'variable.other.interface'], ["'cdc_ether'", 'string.quoted.single'], ['02:4b:b3:b9:eb:e5', 'constant.other.mac-address']]);
    check('[  618.146901] usb 1-1: GSM modem (1-port) converter now attached to ttyUSB1', [['ttyUSB1', 'variable.other.device']]);
    check('kernel: [   70.955000] cdc_mbim 1-1.2:1.3: nonzero urb status received: -71', [['kernel', 'entity.name.function.program.kernel'], ['70.955000', 'constant.numeric.uptime'], ['1-1.2', 'variable.other.usb-path']]);
  });

  it('scopes a program as templates write it: in brackets after a time of day or a bracketed level, after a level word', () => {
    check('19:54:59 [gsmd] Write failed', [['19:54:59', 'constant.numeric.date'], ['gsmd', 'entity.name.function.program']]);
    check('2024-12-02 19:54:59 [INFO] [gsmd] Write failed', [['INFO', 'token.info-token'], ['gsmd', 'entity.name.function.program']]);
    // A level word where the host would stand is no host.
    check('Dec  2 19:54:59 ERROR pppd[9626]: Connection terminated.', [['ERROR', 'keyword.other.level'], ['pppd', 'entity.name.function.program'], ['9626', 'constant.numeric.pid']]);
  });

  it('scopes interfaces, addresses, strings and durations in messages', () => {
    check("Mon Dec  2 19:54:57 2024 daemon.notice netifd: Interface 'mob1s1a1' is now down", [['mob1s1a1', 'variable.other.interface']]);
    check('Sun Jan 19 22:50:02 2025 daemon.notice netifd: wwan (32288): udhcpc: lease of 192.168.20.238 obtained, lease time 3599', [['192.168.20.238', 'constant.numeric.ipv4']]);
    check('Sun Jan 19 22:50:04 2025 daemon.info avahi-daemon[3849]: address fe80::daec:e5ff:fe63:18ca.', [['fe80::daec:e5ff:fe63:18ca', 'constant.numeric.ipv6']]);
    check('Mon Jan 22 21:49:50 2024 daemon.warn mobiled: Data session setup attempt for PDN 0 failed with error "Network failure"', [['"Network failure"', 'string.quoted.double']]);
    check('Mon Jan 22 21:49:50 2024 daemon.info x[1]: Delaying retry by 30s', [['30s', 'constant.numeric.duration']]);
  });

  it('scopes the other formats', () => {
    check('[Logfile messages.1]', [['[Logfile messages.1]', 'markup.heading.section']]);
    // tail -n +1 / head over several files: the name before each file's lines.
    check('==> /var/log/messages.1 <==', [['==> /var/log/messages.1 <==', 'markup.heading.section']]);
    check('[422506.592997] usb 1-1: USB disconnect, device number 5', [['422506.592997', 'constant.numeric.uptime']]);
    check('May 13 15:11:14 wrt350n local2.info chat[4403]: abort on (BUSY)', [['May 13 15:11:14', 'constant.numeric.date'], ['wrt350n', 'entity.name.section.host'], ['local2', 'storage.type.facility'], ['chat', 'entity.name.function.program'], ['4403', 'constant.numeric.pid']]);
    check('Nov 18 19:29:35 pi gammu-smsd[1062]: Already hit 250 errors', [['pi', 'entity.name.section.host'], ['gammu-smsd', 'entity.name.function.program']]);
    check('<6>May 20 14:22:18 chat[537]: abort on (BUSY)', [['<6>', 'constant.numeric.priority-code'], ['chat', 'entity.name.function.program']]);
    check('jun 06 06:00:08 mobian ModemManager[519]: <warn>  [modem0/bearer2] connection attempt #2 failed', [['jun 06 06:00:08', 'constant.numeric.date'], ['ModemManager', 'entity.name.function.program'], ['warn', 'token.warn-token']]);
    check('2024-06-06T06:00:08+0200 mobian ModemManager[519]: <info>  [modem0] state changed', [['2024-06-06T06:00:08+0200', 'constant.numeric.date'], ['mobian', 'entity.name.section.host'], ['519', 'constant.numeric.pid']]);
    check('Thu 2024-06-06 06:00:08 CEST mobian ModemManager[519]: <info>  [modem0] state changed', [['Thu 2024-06-06 06:00:08 CEST', 'constant.numeric.date'], ['mobian', 'entity.name.section.host'], ['ModemManager', 'entity.name.function.program'], ['519', 'constant.numeric.pid']]);
    check('1717653608.000001 mobian ModemManager[519]: <info>  [modem0] state changed', [['1717653608.000001', 'constant.numeric.date'], ['mobian', 'entity.name.section.host'], ['ModemManager', 'entity.name.function.program'], ['519', 'constant.numeric.pid']]);
    check('<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3"] An application event', [['165', 'constant.numeric.priority-code'], ['2003-10-11T22:14:15.003Z', 'constant.numeric.date'], ['mymachine.example.com', 'entity.name.section.host'], ['evntslog', 'entity.name.function.program'], ['ID47', 'entity.name.tag.msgid'], ['[exampleSDID@32473 iut="3"]', 'meta.structured-data']]);
    check('2018-08-28 13:58:33.374040500 ERROR    Read error, quitting', [['2018-08-28 13:58:33.374040500', 'constant.numeric.date'], ['ERROR', 'token.error-token']]);
    // dmesg --time-format iso (a comma, a zone) and Python's logging (a comma, no level word after the stamp).
    check('2024-11-01T08:00:01,123456+01:00 usb 1-1: USB disconnect, device number 6', [['2024-11-01T08:00:01,123456+01:00', 'constant.numeric.date'], ['1-1', 'variable.other.usb-path']]);
    // dmesg -x (facility and level decoded) and dmesg -d (the time since the message before).
    check('kern  :err   : [  466.515595] usb 1-1: device descriptor read/64, error -71', [['kern', 'storage.type.facility'], ['err', 'token.error-token'], ['466.515595', 'constant.numeric.uptime'], ['1-1', 'variable.other.usb-path']]);
    // One JSON object per line: the program, the host and the time of the keys the registry reads, and the message's own highlights.
    check('{"__REALTIME_TIMESTAMP":"1733169299000000","_HOSTNAME":"router","SYSLOG_IDENTIFIER":"kernel","PRIORITY":"3","MESSAGE":"usb 1-1: device descriptor read/64, error -71"}', [['1733169299000000', 'constant.numeric.date'], ['router', 'entity.name.section.host'], ['kernel', 'entity.name.function.program'], ['1-1', 'variable.other.usb-path']]);
    // dmesg -x with -T's date, or with no stamp (-t).
    check('kern  :info  : [Mon Dec  2 19:54:59 2024] usb 1-1: USB disconnect, device number 6', [['kern', 'storage.type.facility'], ['info', 'token.info-token'], ['19:54:59', 'constant.numeric.date'], ['1-1', 'variable.other.usb-path']]);
    check('kern  :err   : usb 1-1: device descriptor read/64, error -71', [['kern', 'storage.type.facility'], ['err', 'token.error-token'], ['1-1', 'variable.other.usb-path']]);
    check('[  466.515595 <    0.000123>] usb 1-1: USB disconnect', [['466.515595', 'constant.numeric.uptime'], ['0.000123', 'constant.numeric.delta'], ['1-1', 'variable.other.usb-path']]);
    check('[  +2.000123] usb 1-1: new high-speed USB device number 7', [['+2.000123', 'constant.numeric.delta'], ['1-1', 'variable.other.usb-path']]);
    // The kernel's driver and device are no host and program (lineParser's KERNEL_DEVICE).
    check('Dec  2 19:54:01 usb 1-1: USB disconnect, device number 6', [['Dec  2 19:54:01', 'constant.numeric.date'], ['1-1', 'variable.other.usb-path']]);
    for (const line of ['Dec  2 19:54:01 usb 1-1: USB disconnect', '2024-11-01T08:00:01,123456+01:00 usb usb4-port1: Cannot enable', 'Dec  2 19:54:01 option1 ttyUSB0: GSM modem (1-port) converter now disconnected']) {
      assert.ok(!scopesOf(line, line.split(' ').find((w) => /^(?:usb|option1)$/.test(w))!).includes('host'), `no host in: ${line}`);
    }
    check('2024-12-02 19:54:59,123 - modem - INFO - Modem connected', [['2024-12-02 19:54:59,123', 'constant.numeric.date']]);
    assert.ok(!scopesOf('2024-12-02 19:54:59 ERRORS are words', 'ERRORS').includes('token.error-token'), 'a level word is a whole word');
    // OpenWrt's ModemManager (no tag, a pid), pbr's spaced pid, a host then facility.level.
    check('Sun Feb  9 12:31:48 2025 daemon.info [2656]: <inf> [modem0] processing', [['Sun Feb  9 12:31:48 2025', 'constant.numeric.date'], ['2656', 'constant.numeric.pid'], ['inf', 'token.info-token']]);
    check('Sun Jan 19 22:50:04 2025 user.notice pbr [32307]: Reloading routing', [['pbr', 'entity.name.function.program'], ['32307', 'constant.numeric.pid']]);
    check('May 13 15:11:13 wrt350n daemon.notice pppd[4396]: pppd 2.4.4 started', [['wrt350n', 'entity.name.section.host'], ['daemon', 'storage.type.facility'], ['pppd', 'entity.name.function.program'], ['4396', 'constant.numeric.pid']]);
    // journalctl -o short-delta, -o json-seq (a record separator first), -o json-sse (`data: `).
    check('[ 1234.567890 <    0.000123>] raspberrypi ModemManager[519]: <info>  [modem0] state changed', [['1234.567890', 'constant.numeric.uptime'], ['0.000123', 'constant.numeric.delta'], ['raspberrypi', 'entity.name.section.host'], ['ModemManager', 'entity.name.function.program'], ['519', 'constant.numeric.pid']]);
    for (const lead of ['\u001e', 'data: ']) {
      check(`${lead}{"__REALTIME_TIMESTAMP":"1733169299000000","_HOSTNAME":"router","SYSLOG_IDENTIFIER":"kernel","MESSAGE":"usb 1-1: device descriptor read/64, error -71"}`, [['1733169299000000', 'constant.numeric.date'], ['router', 'entity.name.section.host'], ['kernel', 'entity.name.function.program'], ['1-1', 'variable.other.usb-path']]);
    }
    // Zephyr: the time since boot (past a day too), its level and module.
    check('[27:46:40.001,000] <err> modem_cellular: Modem did not respond on ttyUSB2', [['27:46:40.001,000', 'constant.numeric.uptime'], ['err', 'token.error-token'], ['modem_cellular', 'entity.name.function.program'], ['ttyUSB2', 'variable.other.device']]);
    check('[00:00:12.500,123] <wrn> lte_lc: Network registration status: searching', [['00:00:12.500,123', 'constant.numeric.uptime'], ['wrn', 'token.warn-token'], ['lte_lc', 'entity.name.function.program']]);
    // adb logcat -v time and -v brief.
    check('12-02 19:54:59.123 E/RILJ    ( 1234): [UNSL]< UNSOL_RESPONSE_RADIO_STATE_CHANGED', [['12-02 19:54:59.123', 'constant.numeric.date'], ['E', 'token.error-token'], ['RILJ', 'entity.name.function.program'], ['1234', 'constant.numeric.pid']]);
    check('W/QC-QMI  ( 1021): qmi_client: modem is down', [['W', 'token.warn-token'], ['QC-QMI', 'entity.name.function.program'], ['1021', 'constant.numeric.pid']]);
    assert.ok(!scopesOf('I/O error (5): no logcat line', 'O error').includes('program'), 'a pid logcat pads to five');
    // Numeric dates with a year of four digits or two, and milliseconds since 1970.
    check('02.12.2024 19:54:59 router gsmd[3553]: hello', [['02.12.2024 19:54:59', 'constant.numeric.date'], ['router', 'entity.name.section.host'], ['gsmd', 'entity.name.function.program'], ['3553', 'constant.numeric.pid']]);
    check('12/2/24 7:54:59 PM daemon.info gsmd[3553]: hello', [['12/2/24 7:54:59 PM', 'constant.numeric.date'], ['daemon', 'storage.type.facility'], ['info', 'token.info-token'], ['gsmd', 'entity.name.function.program']]);
    check('1733169299123 gsmd[3553]: Modem is not responding', [['1733169299123', 'constant.numeric.date'], ['gsmd', 'entity.name.function.program']]);
    // A level word before the line's clock: the level coloured, the line after it as alone.
    check('[ERROR] 2024-12-02 19:54:59 gsmd[3553]: Modem is not responding', [['ERROR', 'token.error-token'], ['2024-12-02 19:54:59', 'constant.numeric.date'], ['gsmd', 'entity.name.function.program'], ['3553', 'constant.numeric.pid']]);
    check('WARN Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: x', [['WARN', 'token.warn-token'], ['Mon Dec  2 19:54:59 2024', 'constant.numeric.date'], ['daemon', 'storage.type.facility'], ['gsmd', 'entity.name.function.program']]);
    // A facility.level where a host may stand is no host.
    assert.ok(!scopesOf('Dec  2 19:54:59 daemon.info gsmd[3553]: hello', 'daemon').includes('host'), 'daemon.info is no host');
    check('Bus 001 Device 024: ID 05c6:9008', [['Bus', 'keyword.other.lsusb'], ['05c6:9008', 'constant.other.usb-id']]);
    check('Firmware update verify was unsuccessful... ErrorCode: 174', [['174', 'constant.numeric.errno']]);
  });

  it('tokenizes every line of the RUT901 excerpt and sample with structure', () => {
    const excerpt = readFileSync(join(ROOT, 'test', 'fixtures', 'excerpts', '01-rut901-ec200a-modem-update-stuck.log'), 'utf8').split('\n');
    const sample = readFileSync(join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), 'utf8').split('\n');
    for (const line of [...excerpt, ...sample].filter((l) => /^\d* ?[A-Z][a-z]{2} [A-Z][a-z]{2}/.test(l))) {
      const { tokens } = grammar.tokenizeLine(line, INITIAL);
      assert.ok(tokens.some((t) => t.scopes.some((s) => s.startsWith('constant.numeric.date'))), `date in: ${line}`);
      assert.ok(tokens.some((t) => t.scopes.some((s) => s.startsWith('storage.type.facility'))), `facility in: ${line}`);
    }
  });

  it('colours a line after what a paste or a tool puts before it as it colours the line alone', () => {
    // The leads the parser takes off (lineParser's paste artefacts, grep's and cat -n's, a container's
    // service): after each, every token of the line must carry the scopes it carries alone.
    const LEADS = ['> ', '> > ', '    ', '\t', '- ', '* ', '     12\t', '12: ', 'messages:', '/tmp/rut-901_logs/system.log:12:', 'C:\\logs\\router.log:', 'syslog-ng-1  | ', 'kmsg-1 | ', '[pod/router-7d9f8/syslog] '];
    const files = [join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), ...readdirSync(join(ROOT, 'test', 'fixtures', 'real')).filter((n) => n.endsWith('.log')).map((n) => join(ROOT, 'test', 'fixtures', 'real', n))];
    const scoped = (line: string, from: number): string[] => {
      const out: string[] = [];
      for (const t of grammar.tokenizeLine(line, INITIAL).tokens) for (let i = Math.max(t.startIndex, from); i < Math.min(t.endIndex, line.length); i++) out.push(t.scopes.join(' '));
      return out;
    };
    let compared = 0;
    for (const file of files) {
      for (const line of readFileSync(file, 'utf8').split(/\r?\n/).slice(0, 200)) {
        // A line the grammar reads a header in (its first character scoped), not one a lead starts already.
        const alone = grammar.tokenizeLine(line, INITIAL).tokens[0];
        if (line.length === 0 || line.length > 2000 || alone.scopes.length < 2 || alone.scopes.some((s) => s.startsWith('meta.lead'))) continue;
        const expected = scoped(line, 0);
        for (const lead of LEADS) {
          assert.deepEqual(scoped(lead + line, lead.length), expected, `${JSON.stringify(lead)} before: ${line}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 10_000, `lines compared: ${compared}`);
  });

  // The timeout guards against catastrophic backtracking (a hang); speed is measured by npm run bench.
  it('tokenizes huge and junk lines without hanging', { timeout: 20_000 }, () => {
    const lines = [
      'Mon Dec  2 19:54:59 2024 daemon.info x[1]: ' + 'a:'.repeat(50_000),
      '['.repeat(100_000),
      '1'.repeat(100_000),
      'f'.repeat(20_000) + ':' + '0'.repeat(20_000),
      Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 95))).join(''),
      '"'.repeat(50_000) + "'".repeat(50_000),
    ];
    for (const l of lines) {
      const { tokens } = grammar.tokenizeLine(l, INITIAL);
      assert.ok(tokens.length >= 1);
    }
  });
});
