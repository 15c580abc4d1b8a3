// Generates benchmark logs of other formats than RutOS logread, deterministic for a given N:
// - generateMixedLog: blocks (500 to 5,000 lines) of RutOS logread (ctime), bare dmesg and BSD
//   syslog with a host column, in turn; about a third of the lines come from tags the catalogue
//   knows (gsmd, netifd, mwan3track, the kernel) with messages that match none of its entries, and
//   a modem episode (USB drop and return, gsmd write errors, the interface down) every 25,000 lines.
// - generateDmesgLog: a bare `dmesg` of the same kind, with a reboot in the middle.
// Usage: node scripts/generate-mixed-log.mjs [path] [lines] [--dmesg]
import { createWriteStream } from 'node:fs';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n) => (n < 10 ? '0' + n : '' + n);
const EPISODE_EVERY = 25_000;

/** The clocks, the random source and the line makers one log shares. */
function makeWriter(seed) {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  // This year: BSD lines have no year, and gsmlens dates them by the file's time.
  const w = { t: Date.UTC(new Date().getUTCFullYear(), 0, 12, 9, 0, 0), bootAt: 0, rnd, pick, int };
  w.bootAt = w.t;
  const d = () => new Date(w.t);
  const clock = (x) => `${p2(x.getUTCHours())}:${p2(x.getUTCMinutes())}:${p2(x.getUTCSeconds())}`;
  w.ctime = () => { const x = d(); return `${DAYS[x.getUTCDay()]} ${MONTHS[x.getUTCMonth()]} ${String(x.getUTCDate()).padStart(2, ' ')} ${clock(x)} ${x.getUTCFullYear()}`; };
  w.bsd = () => { const x = d(); return `${MONTHS[x.getUTCMonth()]} ${String(x.getUTCDate()).padStart(2, ' ')} ${clock(x)}`; };
  w.up = () => `[${((w.t - w.bootAt) / 1000 + 3.5).toFixed(6).padStart(12, ' ')}]`;
  w.ip = () => `192.168.1.${int(100, 199)}`;
  return w;
}

/** Kernel messages: [catalogue knows the kernel, no entry matches] and [unrelated]. */
function kernelLines(w) {
  return {
    known: [
      () => `br-lan: port ${w.int(1, 3)}(eth0.${w.int(1, 2)}) entered ${w.pick(['forwarding', 'blocking'])} state`,
      () => `IPv6: ADDRCONF(NETDEV_CHANGE): wlan${w.int(0, 1)}: link becomes ready`,
    ],
    other: [
      () => 'nf_conntrack: default automatic helper assignment has been turned off for security reasons',
      () => 'random: crng init done',
      () => `mtk_soc_eth 1e100000.ethernet eth0: port ${w.int(0, 4)} link up`,
    ],
    episode: () => [
      'usb 1-1: USB disconnect, device number 5',
      'usb 1-1: new high-speed USB device number 6 using ehci-platform',
      "cdc_ether 1-1:1.0 usb0: register 'cdc_ether' at usb-101c0000.ehci-1, CDC Ethernet Device, 02:4b:b3:b9:eb:e5",
    ],
  };
}

