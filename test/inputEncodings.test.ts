import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyzeFiles, analyzeText } from '../server/src/core/analyze';
import { sniffEncoding } from '../server/src/core/input/encoding';
import { LineSplitter } from '../server/src/core/input/lineSplitter';
import type { Analysis } from '../server/src/core/model';

// Line ends and encodings a router log arrives in (issue 13, item 8): CR-only (old Mac tools),
// CRLF, and UTF-16 from Windows tools, with and without a byte order mark. Each must read as the
// same log, on the lines an editor shows.
const ROOT = join(__dirname, '..');
const SAMPLE = readFileSync(join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const REF = Date.UTC(2024, 11, 4);
const tmp = mkdtempSync(join(tmpdir(), 'gsmlens-enc-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const reference = analyzeText(SAMPLE, { referenceTime: REF });
/** What must not change with the line ends or the encoding: lines, events and their lines, the story. */
function shape(a: Analysis): unknown {
  return { lines: a.files[0].lines, events: a.events.map((e) => `${e.line} ${e.id}`), findings: a.findings.map((f) => `${f.line} ${f.code}`), verdicts: a.episodes.map((e) => e.verdict) };
}

function splitBytes(bytes: Buffer, step: number): string[] {
  const lines: string[] = [];
  const s = new LineSplitter((t) => lines.push(t));
  for (let o = 0; o < bytes.length; o += step) s.push(bytes.subarray(o, o + step));
  s.end();
  return lines;
}

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  return endian === 'le' ? le : Buffer.from(le).swap16();
}

describe('line ends', () => {
  it('reads a CR-only log as its lines, with the episode, and says so', () => {
    assert.ok(reference.episodes.length > 0 && reference.files[0].lines > 100);
    const cr = analyzeText(SAMPLE.replace(/\n/g, '\r'), { referenceTime: REF });
    assert.deepEqual(shape(cr), shape(reference));
    assert.match(cr.notices.map((n) => n.message).join('\n'), /\d+ line\(s\) end in a lone carriage return/);
  });

  it('reads CR-only and CRLF files from disk the same, and CRLF without a notice or a CR left in the text', async () => {
    const crPath = join(tmp, 'cr.log');
    writeFileSync(crPath, SAMPLE.replace(/\n/g, '\r'));
    assert.deepEqual(shape(await analyzeFiles([crPath], { referenceTime: REF })), shape(reference));
    const crlfPath = join(tmp, 'crlf.log');
    writeFileSync(crlfPath, SAMPLE.replace(/\n/g, '\r\n'));
    const crlf = await analyzeFiles([crlfPath], { referenceTime: REF });
    assert.deepEqual(shape(crlf), shape(reference));
    assert.doesNotMatch(crlf.notices.map((n) => n.message).join('\n'), /carriage return/);
    assert.ok(crlf.events.every((e) => !e.text.includes('\r')));
  });

  it('splits at LF, CRLF and a lone CR as an editor does, wherever the chunks break', () => {
    const bytes = Buffer.from('one\r\ntwo\rthree\n\rfive\r');
    for (const step of [1, 2, 3, 5, 1000]) assert.deepEqual(splitBytes(bytes, step), ['one', 'two', 'three', '', 'five'], `chunks of ${step}`);
  });
});

describe('UTF-16', () => {
  for (const endian of ['le', 'be'] as const) {
    for (const bom of [true, false]) {
      it(`reads a UTF-16 ${endian.toUpperCase()} log ${bom ? 'with' : 'without'} a byte order mark, with no "looks binary" notice`, async () => {
        const path = join(tmp, `utf16-${endian}-${bom}.log`);
        writeFileSync(path, utf16(SAMPLE, endian, bom));
        assert.equal(sniffEncoding(readFileSync(path)).encoding, `utf-16${endian}`);
        const a = await analyzeFiles([path], { referenceTime: REF });
        assert.deepEqual(shape(a), shape(reference));
        const notices = a.notices.map((n) => n.message).join('\n');
        assert.doesNotMatch(notices, /binary/);
        assert.match(notices, new RegExp(`UTF-16 \\(${endian === 'le' ? 'little' : 'big'}-endian\\) text`));
        assert.notEqual(a.files[0].format, 'binary');
      });
    }
  }

  it('decodes UTF-16 fed a byte at a time, and a character split between chunks', () => {
    const text = 'Mon Dec  2 19:54:57 2024 daemon.info gsmd[1]: naïve café\r\nsecond line\n';
    for (const step of [1, 3, 4096]) assert.deepEqual(splitBytes(utf16(text, 'le', false), step), ['Mon Dec  2 19:54:57 2024 daemon.info gsmd[1]: naïve café', 'second line'], `chunks of ${step}`);
  });

  it('still calls binary what is binary, and UTF-8 what is UTF-8', async () => {
    assert.equal(sniffEncoding(Buffer.from(SAMPLE)).encoding, 'utf-8');
    assert.equal(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41])).encoding, 'utf-8');
    const noise = Buffer.alloc(8192);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 256 < 64 ? 0 : (i * 131) % 256;
    assert.equal(sniffEncoding(noise).encoding, 'utf-8', 'zeros at both byte positions are not UTF-16');
    const path = join(tmp, 'blob.bin');
    writeFileSync(path, noise);
    const a = await analyzeFiles([path], { referenceTime: REF });
    assert.match(a.notices.map((n) => n.message).join('\n'), /looks binary/);
  });
});
