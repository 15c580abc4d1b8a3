import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LogRecord } from '../server/src/core/model';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineParser, MAX_MATCH_CHARS, mayStartWallClock, startsTimedRecord } from '../server/src/core/records/lineParser';
import { reshape, type Shape } from './support/reshape';

type Expect = Partial<Omit<LogRecord, 'time'>> & { time?: string };

/** Parses lines with a fresh parser (reference year 2024) and returns the last record or skip. */
function parseAll(lines: string[], year = 2024): { records: LogRecord[]; skips: string[] } {
  const p = new LineParser({ referenceYear: year });
  const records: LogRecord[] = [];
  const skips: string[] = [];
  lines.forEach((l, i) => {
    const r = p.parse(l, i + 1);
    if (typeof r === 'string') skips.push(r);
    else records.push(r);
  });
  return { records, skips };
}

function check(line: string, expected: Expect): void {
  const { records } = parseAll([line]);
  assert.equal(records.length, 1, `one record for: ${line}`);
  const r = records[0];
  for (const [k, v] of Object.entries(expected)) {
    if (k === 'time') assert.equal(r.time === undefined ? undefined : new Date(r.time).toISOString().slice(0, 19), v, `time of: ${line}`);
    else assert.deepEqual(r[k as keyof LogRecord], v, `${k} of: ${line}`);
  }
}

describe('line formats', () => {
  const cases: [string, string, Expect][] = [
    ['logread with two spaces before the day', 'Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5',
      { format: 'logread', time: '2024-12-02T19:54:59', facility: 'daemon', syslogLevel: 'info', level: 'warn', tag: 'gsmd', pid: 3553 }],
    ['logread with one space and a leading record id', '525 Mon Dec 2 19:54:59 2024 daemon.info gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!',
      { format: 'logread', recordId: 525, level: 'err', tag: 'gsmd', time: '2024-12-02T19:54:59' }],
    ['logread kernel line with both clocks', 'Mon Dec  2 19:57:33 2024 kern.info kernel: [  466.515595] usb 1-1: USB disconnect, device number 6',
      { format: 'logread', tag: 'kernel', uptime: 466.515595, message: 'usb 1-1: USB disconnect, device number 6', time: '2024-12-02T19:57:33' }],
    ['tagless RutOS event', 'Mon Dec  2 19:54:57 2024 kern.info Mobile data disconnected (internal modem)',
      { format: 'logread', tag: undefined, facility: 'kern', message: 'Mobile data disconnected (internal modem)' }],
    ['netifd protocol output', 'Mon Dec  2 19:54:58 2024 daemon.notice netifd: mob1s1a1 (8470): Command failed: Request timed out',
      { tag: 'netifd', level: 'notice', message: 'Command failed: Request timed out', envelope: { iface: 'mob1s1a1', ifacePid: '8470' } }],
    ['ModemManager with an empty tag', 'Sun Feb  9 12:31:48 2025 daemon.info [2656]: <inf> [modem0] all requested bearers disconnected',
      { tag: undefined, pid: 2656, level: 'info' }],
    ['a tag with a space before the pid', 'Sun Jan 19 22:50:04 2025 user.notice pbr [32307]: Reloading routing',
      { tag: 'pbr', pid: 32307, message: 'Reloading routing' }],
    ['logread line without facility.priority', 'Sun May 20 20:17:49 2018 [1560]: <info>  [device',
      { format: 'logread', pid: 1560, facility: undefined, time: '2018-05-20T20:17:49' }],
    ['bare dmesg', '[422506.592997] usb 1-1: USB disconnect, device number 5',
      { format: 'dmesg', uptime: 422506.592997, tag: 'kernel', time: undefined }],
    ['dmesg after a kernel: prefix', 'kernel: [   70.955000] cdc_mbim 1-1.2:1.3: nonzero urb status received: -71',
      { format: 'dmesg', uptime: 70.955 }],
    ['BSD syslog with host', 'Nov 18 19:29:35 pi gammu-smsd[1062]: Already hit 250 errors',
      { format: 'bsd-syslog', host: 'pi', tag: 'gammu-smsd', pid: 1062, time: '2024-11-18T19:29:35' }],
    ['BSD syslog with host and facility', 'May 13 15:11:14 wrt350n local2.info chat[4403]: abort on (BUSY)',
      { format: 'bsd-syslog', host: 'wrt350n', facility: 'local2', tag: 'chat', pid: 4403 }],
    ['BSD kernel line without uptime', 'Dec 30 11:26:01 ca4ae2 kernel: usb 1-5: USB disconnect, device number 52',
      { format: 'bsd-syslog', tag: 'kernel', message: 'usb 1-5: USB disconnect, device number 52' }],
    ['journalctl short in a Spanish locale', 'jun 06 06:00:08 mobian ModemManager[519]: <warn>  [modem0/bearer2] connection attempt #2 failed',
      { format: 'bsd-syslog', tag: 'ModemManager', level: 'warn', time: '2024-06-06T06:00:08' }],
    ['journalctl short-iso', '2024-06-06T06:00:08+0200 mobian ModemManager[519]: <info>  [modem0] state changed',
      { format: 'journal-iso', host: 'mobian', tag: 'ModemManager', time: '2024-06-06T06:00:08' }],
    ['RFC 5424', '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application"] An application event',
      { format: 'rfc5424', host: 'mymachine.example.com', tag: 'evntslog', facility: 'local4', syslogLevel: 'notice', message: 'An application event', time: '2003-10-11T22:14:15' }],
    ['<PRI> prefix keeps only the severity for a non-kernel tag', '<6>May 20 14:22:18 chat[537]: abort on (BUSY)',
      { format: 'bsd-syslog', tag: 'chat', facility: undefined, syslogLevel: 'info' }],
    ['multilog-style ISO line with a level', '2018-08-28 13:58:33.374040500 ERROR    Read error, quitting',
      { format: 'iso-plain', level: 'err', message: 'Read error, quitting', time: '2018-08-28T13:58:33' }],
    // The kernel's `driver device: ` is no `host tag: ` (a kern.log without its host column, dmesg --time-format iso).
    ['a kernel line without a host column', 'Dec  2 19:54:01 usb 1-1: USB disconnect, device number 6',
      { format: 'bsd-syslog', host: undefined, tag: undefined, message: 'usb 1-1: USB disconnect, device number 6' }],
    ['dmesg --time-format iso', '2024-11-01T08:00:01,123456+01:00 usb 1-1.4: USB disconnect, device number 6',
      { format: 'iso-plain', host: undefined, tag: undefined, message: 'usb 1-1.4: USB disconnect, device number 6', time: '2024-11-01T08:00:01' }],
    ['a hub port in dmesg --time-format iso', '2024-11-01T08:00:01,123456+01:00 usb usb4-port1: Cannot enable. Maybe the USB cable is bad?',
      { host: undefined, tag: undefined, message: 'usb usb4-port1: Cannot enable. Maybe the USB cable is bad?' }],
    ['a tty in a kern.log without its host column', 'Dec  2 19:54:01 option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0',
      { host: undefined, tag: undefined, message: 'option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0' }],
    ['a host named like a driver keeps its program', 'Dec  2 19:54:01 usb-gw netifd[12]: Interface \'wan\' is now up',
      { host: 'usb-gw', tag: 'netifd', pid: 12 }],
    // dmesg -x before another option's stamp, or none: the facility and level are read off first.
    ['dmesg -x -T', 'kern  :warn  : [Mon Dec  2 19:54:59 2024] usb 1-1: device not accepting address 7, error -71',
      { format: 'dmesg-T', tag: 'kernel', facility: 'kern', syslogLevel: 'warn', message: 'usb 1-1: device not accepting address 7, error -71', time: '2024-12-02T19:54:59' }],
    ['dmesg -x -H', 'kern  :info  : [  +2.000123] usb 1-1: new high-speed USB device number 7 using ehci-platform',
      { format: 'dmesg-relative', tag: 'kernel', facility: 'kern', syslogLevel: 'info', message: 'usb 1-1: new high-speed USB device number 7 using ehci-platform' }],
    ['dmesg -x -t, a kernel line', 'kern  :err   : usb 1-1: device descriptor read/64, error -71',
      { format: 'stripped', tag: 'kernel', facility: 'kern', syslogLevel: 'err', level: 'err', time: undefined, uptime: undefined }],
    ['dmesg -x -t, a program\'s line in the ring buffer', 'user  :notice: procd: - init -',
      { format: 'stripped', tag: undefined, facility: 'user', syslogLevel: 'notice', message: 'procd: - init -' }],
    ['lsusb output', 'Bus 001 Device 024: ID 05c6:9008', { format: 'lsusb' }],
    ['troubleshoot section header', '[Logfile messages.1]', { format: 'section', message: 'Logfile messages.1' }],
    ['shell output', 'Firmware update verify was unsuccessful... ErrorCode: 174', { format: 'text', message: 'Firmware update verify was unsuccessful... ErrorCode: 174' }],
    ['a clock at 1970', 'Thu Jan  1 00:00:12 1970 kern.info kernel: [   12.000000] usb 1-1: new high-speed USB device number 2 using ehci-platform',
      { format: 'logread', time: '1970-01-01T00:00:12', uptime: 12 }],
  ];
  for (const [name, line, expected] of cases) it(name, () => check(line, expected));

  it('does not take a kernel driver repeated on lines in a row for a host column', () => {
    // Two lines of one driver before a USB device (dmesg --time-format iso, fixture 020 re-told): the
    // second must keep its driver, or its device and the event it tells are lost.
    const p = new LineParser({ referenceYear: 2024 });
    const lines = [
      "2024-12-02T00:14:22,513000+00:00 rndis_host 3-1.5:1.0 usb0: register 'rndis_host' at usb-xhci-hcd.2.auto-1.5, RNDIS device",
      "2024-12-02T00:14:22,519000+00:00 rndis_host 3-1.5:1.0 usb0: unregister 'rndis_host' usb-xhci-hcd.2.auto-1.5, RNDIS device",
    ];
    const records = lines.map((l, i) => p.parse(l, i + 1) as LogRecord);
    for (const r of records) assert.equal(r.host, undefined, r.message);
    assert.match(records[1].message, /^rndis_host 3-1\.5:1\.0 usb0: unregister/);
  });
});

