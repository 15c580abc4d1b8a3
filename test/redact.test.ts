import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { runRedact } from '../server/src/cli/redactCommand';
import { Redactor, type RedactionKind } from '../server/src/core/redact/redact';

// Redaction is what lets a user post a troubleshoot log in a public thread instead of the
// private form Teltonika asks for; a value that slips through is a leak, a timestamp or USB id
// that is eaten makes the log useless. Both directions are tested with real-looking lines.

// Copies of ../shared (fixtures/real and knowledge/excerpts) live in the repository.
const REAL = join(__dirname, 'fixtures', 'real');
const EXCERPTS = join(__dirname, 'fixtures', 'excerpts');

interface MustGo {
  kind: RedactionKind;
  /** The secret substrings, each of which must be gone from the output. */
  values: string[];
  line: string;
}

// IMEIs below carry a valid Luhn check digit; the IMSIs do not (otherwise a bare one reads as an IMEI).
const MUST_GO: MustGo[] = [
  // IMEI
  { kind: 'IMEI', values: ['860123456789014'], line: 'info(0.31s): {"manuf": "Quectel", "model": "EG06-E", "imei": "860123456789014", "revision": "EG06ELAR04A20M4G"}' },
  { kind: 'IMEI', values: ['352099001761481'], line: 'Mon Dec  2 19:50:11 2024 daemon.info gsmd[3553]: IMEI: 352099001761481' },
  { kind: 'IMEI', values: ['490154203237518'], line: '490154203237518' }, // gsmctl -i prints it bare
  { kind: 'IMEI', values: ['867112034567896'], line: '+CGSN: 867112034567896' },
  { kind: 'IMEI', values: ['356938035643809'], line: "  -------------------------\n  Hardware |   equipment id: '356938035643809'" },
  { kind: 'IMEI', values: ['35209900176148'], line: 'imei=35209900176148' }, // labelled, 14 digits without the check digit
  // IMSI
  { kind: 'IMSI', values: ['246012345678901'], line: 'get_sim_info(0.08s): {"imsi": "246012345678901", "operator": "Telia LT"}' },
  { kind: 'IMSI', values: ['310260123456789'], line: 'IMSI: 310260123456789' },
  { kind: 'IMSI', values: ['262011234567890'], line: 'Tue Mar 11 08:02:17 2025 daemon.info mobifd[2211]: [mob1s1a1] IMSI changed to: 262011234567890' },
  { kind: 'IMSI', values: ['246021234567890'], line: '+CIMI: 246021234567890' },
  { kind: 'IMSI', values: ['246012345678902'], line: "Wed Jun 26 16:38:39 2024 daemon.debug [2234]: <dbg> >>>>>>   SubscriberId = '246012345678902'" },
  // ICCID
  { kind: 'ICCID', values: ['8937201234567890123'], line: 'get_iccid(0.12s): {"iccid": "8937201234567890123"}' },
  { kind: 'ICCID', values: ['89370012345678901234'], line: '+QCCID: 89370012345678901234' },
  { kind: 'ICCID', values: ['8944500312345678901F', '8944500312345678901'], line: 'iccid: 8944500312345678901F' },
  { kind: 'ICCID', values: ['89014103211118510720'], line: 'Tue Mar 11 08:02:17 2025 daemon.notice mobifd[2211]: [mob1s1a1] Saving new ICCID of SIM card 89014103211118510720' },
  { kind: 'ICCID', values: ['8937201234567890124'], line: ">>>>>>   SimIccId = '8937201234567890124'" },
  // Serial numbers, labelled only
  { kind: 'SERIAL', values: ['1101234567'], line: 'sn: 1101234567' },
  { kind: 'SERIAL', values: ['MPY22B21A0123'], line: 'get_serial(0.05s): {"serial": "MPY22B21A0123"}' },
  { kind: 'SERIAL', values: ['6001234567'], line: 'Serial number: 6001234567' },
  { kind: 'SERIAL', values: ['MPY22B21A0456'], line: 'Mon Dec  2 19:50:11 2024 daemon.info gsmd[3553]: [__get_serial:412] debug: [MODEM] Model Serial => MPY22B21A0456' },
  { kind: 'SERIAL', values: ['eaf2b337'], line: '[ 6659.214324] usb 2-1.3: SerialNumber: eaf2b337' },
  { kind: 'SERIAL', values: ['1109876543'], line: "\toption serial '1109876543'" },
  { kind: 'SERIAL', values: ['0123456789ABCDEF'], line: '  iSerial                 3 0123456789ABCDEF' },
  // MAC addresses
  { kind: 'MAC', values: ['00:1E:42:12:34:56'], line: 'mac: 00:1E:42:12:34:56' },
  { kind: 'MAC', values: ['001E42654321'], line: 'mac: 001E42654321' },
  { kind: 'MAC', values: ['82:94:84:97:63:53'], line: "[422514.507485] qmi_wwan 1-1:1.4 wwan0: register 'qmi_wwan' at, WWAN/QMI device, 82:94:84:97:63:53" },
  { kind: 'MAC', values: ['f0:2f:74:1c:33:8a'], line: 'Mon Dec  2 19:51:16 2024 daemon.info dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.145 f0:2f:74:1c:33:8a laptop' },
  { kind: 'MAC', values: ['00-1E-42-AB-CD-EF'], line: 'Client 00-1E-42-AB-CD-EF connected' },
  { kind: 'MAC', values: ['001e.4212.3457'], line: 'neighbour 001e.4212.3457 on Gi0/1' },
  {
    kind: 'MAC',
    values: ['00:1e:42:12:34:56', 'f0:2f:74:1c:33:8a', '85.206.3.4'],
    line: 'Mon Dec  2 20:00:00 2024 kern.warn kernel: [ 1234.567890] REJECT wan in: IN=wwan0 OUT= MAC=00:1e:42:12:34:56:f0:2f:74:1c:33:8a:08:00 SRC=85.206.3.4 DST=100.64.1.2 LEN=60 PROTO=TCP SPT=443 DPT=50000',
  },
  // Public IPv4
  { kind: 'IPV4', values: ['85.206.12.34', '85.206.12.1'], line: 'Mon Dec  2 19:50:40 2024 daemon.notice netifd: mob1s1a1 (4521): udhcpc: lease of 85.206.12.34 obtained from 85.206.12.1, lease time 7200' },
  { kind: 'IPV4', values: ['142.250.180.206'], line: 'Address 1: 142.250.180.206' },
  { kind: 'IPV4', values: ['78.56.12.34', '78.56.12.255'], line: 'inet addr:78.56.12.34  Bcast:78.56.12.255  Mask:255.255.255.0' },
  { kind: 'IPV4', values: ['198.51.100.23'], line: 'Mon Dec  2 20:01:00 2024 authpriv.warn dropbear[9981]: Bad password attempt for \'root\' from 198.51.100.23:52122' },
  { kind: 'IPV4', values: ['85.206.1.2'], line: 'ping 85.206.1.2.' },
  // Public IPv6
  { kind: 'IPV6', values: ['2a00:1450:400d:806::200e'], line: 'Address 2: 2a00:1450:400d:806::200e' },
  { kind: 'IPV6', values: ['2001:db8:abcd:12::1'], line: 'Mon Dec  2 19:50:41 2024 daemon.notice netifd: mob1s1a1_6 (4600): odhcp6c: address 2001:db8:abcd:12::1/64' },
  { kind: 'IPV6', values: ['2a02:0db8:85a3:0000:0000:8a2e:0370:7334'], line: 'inet6 2a02:0db8:85a3:0000:0000:8a2e:0370:7334 scope global' },
  // Phone numbers
  { kind: 'PHONE', values: ['+37061234567'], line: '  Status   |    own number: +37061234567' },
  { kind: 'PHONE', values: ['+370 612 34567'], line: 'Mon Dec  2 19:58:02 2024 user.notice sms_utils: SMS from +370 612 34567 received at 19:58:01' },
  { kind: 'PHONE', values: ['+447911123456'], line: 'read_sms(0.20s): {"index": 0, "number": "+447911123456", "text": "hi"}' },
  { kind: 'PHONE', values: ['861234567'], line: 'Sender: 861234567' },
  { kind: 'PHONE', values: ['+37069912345'], line: '+CNUM: "","+37069912345",145' },
  { kind: 'PHONE', values: ['0612345678'], line: "\toption phone_number '0612345678'" },
  // E-mail
  { kind: 'EMAIL', values: ['john.doe@example.com'], line: 'Mon Dec  2 20:00:00 2024 user.notice email_to_sms: sent to john.doe@example.com' },
  { kind: 'EMAIL', values: ['router-alerts@company.lt'], line: "\toption senderemail 'router-alerts@company.lt'" },
  // Passwords, keys, PINs, tokens
  { kind: 'SECRET', values: ['S3cret!'], line: "\toption password 'S3cret!'" },
  { kind: 'SECRET', values: ['abcdef1234567890'], line: "\toption key 'abcdef1234567890'" },
  { kind: 'SECRET', values: ['4321'], line: "\toption pincode '4321'" },
  { kind: 'SECRET', values: ['SuperSecret123'], line: 'wpa_passphrase=SuperSecret123' },
  { kind: 'SECRET', values: ['hunter2'], line: '{"username": "admin", "password": "hunter2"}' },
  { kind: 'SECRET', values: ['p4ssw0rd'], line: 'passwd: p4ssw0rd' },
  { kind: 'SECRET', values: ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'], line: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl' },
  { kind: 'SECRET', values: ['yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk='], line: 'PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=' },
  { kind: 'SECRET', values: ['xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg='], line: "\toption private_key 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg='" },
  { kind: 'SECRET', values: ['gN65BkIKy1eCE9pP1wdc8ROUtkHLF2PfAqYdO4fJ4Ek='], line: 'peer: gN65BkIKy1eCE9pP1wdc8ROUtkHLF2PfAqYdO4fJ4Ek=' },
  { kind: 'SECRET', values: ['5678'], line: 'Thu Dec 22 16:18:43 2016 daemon.notice netifd: wan3g (1063): sending -> AT+CPIN=5678' },
  { kind: 'SECRET', values: ['12345678', '8765'], line: 'sending -> AT+CPIN="12345678","8765"' },
  { kind: 'SECRET', values: ['apnpass'], line: 'AT+CGAUTH=1,1,"user","apnpass"' },
  { kind: 'SECRET', values: ['hunter3'], line: 'uqmi -s -d /dev/cdc-wdm0 --start-network internet --auth-type pap --username u --password hunter3' },
  { kind: 'SECRET', values: ['2468'], line: 'uqmi -s -d /dev/cdc-wdm0 --verify-pin1 2468' },
  { kind: 'SECRET', values: ['pa55'], line: 'sshfs mount ftp://user:pa55@files.example.com/fw failed' },
  { kind: 'SECRET', values: ['0123456789abcdef0123456789abcdef'], line: '{"ubus_rpc_session": "0123456789abcdef0123456789abcdef"}' },
  { kind: 'SECRET', values: ['k-123456'], line: 'api_key: "k-123456"' },
  { kind: 'SECRET', values: ['9f8e7d6c5b4a'], line: 'psk=9f8e7d6c5b4a' },
  { kind: 'SECRET', values: ['Zm9vYmFyYmF6'], line: 'auth_key=Zm9vYmFyYmF6' },
  { kind: 'SECRET', values: ['tok_ABC123'], line: 'token: tok_ABC123' },
  { kind: 'SECRET', values: ['shh'], line: 'client_secret="shh"' },
];

