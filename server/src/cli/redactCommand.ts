import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { Redactor, type RedactionCount } from '../core/redact/redact';

// `gsmlens redact FILE...`: the files, redacted, on `out`, so a user can post a log publicly.
// Lines are streamed (a 100 MB system.log is never held whole) and written back with the same
// line ends, CR included; the placeholder table is shared so a value keeps its number across files.

async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (text.length === 0) return;
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

function describe(path: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new Error(`${path}: no such file`);
  if (code === 'EISDIR') return new Error(`${path}: is a directory`);
  if (code === 'EACCES' || code === 'EPERM') return new Error(`${path}: permission denied`);
  const message = err instanceof Error ? err.message : String(err);
  return new Error(`${path}: ${message.split('\n')[0]}`);
}

/** Every named file must exist before anything is written, so a typo does not leave half a document. */
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
  }
}

/**
 * Streams one source through the redactor. Returns whether the last line ended with LF.
 * Invalid UTF-8 becomes U+FFFD (like the analysis' LineSplitter) rather than stopping the run.
 */
async function redactStream(source: NodeJS.ReadableStream, redactor: Redactor, out: NodeJS.WritableStream): Promise<boolean> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let endedWithNewline = true;
  const flushLines = async (text: string): Promise<void> => {
    let start = 0;
    let batch = '';
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      const line = partial.length > 0 ? partial + text.slice(start, nl) : text.slice(start, nl);
      partial = '';
      batch += redactor.redact(line) + '\n';
      start = nl + 1;
      if (batch.length >= 65536) {
        await write(out, batch);
        batch = '';
      }
    }
    // A line without its LF yet waits for the next chunk; it is never cut, since a cut could
    // split a secret into two halves that no longer match.
    partial += text.slice(start);
    await write(out, batch);
  };
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (text.length === 0) continue;
    endedWithNewline = text.endsWith('\n');
    await flushLines(text);
  }
  const tail = decoder.end();
  if (tail.length > 0) {
    endedWithNewline = tail.endsWith('\n');
    await flushLines(tail);
  }
  if (partial.length > 0) {
    await write(out, redactor.redact(partial));
    endedWithNewline = false;
  }
  redactor.endOfInput();
  return endedWithNewline;
}

/**
 * Writes `files` (`-` is standard input) to `out`, redacted, in order, through one Redactor, and
 * nothing else. Between two files a newline is added when the first did not end with one, so the
 * last line of one file is never glued to the first line of the next. `out` is not ended.
 * Throws `Error("<path>: no such file")` (one line) before writing anything when a file is missing.
 * Returns the counts (also `redactor.summary()`) for the caller to print on stderr.
 */
export async function runRedact(files: string[], out: NodeJS.WritableStream, redactor: Redactor = new Redactor()): Promise<RedactionCount[]> {
  await checkFiles(files);
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    let source: NodeJS.ReadableStream;
    if (f === '-') {
      source = process.stdin;
    } else {
      const stream = createReadStream(f, { highWaterMark: 1 << 20 });
      // Opening errors (removed between the check and now) surface as a one-line message.
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', (err) => reject(describe(f, err)));
      });
      source = stream;
    }
    let endedWithNewline: boolean;
    try {
      endedWithNewline = await redactStream(source, redactor, out);
    } catch (err) {
      throw f === '-' ? err : describe(f, err);
    }
    if (!endedWithNewline && i < files.length - 1) await write(out, '\n');
  }
  return redactor.summary();
}
