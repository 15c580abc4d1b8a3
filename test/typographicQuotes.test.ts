import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A log that went through a mail client or a web page comes back with typographic quotes where it
// wrote ASCII ones (`Interface ‘wwan’ is now down`). Blind probe P's HTML mail had those lines unread.

const REF = Date.UTC(2026, 11, 8);
const straight = [
  "Mon Mar  9 14:02:11 2026 daemon.notice netifd: Interface 'mob1s1a1' is now down",
  'Mon Mar  9 14:02:12 2026 daemon.info mwan3track[2431]: Check (ping) failed for target "8.8.8.8" on interface mob1s1a1',
  "Mon Mar  9 14:02:40 2026 daemon.notice netifd: Interface 'mob1s1a1' is now up",
];
const curly = straight.map((l) => l.replace(/'([^']*)'/g, '\u2018$1\u2019'));

describe('typographic quotes where a log wrote ASCII ones', () => {
  it('are read as the ASCII quotes: the same events and findings', () => {
    const a = analyzeText(curly.join('\n') + '\n', { referenceTime: REF });
    const b = analyzeText(straight.join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(a.events.map((e) => [e.id, e.line, e.text]), b.events.map((e) => [e.id, e.line, e.text]));
    assert.ok(a.events.some((e) => e.id === 'netifd.interface-up'));
  });
  it('a typographic double quote stays as written: made `"` it would end a JSON string', () => {
    const line = JSON.stringify({ MESSAGE: 'state changed \u201cok\u201d', SYSLOG_IDENTIFIER: 'app', __REALTIME_TIMESTAMP: '1796638564622000' });
    const a = analyzeText(line + '\n', { referenceTime: REF });
    assert.equal(a.files[0].format, 'json-lines');
  });
  it('the fast lane and the full parser read them alike', () => {
    const text = curly.join('\n') + '\n';
    assert.deepEqual(analyzeText(text, { referenceTime: REF }), analyzeText(text, { referenceTime: REF, fastLane: false }));
  });
});