/** Lines that carry nothing to hide and must come out byte for byte. */
const MUST_STAY: string[] = [
  '525 Mon Dec 2 19:54:59 2024 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5',
  'Bus 001 Device 024: ID 05c6:9008',
  '[ 6141.480532] usb 1-12: New USB device found, idVendor=2c7c, idProduct=6005, bcdDevice= 3.18',
  '[ 6141.480533] usb 1-12: New USB device strings: Mfr=1, Product=2, SerialNumber=3',
  '[ 6141.480535] usb 1-12: SerialNumber: 0000',
  '  iSerial                 0 ',
  '[422506.592997] usb 1-1: USB disconnect, device number 5',
  '[  828.205130] qmi_wwan 3-1.5:1.2: cdc-wdm2: USB WDM device',
  'root@RUT955:~# modem_updater -i 1-1.4 -v EC25EUGAR08A03M4G_01.200.01.200',
  'RUT9M_R_00.07.11.1',
  'EG06ELAR04A20M4G',
  'Linux version 5.4.284 (builder@buildhost) #0 SMP PREEMPT',
  '[000.000]: Version: QFirehose_Linux_Android_V1.4.11',
  'netcard driver = qmi_wwan_q, driver version = V1.6.5',
  'Firmware update verify was unsuccessful... ErrorCode: 174',
  'Update found! Update size: 17485208',
  'Wed Apr 17 17:20:24 2024 daemon.notice netifd: wwan (3379): [04-17_17:20:24:585] Auto find qmichannel = /dev/cdc-wdm0',
  'Sun Jan 19 22:50:03 2025 daemon.notice netifd: wwan (32288): udhcpc: lease of 192.168.20.238 obtained from 192.168.20.219, lease time 3599',
  'ip 10.12.0.1 172.16.5.4 172.31.255.1 127.0.0.1 0.0.0.0 169.254.12.1 100.64.12.3 224.0.0.251 255.255.255.0 255.255.240.0',
  'Server:         127.0.0.1',
  'lo ::1 link fe80::daec:e5ff:fe63:18ca%phy1-sta0 ula fd12:3456::1 mcast ff02::1',
  'Sun Feb  9 12:31:48 2025 daemon.notice [2656]: <msg> [modem0/bearer2] connection #1 finished: duration 306s, tx: 6144247 bytes, rx: 140987327 bytes',
  '{"rx_bytes": 246012345678901, "uptime": 1719412719493984}',
  'get_pin_count(0.02s): {"pin": 3, "puk": 10}',
  'get_pin_state(0.01s): {"state": "READY"}',
  '+CPIN: READY',
  "\toption auth 'pap'",
  "\toption username 'vodafone'",
  "\toption encryption 'psk2'",
  "\toption key_mgmt 'WPA-PSK'",
  "\toption key '1'",
  "\toption password 'VALUE_REMOVED_FOR_SECURITY_REASONS'",
  "wireless.default_radio0.key='VALUE_REMOVED_FOR_SECURITY_REASONS'",
  'passwd: password for root changed by root',
  'private key: (hidden)',
  'batch: 0052',
  'hwver: 0202',
  'Serial: 8250/16550 driver, 4 ports, IRQ sharing disabled',
  ' interface mob1s1a1 is online 00h:09m:06s, uptime 58h:50m:23s and tracking is active',
  'crw-rw----    1 root     dialout   188,   2 Dec  2 21:15 /dev/ttyUSB2',
  'Sat May 10 10:16:47 2025 daemon.notice netifd: lte (2437): SIM in illegal state - Power-cycling SIM',
  'root@rutx11:~# ping 8.8.8.8',
  '64 bytes from 8.8.8.8: seq=0 ttl=113 time=34.216 ms',
  'ssh root@OpenWrt.lan',
  'snmp oid 1.3.6.1.4.1.48690.2.4 and 2024-12-02T19:54:59+02:00',
  'tz +0200, +1 555',
  'ether ff:ff:ff:ff:ff:ff and 00:00:00:00:00:00',
  '-----BEGIN CERTIFICATE-----',
  'Unpacking alsa-topology-conf (1.2.5.1-2) ...',
  'modem firmware version 1.2.3.4',
  'Created symlink /etc/systemd/system/getty.target.wants/getty@tty1.service',
];

