import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeFiles } from '../server/src/core/analyze';
import { isSqliteDatabase, readEventDatabase } from '../server/src/core/input/eventDatabase';
import { buildTar } from './support/tarBuilder';

// RutOS's event database (`log.db` in a troubleshoot archive, knowledge 1.4): tables EVENTS,
// SYSTEM, NETWORK, CONNECTIONS of rows ('TIME','NAME','TYPE','TEXT'), TIME the epoch. Databases
// are made here with sql.js itself, as the logread patch's insert writes them.
const ROOT = join(__dirname, '..');
const SAMPLE = readFileSync(join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'gsmlens-logdb-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const REF = Date.UTC(2024, 11, 4);
const HOUR = 3600_000;

type Row = [table: string, time: string, name: string, type: string, text: string];

/** A database as RutOS writes it; `utcOffsetH`: the router's zone (its log's local time minus UTC). */
async function database(rows: Row[], utcOffsetH = 1, schema = 'CREATE TABLE %T (ID INTEGER PRIMARY KEY, TIME INTEGER, NAME TEXT, TYPE TEXT, TEXT TEXT)', insert = "INSERT INTO %T ('TIME','NAME','TYPE','TEXT') VALUES (?, ?, ?, ?)"): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const SQL = await (require('sql.js') as () => Promise<{ Database: new () => { run(sql: string, params?: unknown[]): void; export(): Uint8Array; close(): void } }>)();
  const db = new SQL.Database();
  for (const t of ['EVENTS', 'SYSTEM', 'NETWORK', 'CONNECTIONS']) db.run(schema.replace('%T', t));
  for (const [table, local, name, type, text] of rows) {
    const epoch = (Date.parse(`${local}Z`) - utcOffsetH * HOUR) / 1000;
    db.run(insert.replace('%T', table), [epoch, name, type, text]);
  }
  const bytes = Buffer.from(db.export());
  db.close();
  return bytes;
}

// A week before the log: a SIM lost and found, an unexpected shutdown, the modem's firmware updated.
const HISTORY: Row[] = [
  ['EVENTS', '2024-11-25T08:00:01', 'SIM status', 'warning', 'SIM state changed to not inserted (internal modem)'],
  ['NETWORK', '2024-11-25T08:00:02', 'Mobile Data', 'info', 'Mobile data disconnected (internal modem)'],
  ['SYSTEM', '2024-11-26T09:12:40', 'Startup', 'info', 'Device startup after unexpected shutdown'],
  ['SYSTEM', '2024-11-27T10:01:40', 'Firmware', 'info', 'Updated internal modem firmware from EC200AEUHAR01A13M16 to EC200AEUHAR01A19M16'],
];
// The same events as the sample's own lines (its local time).
const IN_THE_LOG: Row[] = [
  ['NETWORK', '2024-12-02T19:50:39', 'Mobile Data', 'info', 'Joined LTE network (internal modem)'],
  ['NETWORK', '2024-12-02T19:50:39', 'Mobile Data', 'info', 'Connected to Telia operator (internal modem)'],
  ['NETWORK', '2024-12-02T19:50:40', 'Mobile Data', 'info', 'Mobile data connected (IPv4, internal modem)'],
  ['NETWORK', '2024-12-02T19:54:54', 'Mobile Data', 'info', 'Mobile data disconnected (internal modem)'],
];

function archive(name: string, entries: { name: string; content: string | Buffer }[]): string {
  const p = join(tmp, name);
  writeFileSync(p, buildTar(entries));
  return p;
}

