import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';

// pppd names its link's device once (`Connect: ppp0 <--> /dev/ttyUSB0`); the lines that end the
// link (no answer to keep-alives, `Modem hangup`, the other end terminating it, no answer to its
// configuration requests) name none. Over a modem's serial port they are the mobile data
// connection's trouble; over PPPoE's Ethernet interface or a tunnel's pseudo-terminal they are not
// (fixture 041: a PPPoE `Modem hangup` is no modem's).

const REF = Date.UTC(2024, 1, 13);

/** A pppd session on `device` that comes up at 06:41 and dies at 08:04, then a retry that fails. */
const session = (device: string): [string, string][] => [
  ['06:41:03', 'pppd[2263]: pppd 2.4.9 started by root, uid 0'],
  ['06:41:12', `pppd[2263]: Connect: ppp0 <--> ${device}`],
  ['06:41:14', 'pppd[2263]: local  IP address 100.71.23.198'],
  ['06:41:14', 'pppd[2263]: remote IP address 10.64.64.64'],
  ['08:04:46', 'pppd[2263]: No response to 4 echo-requests'],
  ['08:04:46', 'pppd[2263]: Serial link appears to be disconnected.'],
  ['08:04:46', 'pppd[2263]: Connect time 83.6 minutes.'],
  ['08:04:52', 'pppd[2263]: Connection terminated.'],
  ['08:04:52', 'pppd[2263]: Modem hangup'],
  ['08:05:10', 'pppd[2911]: pppd 2.4.9 started by root, uid 0'],
  ['08:05:19', `pppd[2911]: Connect: ppp0 <--> ${device}`],
  ['08:05:49', 'pppd[2911]: LCP: timeout sending Config-Requests'],
  ['08:05:49', 'pppd[2911]: Connection terminated.'],
  ['08:05:49', 'pppd[2911]: Modem hangup'],
  ['08:30:00', 'cron[812]: (root) CMD (/usr/sbin/logrotate)'],
];

/** The session as each shape of log writes it. */
const SHAPES: Record<string, (clock: string, body: string) => string> = {
  'OpenWrt logread': (c, b) => `Tue Feb 13 ${c} 2024 daemon.notice ${b}`,
  'BSD syslog with a host': (c, b) => `Feb 13 ${c} raspberrypi ${b}`,
  'journalctl -o short-iso': (c, b) => `2024-02-13T${c}+0000 raspberrypi ${b}`,
  'a forum quote of a BSD syslog, CRLF': (c, b) => `> Feb 13 ${c} pc ${b}\r`,
};

