import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { MAX_LINE_CHARS } from '../core/input/lineSplitter';
import { InputError, readInput } from '../core/input/readInput';
import { Redactor, type RedactionCount } from '../core/redact/redact';

// `gsmlens redact FILE...`: the files, redacted, on `out`, so a user can post a log publicly.
// Files are read as `diagnose` reads them (readInput: a `.gz` is decompressed, archives and
// non-files are refused) and streamed line by line: a 100 MB system.log is never held whole, and
// a line is bounded as the analysis bounds it (MAX_LINE_CHARS; the rest of a longer line is
// dropped, and the cut is marked in the output and told on stderr). Lines are written back with
// the same line ends, CR included; the placeholder table is shared so a value keeps its number
// across files.

/** What replaces the dropped rest of an over-long line, so the reader sees that it was cut. */
export function cutMarker(dropped: number): string {
  return ` [gsmlens redact: line cut at ${MAX_LINE_CHARS / 1024} KiB, ${dropped} more characters not shown]`;
}

async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (text.length === 0) return;
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** What a path is when it is not a regular file: a device or a pipe would be read forever or block. */
function kindOf(st: import('node:fs').Stats): string {
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function describe(path: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new Error(`${path}: no such file`);
  if (code === 'EISDIR') return new Error(`${path}: is a directory`);
  if (code === 'EACCES' || code === 'EPERM') return new Error(`${path}: permission denied`);
  const message = err instanceof Error ? err.message : String(err);
  return new Error(`${path}: ${message.split('\n')[0]}`);
}

/**
 * Every named file must exist and be a regular file before anything is written, so a typo does
 * not leave half a document, and `/dev/zero` or a FIFO is refused instead of read forever (a pipe
 * is given as `-`, standard input).
 */
async function checkFiles(files: string[]): Promise<void> {
  for (const f of files) {
    if (f === '-') continue;
    let st;
    try {
      st = await stat(f);
    } catch (err) {
      throw describe(f, err);
    }
    if (st.isDirectory()) throw new Error(`${f}: is a directory`);
    if (!st.isFile()) throw new Error(`${f}: is ${kindOf(st)}, not a log file (to redact a stream, pipe it to gsmlens redact -)`);
  }
}

/**
 * Bytes in, redacted text out, line by line. Invalid UTF-8 becomes U+FFFD (like the analysis'
 * LineSplitter) rather than stopping the run. A line longer than MAX_LINE_CHARS keeps its first
 * MAX_LINE_CHARS characters, back to the last space when there is one near the cut so no value is
 * cut in two, and the rest is counted, never held.
 */
class LineRedactor {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  /** Characters of the current line dropped after the cut; -1 while the line is within bounds. */
  private dropped = -1;
  /** Lines cut, and the first of them (1-based). */
  cutLines = 0;
  firstCutLine = 0;
  private lineNo = 0;
  endedWithNewline = true;

  constructor(private readonly redactor: Redactor) {}

  /** The redacted text of the whole lines completed by `chunk`. */
  push(chunk: Uint8Array): string {
    return this.feed(this.decoder.write(chunk as Buffer));
  }

  /** The rest: the last line when it has no LF. Closes a PEM block the input left open. */
  end(): string {
    let out = this.feed(this.decoder.end());
    if (this.partial.length > 0 || this.dropped >= 0) {
      out += this.line(false);
      this.endedWithNewline = false;
    }
    this.redactor.endOfInput();
    return out;
  }

  private feed(text: string): string {
    if (text.length === 0) return '';
    this.endedWithNewline = text.endsWith('\n');
    let out = '';
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      this.take(text, start, nl);
      out += this.line(true);
      start = nl + 1;
    }
    this.take(text, start, text.length);
    return out;
  }

  /** Adds text[from, to) to the current line, up to the bound; what is past it is only counted. */
  private take(text: string, from: number, to: number): void {
    if (this.dropped >= 0) {
      this.dropped += to - from;
      return;
    }
    const room = MAX_LINE_CHARS - this.partial.length;
    if (to - from <= room) {
      this.partial += text.slice(from, to);
      return;
    }
    this.partial += text.slice(from, from + room);
    this.dropped = to - from - room;
  }

  private line(withNewline: boolean): string {
    this.lineNo++;
    let line = this.partial;
    let marker = '';
    if (this.dropped >= 0) {
      // Back to a space near the cut, so a value is not left half-shown.
      const space = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t'));
      const back = space >= line.length - 1024 ? line.length - space - 1 : 0;
      if (back > 0) line = line.slice(0, line.length - back);
      marker = cutMarker(this.dropped + back);
      this.cutLines++;
      if (this.cutLines === 1) this.firstCutLine = this.lineNo;
    }
    this.partial = '';
    this.dropped = -1;
    return this.redactor.redact(line) + marker + (withNewline ? '\n' : '');
  }
}

/**
 * Writes `files` (`-` is standard input) to `out`, redacted, in order, through one Redactor, and
 * nothing else. Between two files a newline is added when the first did not end with one, so the
 * last line of one file is never glued to the first line of the next. `out` is not ended.
 * Throws `Error("<path>: no such file")` (one line) before writing anything when a file is missing
 * or is not a regular file (a device, a FIFO); a `.gz` is decompressed, a tar or zip archive is
 * refused as `diagnose` refuses it. What the reader should know (a cut line, a damaged `.gz`) goes
 * to `warn`. Returns the counts (also `redactor.summary()`) for the caller to print on stderr.
 */
export async function runRedact(
  files: string[],
  out: NodeJS.WritableStream,
  redactor: Redactor = new Redactor(),
  warn: (message: string) => void = (m) => process.stderr.write(`gsmlens: ${m}\n`),
): Promise<RedactionCount[]> {
  await checkFiles(files);
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const lines = new LineRedactor(redactor);
    // Written as read: process.stdout is synchronous for files, pipes and terminals on Linux, so
    // nothing piles up in memory; the largest write is one chunk's lines.
    const info = await readInput(f, (chunk) => {
      const text = lines.push(chunk);
      if (text.length > 0) out.write(text);
    }).catch((err: unknown) => {
      // readInput's refusals (an archive, a zip) already name the file in one line.
      throw err instanceof InputError || f === '-' ? err : describe(f, err);
    });
    const tail = lines.end();
    if (tail.length > 0) out.write(tail);
    const name = f === '-' ? 'standard input' : f;
    for (const notice of info.notices) warn(`${name}: ${notice}`);
    if (lines.cutLines > 0) {
      warn(`${name}: ${lines.cutLines} line(s) longer than ${MAX_LINE_CHARS / 1024} KiB were cut to their first ${MAX_LINE_CHARS / 1024} KiB (first: line ${lines.firstCutLine}); the cut is marked in the output`);
    }
    if (!lines.endedWithNewline && i < files.length - 1) await write(out, '\n');
  }
  return redactor.summary();
}