function oneLine(text: string): string {
  return new Redactor().redact(text);
}

describe('Redactor: values that must vanish', () => {
  for (const c of MUST_GO) {
    it(`${c.kind}: ${c.line.trim().slice(0, 90)}`, () => {
      const out = oneLine(c.line);
      for (const v of c.values) assert.ok(!out.includes(v), `"${v}" is still in: ${out}`);
      assert.match(out, new RegExp(`<${c.kind}-1>`), out);
      assert.equal(out.split('\n').length, c.line.split('\n').length);
    });
  }
});

describe('Redactor: text that must stay', () => {
  for (const line of MUST_STAY) {
    it(line.trim().slice(0, 90), () => {
      assert.equal(oneLine(line), line);
    });
  }

  it('leaves the RUT901 excerpt (no secrets in it) byte for byte', () => {
    const text = readFileSync(join(EXCERPTS, '01-rut901-ec200a-modem-update-stuck.log'), 'utf8');
    assert.equal(oneLine(text), text);
  });

  it('keeps the line count of every real fixture and excerpt, and changes nothing but placeholders', () => {
    const files = [...readdirSync(REAL).map((f) => join(REAL, f)), ...readdirSync(EXCERPTS).map((f) => join(EXCERPTS, f))].filter((f) => f.endsWith('.log'));
    assert.ok(files.length >= 20);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const out = oneLine(text);
      const a = text.split('\n');
      const b = out.split('\n');
      assert.equal(b.length, a.length, f);
      for (let i = 0; i < a.length; i++) {
        if (a[i] === b[i]) continue;
        // Only whole tokens change: what is left around the placeholders is the original line.
        const parts = b[i].split(/<(?:IMEI|IMSI|ICCID|SERIAL|MAC|IPV4|IPV6|PHONE|EMAIL|SECRET)-\d+>/);
        assert.ok(parts.length > 1, `${f}:${i + 1} changed without a placeholder`);
        let at = 0;
        for (const p of parts) {
          const found = a[i].indexOf(p, at);
          assert.ok(found >= at, `${f}:${i + 1}: "${p}" is not from the original line`);
          at = found + p.length;
        }
      }
    }
  });

  it('redacts only the expected tokens of the real fixtures', () => {
    const r = new Redactor();
    const out = r.redact(readFileSync(join(REAL, '002-rutx11-dfota-errorcode-174-shell.log'), 'utf8'));
    assert.match(out, /^Address 1: <IPV4-1>$/m);
    assert.match(out, /^Address 2: <IPV6-1>$/m);
    assert.match(out, /^PING 8\.8\.8\.8 \(8\.8\.8\.8\): 56 data bytes$/m);
    assert.match(out, /^RUTX_R_00\.07\.16\.6$/m);
    const dhcp = r.redact(readFileSync(join(REAL, '020-omr-portable-wifi-qmi-to-rndis-modeswitch.log'), 'utf8'));
    assert.match(dhcp, /WWAN\/QMI device, <MAC-1>$/m);
    assert.match(dhcp, /RNDIS device, <MAC-2>$/m);
    assert.match(dhcp, /usb-xhci-hcd\.2\.auto-1\.5/);
  });
});