const tell = (device: string, shape: (c: string, b: string) => string): Analysis => analyzeText(session(device).map(([c, b]) => shape(c, b)).join('\n') + '\n', { referenceTime: REF });
const codes = (a: Analysis): string[] => a.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}@${f.line}`);
const stories = (a: Analysis): string[] => a.episodes.map((e) => `${e.kind}:${e.verdict}`);

describe('PPP: a link over a modem\'s serial port, and one that is not', () => {
  it('tells the loss of a link over a serial port as the mobile data connection\'s, in every shape of log', () => {
    for (const device of ['/dev/ttyUSB0', '/dev/ttyACM0', '/dev/ttyHS3']) {
      for (const [name, shape] of Object.entries(SHAPES)) {
        const a = tell(device, shape);
        assert.deepEqual(codes(a), ['mobile-data-down@5', 'data-session-failed@12', 'mobile-data-down@14'], `${device}, ${name}`);
        assert.deepEqual(stories(a), ['data-connection-problem:unresolved'], `${device}, ${name}`);
      }
    }
  });

  it('tells nothing of a PPPoE or tunnel link\'s loss', () => {
    for (const device of ['eth0.2', 'nas0', '/dev/pts/5']) {
      for (const [name, shape] of Object.entries(SHAPES)) {
        const a = tell(device, shape);
        assert.deepEqual(codes(a), [], `${device}, ${name}`);
        assert.deepEqual(stories(a), [], `${device}, ${name}`);
      }
    }
  });

  it('reads the device of the link that ended: a PPPoE link after a modem\'s is not the modem\'s', () => {
    const shape = SHAPES['OpenWrt logread'];
    const lines = session('/dev/ttyUSB0').slice(0, 4).concat(session('eth0.2').slice(4, 9).map(([c, b]) => [c, b] as [string, string]));
    lines.splice(4, 0, ['07:00:00', 'pppd[2400]: Connect: pppoe-wan <--> eth0.2']);
    const a = analyzeText(lines.map(([c, b]) => shape(c, b)).join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(codes(a), []);
  });

  it('counts a link\'s IP address as the data connection back', () => {
    const shape = SHAPES['OpenWrt logread'];
    const lines = [...session('/dev/ttyUSB0').slice(0, 9), ['08:06:20', 'pppd[3010]: Connect: ppp0 <--> /dev/ttyUSB0'], ['08:06:22', 'pppd[3010]: local  IP address 100.71.40.7']] as [string, string][];
    const a = analyzeText(lines.map(([c, b]) => shape(c, b)).join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(stories(a), ['data-connection-problem:recovered']);
  });

  it('forgets the link\'s device at a boot', () => {
    // The link on a serial port, a boot (the kernel's clock starts again), then a hangup no line of this boot names a device for.
    const lines = [
      'Tue Feb 13 06:41:12 2024 daemon.notice pppd[2263]: Connect: ppp0 <--> /dev/ttyUSB0',
      'Tue Feb 13 06:41:13 2024 kern.info kernel: [86400.000000] random: crng reseeded',
      'Tue Feb 13 07:00:00 2024 kern.notice kernel: [    0.000000] Linux version 5.15.134 (builder@buildhost)',
      'Tue Feb 13 07:00:05 2024 kern.info kernel: [    5.000000] random: crng init done',
      'Tue Feb 13 07:10:00 2024 daemon.notice pppd[812]: Modem hangup',
    ];
    const a = analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
    assert.ok(a.events.some((e) => e.id === 'ppp.modem-hangup' && e.fields.pppDevice === undefined), 'the hangup names no device');
    assert.ok(!a.findings.some((f) => f.code === 'mobile-data-down'));
  });

  // A paste that starts inside a link: pppd (persist) redials the same device, so the next
  // Connect of the same process names the device of the drop before it (CatalogueEntry.heldBefore).
  it('reads the device of a link whose start the paste cut off from the same pppd\'s next Connect, not another process\'s', () => {
    const shape = SHAPES['BSD syslog with a host'];
    const drop: [string, string][] = [
      ['08:04:46', 'pppd[2263]: No response to 4 echo-requests'],
      ['08:04:46', 'pppd[2263]: Serial link appears to be disconnected.'],
      ['08:04:52', 'pppd[2263]: Modem hangup'],
    ];
    const redial = (pid: number, device: string): [string, string][] => [['08:05:19', `pppd[${pid}]: Connect: ppp0 <--> ${device}`], ['08:05:21', `pppd[${pid}]: local  IP address 100.71.23.199`]];
    const run = (lines: [string, string][]): Analysis => analyzeText(lines.map(([c, b]) => shape(c, b)).join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(codes(run([...drop, ...redial(2263, '/dev/ttyUSB3')])), ['mobile-data-down@1']);
    assert.deepEqual(stories(run([...drop, ...redial(2263, '/dev/ttyUSB3')])), ['data-connection-problem:recovered']);
    // The same pppd redialling a PPPoE interface, another pppd's modem link, or no Connect at all: no modem's trouble.
    assert.deepEqual(codes(run([...drop, ...redial(2263, 'eth0.2')])), []);
    assert.deepEqual(codes(run([...drop, ...redial(3100, '/dev/ttyUSB3')])), []);
    assert.deepEqual(codes(run(drop)), []);
  });
});

describe('a PPP login the network refused', () => {
  const dial = (pid: number, device: string, m: number): string[] => [
    `Mar 11 08:0${m}:19 R1510 pppd[${pid}]: Connect: ppp0 <--> ${device}`,
    `Mar 11 08:0${m}:20 R1510 pppd[${pid}]: CHAP authentication failed: Authentication failure`,
    `Mar 11 08:0${m}:20 R1510 pppd[${pid}]: CHAP authentication failed`,
    `Mar 11 08:0${m}:21 R1510 pppd[${pid}]: Modem hangup`,
  ];
  const run = (lines: string[]): Analysis => analyzeText(lines.join('\n') + '\n', { referenceTime: Date.UTC(2025, 5, 1) });
  it('over a modem is the data connection\'s failure, told first, with the login\'s advice', () => {
    const a = run([...dial(4422, '/dev/ttyUSB2', 1), ...dial(4518, '/dev/ttyUSB2', 2)]);
    const story = a.episodes.find((e) => e.kind === 'data-connection-problem');
    assert.equal(story?.verdict, 'unresolved');
    assert.match(story!.steps[0].text, /refused the CHAP login/);
    assert.match(story!.advice[0], /refused the PPP login.*PAP or CHAP/);
  });
  it('over PPPoE is no modem\'s', () => {
    const a = run(dial(4422, 'eth0.2', 1));
    assert.deepEqual(a.findings.filter((f) => f.code === 'data-session-failed'), []);
  });
});

// lcp.c prints two lines for one keep-alive failure (`No response to 4 echo-requests`, then
// `Serial link appears to be disconnected.`): one failure, not "2 times" (blind probe D, 27th session).
describe('PPP: one keep-alive failure', () => {
  it('is told once, each of its lines in its own words', () => {
    const a = tell('/dev/ttyUSB0', SHAPES['BSD syslog with a host']);
    const down = a.findings.find((f) => f.code === 'mobile-data-down' && f.line === 5)!;
    assert.doesNotMatch(down.message, /2 times/);
    assert.match(down.message, /no answer to 4 link keep-alives/);
    assert.match(down.message, /considered dead/);
  });
});
