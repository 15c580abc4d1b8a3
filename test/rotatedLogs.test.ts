import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { analyzeFiles } from '../server/src/core/analyze';
import { expandPaths, rotatedLogs } from '../server/src/core/input/logSet';
import { toJsonReport } from '../server/src/core/report/jsonReport';
import { toTextReport } from '../server/src/core/report/textReport';
import { buildTar } from './support/tarBuilder';

// A rotated log's files are one log (input/logSet.ts rotatedLogs): a drop in `syslog.1` whose
// return is in `syslog` is one story that came back, each line named in its own file
// (`syslog.1:3`), whether the files are named one by one, in any order, by their folder, or are
// entries of an archive of /var/log. The same story told by several files that hold the same lines
// (rsyslog's syslog, daemon.log, messages) is told once.

const dir = mkdtempSync(join(tmpdir(), 'gsmlens-rotated-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const REF = Date.UTC(2026, 11, 7);
const at = (day: number, clock: string, text: string): string => `Dec  ${day} ${clock} pi4 ${text}`;

const OLDEST = [at(4, '08:00:01', 'systemd[1]: Starting Daily apt upgrade and clean activities...'), at(4, '09:00:00', 'CRON[812]: (root) CMD (run-parts /etc/cron.hourly)')];
const MIDDLE = [
  at(5, '08:00:01', 'CRON[913]: (root) CMD (run-parts /etc/cron.hourly)'),
  at(5, '23:58:50', 'kernel: [86021.120000] usb 2-3: USB disconnect, device number 4'),
  at(5, '23:58:50', 'kernel: [86021.121000] option1 ttyUSB2: GSM modem (1-port) converter now disconnected from ttyUSB2'),
];
const NEWEST = [
  at(6, '00:03:12', 'kernel: [86283.400000] usb 2-3: new high-speed USB device number 5 using xhci_hcd'),
  at(6, '00:03:12', 'kernel: [86283.520000] usb 2-3: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18'),
  at(6, '00:03:13', 'kernel: [86284.100000] option1 ttyUSB2: GSM modem (1-port) converter now attached to ttyUSB2'),
  at(6, '08:00:01', 'CRON[1013]: (root) CMD (run-parts /etc/cron.hourly)'),
];

function writeSet(folder: string, { newestEndsWithoutNewline = false } = {}): string {
  const d = join(dir, folder);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'syslog.2.gz'), gzipSync(OLDEST.join('\n') + '\n'));
  // The middle file ends without a line end: its last line must stay its own.
  writeFileSync(join(d, 'syslog.1'), MIDDLE.join('\n'));
  writeFileSync(join(d, 'syslog'), NEWEST.join('\n') + (newestEndsWithoutNewline ? '' : '\n'));
  return d;
}

const drop = (a: Awaited<ReturnType<typeof analyzeFiles>>) => a.episodes.filter((e) => e.kind === 'modem-drop' || e.kind === 'modem-lost');

