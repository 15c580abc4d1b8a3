// TEMPORARY: the benchmark's stand-in for scripts/generate-mixed-log.mjs (another change writes
// that generator; bench.mjs uses it as soon as it exists and this file can then go). A mixed log
// of N lines: blocks of RutOS logread (ctime), bare dmesg and BSD syslog with a host column, in
// turn; about a third of the lines come from tags the catalogue knows (gsmd, netifd, mwan3track,
// the kernel) with messages that match none of its entries. Deterministic for a given N and year.
import { createWriteStream } from 'node:fs';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n) => (n < 10 ? '0' + n : '' + n);

export async function generateMixedLog(path, lines = 1_000_000) {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  // This year: the BSD lines have no year, and a reader dates them by the file's time.
  const boot = Date.UTC(new Date().getUTCFullYear(), 0, 12, 9, 0, 0);
  let t = boot;
  const d = () => new Date(t);
  const ctime = () => { const x = d(); return `${DAYS[x.getUTCDay()]} ${MONTHS[x.getUTCMonth()]} ${String(x.getUTCDate()).padStart(2, ' ')} ${p2(x.getUTCHours())}:${p2(x.getUTCMinutes())}:${p2(x.getUTCSeconds())} ${x.getUTCFullYear()}`; };
  const bsd = () => { const x = d(); return `${MONTHS[x.getUTCMonth()]} ${String(x.getUTCDate()).padStart(2, ' ')} ${p2(x.getUTCHours())}:${p2(x.getUTCMinutes())}:${p2(x.getUTCSeconds())}`; };
  const up = () => `[${((t - boot) / 1000 + 3.5).toFixed(6).padStart(12, ' ')}]`;
  const ip = () => `192.168.1.${int(100, 199)}`;

  // Known tags, messages no catalogue entry matches: [facility.level, tag, message].
  const known = [
    () => ['daemon.info', 'gsmd[1873]', `[at_signal_query:412] [AT] << +QCSQ: "LTE",${int(-80, -60)},${int(-110, -85)},${int(80, 220)},${int(-14, -6)}`],
    () => ['daemon.info', 'gsmd[1873]', '[at_signal_query:398] [AT] >> AT+QCSQ'],
    () => ['daemon.notice', 'netifd', `mob1s1a1_4 (${int(9100, 9199)}): udhcpc: sending renew to 10.${int(64, 127)}.${int(0, 255)}.1`],
    () => ['user.info', 'mwan3track[2612]', `Check (ping) success for target "8.8.8.8" on interface mob1s1a1 (qmimux0). Current score: 10`],
    () => ['kern.info', 'kernel', `${up()} br-lan: port ${int(1, 3)}(eth0.${int(1, 2)}) entered forwarding state`],
  ];
  const other = [
    () => ['daemon.info', 'dnsmasq[2254]', `query[A] ${pick(['www.google.com', 'api.teltonika.lt', 'time.android.com'])} from ${ip()}`],
    () => ['daemon.info', 'dnsmasq-dhcp[2254]', `DHCPACK(br-lan) ${ip()} 9c:b6:d0:0e:41:7a laptop`],
    () => ['authpriv.info', 'dropbear[21044]', `Child connection from ${ip()}:${int(40000, 65000)}`],
    () => ['daemon.info', 'uhttpd[1766]', 'GET /api/system/device/status HTTP/1.1 200'],
    () => ['daemon.info', 'hostapd', `wlan0: STA a4:83:e7:5c:90:21 WPA: group key handshake completed (RSN)`],
    () => ['cron.info', 'crond[1452]', `USER root pid ${int(20000, 32000)} cmd /usr/sbin/ping_reboot`],
  ];
  // Bare dmesg has no tag: its "known" lines are kernel messages no entry matches.
  const dmesgKnown = [
    () => `br-lan: port ${int(1, 3)}(eth0.${int(1, 2)}) entered ${pick(['forwarding', 'blocking'])} state`,
    () => `IPv6: ADDRCONF(NETDEV_CHANGE): wlan${int(0, 1)}: link becomes ready`,
  ];
  const dmesgOther = [
    () => `nf_conntrack: default automatic helper assignment has been turned off for security reasons`,
    () => `random: crng init done`,
    () => `mtk_soc_eth 1e100000.ethernet eth0: port ${int(0, 4)} link up`,
  ];
  const line = (format) => {
    if (format === 1) return `${up()} ${(rnd() < 1 / 3 ? pick(dmesgKnown) : pick(dmesgOther))()}`;
    const [fl, tag, msg] = (rnd() < 1 / 3 ? pick(known) : pick(other))();
    return format === 0 ? `${ctime()} ${fl} ${tag}: ${msg}` : `${bsd()} RUT901 ${tag}: ${msg}`;
  };

  let n = 0;
  let buf = '';
  let format = 0;
  while (n < lines) {
    const block = Math.min(lines - n, int(500, 5000));
    for (let i = 0; i < block; i++) {
      t += int(0, 1500);
      buf += line(format) + '\n';
    }
    n += block;
    format = (format + 1) % 3;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [, , path = '.bench/mixed-fallback-1000000.log', count = '1000000'] = process.argv;
  console.log(`${path}: ${await generateMixedLog(path, Number(count))} lines`);
}