describe('Redactor: stable placeholders', () => {
  it('gives one value one placeholder across lines and calls, and new values new numbers', () => {
    const r = new Redactor();
    const a = r.redact('lease of 85.206.12.34 obtained from 85.206.12.1\nping 85.206.12.34 ok');
    assert.equal(a, 'lease of <IPV4-1> obtained from <IPV4-2>\nping <IPV4-1> ok');
    const b = r.redact('route via 85.206.12.1 and 91.200.1.7');
    assert.equal(b, 'route via <IPV4-2> and <IPV4-3>');
    assert.equal(r.redact('"imei": "860123456789014"'), '"imei": "<IMEI-1>"');
    assert.equal(r.redact('860123456789014'), '<IMEI-1>');
    assert.equal(r.redact('IMEI: 352099001761481'), 'IMEI: <IMEI-2>');
  });

  it('treats spellings of one MAC or one IPv6 address as one value', () => {
    const r = new Redactor();
    assert.equal(r.redact('mac: 00:1E:42:12:34:56, hw 00-1e-42-12-34-56, raw mac=001E42123456'), 'mac: <MAC-1>, hw <MAC-1>, raw mac=<MAC-1>');
    assert.equal(r.redact('2A00:1450:400D:806::200E and 2a00:1450:400d:806:0:0:0:200e'), '<IPV6-1> and <IPV6-1>');
  });

  it('keeps counters by kind', () => {
    const r = new Redactor();
    r.redact('lease of 85.206.12.34 obtained from 85.206.12.1\nping 85.206.12.34\noption password \'x1\'');
    assert.deepEqual(r.summary(), [
      { kind: 'IPV4', count: 3, distinct: 2 },
      { kind: 'SECRET', count: 1, distinct: 1 },
    ]);
    assert.deepEqual(new Redactor().summary(), []);
  });

  it('hides a PEM private key block line by line, also when streamed one line per call', () => {
    const pem = ['-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7', '  abcdEFGH==\r', '-----END PRIVATE KEY-----', 'after 85.206.1.2'];
    const whole = new Redactor().redact(pem.join('\n'));
    assert.equal(whole, ['-----BEGIN PRIVATE KEY-----', '<SECRET-1>', '  <SECRET-1>\r', '-----END PRIVATE KEY-----', 'after <IPV4-1>'].join('\n'));
    const r = new Redactor();
    assert.equal(pem.map((l) => r.redact(l)).join('\n'), whole);
    const cert = '-----BEGIN CERTIFICATE-----\nMIIBcertificatebody\n-----END CERTIFICATE-----';
    assert.equal(new Redactor().redact(cert), cert);
    const inline = '"key": "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIBk\\n-----END EC PRIVATE KEY-----\\n"';
    assert.equal(new Redactor().redact(inline), '"key": "-----BEGIN EC PRIVATE KEY-----<SECRET-1>-----END EC PRIVATE KEY-----\\n"');
  });

  it('keeps CRLF line ends and empty lines', () => {
    assert.equal(new Redactor().redact('a 85.206.1.2\r\n\r\n\nb\r\n'), 'a <IPV4-1>\r\n\r\n\nb\r\n');
  });

  it('handles a 200,000-character line', { timeout: 10000 }, () => {
    const filler = 'x'.repeat(100_000);
    const line = `${filler} "imei": "860123456789014" ${'ab:'.repeat(20_000)} 85.206.12.34 ${'1'.repeat(40_000)}`;
    assert.ok(line.length >= 200_000);
    const out = new Redactor().redact(line);
    assert.ok(!out.includes('860123456789014'));
    assert.ok(!out.includes('85.206.12.34'));
    assert.ok(out.startsWith(filler));
    assert.ok(out.endsWith('1'.repeat(40_000)));
  });
});

