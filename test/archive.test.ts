import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { analyzeFiles } from '../server/src/core/analyze';
import { readArchive } from '../server/src/core/input/archive';
import { expandPaths } from '../server/src/core/input/logSet';
import { buildTar } from './support/tarBuilder';

// Troubleshoot archives as RutOS's WebUI makes them (knowledge 1.7), built here byte by byte,
// and hostile ones that must not hurt.
const ROOT = join(__dirname, '..');
const SAMPLE = readFileSync(join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'gsmlens-archive-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const REF = Date.UTC(2024, 11, 4);

const SYSTEM_LOG = [
  '', '[LOGGING INFORMATION]', 'log_type: circular', '', '[Dmesg]',
  '[  466.515595] usb 1-1: USB disconnect, device number 6',
  '[  617.304417] usb 1-1: new high-speed USB device number 7 using ehci-platform',
  '', '[Logread]', SAMPLE,
].join('\n');

function sysinfo(usb: string[]): string {
  return ['', '[DEVICE INFORMATION]', 'name: RUT901', 'sn: 1101234567', '', '[FIRMWARE VERSION]', 'RUT9M_R_00.07.11.1', '', '[USB DEVICES]', ...usb, '', '[UBUS LIST]', 'gsm'].join('\n');
}
const GSM_LOG = ['', '[GSM INFORMATION]', '{ }', '', '[INFO for gsm.modem0]', 'get_firmware(0.21s):', '{', '\t"firmware": "EC200AEUHAR01A13M16"', '}'].join('\n');

function write(name: string, data: Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, data);
  return p;
}

