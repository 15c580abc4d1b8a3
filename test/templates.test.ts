import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis, LogRecord } from '../server/src/core/model';
import { parseLog, writtenBody } from './support/reshape';

// A logger's template decides two things about a line: how it writes the clock, and how it writes
// the program before the message. The metamorphic test re-tells logs in shapes real tools write;
// this one crosses every clock with every program layout, so a reader that only knows the pairs
// it met (an ISO clock with `[gsmd]`, a BSD clock with `gsmd[3553]: `) fails here. The sample and
// every labelled log with findings and wall clocks are re-told in each pair (3,920 logs); each must
// give the original's findings, with their counts, and its verdicts.

const REF = Date.UTC(2024, 11, 4);
const ROOT = join(__dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'real');
/** The sample and every labelled log: those whose records have wall clocks are re-told (a log of times of day alone has no date to write). */
const LOGS: [string, string][] = [
  ['rut901-sample', join(ROOT, 'samples', 'rut901-modem-update-stuck.log')],
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.log')).map((f): [string, string] => [f.slice(0, 3), join(FIXTURES, f)]),
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');
const hms = (d: Date): string => d.toISOString().slice(11, 19);
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Clocks as templates write them (strftime, Python, Java, JavaScript's Date, syslog daemons). */
const CLOCKS: Record<string, (d: Date) => string> = {
  'ISO T Z': (d) => `${isoDay(d)}T${hms(d)}Z`,
  'ISO space': (d) => `${isoDay(d)} ${hms(d)}`,
  'ISO ms': (d) => d.toISOString().slice(0, 23).replace('T', ' '),
  'ISO comma ms (Python)': (d) => d.toISOString().slice(0, 23).replace('T', ' ').replace('.', ','),
  'ISO ns': (d) => `${isoDay(d)} ${hms(d)}.123456789`,
  'RFC 3339 with offset': (d) => `${isoDay(d)}T${hms(d)}.123456+01:00`,
  'ISO in brackets': (d) => `[${isoDay(d)} ${hms(d)}]`,
  'year/month/day': (d) => `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${hms(d)}`,
  'day.month.year': (d) => `${p2(d.getUTCDate())}.${p2(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${hms(d)}`,
  // Short dates with a year of two digits (Windows' and many devices' own logs).
  'day.month.yy': (d) => `${p2(d.getUTCDate())}.${p2(d.getUTCMonth() + 1)}.${String(d.getUTCFullYear()).slice(2)} ${hms(d)}`,
  'US short, yy': (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)} ${d.getUTCHours() % 12 || 12}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`,
  'day-Mon-year': (d) => `${p2(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${hms(d)}`,
  'Mon day year': (d) => `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${d.getUTCFullYear()} ${hms(d)}`,
  'RFC 2822': (d) => d.toUTCString(),
  'US 12-hour': (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours() % 12 || 12}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`,
  'BSD': (d) => `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hms(d)}`,
  'time of day': hms,
  'time of day, ms': (d) => d.toISOString().slice(11, 23),
};

/** How a template writes the program (and perhaps a host or a level) before the message. */
const PROGRAMS: Record<string, (tag: string, pid: number | undefined) => string> = {
  'name[pid]: ': (t, p) => (p !== undefined ? `${t}[${p}]: ` : `${t}: `),
  'name: ': (t) => `${t}: `,
  '[name] ': (t) => `[${t}] `,
  'host name[pid]: ': (t, p) => `router ${p !== undefined ? `${t}[${p}]` : t}: `,
  'LEVEL name: ': (t) => `INFO ${t}: `,
  'LEVEL [name] ': (t) => `INFO [${t}] `,
  '[LEVEL] [name] ': (t) => `[INFO] [${t}] `,
  // The program before its bracketed level, with and without a space between; a pid after a colon.
  '[name] [LEVEL] ': (t) => `[${t}] [INFO] `,
  '[name][LEVEL] ': (t) => `[${t}][INFO] `,
  'LEVEL [name:pid] ': (t, p) => `INFO [${t}${p !== undefined ? `:${p}` : ''}] `,
  // Fields after the clock, each followed by one separator (records/fieldLead.ts): Python logging's
  // `%(asctime)s - %(name)s - %(levelname)s - %(message)s`, bars, a level after the program, brackets.
  '- name - LEVEL - ': (t) => `- ${t} - INFO - `,
  'name | LEVEL | ': (t) => `${t} | INFO | `,
  'name LEVEL ': (t) => `${t} INFO `,
  'LEVEL - name - ': (t) => `INFO - ${t} - `,
  '<name> ': (t) => `<${t}> `,
};

// Not crossed here, because no reader takes them yet (found by this crossing, 2026-12-06): clocks
// in seconds since 1970 without a fraction or as one run of digits (`20241202 195459`); a known
// program alone before a separator (`gsmd | `) is read, an unknown one only beside a level word.

function retell(text: string, clock: (d: Date) => string, program: (tag: string, pid: number | undefined) => string): string | undefined {
  const log = parseLog(text, 2024);
  const out: string[] = [];
  let rewritten = 0;
  // Whether the record the next continuation lines belong to was written whole (its wrapped text with it).
  let written = false;
  for (const l of log.lines) {
    const r = l.result;
    if (r === 'continuation' && written) continue;
    const t = typeof r === 'string' ? undefined : log.clock.get(r);
    written = false;
    // Lines without a wall clock of their own stay as written.
    if (typeof r === 'string' || t === undefined) {
      out.push(l.raw);
      continue;
    }
    // A log of times of day alone has no date to write (its clocks are on a day of its own).
    if (new Date(t).getUTCFullYear() < 1970) return undefined;
    const record = r as LogRecord;
    out.push(`${clock(new Date(t))} ${record.tag !== undefined ? program(record.tag, record.pid) : ''}${writtenBody(record, l.raw, 2024)}`);
    written = true;
    rewritten++;
  }
  return rewritten > 0 ? `${out.join('\n')}\n` : undefined;
}

function diagnosis(a: Analysis): { findings: Record<string, number>; verdicts: string[] } {
  const findings: Record<string, number> = {};
  for (const f of a.findings) findings[f.code] = (findings[f.code] ?? 0) + 1;
  return { findings: Object.fromEntries(Object.entries(findings).sort()), verdicts: a.episodes.map((e) => `${e.kind}: ${e.verdict}`) };
}

describe('a log re-told in every template of clock and program gets the same diagnosis', () => {
  for (const [name, path] of LOGS) {
    const text = readFileSync(path, 'utf8');
    const original = diagnosis(analyzeText(text, { referenceTime: REF }));
    // A log without findings would prove little; one without wall clocks cannot be re-told so.
    if (Object.keys(original.findings).length === 0 || retell(text, CLOCKS['ISO space'], PROGRAMS['name[pid]: ']) === undefined) continue;
    it(`${name}: ${Object.keys(CLOCKS).length} clocks x ${Object.keys(PROGRAMS).length} program layouts`, () => {
      const differ: string[] = [];
      for (const [clockName, clock] of Object.entries(CLOCKS)) {
        for (const [programName, program] of Object.entries(PROGRAMS)) {
          const got = diagnosis(analyzeText(retell(text, clock, program)!, { referenceTime: REF }));
          if (JSON.stringify(got) !== JSON.stringify(original)) differ.push(`${clockName} + ${programName}: ${JSON.stringify(got)}`);
        }
      }
      assert.deepEqual(differ, [], `${name} as ${JSON.stringify(original)}`);
    });
  }

  it('re-tells most labelled logs (else the crossing proves little)', () => {
    const told = LOGS.filter(([, path]) => retell(readFileSync(path, 'utf8'), CLOCKS['ISO space'], PROGRAMS['name[pid]: ']) !== undefined);
    assert.ok(told.length >= 40, `${told.length} logs re-told`);
  });
});