describe('the program after a clock, as templates write it', () => {
  // A template decides how it writes the program: bracketed, after a level word, with or without a
  // pid or a host. Each must give the program and the message alone, or events that are matched
  // by program (a daemon's silence, netifd's `iface (pid): ` envelope) are lost.
  const cases: [string, string, Expect][] = [
    ['a time of day, the program in brackets', '19:54:59 [gsmd] Write to modem failed: errno 5', { format: 'time-only', tag: 'gsmd', message: 'Write to modem failed: errno 5' }],
    ['a BSD date, a level word, the program in brackets', 'Dec  2 19:54:59 INFO [gsmd] Write to modem failed', { tag: 'gsmd', syslogLevel: 'info', message: 'Write to modem failed' }],
    ['a time of day, a lowercase level word, the program in brackets', '19:54:59 info [gsmd] Write failed', { tag: 'gsmd', syslogLevel: 'info', message: 'Write failed' }],
    ['a time of day, level and program each in brackets', '19:54:59 [WARNING] [gsmd] Write failed', { tag: 'gsmd', syslogLevel: 'warn', message: 'Write failed' }],
    ['an ISO date, level and program each in brackets', '2024-12-02 19:54:59 [INFO] [gsmd] Write failed', { format: 'iso-plain', tag: 'gsmd', message: 'Write failed' }],
    ['a bracketed level word alone is no program', '19:54:59 [error] something broke', { tag: undefined, message: '[error] something broke' }],
    ['an ISO date and a known program without a pid', '2024-12-02 19:54:53 netifd: mob1s1a1 (8470): Command failed: Request timed out', { format: 'iso-plain', tag: 'netifd', envelope: { iface: 'mob1s1a1', ifacePid: '8470' }, message: 'Command failed: Request timed out' }],
    ['an ISO date and a kernel device: no program', '2024-12-02T19:54:59,000000+00:00 wwan0: carrier lost', { format: 'iso-plain', tag: undefined, message: 'wwan0: carrier lost' }],
    ['a bracketed ISO date, a host and a program with its pid', '[2024-12-02 19:54:59] router gsmd[3553]: Write failed', { host: 'router', tag: 'gsmd', pid: 3553, message: 'Write failed' }],
    ['a bracketed ISO date, a host and a known program', '[2024-12-02 19:54:59] router netifd: Interface \'mob1s1a1\' is now down', { host: 'router', tag: 'netifd', message: 'Interface \'mob1s1a1\' is now down' }],
    ['a level word where journalctl writes its host is the level, not a host', '2024-12-02T19:54:59+0100 INFO gsmd[3553]: Write failed', { format: 'iso-plain', host: undefined, tag: 'gsmd', pid: 3553, level: 'info', message: 'Write failed' }],
    ['a level word after a BSD date is the level, not a host', 'Dec  2 19:54:59 ERROR pppd[9626]: Connection terminated.', { format: 'bsd-syslog', host: undefined, tag: 'pppd', syslogLevel: 'err', message: 'Connection terminated.' }],
    ['a level word with no program after it stays the message\'s', 'Dec  2 19:54:59 ERROR connection refused by peer', { tag: undefined, message: 'ERROR connection refused by peer' }],
    ['a place in an application\'s code is no host and program', '2024-12-30 00:01:30.909417 ERROR    modem.py:9 init: - preinit -', { host: undefined, tag: undefined, message: 'modem.py:9 init: - preinit -' }],
  ];
  for (const [name, line, expected] of cases) it(name, () => check(line, expected));

  it('a first word shown as a host before a program is the host of a line without one', () => {
    const { records } = parseAll(['[2024-12-02 19:50:39] router gsmd[3553]: Modem registered', '[2024-12-02 19:50:40] router Mobile data connected (IPv4, internal modem)']);
    assert.equal(records[1].host, 'router');
    assert.equal(records[1].tag, undefined);
    assert.equal(records[1].message, 'Mobile data connected (IPv4, internal modem)');
  });
});

