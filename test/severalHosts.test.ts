import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';

// A syslog server's file holds several routers' lines. GSM Log Lens tells a file's stories as one
// device's, so a drop on one router and a return on another would read as one recovery: the
// report must say that the modem's lines name several hosts, and name them.

const REF = Date.UTC(2024, 11, 4);
const hostsNotice = (text: string): string | undefined => analyzeText(text, { referenceTime: REF }).notices.find((n) => /hosts \(/.test(n.message))?.message;

describe('a log of several hosts', () => {
  it('says which hosts the modem\'s lines name, relayed RutOS events (the host before a tagless line) and tagged lines alike', () => {
    const relayed = ['Dec  2 19:54:57 rut-a Mobile data disconnected (internal modem)', 'Dec  2 19:54:58 rut-b Joined LTE network (internal modem)', 'Dec  2 19:56:11 rut-b Mobile data connected (IPv4, internal modem)'].join('\n');
    assert.match(hostsNotice(relayed) ?? '', /2 hosts \(rut-a, rut-b\).*grep ' rut-a '/);
    const tagged = ['Dec  2 19:54:57 gw1 gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5', 'Dec  2 19:54:58 gw2 kernel: [  466.515595] usb 1-1: USB disconnect, device number 6'].join('\n');
    assert.match(hostsNotice(tagged) ?? '', /2 hosts \(gw1, gw2\)/);
  });

  it('reads a relayed line after a container\'s service too (a syslog server run by docker compose)', () => {
    const text = ['syslog-ng-1  | Dec  2 19:54:57 rut-a Mobile data disconnected (internal modem)', 'syslog-ng-1  | Dec  2 19:54:58 rut-b Joined LTE network (internal modem)'].join('\n');
    const a = analyzeText(text, { referenceTime: REF });
    assert.deepEqual(a.events.map((e) => e.id), ['event.mobile-data-disconnected', 'event.joined-network']);
    assert.match(hostsNotice(text) ?? '', /2 hosts \(rut-a, rut-b\)/);
  });

  it('says nothing of one host, or of hosts whose lines the catalogue does not know', () => {
    assert.equal(hostsNotice('Dec  2 19:54:57 rut-a Mobile data disconnected (internal modem)\nDec  2 19:56:11 rut-a Mobile data connected (IPv4, internal modem)\n'), undefined);
    assert.equal(hostsNotice('Dec  2 19:54:57 rut-a Mobile data disconnected (internal modem)\nDec  2 19:54:58 other dnsmasq[12]: query[A] example.com from 192.168.1.2\n'), undefined);
  });

  it('names at most sixteen, however many there are', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `Dec  2 19:${String(10 + i).padStart(2, '0')}:00 rut-${i} Mobile data disconnected (internal modem)`);
    assert.match(hostsNotice(lines.join('\n')) ?? '', /16 or more hosts \(rut-0, rut-1, rut-2, rut-3 and more\)/);
  });
});