describe('a rotated log', () => {
  it('is one log: a drop in syslog.1 that came back in syslog is one story that came back', async () => {
    const d = writeSet('a');
    const a = await analyzeFiles(await expandPaths([d]), { referenceTime: REF });
    assert.equal(a.files.length, 1);
    assert.deepEqual(a.files[0].parts?.map((p) => [p.path.split('/').pop(), p.firstLine, p.lastLine]), [['syslog.2.gz', 1, 2], ['syslog.1', 3, 5], ['syslog', 6, 9]]);
    const stories = drop(a);
    assert.equal(stories.length, 1);
    assert.equal(stories[0].verdict, 'came-back');
    // Each line named in its own file: the disconnect is syslog.1's line 2.
    const text = toTextReport(a);
    assert.match(text, /syslog\.1:2\s+The modem/);
    assert.match(text.replace(/\s+/g, ' '), /one rotated log read oldest first: syslog\.2\.gz \(lines 1-2\), syslog\.1 \(3-5\), syslog \(6-9\)/);
  });

  it('gives each line in its own file in the JSON report too', async () => {
    const d = writeSet('j');
    type Located = { file: string; line: number; endLine: number; endFile?: string };
    const json = toJsonReport(await analyzeFiles(await expandPaths([d]), { referenceTime: REF })) as {
      findings: (Located & { code: string })[];
      episodes: { kind: string; file: string; startLine: number; evidence: number[]; evidenceFiles?: string[] }[];
    };
    const gap = json.findings.find((f) => f.code === 'usb-gap')!;
    assert.deepEqual([gap.file.split('/').pop(), gap.line, gap.endFile?.split('/').pop(), gap.endLine], ['syslog.1', 2, 'syslog', 1]);
    const story = json.episodes.find((e) => e.kind === 'modem-drop')!;
    assert.deepEqual([story.file.split('/').pop(), story.startLine], ['syslog.1', 2]);
    assert.equal(story.evidenceFiles?.length, story.evidence.length);
  });

  it('reads the same named one by one, newest first, as by its folder', async () => {
    const d = writeSet('b');
    const a = await analyzeFiles([join(d, 'syslog'), join(d, 'syslog.1'), join(d, 'syslog.2.gz')], { referenceTime: REF });
    assert.equal(a.files.length, 1);
    assert.equal(drop(a)[0]?.verdict, 'came-back');
  });

  it('without its newest file, ends before the modem comes back', async () => {
    const d = writeSet('c');
    const a = await analyzeFiles([join(d, 'syslog.1')], { referenceTime: REF });
    assert.equal(a.files[0].parts, undefined);
    assert.notEqual(drop(a)[0]?.verdict, 'came-back');
  });

  it('dates yearless lines by its newest file, as that file alone would be', async () => {
    const d = writeSet('d');
    // The newest file written on 2027-01-02: December's lines are 2026's.
    utimesSync(join(d, 'syslog'), new Date('2027-01-02T00:00:00Z'), new Date('2027-01-02T00:00:00Z'));
    utimesSync(join(d, 'syslog.2.gz'), new Date('2026-12-05T00:00:00Z'), new Date('2026-12-05T00:00:00Z'));
    const a = await analyzeFiles(await expandPaths([d]), {});
    assert.equal(a.files[0].yearAssumed, 2026);
  });

  it('groups only files of one name in one folder', () => {
    assert.deepEqual(rotatedLogs(['x/syslog.1', 'x/kern.log', 'y/syslog', 'x/syslog']), [['x/syslog.1', 'x/syslog'], ['x/kern.log'], ['y/syslog']]);
    assert.deepEqual(rotatedLogs(['x/messages', 'x/messages.0', '-']), [['x/messages.0', 'x/messages'], ['-']]);
  });
});

describe('an archive of /var/log', () => {
  it('reads every log in it, a rotated one as one, and tells a story its files share once', async () => {
    const sim = [
      at(6, '08:10:54', 'ModemManager[733]: <info>  [modem0] state changed (enabling -> locked)'),
      at(6, '08:10:54', "ModemManager[733]: <warn>  [modem0] couldn't initialize: Couldn't check unlock status: SIM not inserted"),
    ];
    const path = join(dir, 'varlog.tar.gz');
    writeFileSync(path, buildTar([
      { name: 'var/log/syslog.1', content: MIDDLE.join('\n') + '\n' },
      { name: 'var/log/syslog', content: [...NEWEST, ...sim].join('\n') + '\n' },
      { name: 'var/log/daemon.log', content: sim.join('\n') + '\n' },
      { name: 'var/log/messages', content: sim.join('\n') + '\n' },
    ]));
    const a = await analyzeFiles([path], { referenceTime: REF });
    // Not a troubleshoot archive for its `messages`: syslog and daemon.log are read too.
    assert.deepEqual(a.files.map((f) => f.path.split(':').pop()), ['var/log/messages', 'var/log/daemon.log', 'var/log/syslog']);
    assert.equal(a.files[2].parts?.length, 2);
    assert.equal(drop(a)[0]?.verdict, 'came-back');
    const sims = a.episodes.filter((e) => e.kind === 'sim-problem');
    assert.equal(sims.length, 1);
    assert.match(a.files[sims[0].file].path, /syslog$/);
    assert.ok(a.notices.some((n) => /told by .*messages.* too/.test(n.message) && n.file === sims[0].file));
    // Its findings too: listed once, from the same file.
    assert.deepEqual(a.findings.filter((f) => f.code === 'sim-error').map((f) => a.files[f.file].path.split(':').pop()), ['var/log/syslog']);
  });
});