describe('JSON lines', () => {
  const cases: [string, string, Expect][] = [
    ['journald writes a field that is not UTF-8 as its bytes', JSON.stringify({ __REALTIME_TIMESTAMP: '1733169299000000', SYSLOG_IDENTIFIER: 'gsmd', MESSAGE: [...Buffer.from('modem gone')] }),
      { format: 'json-lines', tag: 'gsmd', message: 'modem gone', time: '2024-12-02T19:54:59' }],
    ['a time in seconds since 1970, a level word', '{"ts":1733169299.5,"level":"WARNING","program":"chat","pid":537,"msg":"abort on (BUSY)"}',
      { format: 'json-lines', tag: 'chat', pid: 537, level: 'warn', message: 'abort on (BUSY)', time: '2024-12-02T19:54:59' }],
    ['a time in milliseconds', '{"time":1733169299000,"message":"SIM state changed to inserted"}',
      { format: 'json-lines', tag: undefined, time: '2024-12-02T19:54:59' }],
    ['the uptime of a kernel line only', '{"__REALTIME_TIMESTAMP":"1733169299000000","SYSLOG_IDENTIFIER":"gsmd","_SOURCE_MONOTONIC_TIMESTAMP":"466515595","MESSAGE":"x"}',
      { uptime: undefined }],
    // A device's name before a colon is no program in place of the JSON's.
    ['the JSON\'s program over a guessed one', '{"SYSLOG_IDENTIFIER":"kernel","MESSAGE":"wwan0: renamed from usb0"}',
      { tag: 'kernel', message: 'wwan0: renamed from usb0' }],
    // A shipper's copy of a syslog line: its fields; the JSON's time over the line's (yearless) stamp.
    ['a syslog line inside', '{"time":"2023-12-02T19:54:59Z","log":"Dec  2 19:54:59 rut901 gsmd[3553]: Unable to initialize\\n"}',
      { tag: 'gsmd', pid: 3553, host: 'rut901', message: 'Unable to initialize', time: '2023-12-02T19:54:59' }],
  ];
  for (const [name, line, expected] of cases) it(name, () => check(line, expected));

  it('hands JSON.parse only text that can be an object (a failed parse throws, and costs microseconds a line)', () => {
    const parse = JSON.parse;
    let calls = 0;
    JSON.parse = ((...a: Parameters<typeof JSON.parse>) => (calls++, parse(...a))) as typeof JSON.parse;
    try {
      parseAll(['*', 'Device 1 gone', '  indented text', '{ block of C code', 'daemon.info netifd: stripped', '[{"a":1}]', '{"MESSAGE":"x"']);
      assert.equal(calls, 0);
      parseAll(['{"MESSAGE":"x"}']);
      assert.equal(calls, 1);
    } finally {
      JSON.parse = parse;
    }
  });

  it('gives each key one role', async () => {
    const { JSON_FIELDS } = await import('../server/src/core/formats/jsonLines');
    const keys = Object.values(JSON_FIELDS).flat();
    assert.deepEqual(keys, [...new Set(keys)]);
  });

  it('keeps the level an envelope gives, as the same line in syslog keeps it (and so does dmesg -x before -T)', () => {
    const level = (line: string): string | undefined => (parseAll([line]).records[0] as LogRecord).level;
    const mm = "<warn>  [modem0] couldn't load network timezone";
    assert.equal(level(`Dec  2 19:54:59 router daemon.info ModemManager[519]: ${mm}`), 'warn');
    assert.equal(level(JSON.stringify({ PRIORITY: '6', SYSLOG_IDENTIFIER: 'ModemManager', _PID: '519', MESSAGE: mm })), 'warn');
    assert.equal(level(JSON.stringify({ PRIORITY: '6', log: `Dec  2 19:54:59 router ModemManager[519]: ${mm}` })), 'warn');
    assert.equal(level('kern  :info  : [  12.500000] <3>usb 1-1: device descriptor read/64, error -71'), 'err');
    assert.equal(level('kern  :info  : [Mon Dec  2 19:54:59 2024] <3>usb 1-1: device descriptor read/64, error -71'), 'err');
  });

  it('leaves JSON that is not a log line, or not JSON at all, to the other formats', () => {
    for (const line of ['{"status":"ok"}', '{"MESSAGE": 12}', '{"MESSAGE":"cut', '[1, 2, 3]', '{}']) {
      const { records } = parseAll([line]);
      assert.ok(records.every((r) => r.format !== 'json-lines'), line);
    }
  });
});

