import { FAST_READERS, newFastRead } from './fastReaders';
import { wallTime } from './timeWords';

/** What the fast lane reads of a plain logread line (the shape `test/formatAgreement.test.ts` checks). */
export interface FastLine {
  time: number;
  /** Program tag, '' for a tagless RutOS event line. */
  tag: string;
  /** Index in the line where the message starts. */
  messageStart: number;
  /** Kernel uptime in seconds for `kernel: [  466.515595]` lines. */
  uptime?: number;
}

const scratch = newFastRead();

/**
 * The logread entry of the fast readers (records/fastReaders.ts) as one call:
 * `Mon Dec  2 19:54:59 2024 daemon.info tag[pid]: msg` read without the full parser, or undefined.
 */
export function readFastLogread(s: string): FastLine | undefined {
  if (!FAST_READERS.logread!.read(s, 0, s.length, scratch)) return undefined;
  const line: FastLine = { time: wallTime(scratch.year, scratch.month, scratch.day, scratch.hour, scratch.minute, scratch.second, scratch.ms), tag: scratch.tag, messageStart: scratch.messageStart };
  if (scratch.uptime >= 0) line.uptime = scratch.uptime;
  return line;
}
