import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { analyzeFiles } from '../server/src/core/analyze';
import { readArchive } from '../server/src/core/input/archive';
import { buildTar } from './support/tarBuilder';

// Damaged troubleshoot archives (issue 13, item 12): GNU gzip still gives the data of an archive
// whose CRC is wrong or that has bytes after its gzip data, so must we; a warning repeated per
// block is said once with its count; a likely decompression bomb is called that.
const ROOT = join(__dirname, '..');
const SAMPLE = readFileSync(join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const REF = Date.UTC(2024, 11, 4);
const tmp = mkdtempSync(join(tmpdir(), 'gsmlens-damage-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const SMALL = buildTar([{ name: 'system.log', content: SAMPLE }, { name: 'sysinfo.log', content: '[USB DEVICES]\nBus 001 Device 007: ID 2c7c:6005\n' }]);
function write(name: string, data: Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, data);
  return p;
}
/** The verdict of the undamaged archive: a damaged one must tell the same story. */
let cleanVerdict: string | undefined;
const verdictOfClean = async (): Promise<string | undefined> => (cleanVerdict ??= (await analyzeFiles([write('clean.tar.gz', SMALL)], { referenceTime: REF })).episodes[0]?.verdict);
const notices = async (path: string) => {
  const a = await analyzeFiles([path], { referenceTime: REF });
  return { a, text: a.notices.map((n) => n.message).join('\n') };
};

describe('damaged gzip data keeps what it held', () => {
  it('reads every entry of a small archive whose CRC is wrong, and says so', async () => {
    const gz = Buffer.from(SMALL);
    gz.writeUInt32LE((gz.readUInt32LE(gz.length - 8) ^ 0xdeadbeef) >>> 0, gz.length - 8);
    const { a, text } = await notices(write('badcrc.tar.gz', gz));
    assert.deepEqual(a.files.map((f) => f.path.split(':').pop()), ['system.log', 'sysinfo.log']);
    assert.equal(a.files[0].lines, SAMPLE.split('\n').length - (SAMPLE.endsWith('\n') ? 1 : 0));
    assert.equal(a.episodes[0]?.verdict, await verdictOfClean());
    assert.ok(a.episodes[0]);
    assert.match(text, /gzip check \(CRC-32 and length\) does not match/);
  });

  it('reads an archive with bytes after its gzip data, says how many were ignored, and is quiet about zero padding', async () => {
    const { a, text } = await notices(write('trailing.tar.gz', Buffer.concat([SMALL, Buffer.from('GARBAGE after the end')])));
    assert.equal(a.files.length, 2);
    assert.equal(a.episodes[0]?.verdict, await verdictOfClean());
    assert.ok(a.episodes[0]);
    assert.match(text, /21 bytes after the end of the gzip data were ignored/);
    const padded = await notices(write('padded.tar.gz', Buffer.concat([SMALL, Buffer.alloc(512)])));
    assert.equal(padded.a.files.length, 2);
    assert.doesNotMatch(padded.text, /gzip|damaged|truncated/);
  });

  it('reads every line of a rotated .log.gz whose CRC is wrong or that has bytes after its data', async () => {
    const plain = await analyzeFiles([write('plain.log', Buffer.from(SAMPLE))], { referenceTime: REF });
    const gz = gzipSync(SAMPLE);
    gz.writeUInt32LE((gz.readUInt32LE(gz.length - 8) ^ 1) >>> 0, gz.length - 8);
    for (const [name, bytes, said] of [['badcrc.log.gz', gz, /CRC-32 and length\) does not match/], ['trailing.log.gz', Buffer.concat([gzipSync(SAMPLE), Buffer.from('junk')]), /4 bytes after the end of the gzip data were ignored/]] as const) {
      const a = await analyzeFiles([write(name, bytes)], { referenceTime: REF });
      assert.equal(a.files[0].lines, plain.files[0].lines, name);
      assert.deepEqual(a.events.map((e) => e.line), plain.events.map((e) => e.line), name);
      assert.match(a.notices.map((n) => n.message).join('\n'), said);
    }
  });

  it('reads a gzip file of several members (concatenated gzip streams) whole', async () => {
    const tar = buildTar([{ name: 'system.log', content: SAMPLE }], false);
    const half = 1536;
    const r = await readArchive(write('members.tar.gz', Buffer.concat([gzipSync(tar.subarray(0, half)), gzipSync(tar.subarray(half))])));
    assert.deepEqual(r.problems, []);
    assert.equal(r.files[0].content.toString(), SAMPLE);
  });

  it('reads what arrived of cut-short gzip data, and says it is cut short', async () => {
    const big = buildTar([{ name: 'system.log', content: SAMPLE.repeat(4) }]);
    const { a, text } = await notices(write('cut.tar.gz', big.subarray(0, Math.floor(big.length * 0.7))));
    assert.ok(a.files[0].lines > 500, `${a.files[0].lines} lines`);
    assert.match(text, /cut short/);
  });
});

describe('hostile entry names', () => {
  it('sorts and reads logs whose names hold line breaks (a crash the fuzz suite found)', async () => {
    const path = write('names.tar.gz', buildTar([{ name: 'a\nb/system.log', content: SAMPLE }, { name: 'messages.1', content: SAMPLE }, { name: 'x\n/messages', content: SAMPLE }]));
    const a = await analyzeFiles([path], { referenceTime: REF });
    assert.equal(a.files.length, 3);
  });
});

describe('warnings and bombs', () => {
  it('says a warning repeated for every block once, with its count', async () => {
    const tar = buildTar(Array.from({ length: 40 }, (_, i) => ({ name: `f${i}.log`, content: 'x'.repeat(600) })), false);
    for (let o = 0; o < tar.length; o += 512) if (tar.subarray(o + 257, o + 262).toString() === 'ustar') tar[o + 150] ^= 1;
    const r = await readArchive(write('checksums.tar.gz', gzipSync(tar)));
    assert.equal(new Set(r.problems).size, r.problems.length, 'no problem twice');
    assert.ok(r.problems.length <= 3, r.problems.join('\n'));
    assert.match(r.problems.join('\n'), /checksum failure \(\d+ times\)/);
  });

  it('calls an archive that expands too many times its size a likely decompression bomb, not damaged', async () => {
    const path = write('ratio.tar.gz', buildTar([{ name: 'system.log', content: Buffer.alloc(4 * 1024 * 1024) }]));
    const r = await readArchive(path, { maxEntries: 100, maxTotalBytes: 512 * 1024 * 1024, maxEntryBytes: 256 * 1024 * 1024, maxRatio: 50 });
    const text = r.problems.join('\n');
    assert.match(text, /refused as a likely decompression bomb: it expands more than 50 times its \d+ bytes/);
    assert.doesNotMatch(text, /truncated or damaged/);
  });
});