// --- the CLI command --------------------------------------------------------------------------

const tmp = mkdtempSync(join(tmpdir(), 'gsmlens-redact-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function collector(): { stream: Writable; text: () => string; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      cb();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), bytes: () => Buffer.concat(chunks) };
}

describe('runRedact', () => {
  it('streams several files through one placeholder table, in order', async () => {
    const a = join(tmp, 'a.log');
    const b = join(tmp, 'b.log');
    writeFileSync(a, 'lease of 85.206.12.34\r\nsn: 1101234567\n');
    writeFileSync(b, 'ping 85.206.12.34\nlast line without newline 91.200.1.7');
    const out = collector();
    const summary = await runRedact([a, b], out.stream);
    assert.equal(out.text(), 'lease of <IPV4-1>\r\nsn: <SERIAL-1>\nping <IPV4-1>\nlast line without newline <IPV4-2>');
    assert.deepEqual(summary, [
      { kind: 'SERIAL', count: 1, distinct: 1 },
      { kind: 'IPV4', count: 3, distinct: 2 },
    ]);
  });

  it('does not glue the last line of one file to the first line of the next', async () => {
    const a = join(tmp, 'c.log');
    const b = join(tmp, 'd.log');
    writeFileSync(a, 'one');
    writeFileSync(b, 'two\n');
    const out = collector();
    await runRedact([a, b], out.stream);
    assert.equal(out.text(), 'one\ntwo\n');
  });

  it('uses the Redactor it is given, so the caller can print its summary', async () => {
    const f = join(tmp, 'e.log');
    writeFileSync(f, 'own number: +37061234567\n');
    const r = new Redactor();
    const out = collector();
    await runRedact([f], out.stream, r);
    assert.equal(out.text(), 'own number: <PHONE-1>\n');
    assert.deepEqual(r.summary(), [{ kind: 'PHONE', count: 1, distinct: 1 }]);
  });

  it('fails with a one-line message for a missing file, before writing anything', async () => {
    const ok = join(tmp, 'f.log');
    writeFileSync(ok, 'lease of 85.206.12.34\n');
    const missing = join(tmp, 'nope.log');
    const out = collector();
    await assert.rejects(runRedact([ok, missing], out.stream), (err: Error) => {
      assert.equal(err.message, `${missing}: no such file`);
      return true;
    });
    assert.equal(out.text(), '');
  });

  it('survives invalid UTF-8 and keeps the lines', async () => {
    const f = join(tmp, 'g.log');
    writeFileSync(f, Buffer.concat([Buffer.from('bad \xff\xfe bytes 85.206.12.34\n', 'latin1'), Buffer.from('ok ✓ line\n', 'utf8')]));
    const out = collector();
    await runRedact([f], out.stream);
    const lines = out.text().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^bad .* bytes <IPV4-1>$/);
    assert.equal(lines[1], 'ok ✓ line');
  });

  it('keeps a multi-byte character split across read chunks', async () => {
    // 2,012-byte lines: the 256 KiB read chunks end inside an "é" somewhere in these 3 MB.
    const f = join(tmp, 'h.log');
    const line = 'é'.repeat(999) + ' 85.206.12.34\n';
    writeFileSync(f, line.repeat(1500));
    const out = collector();
    await runRedact([f], out.stream);
    assert.equal(out.text(), ('é'.repeat(999) + ' <IPV4-1>\n').repeat(1500));
  });
});
