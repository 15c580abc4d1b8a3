import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { toTextReport } from '../server/src/core/report/textReport';
import { toMarkdownReport } from '../server/src/core/report/markdownReport';
import { toHtmlReport } from '../server/src/core/report/htmlReport';

// A story's steps show the clock only; a story over several days puts each day's date before its
// first step, so a multi-day log's 03:02 is one day's (a blind probe's four-day log).

const REF = Date.UTC(2024, 11, 4);
const down = (day: number, clock: string): string => `Mon Oct  ${day} ${clock} 2024 daemon.notice netifd: Interface 'mob1s1a1' is now down`;

describe('the text report of a story over several days', () => {
  it('dates each day before its first step', () => {
    const text = toTextReport(analyzeText([down(7, '03:02:11'), down(8, '03:03:11'), down(8, '09:00:00')].join('\n') + '\n', { referenceTime: REF }));
    const steps = text.slice(text.indexOf('What happened'));
    assert.match(steps, /^ {4}2024-10-07\n {4}03:02:11/m);
    assert.match(steps, /^ {4}2024-10-08\n {4}03:03:11/m);
    assert.equal(steps.match(/^ {4}2024-10-08$/gm)?.length, 1, 'one date line a day');
  });
  it('a story within one day shows no date line', () => {
    const text = toTextReport(analyzeText([down(7, '03:02:11'), down(7, '09:00:00')].join('\n') + '\n', { referenceTime: REF }));
    assert.doesNotMatch(text.slice(text.indexOf('What happened')), /^ {4}2024-10-07$/m);
  });
  it('a story within one day of a log over several days is dated too', () => {
    const quiet = (day: number): string => `Mon Oct  ${day} 12:00:00 2024 daemon.info dnsmasq[2170]: read /etc/hosts - 4 names`;
    const text = toTextReport(analyzeText([quiet(5), quiet(6), down(7, '03:02:11'), down(7, '09:00:00')].join('\n') + '\n', { referenceTime: REF }));
    assert.match(text.slice(text.indexOf('What happened')), /^ {4}2024-10-07\n {4}03:02:11/m);
  });
  it('the Markdown and HTML reports date the steps of a multi-day log, and only those', () => {
    const quiet = (day: number): string => `Mon Oct  ${day} 12:00:00 2024 daemon.info dnsmasq[2170]: read /etc/hosts - 4 names`;
    const multi = analyzeText([quiet(5), down(7, '03:02:11'), down(7, '09:00:00')].join('\n') + '\n', { referenceTime: REF });
    assert.match(toMarkdownReport(multi), /^- 2024-10-07 03:02:11 /m);
    assert.match(toHtmlReport(multi), /<span class="time">2024-10-07 03:02:11<\/span>/);
    const one = analyzeText([down(7, '03:02:11'), down(7, '09:00:00')].join('\n') + '\n', { referenceTime: REF });
    assert.match(toMarkdownReport(one), /^- 03:02:11 /m);
    assert.match(toHtmlReport(one), /<span class="time">03:02:11<\/span>/);
  });
});

