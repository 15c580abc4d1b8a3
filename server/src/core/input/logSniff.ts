import { LineParser } from '../records/lineParser';

// Whether a file's first lines read as a log: for an archive or a directory whose files are not
// named as logs are (`journal-atelier.txt` in a tar.gz a person made), so a log under any name is
// read and a listing, a config or a note beside it is not.

/** How much of a file is looked at: its first lines, up to this many bytes. */
export const SNIFF_BYTES = 64 * 1024;
const SNIFF_LINES = 200;
/** At least this share of the non-blank lines looked at are records of a log format. */
const MIN_SHARE = 0.3;
const MIN_RECORDS = 3;

/** Whether the text's first lines are mostly records of a format the format layer reads. */
export function looksLikeLog(content: Buffer | string): boolean {
  const head = (typeof content === 'string' ? content.slice(0, SNIFF_BYTES) : new TextDecoder('utf-8', { fatal: false }).decode(content.subarray(0, SNIFF_BYTES))).replace(/^\uFEFF/, '');
  // UTF-16 (a Windows shell's redirect) is every other byte NUL: the reader decodes it; the sniff asks it the same.
  const text = /^(?:[^\0]\0){8}/.test(head) ? Buffer.from(head, 'latin1').toString('utf16le') : head;
  const parser = new LineParser({ referenceYear: new Date().getUTCFullYear() });
  let lines = 0;
  let records = 0;
  for (const line of text.split(/\r?\n/).slice(0, SNIFF_LINES)) {
    const r = parser.parse(line, lines + 1);
    if (r === 'blank') continue;
    lines++;
    if (typeof r === 'object' && r.format !== 'text' && r.format !== 'section') records++;
  }
  return records >= MIN_RECORDS && records >= lines * MIN_SHARE;
}
