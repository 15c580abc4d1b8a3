import { gzipSync } from 'node:zlib';

/** One entry of a hand-built tar: hostile names and types that no tar tool would write for us. */
export interface TarEntry {
  name: string;
  content?: string | Buffer;
  /** '0' file, '2' symlink, '1' hard link, '3' char device, '5' directory. */
  type?: '0' | '1' | '2' | '3' | '5';
  linkname?: string;
  /** Declared size, when it should differ from the content (a bomb or a cut entry). */
  size?: number;
}

function field(buf: Buffer, offset: number, length: number, value: string): void {
  buf.write(value.slice(0, length), offset, 'latin1');
}

function octal(n: number, length: number): string {
  return n.toString(8).padStart(length - 1, '0') + '\0';
}

/** A ustar archive (POSIX 1003.1-1988 headers), optionally gzipped, built byte by byte. */
export function buildTar(entries: readonly TarEntry[], gzip = true): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = typeof e.content === 'string' ? Buffer.from(e.content) : e.content ?? Buffer.alloc(0);
    const h = Buffer.alloc(512);
    field(h, 0, 100, e.name);
    field(h, 100, 8, octal(0o644, 8));
    field(h, 108, 8, octal(0, 8));
    field(h, 116, 8, octal(0, 8));
    field(h, 124, 12, octal(e.size ?? body.length, 12));
    field(h, 136, 12, octal(Math.floor(Date.UTC(2024, 11, 3) / 1000), 12));
    h.fill(' ', 148, 156);
    field(h, 156, 1, e.type ?? '0');
    field(h, 157, 100, e.linkname ?? '');
    field(h, 257, 6, 'ustar\0');
    field(h, 263, 2, '00');
    let sum = 0;
    for (const b of h) sum += b;
    field(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
    blocks.push(h, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  const tar = Buffer.concat(blocks);
  return gzip ? gzipSync(tar) : tar;
}
