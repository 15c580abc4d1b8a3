import { modemUpdateStory } from '../server/src/core/stories/entries/modemUpdate';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText, FileAnalysis, finishAnalysis } from '../server/src/core/analyze';
import { buildTimeline } from '../server/src/core/timeline/buildTimeline';

const ROOT = join(__dirname, '..');
const SAMPLE = readFileSync(join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
const REF = Date.UTC(2024, 11, 4);
const at = (s: string): number => Date.parse(`${s}Z`);

function timelineOf(text: string) {
  const f = new FileAnalysis(0, 'system.log', REF);
  f.splitter.pushText(text);
  const file = f.finish();
  return buildTimeline('file:///system.log', finishAnalysis([file], {}), file);
}

describe('timeline data', () => {
  const t = timelineOf(SAMPLE);

  it('puts events on subsystem lanes, a burst as one mark with its count', () => {
    assert.equal(t.clock, 'wall');
    assert.deepEqual(t.lanes.map((l) => l.id), ['modem', 'usb', 'network', 'mobile-events', 'system', 'firmware-update']);
    const writes = t.marks.filter((m) => m.lane === 'modem' && /could not write/.test(m.label));
    assert.equal(writes.length, 1);
    assert.equal(writes[0].count, 20);
    assert.equal(writes[0].line, 41);
    assert.equal(writes[0].t, at('2024-12-02T19:54:59'));
    assert.equal(writes[0].endT, at('2024-12-02T19:55:05'));
    // The group says what it is; the label stays the first member's words.
    assert.equal(writes[0].group, '20 gsmd write failures');
    assert.doesNotMatch(writes[0].label, /×/);
    const dup = t.marks.find((m) => /refused to register/.test(m.label));
    assert.equal(dup?.severity, 'error');
  });

  it('shades USB absences and the silence after the modem was lost', () => {
    const gap = t.gaps.find((g) => g.start === at('2024-12-02T19:57:33'));
    assert.ok(gap);
    assert.equal(gap.end, at('2024-12-02T20:00:04'));
    assert.match(gap.label, /off the bus 2 min 31 s/);
    assert.equal(t.silences.length, 1);
    assert.equal(t.silences[0].start, at('2024-12-02T19:55:05'));
    assert.equal(t.silences[0].end, at('2024-12-03T21:13:40'));
  });

  it('spans the episode with its verdict and marks the boot', () => {
    assert.equal(t.episodes.length, 1);
    // The story's own words and colour, not a name the timeline knows.
    assert.equal(t.episodes[0].label, modemUpdateStory.title);
    assert.equal(t.episodes[0].verdict, modemUpdateStory.verdicts['updated-not-taken-back'].label);
    assert.equal(t.episodes[0].severity, 'error');
    assert.equal(t.episodes[0].start, at('2024-12-02T19:54:50'));
    assert.equal(t.boots[0].t, at('2024-12-02T19:49:46'));
    assert.deepEqual(t.range, { start: at('2024-12-02T19:49:46'), end: at('2024-12-03T21:13:40') });
  });

  it('bins the density strip over the whole range', () => {
    const total = (k: 'error' | 'warning' | 'info') => t.density[k].reduce((a, b) => a + b, 0);
    assert.equal(t.density.error.length, 400);
    assert.equal(total('error') + total('warning') + total('info'), analyzeText(SAMPLE, { referenceTime: REF }).events.length);
    assert.ok(total('warning') >= 40);
  });

  it('places uptime-only (dmesg) logs on the uptime clock', () => {
    const d = timelineOf('[  100.000000] usb 1-1: USB disconnect, device number 5\n[  250.500000] usb 1-1: new high-speed USB device number 6 using ehci-platform\n');
    assert.equal(d.clock, 'uptime');
    assert.deepEqual(d.range, { start: 100, end: 250.5 });
    assert.equal(d.gaps[0].end, 250.5);
    assert.match(d.gaps[0].label, /2 min 31 s/);
  });

  it('labels a group by what it is, not by its first member (issue 12 item 6a)', () => {
    const d = timelineOf(
      [
        '[  100.000000] usb 1-1: USB disconnect, device number 5',
        '[  101.000000] usb 1-2: USB disconnect, device number 3',
        '[  100.500000] option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0',
        '[  100.600000] option1 ttyUSB1: GSM modem (1-port) converter now disconnected from ttyUSB1',
        '[  100.700000] option1 ttyUSB2: GSM modem (1-port) converter now disconnected from ttyUSB2',
      ].join('\n'),
    );
    const disconnects = d.marks.find((m) => /left the bus/.test(m.label));
    assert.equal(disconnects?.count, 2);
    assert.equal(disconnects?.group, '2 USB disconnects');
    // No plural noun for the kind: its summary with the words every member shares, the rest "…".
    const ttys = d.marks.find((m) => /Serial port/.test(m.label));
    assert.equal(ttys?.group, '3 × Serial port … went away');
    const single = timelineOf('[  100.000000] usb 1-1: USB disconnect, device number 5\n').marks[0];
    assert.equal(single.group, undefined);
  });

  it('keeps two routers of a syslog server\'s file apart: each one\'s USB absence and marks name it', () => {
    const text = [
      'Dec  2 19:54:57 gw1 kernel: [  466.515595] usb 1-1: USB disconnect, device number 6',
      'Dec  2 19:54:58 gw2 kernel: [  866.515595] usb 1-1: USB disconnect, device number 3',
      'Dec  2 19:55:01 gw1 kernel: [  470.515595] usb 1-1: new high-speed USB device number 7 using xhci-hcd',
      'Dec  2 19:57:58 gw2 kernel: [ 1046.515595] usb 1-1: new high-speed USB device number 4 using xhci-hcd',
    ].join('\n');
    const t = buildTimeline('file:///messages', analyzeText(text, { referenceTime: REF }), undefined);
    // gw1 was off the bus 4 s, gw2 3 min: not one device back after a second.
    assert.deepEqual(t.gaps.map((g) => g.label).sort(), ['gw1: USB 1-1 off the bus 4 s', 'gw2: USB 1-1 off the bus 3 min'].sort());
    assert.ok(t.marks.every((m) => /^gw[12]: /.test(m.label)), t.marks.map((m) => m.label).join(' | '));
  });

  it('stays bounded on a long log', () => {
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) lines.push(`[${(i * 61).toFixed(6)}] usb 1-${(i % 7) + 1}: USB disconnect, device number ${i}`);
    const big = timelineOf(lines.join('\n'));
    assert.ok(big.marks.length <= 3000, `${big.marks.length} marks`);
    assert.equal(big.marks.reduce((a, m) => a + m.count, 0), 20_000, 'merged marks keep their counts');
    for (const m of big.marks) if (m.count > 1) assert.match(m.group ?? '', new RegExp(`^${m.count} `), 'a merged mark says how many and what');
  });
});
