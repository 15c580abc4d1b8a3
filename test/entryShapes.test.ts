import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { CATALOGUE, catalogueEntry } from '../server/src/core/catalogue';
import type { CatalogueEntry } from '../server/src/core/catalogue/types';
import { findingOf } from '../server/src/core/findings/eventTime';
import type { LogEvent } from '../server/src/core/model';
import { levelRank } from '../server/src/core/records/levels';
import { LineParser } from '../server/src/core/records/lineParser';
import { reshape, type Shape } from './support/reshape';
import { EXACT_FORMATS, PASTES } from './support/shapeLists';

// Every catalogue entry re-told in every shape a log is written in, and pasted in every way. An entry is written from the
// lines it was found in (its samples), in one format; the same line from a syslog server, a
// journal's JSON, an export or a capture tool must be read as the same event. A whole log re-told
// so (metamorphic.test.ts) carries a few dozen entries; this carries each one, alone on its line,
// where no other line of the file helps (a host column learned, a year witnessed).

const REF = Date.UTC(2024, 11, 4);

/** Each line alone: listing it newest first changes nothing. */
const LINE_PASTES = PASTES.filter((p) => p !== 'newest-first');

/**
 * What is not read yet, with its reason: the (entry, shape) pairs it may explain. Each must still
 * explain one that is not read, or the test fails until it is taken off. `tagless`: only for
 * samples written without a program.
 */
const KNOWN_GAPS: { shapes: Shape[]; tagless?: boolean; entries?: string[]; why: string }[] = [
  {
    shapes: ['journal-short-full', 'journal-with-unit'], tagless: true,
    why: 'journalctl writes a program on every line, so its short-full format takes the word after the zone as the host only before a program, or once a second line shows the same word there (the host column is learned); a line without a program alone stays text',
  },
  {
    shapes: ['bsd-host', 'dashes-us', 'dashes-eu', 'bracketed-iso-host', 'journal-short-precise'], entries: ['modem-program.mm-error'],
    why: '`router [2656]: ` alone is a program and its pid with a space between, or a host and an empty program; the line is read the first way (journalctl\'s ISO formats, which always write the host, and a file whose host column was learned read it the second; short-precise\'s stamp is BSD syslog\'s)',
  },
  {
    shapes: ['kubectl-prefix', 'compose'], entries: ['modem-program.mm-error'],
    why: 'a container\'s service names the program of a line without one (`syslog-ng-1 | ... daemon.err [2656]: <err> ...`), so the catch-all of ModemManager\'s lines without a program does not take it',
  },
  {
    shapes: ['mail-wrapped'], entries: ['ntpd.set-time'],
    why: 'the wrap falls before the date the message holds, and an indented line that opens with a date is a record of its own (a wrapped line may not begin so)',
  },
  {
    shapes: ['mail-wrapped', 'terminal-80'], entries: ['comgt.com-write-failed', 'freebsd.usb-reenumerate-failed', 'freebsd.modem-attached'],
    why: 'a line without a clock, wrapped: the parser joins a wrap\'s lines only after a record with a clock (text after clockless text may be anything)',
  },
];

const events = (text: string): LogEvent[] => analyzeText(`${text}\n`, { referenceTime: REF }).events;
const ids = (text: string): string[] => events(text).map((e) => e.id);

/**
 * Whether the line is read as the entry; for a catch-all, as any catch-all with its finding: which
 * one takes a line depends on its program (ModemManager's `<err> [modem0]` is the catch-all of no
 * program in logread's `[2656]: `, and ModemManager's where a journal's JSON leaves the envelope to name it).
 */
function readAs(entry: CatalogueEntry, text: string): boolean {
  const found = events(text);
  if (found.some((e) => e.id === entry.id)) return true;
  return entry.fallbackLevel !== undefined && found.some((e) => catalogueEntry(e.id)?.fallbackLevel !== undefined && findingOf(e) === entry.finding);
}

describe('every catalogue entry, re-told in every format', () => {
  const screened = CATALOGUE;
  let compared = 0;
  const gapsSeen = new Set<(typeof KNOWN_GAPS)[number]>();
  for (const entry of screened) {
    it(entry.id, () => {
      for (const sample of entry.samples) {
        if (ids(sample).join() !== entry.id) continue; // the catalogue test holds each sample to its entry
        const record = new LineParser({ referenceYear: 2024 }).parse(sample, 1);
        const tagless = typeof record !== 'string' && record.tag === undefined;
        for (const shape of [...EXACT_FORMATS, ...LINE_PASTES]) {
          const text = reshape(`${sample}\n`, shape, { referenceYear: 2024 }).replace(/\n$/, '');
          if (text === sample) continue;
          // A catch-all is asked only of a line at its level or worse: a shape without levels has none.
          if (entry.fallbackLevel !== undefined) {
            const r = new LineParser({ referenceYear: 2024 }).parse(text.split('\n').pop()!, 1);
            if (typeof r === 'string' || r.level === undefined || levelRank(r.level) > levelRank(entry.fallbackLevel)) continue;
          }
          const gap = KNOWN_GAPS.find((g) => g.shapes.includes(shape) && (g.tagless === undefined || g.tagless === tagless) && (g.entries === undefined || g.entries.includes(entry.id)));
          const read = readAs(entry, text);
          compared++;
          if (gap && !read) gapsSeen.add(gap);
          else assert.ok(read, `${shape}: ${JSON.stringify(text)} is not read as ${entry.id} (${ids(text).join(', ') || 'nothing'})`);
        }
      }
    });
  }
  it('compared the entries in many shapes', () => assert.ok(compared > 11000, `${compared} comparisons`));
  it('lists no gap that is read now', () => {
    for (const gap of KNOWN_GAPS) assert.ok(gapsSeen.has(gap), `read now; take it off KNOWN_GAPS: ${gap.why}`);
  });
});
