// The floor for npm run bench: a bare Node loop that reads a file and splits it into line strings
// on '\n', counting them, and does nothing else. gsmlens's wall time is compared with this one's
// (issue 11: within 2.5x of it).
// It decodes as the fastest way found in this runtime, which is also gsmlens's (input/lineSplitter.ts):
// 256 KiB reads decoded in 64 KiB pieces, ASCII pieces as latin1. One big UTF-8 decode per 256 KiB
// chunk (a read stream with `encoding: 'utf8'`, this loop until 2026-12-05) took 0.7 s on a 1M-line
// log instead of 0.2 s: V8 makes a string over about 1 MB external, in memory touched for the first
// time, and first touches are slow here. That floor was 3-4x too high.
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';

const PIECE = 65536;
const path = process.argv[2];
const utf8 = new TextDecoder('utf-8');
let lines = 0;
let rest = '';
const fd = openSync(path, 'r');
const chunk = Buffer.allocUnsafeSlow(1 << 18);
for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
  for (let o = 0; o < n; o += PIECE) {
    const piece = chunk.subarray(o, Math.min(o + PIECE, n));
    // A piece after one that ended inside a character starts with its last bytes (not ASCII), so
    // the decoder that holds the first bytes reads it.
    const ascii = isAscii(piece);
    const text = ascii ? piece.latin1Slice(0, piece.length) : utf8.decode(piece, { stream: true });
    const parts = text.split('\n');
    parts[0] = rest + parts[0];
    rest = parts.pop();
    lines += parts.length;
  }
}
closeSync(fd);
rest += utf8.decode();
if (rest.length > 0) lines++;
console.log(lines);
