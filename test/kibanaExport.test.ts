import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// Kibana's Discover exports a CSV whose header names the columns and whose times are in Kibana's
// default date format, `MMM D, YYYY @ HH:mm:ss.SSS`, newest first. A blind probe's export had been
// read as text, with no times: the `@` was no word of the timestamp grammar, and read oldest first
// the header row came last and named no columns.

const REF = Date.UTC(2024, 5, 1);
const HEADER = '@timestamp,host.name,process.name,process.pid,message';
// Twelve rows a minute apart: enough for a listing's order to be told.
const ROWS: [string, string, string][] = Array.from({ length: 12 }, (_, i) => [
  `07:${String(40 + i).padStart(2, '0')}:22.100`,
  'ModemManager',
  i % 3 === 0 ? '<info>  [modem0] 3GPP registration state changed (searching -> denied)' : `<info>  [modem0] simple connect state (${(i % 3) + 3}/8): register`,
]);
const row = (clock: string, program: string, message: string, stamp: (c: string) => string): string => `"${stamp(clock)}",fedora-x13,${program},1040,"${message.replace(/"/g, '""')}"`;
const kibana = (c: string): string => `Feb 9, 2024 @ ${c}`;
const iso = (c: string): string => `2024-02-09T${c}Z`;

describe("a Kibana export", () => {
  for (const [name, stamp] of [["Kibana's date format", kibana], ['ISO times', iso]] as const) {
    for (const order of ['oldest first', 'newest first'] as const) {
      it(`${name}, ${order}: its rows read with their times, the same findings`, () => {
        const rows = ROWS.map(([c, p, m]) => row(c, p, m, stamp));
        const a = analyzeText([HEADER, ...(order === 'newest first' ? [...rows].reverse() : rows)].join('\n') + '\n', { referenceTime: REF });
        const f = a.files[0];
        assert.equal(f.format, 'table');
        assert.equal(f.recognised.records, 12);
        assert.deepEqual([f.firstTime, f.lastTime].map((t) => new Date(t!).toISOString()).sort(), ['2024-02-09T07:40:22.100Z', '2024-02-09T07:51:22.100Z']);
        const denied = a.findings.filter((x) => x.code === 'registration-failed');
        assert.ok(denied.length >= 2, a.findings.map((x) => x.code).join());
        assert.deepEqual(a.episodes.map((e) => e.kind), ['registration-problem']);
      });
    }
  }
});