describe('rows of a table exported from a log aggregator or a spreadsheet', () => {
  const disconnect = 'usb 1-1: USB disconnect, device number 6';
  const cases: [string, string, Expect][] = [
    ['tab-separated: time, host, program, message', `2024-12-02 19:54:59\trouter\tkernel\t${disconnect}`,
      { host: 'router', tag: 'kernel', message: disconnect, time: '2024-12-02T19:54:59' }],
    ['one name column is the program', `2024-12-02 19:54:59\tgsmd[3553]\tUnable to initialize`,
      { host: undefined, tag: 'gsmd', pid: 3553, message: 'Unable to initialize' }],
    ['level, facility.level and pid columns, an empty one', `2024-12-02 19:54:59\trouter\tdaemon.err\t-\tgsmd\t3553\tmodem lost`,
      { host: 'router', facility: 'daemon', syslogLevel: 'err', tag: 'gsmd', pid: 3553, message: 'modem lost' }],
    ['a third name starts the message', `2024-12-02 19:54:59\trouter\tgsmd\tmodem\tlost`,
      { host: 'router', tag: 'gsmd', message: 'modem\tlost' }],
    ['no program column: the message leads with it', `2024-12-02 19:54:59\tINFO\tkernel: ${disconnect}`,
      { tag: 'kernel', message: disconnect, level: 'info' }],
    ['printed with bars', `2024-12-02 19:54:59.123 | router | netifd | Interface 'wan' is now down`,
      { host: 'router', tag: 'netifd', message: "Interface 'wan' is now down", time: '2024-12-02T19:54:59' }],
    ['a bar inside the message stays', `2024-12-02 19:54:59 | router | sh | logread | grep gsmd`,
      { tag: 'sh', message: 'logread | grep gsmd' }],
    ['CSV, quoted, a quote doubled inside', `"2024-12-02T19:54:59Z","router","gsmd","say ""AT"", then wait"`,
      { host: 'router', tag: 'gsmd', message: 'say "AT", then wait', time: '2024-12-02T19:54:59' }],
    ['CSV without quotes keeps the commas of its message', `2024-12-02 19:54:59,router,kernel,${disconnect}`,
      { host: 'router', tag: 'kernel', message: disconnect }],
    ['CSV with a yearless BSD date', `"Dec  2 19:54:59","router","kernel","${disconnect}"`,
      { tag: 'kernel', message: disconnect, time: '2024-12-02T19:54:59' }],
    ['a host column that is an address or starts with a digit', `2024-12-02 19:54:59\t192.168.1.1\tkernel\t${disconnect}`,
      { host: '192.168.1.1', tag: 'kernel', message: disconnect }],
    ['semicolons, as a spreadsheet in a German locale saves CSV, its own date', `02.12.2024 19:54:59;8e98fe4;info;ModemManager;transaction 0x2 aborted, but message is not abortable`,
      { host: '8e98fe4', tag: 'ModemManager', syslogLevel: 'info', message: 'transaction 0x2 aborted, but message is not abortable', time: '2024-12-02T19:54:59' }],
    ['a table copied from a page as text: its columns two spaces or more apart', `2024-12-02 19:54:59.000  router  kernel    ${disconnect}`,
      { host: 'router', tag: 'kernel', message: disconnect, time: '2024-12-02T19:54:59' }],
    ['one space after the clock is a log line, whatever spaces its message holds', `2024-12-02 19:54:59 router ModemManager[519]: <info>  [modem0] state changed (registered -> connecting)`,
      { host: 'router', tag: 'ModemManager', pid: 519, message: 'state changed (registered -> connecting)' }],
    ['semicolons, a column quoted for the semicolon in it', `"02.12.2024 19:54:59";router;netifd;"Interface ""wan"" is down; retrying"`,
      { host: 'router', tag: 'netifd', message: 'Interface "wan" is down; retrying' }],
  ];
  for (const [name, line, expected] of cases) it(name, () => check(line, expected));

  it("a syslog server's row whose message is the router's own line (Kiwi: date, time, priority, host, message)", () => {
    check('2024-12-02\t19:55:00\tKernel.Info\t192.168.1.1\tDec  2 19:54:59 kernel: [  303.102113] usb 1-1: USB disconnect, device number 5', { format: 'bsd-syslog', host: '192.168.1.1', tag: 'kernel', facility: 'kern', uptime: 303.102113, message: 'usb 1-1: USB disconnect, device number 5', time: '2024-12-02T19:54:59' });
    // The router's yearless stamp takes the server's year, not the file's (2024 here, the parser's reference year 2023).
    const { records } = parseAll(['2024-12-02\t19:55:00\tDaemon.Warning\trouter\tDec  2 19:54:59 gsmd[3553]: Modem is not responding'], 2023);
    assert.equal(new Date(records[0].time!).toISOString(), '2024-12-02T19:54:59.000Z');
    assert.deepEqual([records[0].host, records[0].tag, records[0].facility, records[0].syslogLevel], ['router', 'gsmd', 'daemon', 'warn']);
  });

  it('a header row with semicolons names the columns of the rows after it', () => {
    const { records } = parseAll(['Date;Host;Message', `02.12.2024 19:54:59;router;${disconnect}`]);
    const row = records[records.length - 1];
    assert.equal(row.format, 'table');
    assert.equal(row.host, 'router');
    assert.equal(row.message, disconnect);
  });

  it('a header row with the date and the time of day in columns of their own reads them as one time', () => {
    const { records } = parseAll(['Date,Time,Host,Program,Message', `2024-12-02,19:54:59,router,kernel,"${disconnect}"`]);
    const row = records[records.length - 1];
    assert.deepEqual([row.format, row.host, row.tag, row.message, new Date(row.time!).toISOString()], ['table', 'router', 'kernel', disconnect, '2024-12-02T19:54:59.000Z']);
  });

  it('a header row is no record with a clock, and a line of text with commas is no row', () => {
    const { records } = parseAll(['"@timestamp","host","program","message"', 'Modem is gone, retrying in 5 s, attempt 3']);
    assert.ok(records.every((r) => r.time === undefined && r.tag === undefined), JSON.stringify(records));
  });

  it('a header row names the columns: any order, the message first, a syslog line inside it (Splunk\'s _raw)', () => {
    const tsv = parseAll(['Message\tTimestamp\tSource', 'Modem is not responding\t2024-12-02T19:54:59Z\trouter']).records;
    assert.deepEqual(tsv.slice(-1).map((r) => [r.format, r.message, r.host, new Date(r.time!).toISOString()]), [['table', 'Modem is not responding', 'router', '2024-12-02T19:54:59.000Z']]);
    const splunk = parseAll(['"_time","host","source","_raw"', '"2024-12-02T19:54:59.000+0100","rut901","/var/log/messages","Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: Unable to initialize"']).records;
    const r = splunk[splunk.length - 1];
    assert.deepEqual([r.format, r.tag, r.pid, r.host, r.message], ['table', 'gsmd', 3553, 'rut901', 'Unable to initialize']);
  });

  it('a line of prose that names a time and a message is a header only if every column is a name; a row needs its time', () => {
    const { records } = parseAll(['Time, message', 'Modem is gone, retrying in 5 s', 'Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: Unable, to initialize']);
    assert.equal(records[1].format, 'text');
    assert.deepEqual([records[2].format, records[2].tag, records[2].message], ['logread', 'gsmd', 'Unable, to initialize']);
  });

  it('a space-separated syslog line is read as before, not as columns', () => {
    check('2024-12-02T19:54:59+01:00 router gsmd[3553]: modem lost | retry', { host: 'router', tag: 'gsmd', pid: 3553, message: 'modem lost | retry' });
  });
});