/** Syslog lines as [facility.level, tag, message]: known tags that match nothing, other programs, an episode. */
function syslogLines(w) {
  const k = kernelLines(w);
  return {
    known: [
      () => ['daemon.info', 'gsmd[1873]', `[at_signal_query:412] [AT] << +QCSQ: "LTE",${w.int(-80, -60)},${w.int(-110, -85)},${w.int(80, 220)},${w.int(-14, -6)}`],
      () => ['daemon.info', 'gsmd[1873]', '[at_signal_query:398] [AT] >> AT+QCSQ'],
      () => ['daemon.notice', 'netifd', `mob1s1a1_4 (${w.int(9100, 9199)}): udhcpc: sending renew to 10.${w.int(64, 127)}.${w.int(0, 255)}.1`],
      () => ['user.info', 'mwan3track[2612]', 'Check (ping) success for target "8.8.8.8" on interface mob1s1a1 (qmimux0). Current score: 10'],
      () => ['kern.info', 'kernel', `${w.up()} ${w.pick(k.known)()}`],
    ],
    other: [
      () => ['daemon.info', 'dnsmasq[2254]', `query[A] ${w.pick(['www.google.com', 'api.teltonika.lt', 'time.android.com'])} from ${w.ip()}`],
      () => ['daemon.info', 'dnsmasq-dhcp[2254]', `DHCPACK(br-lan) ${w.ip()} 9c:b6:d0:0e:41:7a laptop`],
      () => ['authpriv.info', 'dropbear[21044]', `Child connection from ${w.ip()}:${w.int(40000, 65000)}`],
      () => ['daemon.info', 'uhttpd[1766]', 'GET /api/system/device/status HTTP/1.1 200'],
      () => ['daemon.info', 'hostapd', 'wlan0: STA a4:83:e7:5c:90:21 WPA: group key handshake completed (RSN)'],
      () => ['cron.info', 'crond[1452]', `USER root pid ${w.int(20000, 32000)} cmd /usr/sbin/ping_reboot`],
    ],
    episode: () => [
      ...k.episode().slice(0, 1).map((m) => ['kern.info', 'kernel', `${w.up()} ${m}`]),
      ['daemon.notice', 'netifd', 'mob1s1a1 (8470): Command failed: Request timed out'],
      ['daemon.notice', 'netifd', "Interface 'mob1s1a1' is now down"],
      ...Array.from({ length: 5 }, () => ['daemon.info', 'gsmd[1873]', '[__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5']),
      ...k.episode().slice(1).map((m) => ['kern.info', 'kernel', `${w.up()} ${m}`]),
    ],
  };
}

/** Writes the lines `next(n)` returns (one or more per call) until `lines` are written. */
async function writeLog(path, lines, next) {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let n = 0;
  let buf = '';
  while (n < lines) {
    for (const l of next(n)) {
      if (n >= lines) break;
      buf += l + '\n';
      n++;
    }
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  return n;
}

/** A mixed log of `lines` lines at `path`: logread, dmesg and BSD syslog blocks (see the top). */
export async function generateMixedLog(path, lines = 1_000_000) {
  const w = makeWriter(7);
  const k = kernelLines(w);
  const sys = syslogLines(w);
  let format = 0;
  let blockEnd = 0;
  const make = (f, [fl, tag, msg]) => (f === 0 ? `${w.ctime()} ${fl} ${tag}: ${msg}` : `${w.bsd()} RUT901 ${tag}: ${msg}`);
  return writeLog(path, lines, (n) => {
    if (n >= blockEnd) {
      format = (format + 1) % 3;
      blockEnd = n + w.int(500, 5000);
    }
    w.t += w.int(0, 1500);
    if (n % EPISODE_EVERY === EPISODE_EVERY - 1) return format === 1 ? k.episode().map((m) => `${w.up()} ${m}`) : sys.episode().map((p) => make(format, p));
    if (format === 1) return [`${w.up()} ${(w.rnd() < 1 / 3 ? w.pick(k.known) : w.pick(k.other))()}`];
    return [make(format, (w.rnd() < 1 / 3 ? w.pick(sys.known) : w.pick(sys.other))())];
  });
}

/** A bare `dmesg` of `lines` lines at `path`, the kernel rebooting halfway. */
export async function generateDmesgLog(path, lines = 1_000_000) {
  const w = makeWriter(11);
  const k = kernelLines(w);
  return writeLog(path, lines, (n) => {
    w.t += w.int(0, 1500);
    if (n === Math.floor(lines / 2)) w.bootAt = w.t;
    if (n % EPISODE_EVERY === EPISODE_EVERY - 1) return k.episode().map((m) => `${w.up()} ${m}`);
    return [`${w.up()} ${(w.rnd() < 1 / 3 ? w.pick(k.known) : w.pick(k.other))()}`];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2).filter((a) => a !== '--dmesg');
  const dmesg = process.argv.includes('--dmesg');
  const [path = dmesg ? '.bench/dmesg-1m.log' : '.bench/mixed-1m.log', count = '1000000'] = args;
  const n = await (dmesg ? generateDmesgLog : generateMixedLog)(path, Number(count));
  console.log(`${path}: ${n} lines`);
}
