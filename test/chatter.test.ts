import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';
import { reshape, type Shape } from './support/reshape';

// A real router logs far more than its modem: DNS and DHCP, Wi-Fi, SSH and web logins, the clock,
// cron. A labelled log is an excerpt; the same events inside a busy router's log must get the same
// diagnosis. Each log is re-told in a shape (BSD syslog, logread, journalctl's short-iso, so the
// chatter can be written in it), then lines of unrelated daemons are put between its lines at the
// same times, and both are read.

const REF = Date.UTC(2024, 11, 4);
const FIXTURES = join(__dirname, 'fixtures', 'real');
const LOGS: [string, string][] = [
  ['rut901-sample', readFileSync(join(__dirname, '..', 'samples', 'rut901-modem-update-stuck.log'), 'utf8')],
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.log'))
    .map((f): [string, string] => [f.slice(0, 3), readFileSync(join(FIXTURES, f), 'utf8')]),
];

/** What a busy OpenWrt or RutOS router logs besides its modem (programs no catalogue entry concerns). */
const CHATTER = [
  'dnsmasq[2170]: query[A] connectivitycheck.gstatic.com from 192.168.1.104',
  'dnsmasq-dhcp[2170]: DHCPACK(br-lan) 192.168.1.162 3c:22:fb:90:11:04 phone',
  'dropbear[4411]: Child connection from 192.168.1.145:60122',
  'uhttpd[1777]: GET /cgi-bin/luci HTTP/1.1',
  'odhcpd[1650]: DHCPV6 SOLICIT IA_NA from 0003000100aabbccddee on br-lan',
  'ntpd[2301]: Reply from 162.159.200.1: offset -0.000123 delay 0.025',
  'hostapd[1900]: wlan0: STA f0:2f:74:1c:33:8a IEEE 802.11: associated (aid 1)',
  'crond[1401]: USER root pid 5123 cmd /usr/bin/lua /usr/sbin/collectd-stats',
];

/** Each shape's header (the clock, and the host or facility) and where the program starts. */
const HEADERS: Partial<Record<Shape, RegExp>> = {
  'bsd-host': /^([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ )/,
  logread: /^([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} )[a-z]+\.[a-z]+ /,
  'journal-short-iso': /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000 \S+ )/,
};

function diagnosis(a: Analysis): { findings: Record<string, number>; verdicts: string[] } {
  const findings: Record<string, number> = {};
  for (const f of a.findings) findings[f.code] = (findings[f.code] ?? 0) + 1;
  return { findings: Object.fromEntries(Object.entries(findings).sort()), verdicts: a.episodes.map((e) => `${e.kind}: ${e.verdict}`) };
}

/** The text with one to three chatter lines after about half its timed lines, at their times (a fixed seed). */
function withChatter(text: string, header: RegExp, shape: Shape): { text: string; added: number } {
  let seed = 7;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const out: string[] = [];
  let added = 0;
  for (const line of text.split('\n')) {
    out.push(line);
    const m = header.exec(line);
    if (!m || random() >= 0.5) continue;
    for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
      out.push(`${m[1]}${shape === 'logread' ? 'daemon.info ' : ''}${CHATTER[Math.floor(random() * CHATTER.length)]}`);
      added++;
    }
  }
  return { text: out.join('\n'), added };
}

describe('the same events inside a busy router\'s log get the same diagnosis', () => {
  for (const shape of Object.keys(HEADERS) as Shape[]) {
    it(`every labelled log and the sample, in ${shape}, with unrelated daemons' lines between its lines`, () => {
      let compared = 0;
      const differ: string[] = [];
      for (const [name, original] of LOGS) {
        const text = reshape(original, shape, { referenceYear: 2024 });
        const { text: busy, added } = withChatter(text, HEADERS[shape]!, shape);
        if (added === 0) continue;
        compared++;
        const want = diagnosis(analyzeText(text, { referenceTime: REF }));
        const got = diagnosis(analyzeText(busy, { referenceTime: REF }));
        if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(`${name}: ${JSON.stringify(want)} -> ${JSON.stringify(got)}`);
      }
      // Most logs have timed lines to put chatter between: the comparison means something.
      assert.ok(compared >= 40, `${compared} logs compared`);
      assert.deepEqual(differ, []);
    });
  }
});
