import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readJsonLine } from '../server/src/core/formats/jsonLines';
import { analyzeText } from '../server/src/core/analyze';

// Shippers and exports name the message's key their own way. Blind probe N: Google Cloud Logging's
// export (one entry a line, the text under `textPayload`) was read as lines with no message: 100%
// read and "no problems" over a modem lost for five minutes. A key whose last word names a message
// is read as one, whatever the shipper.

const line = 'Dec  7 19:02:41 rig-edge-04 kernel: usb 1-1.1: USB disconnect, device number 4';

describe('a JSON line\'s message under a key no shipper list names', () => {
  for (const key of ['textPayload', 'body', 'Body', '@message', 'event', 'log_message', 'rawMessage', 'LOG_LINE', 'content']) {
    it(`reads "${key}" as the message`, () => {
      const j = readJsonLine(JSON.stringify({ insertId: 'a1b2', [key]: 'usb 1-1.1: USB disconnect, device number 4', severity: 'INFO' }));
      assert.equal(j?.message, 'usb 1-1.1: USB disconnect, device number 4');
    });
  }

  it('does not take a key that merely ends in such letters (catalog, dialog), nor a value without a space (an id)', () => {
    assert.equal(readJsonLine(JSON.stringify({ catalog: 'a modem catalogue entry', when: 'now' })), undefined);
    assert.equal(readJsonLine(JSON.stringify({ dialog: 'Are you sure?' })), undefined);
    assert.equal(readJsonLine(JSON.stringify({ eventId: 'x', event: 'a1b2c3' })), undefined);
  });

  it('a named key wins over a payload key', () => {
    assert.equal(readJsonLine(JSON.stringify({ textPayload: 'the other one', message: 'the message' }))?.message, 'the message');
  });

  it('a GCP Logging export one entry a line tells the modem lost, as the same lines as a syslog would', () => {
    const entry = (t: string, text: string) => JSON.stringify({ insertId: '00001f3a', logName: 'projects/acme/logs/syslog', resource: { type: 'gce_instance', labels: { zone: 'europe-west4-a' } }, textPayload: text, timestamp: `2026-12-07T${t}.000000Z` });
    const texts: [string, string][] = [
      ['19:02:00', 'Dec  7 19:02:00 rig-edge-04 ModemManager[690]: <msg> [modem0] signal quality updated (39)'],
      ['19:02:41', line],
      ['19:02:41', 'Dec  7 19:02:41 rig-edge-04 ModemManager[690]: <msg> [base-manager] port ttyUSB2 released by device \'/sys/devices/platform/soc/1-1.1\''],
      ...[3, 4, 5, 6, 7, 8].map((m): [string, string] => [`19:0${m}:00`, `Dec  7 19:0${m}:00 rig-edge-04 systemd[1]: logrotate.service: Deactivated successfully.`]),
    ];
    const json = analyzeText(texts.map(([t, text]) => entry(t, text)).join('\n') + '\n', { referenceTime: Date.UTC(2026, 11, 8) });
    const syslog = analyzeText(texts.map(([, text]) => text).join('\n') + '\n', { referenceTime: Date.UTC(2026, 11, 8) });
    assert.deepEqual(json.episodes.map((e) => [e.kind, e.verdict]), syslog.episodes.map((e) => [e.kind, e.verdict]));
    assert.ok(json.episodes.some((e) => e.kind === 'modem-lost' || e.kind === 'modem-drop'), json.episodes.map((e) => e.kind).join());
  });
});

describe('a JSON record inside a record\'s message (Fluent Bit\'s `log` holding Docker\'s json-file line)', () => {
  it('is read as the inner record: its message without the tail, the outer time where it has none', () => {
    const docker = JSON.stringify({ log: 'ModemManager[802]: <msg> [modem0] state changed (connected -> searching)\n', stream: 'stderr', time: '2026-12-07T14:20:00.000000000Z' });
    const j = readJsonLine(JSON.stringify({ date: '2026-12-07T14:20:00.000000Z', log: docker, kubernetes: { pod_name: 'cellular-0' } }));
    assert.equal(j?.message, 'ModemManager[802]: <msg> [modem0] state changed (connected -> searching)');
    assert.equal(j?.time, Date.UTC(2026, 11, 7, 14, 20));
  });
  it('a message that only looks braced stays as it is', () => {
    assert.equal(readJsonLine(JSON.stringify({ message: '{not json at all}' }))?.message, '{not json at all}');
  });
});
