/**
 * A record written as a block of `KEY=value` lines: `journalctl -o verbose` (a header line with the
 * time and the entry's cursor, then its fields indented) and `journalctl -o export` (the fields
 * from `__CURSOR=` to a blank line). Its fields are journald's, so the block is read as the JSON
 * object journald would have written (`-o json`) and its fields by role (formats/jsonLines.ts).
 */

/**
 * `Mon 2024-12-02 19:54:59.123456 UTC [s=…;i=…;b=…;m=…;t=…;x=…]`: the cursor's `t` is the entry's
 * wall time in microseconds, in hex (systemd's journalctl, output "verbose").
 */
const VERBOSE_HEADER = /^(?:[A-Z][a-z]{2} )?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})? ?\S* \[s=[0-9a-f]{32};i=[0-9a-f]{1,16};b=[0-9a-f]{32};m=[0-9a-f]{1,16};t=([0-9a-f]{1,16});x=[0-9a-f]{1,16}\]\s*$/;

/** A journald field: upper-case letters, digits and `_`, not starting with a digit. */
const FIELD = /^\s*([A-Z_][A-Z0-9_]{0,63})=(.*)$/;

/** The most fields a block holds: a record has tens; more is no record (its lines are read as lines). */
const MAX_FIELDS = 256;

export class FieldBlock {
  readonly fields: Record<string, string> = {};
  endLine: number;
  private count = 0;

  constructor(readonly line: number, readonly header: boolean) {
    this.endLine = line;
  }

  /** Takes the line if it is a field of the block; false when the block ended before it. */
  take(text: string, lineNo: number): boolean {
    const m = FIELD.exec(text);
    if (!m || this.count >= MAX_FIELDS) return false;
    // A verbose block's fields are indented; an export's are not, and its header is a field.
    if (this.header !== /^\s/.test(text)) return false;
    // The first value of a field stands (journald writes a field once per entry, or repeats it).
    this.fields[m[1]] ??= m[2];
    this.count++;
    this.endLine = lineNo;
    return true;
  }

  /** A copy that can take lines without changing this one (a snapshot's). */
  copy(): FieldBlock {
    const c = new FieldBlock(this.line, this.header);
    Object.assign(c.fields, this.fields);
    c.endLine = this.endLine;
    c.count = this.count;
    return c;
  }

  /** The block as journald's JSON object, or undefined when it holds no message. */
  asJson(): string | undefined {
    return this.fields.MESSAGE === undefined ? undefined : JSON.stringify(this.fields);
  }
}

/** A block that starts at this line: a verbose entry's header, or an export's first field. */
export function openFieldBlock(text: string, lineNo: number): FieldBlock | undefined {
  const c = text.charCodeAt(0);
  if (c === 0x5f /* _ */ && text.startsWith('__CURSOR=')) {
    const block = new FieldBlock(lineNo, false);
    block.take(text, lineNo);
    return block;
  }
  // Cheap first: the header ends with the cursor's closing bracket.
  if (text.charCodeAt(text.length - 1) !== 0x5d /* ] */ && !/\]\s*$/.test(text)) return undefined;
  const m = VERBOSE_HEADER.exec(text);
  if (!m) return undefined;
  const block = new FieldBlock(lineNo, true);
  const us = parseInt(m[1], 16);
  if (Number.isFinite(us)) block.fields.__REALTIME_TIMESTAMP = String(us);
  return block;
}