describe('troubleshoot archives', () => {
  it('diagnoses the whole archive: logs, lsusb, gsm.log and the dfota status', async () => {
    const path = write('troubleshoot.tar.gz', buildTar([
      { name: './', type: '5' },
      { name: './system.log', content: SYSTEM_LOG },
      { name: './sysinfo.log', content: sysinfo(['Bus 001 Device 001: ID 1d6b:0002', 'Bus 001 Device 007: ID 2c7c:6005']) },
      { name: './gsm.log', content: GSM_LOG },
      { name: './root/tmp/dfota_status.json', content: '{"modem":{"status":"updating","progress":0}}' },
    ]));
    const a = await analyzeFiles([path], { referenceTime: REF });
    assert.equal(a.files[0].path, `${path}:system.log`);
    assert.equal(a.facts?.rutosVersion, 'RUT9M_R_00.07.11.1');
    assert.equal(a.facts?.modemFirmware, 'EC200AEUHAR01A13M16');
    assert.equal(a.facts?.dfotaStatus?.state, 'updating');
    assert.equal(a.episodes.length, 1);
    const e = a.episodes[0];
    // The kernel lines read like the modem finishing its update; the router's view is what is stuck.
    assert.equal(e.verdict, 'updated-not-taken-back');
    assert.ok(a.findings.some((f) => f.code === 'fw-update-stuck'));
    assert.match(e.summary, /lsusb shows the modem \(2c7c:6005\) on the bus/);
    assert.match(e.summary, /dfota_status\.json still says "updating"/);
    assert.ok(e.steps.some((s) => /EC200AEUHAR01A13M16/.test(s.text)));
    assert.ok(e.advice.some((x) => /gsmd restart/.test(x)));
    assert.ok(!e.advice.some((x) => /does not power on/.test(x)), 'no RMA advice while lsusb shows the modem');
    // The kernel events of [Dmesg] are counted once, with the dated [Logread] copy.
    assert.equal(a.events.filter((ev) => ev.id === 'usb.disconnect' && ev.uptime === 466.515595).length, 1);
  });

  it('finds a modem in EDL from the archive\'s lsusb even when the log shows no update', async () => {
    const path = write('edl.tar.gz', buildTar([
      { name: 'system.log', content: '[Logread]\nTue Dec  3 09:12:58 2024 kern.notice Device startup completed\n' },
      { name: 'sysinfo.log', content: sysinfo(['Bus 001 Device 001: ID 1d6b:0002', 'Bus 001 Device 024: ID 05c6:9008']) },
    ]));
    const a = await analyzeFiles([path], { referenceTime: REF });
    assert.equal(a.episodes[0]?.verdict, 'failed');
    assert.ok(a.episodes[0].advice.some((x) => /modem_updater/.test(x)));
    const edl = a.findings.find((f) => f.code === 'modem-edl-mode');
    assert.ok(edl);
    assert.match(a.files[edl.file].path, /sysinfo\.log$/);
  });

  it('says when lsusb shows no modem at all', async () => {
    const path = write('nomodem.tar.gz', buildTar([
      { name: 'system.log', content: SAMPLE },
      { name: 'sysinfo.log', content: sysinfo(['Bus 001 Device 001: ID 1d6b:0002']) },
    ]));
    const a = await analyzeFiles([path], { referenceTime: REF });
    assert.match(a.episodes[0].summary, /lsusb shows no modem at all/);
    assert.match(a.episodes[0].advice[0], /does not power on/);
  });

  it('refuses traversal, absolute paths, links and devices, and names them', async () => {
    const path = write('hostile.tar.gz', buildTar([
      { name: '../../../../tmp/gsmlens-pwned', content: 'x' },
      { name: '/etc/gsmlens-pwned', content: 'x' },
      { name: 'link', type: '2', linkname: '/etc/passwd' },
      { name: 'hard', type: '1', linkname: '/etc/shadow' },
      { name: 'dev', type: '3' },
      { name: 'system.log', content: SAMPLE },
    ]));
    const a = await analyzeFiles([path], { referenceTime: REF });
    const notices = a.notices.map((n) => n.message).join('\n');
    assert.match(notices, /Refused archive entry "..\/..\/..\/..\/tmp\/gsmlens-pwned": path leaves the archive/);
    assert.match(notices, /Refused archive entry "\/etc\/gsmlens-pwned": absolute path/);
    assert.match(notices, /"link": symbolic link to \/etc\/passwd/);
    assert.match(notices, /"hard": hard link to \/etc\/shadow/);
    assert.match(notices, /"dev": CharacterDevice entry/);
    assert.ok(!existsSync('/tmp/gsmlens-pwned') && !existsSync('/etc/gsmlens-pwned'), 'nothing written anywhere');
    assert.equal(a.episodes[0]?.kind, 'modem-firmware-update', 'the safe entries are still diagnosed');
    assert.equal(a.episodes[0]?.severity, 'error');
  });

  it('stops a decompression bomb at the limit', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024);
    const path = write('bomb.tar.gz', buildTar([{ name: 'system.log', content: big }, { name: 'sysinfo.log', content: sysinfo([]) }]));
    assert.ok(readFileSync(path).length < 100_000, 'a small file that expands a lot');
    const r = await readArchive(path, { maxEntries: 100, maxTotalBytes: 1024 * 1024, maxEntryBytes: 64 * 1024 * 1024 });
    assert.match(r.problems.join('\n'), /expands to more than 1 MB; reading stopped/);
    assert.equal(r.files.length, 0);
    const many = write('many.tar.gz', buildTar(Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.log`, content: 'x' }))));
    const m = await readArchive(many, { maxEntries: 10, maxTotalBytes: 1 << 20, maxEntryBytes: 1 << 20 });
    assert.match(m.problems.join('\n'), /more than 10 entries/);
  });

  it('reads what it can of a truncated archive and says so', async () => {
    const whole = buildTar([{ name: 'system.log', content: SAMPLE.repeat(3) }]);
    const path = write('cut.tar.gz', whole.subarray(0, Math.floor(whole.length * 0.6)));
    const a = await analyzeFiles([path], { referenceTime: REF });
    assert.match(a.notices.map((n) => n.message).join('\n'), /truncated or damaged/);
    assert.match(a.notices.map((n) => n.message).join('\n'), /system\.log is cut short/);
    assert.ok(a.files[0].lines > 100, 'the lines that arrived are analysed');
  });

  it('is diagnosed by the CLI, also as Markdown', () => {
    const path = write('cli.tar.gz', buildTar([{ name: 'system.log', content: SAMPLE }, { name: 'sysinfo.log', content: sysinfo(['Bus 001 Device 007: ID 2c7c:6005']) }]));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gsmlens'), 'diagnose', '--report', 'md', path], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Modem diagnosis: cli\.tar\.gz:system\.log/);
    assert.match(r.stdout, /## Modem firmware update: stuck/);
    const plain = spawnSync(process.execPath, [join(ROOT, 'bin', 'gsmlens'), 'diagnose', write('t.tar', gzipSync(Buffer.alloc(0)).subarray(0, 0))], { encoding: 'utf8' });
    assert.equal(plain.status, 0);
  });
});

describe('an archive or a directory of logs under any name', () => {
  // A person's own tar.gz of a journal export or of /var/log names its logs as it likes: a file
  // whose first lines read as a log is read (a blind probe's `journal-atelier.txt` had been skipped
  // and the archive told "no problems"); a listing or a note beside it is not.
  const fixture = readFileSync(join(__dirname, 'fixtures', 'real', '001-rutx14-dmesg-modem-usb-reenumerate.log'), 'utf8');
  const note = 'Hi, the modem keeps dropping. Attached is the journal.\nThanks, Mark\n';
  it('reads the archive member whose lines are a log, whatever its name, and not the note', async () => {
    const path = write('mine.tar.gz', buildTar([
      { name: 'journal-atelier.txt', content: fixture },
      { name: 'README.txt', content: note },
    ]));
    const a = await analyzeFiles([path], { referenceTime: REF });
    assert.deepEqual(a.files.map((f) => f.path), [`${path}:journal-atelier.txt`]);
    assert.ok(a.episodes.length > 0, 'the log tells its story');
    assert.ok(!a.notices.some((n) => /holds no log/.test(n.message)));
  });
  it('reads /var/log names (syslog, kern.log) in an archive that is no troubleshoot archive', async () => {
    const path = write('varlog.tar.gz', buildTar([{ name: 'var/log/syslog', content: fixture }, { name: 'var/log/wtmp', content: Buffer.alloc(384) }]));
    const a = await analyzeFiles([path], { referenceTime: REF });
    assert.deepEqual(a.files.map((f) => f.path), [`${path}:var/log/syslog`]);
  });
  it('a directory: a .txt log is read, the note is not', async () => {
    const dir = mkdtempSync(join(tmp, 'dir-'));
    writeFileSync(join(dir, 'journal-atelier.txt'), fixture);
    writeFileSync(join(dir, 'notes.txt'), note);
    // The CLI expands a directory it is given into the logs in it (as the command line does).
    assert.deepEqual(await expandPaths([dir]), [join(dir, 'journal-atelier.txt')]);
  });
});
