// The floor for npm run bench: a bare Node loop that reads a file as gsmlens does (a stream of
// 256 KiB chunks decoded as UTF-8) and splits it on '\n', counting the lines, and does nothing
// else. gsmlens's wall time is compared with this one's (issue 11: within 2.5x of it).
import { createReadStream } from 'node:fs';

const path = process.argv[2];
let lines = 0;
let rest = '';
for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 18 })) {
  const parts = chunk.split('\n');
  parts[0] = rest + parts[0];
  rest = parts.pop();
  lines += parts.length;
}
if (rest.length > 0) lines++;
console.log(lines);