describe('what a paste puts before each line', () => {
  const line = 'Mon Dec  2 19:54:59 2024 kern.info kernel: [  100.123456] usb 1-1: USB disconnect, device number 6';
  const record = { tag: 'kernel', uptime: 100.123456, message: 'usb 1-1: USB disconnect, device number 6', time: '2024-12-02T19:54:59' };
  const cases: [string, string, Expect][] = [
    ['a Markdown code block (four spaces)', `    ${line}`, record],
    ['a tab', `\t${line}`, record],
    ['a Markdown list', `- ${line}`, record],
    ['a bullet', `• ${line}`, record],
    ['a numbered list', `12. ${line}`, { ...record, recordId: 12 }],
    ['a numbered list with a parenthesis', `3) ${line}`, { ...record, recordId: 3 }],
    ['an indented line without a clock', '    gsmd[3553]: Modem is not responding', { tag: 'gsmd', pid: 3553, message: 'Modem is not responding' }],
    ['indented dmesg', '    [  100.123456] usb 1-1: USB disconnect, device number 6', { uptime: 100.123456, tag: 'kernel' }],
  ];
  for (const [name, text, expected] of cases) it(name, () => check(text, expected));

  it("cat -n's number before every line: a record's wrapped lines stay its text, and each record has its number", () => {
    const { records, skips } = parseAll([
      `    11\tDec  2 19:54:50 router ModemManager[771]: <wrn> [modem0] modem couldn't be`,
      '    12\t    initialized: SIM not inserted',
      `    13\t${line}`,
      '    14\tModemManager[771]: <inf> [modem0] state changed (enabling -> registered)',
    ]);
    assert.deepEqual(skips, ['continuation']);
    assert.match(records[0].message, /couldn't be initialized: SIM not inserted$/);
    assert.deepEqual(records.map((r) => r.recordId), [11, 13, 14]);
    assert.equal(records[2].tag, 'ModemManager');
  });

  it('an indented number and a time of day are the rest of a wrapped date, not a line number and a clock', () => {
    const { records, skips } = parseAll([
      'Mon Dec  2 19:54:59 2024 kern.notice kernel: [    0.000000] Linux version 6.12.74 #0 Wed Mar',
      '    25 20:09:53 2026',
    ]);
    assert.equal(records.length, 1);
    assert.deepEqual(skips, ['continuation']);
  });

  it('wrapped text indented under its record stays its text, a time of day in it too', () => {
    const { records, skips } = parseAll([
      'Mon Dec  2 19:54:59 2024 daemon.notice netifd: provider (9858): comgt',
      '    12:02:15 -> Error @118, line 9, Could not write to COM device. (1)',
    ]);
    assert.equal(records.length, 1);
    assert.deepEqual(skips, ['continuation']);
    assert.match(records[0].message, /comgt 12:02:15 -> Error @118/);
  });
});

describe("grep's file name before each line (grep -H, grep -r, zgrep)", () => {
  const line = 'Mon Dec  2 19:54:59 2024 kern.info kernel: [  100.123456] usb 1-1: USB disconnect, device number 6';
  const record = { tag: 'kernel', uptime: 100.123456, message: 'usb 1-1: USB disconnect, device number 6', time: '2024-12-02T19:54:59' };
  const cases: [string, string, Expect][] = [
    ['a name without a dot', `messages:${line}`, record],
    ['a path with dashes and a line number (-n)', `/tmp/rut-901_logs/system.log:4521:${line}`, { ...record, recordId: 4521 }],
    ['a context line of -C with -n', `rut-901.log-4522-${line}`, { ...record, recordId: 4522 }],
    ['a context line of -C without -n', `system.log.1-${line}`, record],
    ["a Windows path (findstr's or grep's on Windows)", `C:\\logs\\system.log:12:${line}`, { ...record, recordId: 12 }],
    ['a BSD syslog line', 'messages:Dec  2 19:54:59 ca4ae2 kernel: usb 1-1: USB disconnect, device number 52', { host: 'ca4ae2', tag: 'kernel', message: 'usb 1-1: USB disconnect, device number 52' }],
    ['a clockless line with its pid', 'modem.log:ModemManager[771]: <wrn> [modem0] connection attempt failed', { tag: 'ModemManager', pid: 771 }],
  ];
  for (const [name, text, expected] of cases) it(name, () => check(text, expected));

  it("PowerShell's Select-String with context: `> ` before a match, two spaces before a context line", () => {
    const { records } = parseAll([`  system.log:40:${line}`, `> system.log:41:${line}`, `  C:\\logs\\messages:7:${line}`]);
    assert.deepEqual(records.map((r) => [r.format, r.tag, r.recordId]), [['logread', 'kernel', 40], ['logread', 'kernel', 41], ['logread', 'kernel', 7]]);
  });

  it("a record's wrapped lines, blank lines and grep's `--` keep their meaning once the name is known", () => {
    const { records, skips } = parseAll([
      `system.log:40:Mon Dec  2 19:54:50 2024 daemon.err gsmd[3553]: Modem couldn't be`,
      'system.log-41-    initialized: SIM not inserted',
      'system.log-42-',
      '--',
      `system.log:90:${line}`,
    ]);
    assert.equal(records.length, 2);
    assert.deepEqual(skips, ['continuation', 'blank', 'elision']);
    assert.match(records[0].message, /be initialized: SIM not inserted$/);
    assert.equal(records[1].uptime, 100.123456);
  });

  it('reads no name before a program\'s own `tag: ` (a space after the colon), nor prose with colons', () => {
    check('gsmd: Mon Dec  2 19:54:59 2024 is when it started', { tag: 'gsmd', message: 'Mon Dec  2 19:54:59 2024 is when it started' });
    const { records } = parseAll(['note:foo: see the modem', 'Ticket-4521-see above']);
    assert.deepEqual(records.map((r) => r.format), ['text', 'text']);
  });
});

describe("a capture tool's stamp before a whole line of the log", () => {
  const line = 'Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5';
  const record: Expect = { format: 'logread', tag: 'gsmd', pid: 3553, time: '2024-12-02T19:54:59' };
  const cases: [string, string, Expect][] = [
    ["tio's time of day", `[19:55:00.123] ${line}`, record],
    ["tio's ISO 8601", `[2024-12-02T19:55:00.123] ${line}`, record],
    ["moreutils' ts", `Dec 02 19:55:00 ${line}`, record],
    ["minicom's", `[2024-12-02 19:55:00] ${line}`, record],
    ['docker logs -t', `2024-12-02T19:55:00.123456789Z ${line}`, record],
    ['a syslog line without a year', `[19:55:00.123] Dec  2 19:54:59 router gsmd[3553]: Modem is not responding`, { format: 'bsd-syslog', host: 'router', tag: 'gsmd', time: '2024-12-02T19:54:59' }],
    ["a LuCI copy in a browser's locale", `[19:55:00.123] [7 de maig 2026, 13:07:01 CEST] kern.info: [   12.500000] usb 1-1: USB disconnect, device number 2`, { format: 'luci', tag: 'kernel', uptime: 12.5, time: '2026-05-07T13:07:01' }],
  ];
  for (const [name, text, expected] of cases) it(name, () => check(text, expected));

  it("keeps the capture's clock where the line has none of its own, or a time of day alone", () => {
    // A kernel console: the printk stamp is the capture record's envelope, as before.
    check('[2024-12-02 19:55:00.123] [   12.345678] usb 1-1: USB disconnect, device number 2', { uptime: 12.345678, message: 'usb 1-1: USB disconnect, device number 2', time: '2024-12-02T19:55:00' });
    check('2024-12-02T19:55:00Z 19:54:59 gsmd[3553]: Modem is not responding', { tag: 'gsmd', time: '2024-12-02T19:55:00' });
  });

  it("reads Loki's labels before a line without a clock of its own as its host, program and level, and the line's own program first", () => {
    // promtail's journal scrape ships the message alone; its labels say the rest, by a JSON line's keys.
    check('2025-12-29T13:47:10.372Z {host="router", unit="ModemManager.service"} <warn>  [modem0] registration in network failed: Network timeout',
      { format: 'iso-plain', host: 'router', tag: 'ModemManager', level: 'warn', message: 'registration in network failed: Network timeout', time: '2025-12-29T13:47:10' });
    check('2025-12-29T13:47:10.372Z {hostname="gw", level="error", app="cellmgr"} SIM card not detected', { host: 'gw', tag: 'cellmgr', level: 'err', message: 'SIM card not detected' });
    // A syslog scrape's line names its program; `job` names the scrape, not a program.
    check('2025-12-29T13:47:10.372Z {host="router", job="syslog"} ModemManager[33505]: <wrn> [modem0] registration failed', { host: 'router', tag: 'ModemManager', pid: 33505, level: 'warn', message: 'registration failed' });
    check('2025-12-29T13:47:10.372Z {job="syslog"} Mobile data disconnected (internal modem)', { tag: undefined, message: 'Mobile data disconnected (internal modem)' });
    // A label that names the program outweighs a word and a colon the program wrote (a blind probe's
    // pppd under `app`, whose link's device was lost with the line); its own name with a pid is the line's.
    check('2025-03-06T14:00:03+01:00 {app="pppd", level="notice"} Connect: 3g-wan <--> /dev/ttyUSB2', { tag: 'pppd', level: 'notice', message: 'Connect: 3g-wan <--> /dev/ttyUSB2' });
    check('2025-03-06T14:00:03+01:00 {app="syslog"} pppd[1203]: Connect: 3g-wan <--> /dev/ttyUSB2', { tag: 'pppd', pid: 1203, message: 'Connect: 3g-wan <--> /dev/ttyUSB2' });
    // A printk level after the labels is the kernel's message's, not a syslog priority before a stamp.
    check('2024-05-05T16:04:59.000Z {app="kernel", host="router"} <0>Internal error: Oops: 817 [#1] PREEMPT SMP', { tag: 'kernel', host: 'router', level: 'emerg', message: 'Internal error: Oops: 817 [#1] PREEMPT SMP' });
  });

  it('reads no capture in a line whose header has more than a stamp, or in a message that only starts with a number', () => {
    check('Mon Dec  2 19:54:59 2024 daemon.info [2656]: Mon Dec  2 19:54:58 2024 said the modem', { format: 'logread', pid: 2656, message: 'Mon Dec  2 19:54:58 2024 said the modem' });
    check('2024-12-02 19:54:59 12 bytes sent to the modem', { format: 'iso-plain', message: '12 bytes sent to the modem' });
  });

  it('the quick test before a nested read misses no line that has a wall clock of its own (fixtures and their re-tellings)', () => {
    const dir = join(__dirname, 'fixtures', 'real');
    const texts = readdirSync(dir).filter((n) => n.endsWith('.log')).map((n) => readFileSync(join(dir, n), 'utf8'));
    const shapes: Shape[] = ['bsd-host', 'bsd-nohost', 'rfc5424', 'journal-short-iso', 'journal-short-precise', 'journal-short-full', 'journal-short-unix', 'dmesg-iso', 'logread-t', 'logread-ids', 'luci', 'luci-en-gb', 'luci-en-us', 'dashes-us', 'dashes-eu', 'dmesg-x-T', 'time-only', 'time-only-bracketed', 'iso-zone-name', 'bracketed-program', 'iso-named', 'iso-levelled', 'iso-levelled-bracketed', 'bracketed-iso-host', 'export-tsv', 'export-bars'];
    let timed = 0;
    for (const text of texts) {
      const lines = [...text.split('\n'), ...shapes.flatMap((shape) => reshape(text, shape, { referenceYear: 2024 }).split('\n'))];
      for (const locale of ['pl', 'de'] as const) lines.push(...reshape(text, 'dmesg-T-foreign', { referenceYear: 2024, locale }).split('\n'));
      for (const l of lines) {
        if (!startsTimedRecord(l)) continue;
        const r = new LineParser({ referenceYear: 2024 }).parse(l, 1);
        if (typeof r === 'string' || r.time === undefined) continue;
        timed++;
        assert.ok(mayStartWallClock(l, 0, l.length), `missed: ${l}`);
      }
    }
    assert.ok(timed > 10_000, `${timed} lines with a wall clock`);
  });
});

describe('lines a terminal cut at its width', () => {
  const line = 'Mon Dec  2 19:54:59 2024 kern.info kernel: [  100.123456] usb 1-1: USB disconnect, device number 6';

  it('joins the text cut at column 80 without a space: the cut fell inside a word', () => {
    const { records, skips } = parseAll([line.slice(0, 80), line.slice(80)]);
    assert.deepEqual(skips, ['continuation']);
    assert.equal(records[0].message, 'usb 1-1: USB disconnect, device number 6');
  });

  it('joins a line of another width with a space, as a mail wraps at one', () => {
    const cut = line.lastIndexOf(' ', 79);
    const { records } = parseAll([line.slice(0, cut), line.slice(cut + 1)]);
    assert.equal(records[0].message, 'usb 1-1: USB disconnect, device number 6');
  });
});

describe('paste artefacts and bad input', () => {
  it('strips mail quoting, backticks and markdown italics', () => {
    check('> Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: hello', { format: 'logread', tag: 'gsmd', message: 'hello' });
    check('`Mon Jan 22 21:49:48 2024 daemon.notice wansensing: L2Main.lua: check`', { format: 'logread', tag: 'wansensing', message: 'L2Main.lua: check' });
    check('_[   11.427013] kmodloader: done', { format: 'dmesg', uptime: 11.427013 });
  });
  it('keeps the backticks of a pair the text holds, where a wrap leaves one at a line\'s end or start', () => {
    // gsmd quotes its modem's port in backticks; a terminal's cut can fall right after the pair, or before it.
    const { records } = parseAll([
      'Mon Dec  2 19:57:40 2024 daemon.info gsmd[3553]: [__get_port_name:388] error: Failed to get cmd serial port name for `1-1 [2c7c:6005]`',
      '    modem in',
      '`/sys/bus/usb/devices/1-1:1.3` dir!',
    ]);
    assert.equal(records[0].message, '[__get_port_name:388] error: Failed to get cmd serial port name for `1-1 [2c7c:6005]` modem in `/sys/bus/usb/devices/1-1:1.3` dir!');
  });
  it('takes the line after a terminal\'s cut as its rest, even one a paste\'s marks would read otherwise', () => {
    // A line 80 characters wide, then at the margin what a quote, a document's brackets or an elision looks like.
    const head = 'Jun 06 13:45:46 jantar ModemManager[771]: <msg> [modem0] state changed (locked -';
    assert.equal(head.length, 80);
    for (const [rest, message] of [['> failed)', 'state changed (locked -> failed)'], [']', 'state changed (locked -]'], ['...', 'state changed (locked -...']]) {
      const { records, skips } = parseAll([head, rest]);
      assert.deepEqual(skips, ['continuation'], rest);
      assert.equal(records[0].message, message);
    }
    // A forum's quote after an unquoted line that happens to be as wide: a quoted record of its own.
    const { records } = parseAll([head, '> Jun 06 13:45:47 jantar ModemManager[771]: <info> [modem0] state changed (failed -> disabled)']);
    assert.equal(records.length, 2);
    // A quoted word a space put after the margin (` "30s"`): the paste's rules unquote such a line, the join keeps the space and the quotes.
    const wait = 'Jan 16 08:39:55.000000 router mobifd: [gsm.modem0] SIM not detected, waiting for';
    assert.equal(wait.length, 80);
    assert.equal(parseAll([wait, ' "30s"']).records[0].message, '[gsm.modem0] SIM not detected, waiting for "30s"');
    // The cut fell right after a backtick that opens a pair: the backtick is the text's.
    const cut = 'Mon Dec  2 19:57:41 2024 daemon.err gsmd[3553]: [__setup:902] error: Failed on `';
    assert.equal(cut.length, 80);
    assert.equal(parseAll([cut, '1-1 [2c7c:6005]` modem!']).records[0].message, '[__setup:902] error: Failed on `1-1 [2c7c:6005]` modem!');
  });
  it('reads a Markdown code fence, with or without its language, as no text of the log', () => {
    const { records, skips } = parseAll(['```log', 'Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: hello', '```', '```text', 'Mon Dec  2 19:55:00 2024 daemon.info gsmd[3553]: again', '```']);
    assert.deepEqual(records.map((r) => r.message), ['hello', 'again']);
    assert.deepEqual(skips, ['blank', 'blank', 'blank', 'blank']);
  });
  it('handles CRLF and NUL bytes', () => {
    check('Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: hel\0lo\r', { tag: 'gsmd', message: 'hello' });
  });
  it('counts blank lines, elisions and binary junk instead of inventing records', () => {
    const { records, skips } = parseAll(['', '   ', '...', '... (repeats multiple times)', '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010\u0011\u0012 junk']);
    assert.equal(records.length, 0);
    assert.deepEqual(skips, ['blank', 'blank', 'elision', 'elision', 'binary']);
  });
  it('joins mail-wrapped continuation lines to their record', () => {
    const { records, skips } = parseAll([
      "Sun May 20 20:17:50 2018 daemon.warn [1560]: <warn>  Modem couldn't be",
      'initialized: Couldn\'t check unlock status: SIM not inserted',
      'Sun May 20 20:17:50 2018 [1560]: <info>  Modem: state',
    ]);
    assert.equal(records.length, 2);
    assert.deepEqual(skips, ['continuation']);
    assert.match(records[0].message, /Modem couldn't be initialized: Couldn't check unlock status: SIM not inserted$/);
    assert.equal(records[0].endLine, 2);
  });
  it('joins a line hard-wrapped with a trailing backslash, with or without a clock', () => {
    for (const head of ['daemon.notice netifd: provider (9858): comgt', 'Mon Dec  2 19:54:59 2024 daemon.notice netifd: provider (9858): comgt']) {
      const { records, skips } = parseAll([`${head} -> Error @118, line 9, Could not \\`, '  write to COM device. (1)', 'daemon.notice pppd[9873]: pppd 2.4.7 started']);
      assert.deepEqual(skips, ['continuation'], head);
      assert.equal(records.length, 2);
      assert.match(records[0].message, /Could not write to COM device\. \(1\)$/);
      assert.equal(records[0].endLine, 2);
    }
  });
  it('keeps a backslash that ends a path, and a new timed record after a backslash, as their own lines', () => {
    assert.equal(parseAll(['daemon.info app[1]: saved to C:\\', 'daemon.info app[1]: next']).records.length, 2);
    assert.equal(parseAll(['Mon Dec  2 19:54:59 2024 daemon.info app[1]: a \\', 'Mon Dec  2 19:55:00 2024 daemon.info app[1]: b']).records.length, 2);
  });
  it('does not join a line after a blank line', () => {
    const { records } = parseAll(['Mon Dec  2 19:54:59 2024 daemon.info gsmd[3553]: a', '', 'root@router:~# dfota -u']);
    assert.equal(records.length, 2);
    // A command typed at a prompt starts its output's section, the command read as a line of its own.
    assert.equal(records[1].format, 'section');
    assert.equal(records[1].message, 'dfota -u');
    assert.equal(records[1].command, true);
  });
  it('rolls a yearless log over from December to January', () => {
    const { records } = parseAll(['Dec 31 23:59:58 host app: a', 'Jan  1 00:00:01 host app: b'], 2023);
    assert.equal(new Date(records[0].time!).toISOString().slice(0, 10), '2023-12-31');
    assert.equal(new Date(records[1].time!).toISOString().slice(0, 10), '2024-01-01');
  });
  it('rejects impossible dates as timestamps', () => {
    check('Mon Dec 32 25:61:00 2024 daemon.info x: y', { format: 'text' });
  });
  // The timeout guards against catastrophic backtracking (a hang), it does not measure speed.
  it('parses a 100,000-character junk line without hanging', { timeout: 10_000 }, () => {
    const { records } = parseAll(['Mon Dec  2 19:54:59 2024 daemon.info x[1]: ' + '[a'.repeat(50_000), '['.repeat(100_000), '<1>'.repeat(30_000)]);
    assert.equal(records.length, 3);
  });
});

// Found by `npm run fuzz` (seed 1113414340): a log whose lines are cut by lone CRs left 12,000
// clockless pieces that each continued the record before. Each join rescanned the growing message,
// so 400 KB took 5 s and 2 MB did not finish. A record is matched on its first MAX_MATCH_CHARS, as a
// line is: past that, continuation lines are counted but not joined.
describe('a record continued by thousands of lines', () => {
  for (const [what, first, next] of [
    ['mail-wrapped', 'Mon Dec  2 19:54:59 2024 daemon.notice netifd: Interface wan is', '] user.notice: pbr [9755]: Check the output of nft -c -f /var/run/pbr.nft'],
    ['backslash-continued', 'Mon Dec  2 19:54:59 2024 daemon.notice netifd: Interface wan is \\', '   going down because of the carrier, said the modem again \\'],
  ] as const) {
    it(`${what}: keeps a bounded message and counts every line`, () => {
      const p = new LineParser({ referenceYear: 2024 });
      const record = p.parse(first, 1) as LogRecord;
      assert.equal(typeof record, 'object');
      const n = 20_000;
      for (let i = 2; i <= n; i++) assert.equal(p.parse(next, i), 'continuation');
      assert.equal(record.endLine, n, 'the record spans every line it continues');
      assert.ok(record.message.length <= MAX_MATCH_CHARS + next.length + 1, `message of ${record.message.length} characters`);
      assert.ok(record.message.startsWith('Interface wan is'), record.message.slice(0, 40));
    });
  }
});