describe("a troubleshoot archive's event database (log.db)", () => {
  it('reads the events the log no longer holds, on the log\'s clock: the zone offset the events found in both show', async () => {
    const path = archive('tz.tar.gz', [{ name: './system.log', content: SAMPLE }, { name: './log.db', content: await database([...HISTORY, ...IN_THE_LOG], 2) }]);
    const a = await analyzeFiles([path], { referenceTime: REF });
    const db = a.files.findIndex((f) => f.path === `${path}:log.db`);
    assert.ok(db > 0, a.files.map((f) => f.path).join(', '));
    const events = a.events.filter((e) => e.file === db);
    // The four rows of the week before, none of the four the log has itself.
    assert.deepEqual(events.map((e) => e.id), ['event.sim-state', 'event.mobile-data-disconnected', 'event.unexpected-shutdown', 'event.modem-firmware-updated']);
    // At the router's local time, as its log writes them: UTC+2 here.
    assert.equal(new Date(events[0].time!).toISOString(), '2024-11-25T08:00:01.000Z');
    assert.ok(a.findings.some((f) => f.code === 'sim-error' && f.file === db));
    const notice = a.notices.find((n) => /event database/.test(n.message))!;
    assert.match(notice.message, /^The WebUI's event database holds 8 events/);
    assert.equal(notice.file, db);
    assert.match(notice.message, /4 of them lie outside the logs' span/);
    assert.match(notice.message, /moved by \+2 h, the router's zone offset: 4 of the 4 events found in both/);
    // The story is the log's: the database's rows are events without the log around them.
    assert.deepEqual(a.episodes.map((e) => e.file), [0]);
  });

  it('keeps UTC and says so when no event is in both; leaves out rows a zone offset could put inside the log', async () => {
    const near: Row = ['NETWORK', '2024-12-02T12:00:00', 'Mobile Data', 'info', 'Mobile data disconnected (internal modem)'];
    const path = archive('utc.tar.gz', [{ name: './system.log', content: SAMPLE }, { name: './log.db', content: await database([...HISTORY, near], 0) }]);
    const a = await analyzeFiles([path], { referenceTime: REF });
    const db = a.files.findIndex((f) => f.path.endsWith(':log.db'));
    const events = a.events.filter((e) => e.file === db);
    assert.equal(events.length, 4);
    assert.equal(new Date(events[3].time!).toISOString(), '2024-11-27T10:01:40.000Z');
    assert.match(a.notices.find((n) => /event database/.test(n.message))!.message, /times are UTC .* no two events found in both tell the router's zone offset/);
  });

  it('reads any table with a time and a text column, whatever the firmware calls it and its columns', async () => {
    const bytes = await database([['EVENTS', '2024-11-25T08:00:01', 'SIM status', 'warning', 'SIM state changed to not inserted (internal modem)']], 0, 'CREATE TABLE %T (time INTEGER, sender TEXT, priority TEXT, message TEXT)', 'INSERT INTO %T (time, sender, priority, message) VALUES (?, ?, ?, ?)');
    const read = await readEventDatabase(bytes);
    assert.deepEqual(read.rows, [{ table: 'EVENTS', time: Date.parse('2024-11-25T08:00:01Z') / 1000, sender: 'SIM status', priority: 'warning', text: 'SIM state changed to not inserted (internal modem)' }]);
    assert.deepEqual(read.problems, []);
  });

  it('says what it cannot read, and loses nothing else of the archive: a file that is not SQLite, a damaged one', async () => {
    const good = await database(HISTORY);
    assert.ok(isSqliteDatabase(good));
    const cut = good.subarray(0, 2048);
    const scrambled = Buffer.from(good);
    for (let i = 100; i < scrambled.length; i += 7) scrambled[i] ^= 0x5a;
    for (const [name, bytes] of [['text', Buffer.from('not a database\n'.repeat(20))], ['cut', cut], ['scrambled', scrambled]] as const) {
      const read = await readEventDatabase(bytes);
      assert.ok(read.problems.length > 0, name);
      const path = archive(`bad-${name}.tar.gz`, [{ name: './system.log', content: SAMPLE }, { name: './log.db', content: bytes }]);
      const a = await analyzeFiles([path], { referenceTime: REF });
      assert.equal(a.episodes.length, 1, `${name}: the log's story is still told`);
      assert.ok(a.notices.some((n) => n.severity === 'warning' && /log\.db, the WebUI's event database: /.test(n.message)), name);
    }
  });

  it('is read by the bundled CLI, which loads SQLite from beside itself (as the packaged server does)', async () => {
    const path = archive('cli.tar.gz', [{ name: './system.log', content: SAMPLE }, { name: './log.db', content: await database([...HISTORY, ...IN_THE_LOG], 1) }]);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gsmlens'), 'diagnose', '--json', path], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { notices: { message: string }[]; findings: { code: string; file: string }[] };
    assert.ok(out.notices.some((n) => /^The WebUI's event database holds 8 events/.test(n.message)), JSON.stringify(out.notices));
    assert.ok(out.findings.some((f) => f.code === 'sim-error' && f.file === `${path}:log.db`));
  });

  it('reads an event database given on its own, or in a directory beside the logs (an unpacked archive)', async () => {
    const alone = join(tmp, 'log.db');
    writeFileSync(alone, await database(HISTORY, 0));
    const a = await analyzeFiles([alone], { referenceTime: REF });
    assert.deepEqual(a.events.map((e) => e.id), ['event.sim-state', 'event.mobile-data-disconnected', 'event.unexpected-shutdown', 'event.modem-firmware-updated']);
    assert.match(a.notices.find((n) => /event database/.test(n.message))!.message, /holds 4 events .*they are read here as lines, one a row\. Its times are UTC/);
    const dir = mkdtempSync(join(tmp, 'unpacked-'));
    writeFileSync(join(dir, 'system.log'), SAMPLE);
    writeFileSync(join(dir, 'log.db'), await database([...HISTORY, ...IN_THE_LOG], -5));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'gsmlens'), 'diagnose', '--json', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { files: { path: string }[]; notices: { message: string }[]; episodes: { file: string }[] };
    assert.deepEqual(out.files.map((f) => f.path), [join(dir, 'system.log'), join(dir, 'log.db')]);
    assert.ok(out.notices.some((n) => /moved by -5 h, the router's zone offset/.test(n.message)), JSON.stringify(out.notices));
    assert.deepEqual(out.episodes.map((e) => e.file), [join(dir, 'system.log')]);
  });

  it('keeps one row one line: a text with a line break', async () => {
    const read = await readEventDatabase(await database([['EVENTS', '2024-11-25T08:00:01', 'x', 'info', 'SIM state changed to\nnot inserted (internal modem)']], 0));
    const path = archive('breaks.tar.gz', [{ name: './log.db', content: await database([['EVENTS', '2024-11-25T08:00:01', 'x', 'info', 'SIM state changed to\nnot inserted (internal modem)']], 0) }]);
    assert.equal(read.rows[0].text, 'SIM state changed to\nnot inserted (internal modem)');
    const a = await analyzeFiles([path], { referenceTime: REF });
    assert.deepEqual(a.events.map((e) => [e.id, e.line]), [['event.sim-state', 1]]);
  });
});
