// Generates a RutOS logread of N lines that is written independently of generate-log.mjs, for the
// benchmark (issue 11): ordinary chatter from 12 daemons (gsmd signal polls, dnsmasq, hostapd,
// netifd, dropbear, uhttpd, ntpd, mwan3, odhcpd, the kernel, crond, rms_mqtt) in logread's ctime
// format, where one template is a catalogued info-level event (`mwan3[...]: Execute ifup event on
// interface ...`, the catalogue's mwan3.ifupdown) about one line in 12, so a million lines hold
// about 84,000 catalogued events. With `{ cataloguedShare }` a larger share of the lines are
// catalogued events (several kinds, none that moves a USB device), for the 10M-line memory row;
// a path ending in `.gz` is written gzipped. Deterministic for a given N and options.
import { createWriteStream } from 'node:fs';
import { createGzip, constants } from 'node:zlib';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n) => (n < 10 ? '0' + n : '' + n);

/**
 * @param {string} path where to write (`.gz`: gzipped)
 * @param {number} lines how many lines
 * @param {{ cataloguedShare?: number }} options the share of lines that are catalogued events
 *   (default 1/12: only the mwan3 ifup template); above that, several catalogued kinds take turns
 */
export async function generateChatterLog(path, lines = 1_000_000, { cataloguedShare = 1 / 12 } = {}) {
  const file = createWriteStream(path, { highWaterMark: 1 << 20 });
  let out = file;
  if (path.endsWith('.gz')) {
    out = createGzip({ level: constants.Z_BEST_SPEED });
    out.pipe(file);
  }
  let seed = 20241104;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const boot = Date.UTC(2025, 2, 3, 6, 12, 40);
  let t = boot;
  const up = () => ((t - boot) / 1000 + 14.2).toFixed(6).padStart(12, ' ');
  // Seconds only change every few lines: the stamp is formatted once per second.
  let stampSecond = -1;
  let stamp = '';
  const ctime = () => {
    const s = Math.floor(t / 1000);
    if (s !== stampSecond) {
      stampSecond = s;
      const d = new Date(s * 1000);
      stamp = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
    }
    return stamp;
  };

  const clients = [
    ['192.168.1.112', '9c:b6:d0:0e:41:7a', 'ThinkPad-X1'],
    ['192.168.1.137', 'a4:83:e7:5c:90:21', 'iPhone'],
    ['192.168.1.150', 'dc:a6:32:18:0b:cf', 'octopi'],
    ['192.168.1.173', '70:ee:50:2a:6d:04', 'netatmo'],
  ];
  const domains = ['time.android.com', 'api.teltonika.lt', 'rms.teltonika.lt', 'www.google.com', 'ocsp.digicert.com', 'mqtt.eclipseprojects.io'];
  const ntpPeers = ['162.159.200.1', '185.125.190.56', '216.239.35.4'];
  const ifaces = [
    ['mob1s1a1', 'qmimux0'],
    ['wan', 'eth1'],
  ];
  // gsmd polls the modem's signal every few seconds; at info level RutOS prints the AT exchange.
  const gsmdPid = 1873;
  const signal = () => {
    const rssi = int(-79, -61);
    return `daemon.info gsmd[${gsmdPid}]: [at_signal_query:412] [AT] << +QCSQ: "LTE",${rssi},${rssi - int(20, 30)},${int(80, 220)},${int(-14, -6)}`;
  };
  const chatter = [
    [6, () => `daemon.info gsmd[${gsmdPid}]: [at_signal_query:398] [AT] >> AT+QCSQ`],
    [6, signal],
    [3, () => `daemon.info gsmd[${gsmdPid}]: [modem_poll:1022] Operator: "Telia LT", technology: LTE, band: B${pick([3, 7, 20])}`],
    [9, () => `daemon.info dnsmasq[2254]: query[${pick(['A', 'AAAA'])}] ${pick(domains)} from ${pick(clients)[0]}`],
    [6, () => `daemon.info dnsmasq[2254]: forwarded ${pick(domains)} to 10.${int(64, 127)}.${int(0, 255)}.${int(1, 254)}`],
    [5, () => `daemon.info dnsmasq[2254]: reply ${pick(domains)} is ${int(1, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`],
    [3, () => { const c = pick(clients); return `daemon.info dnsmasq-dhcp[2254]: DHCPREQUEST(br-lan) ${c[0]} ${c[1]}`; }],
    [3, () => { const c = pick(clients); return `daemon.info dnsmasq-dhcp[2254]: DHCPACK(br-lan) ${c[0]} ${c[1]} ${c[2]}`; }],
    [4, () => `daemon.info hostapd: wlan0: STA ${pick(clients)[1]} WPA: group key handshake completed (RSN)`],
    [2, () => `daemon.info hostapd: wlan${pick(['0', '1'])}: STA ${pick(clients)[1]} IEEE 802.11: ${pick(['associated (aid 1)', 'authenticated', 'disassociated'])}`],
    [3, () => `daemon.notice netifd: mob1s1a1_4 (${int(9100, 9199)}): udhcpc: sending renew to 10.${int(64, 127)}.${int(0, 255)}.${int(1, 254)}`],
    [2, () => `daemon.notice netifd: mob1s1a1_4 (${int(9100, 9199)}): udhcpc: lease of 10.${int(64, 127)}.${int(0, 255)}.${int(1, 254)} obtained, lease time 7200`],
    [4, () => `authpriv.info dropbear[${int(12000, 30000)}]: Child connection from ${pick(clients)[0]}:${int(40000, 65000)}`],
    [2, () => `authpriv.notice dropbear[${int(12000, 30000)}]: Password auth succeeded for 'root' from ${pick(clients)[0]}:${int(40000, 65000)}`],
    [2, () => `authpriv.info dropbear[${int(12000, 30000)}]: Exit (root) from <${pick(clients)[0]}:${int(40000, 65000)}>: Disconnect received`],
    [6, () => `daemon.info uhttpd[1766]: ${pick(['GET', 'POST'])} /api/${pick(['system/device/status', 'mobile/modems/status', 'interfaces/status', 'wireless/clients'])} HTTP/1.1 200`],
    [3, () => `daemon.info ntpd[1601]: ntpd: reply from ${pick(ntpPeers)}: offset:${rnd() < 0.5 ? '+' : '-'}0.00${int(1000, 9999)} delay:0.0${int(10, 99)}${int(100, 999)} status:0x24 strat:${int(1, 3)} refid:0x${int(0x10000000, 0x7fffffff).toString(16)} rootdelay:0.00${int(1000, 9999)} reach:0x${pick(['ff', '7f', 'fe'])}`],
    [5, () => { const [i, d] = pick(ifaces); return `daemon.info mwan3track[2612]: Check (ping) success for target "${pick(['8.8.8.8', '1.1.1.1'])}" on interface ${i} (${d}). Current score: 10`; }],
    [2, () => `daemon.notice odhcpd[1689]: Using a RA lifetime of ${pick([1800, 1200])} seconds on br-lan`],
    [1, () => `daemon.warn odhcpd[1689]: No default route present, setting ra_lifetime to zero!`],
    [3, () => `kern.info kernel: [${up()}] br-lan: port ${int(1, 3)}(${pick(['eth0', 'wlan0', 'wlan1'])}) entered ${pick(['forwarding', 'blocking', 'disabled'])} state`],
    [2, () => `kern.warn kernel: [${up()}] nf_conntrack: default automatic helper assignment has been turned off for security reasons`],
    [3, () => `cron.info crond[1452]: USER root pid ${int(20000, 32000)} cmd ${pick(['/usr/sbin/ping_reboot', '/usr/bin/rms_connect check', '/sbin/sms_limit_reset'])}`],
    [2, () => `user.info rms_mqtt[2890]: Sent ${pick(['heartbeat', 'status', 'statistics'])} message (${int(180, 2400)} bytes) to rms.teltonika.lt`],
  ];
  // The catalogued template of the 1M-line log (mwan3.ifupdown, info level).
  const mwan3Ifup = () => { const [i, d] = pick(ifaces); return `user.notice mwan3[${int(3000, 32000)}]: Execute ifup event on interface ${i} (${d})`; };
  // More catalogued kinds for a larger share: none moves a USB device or marks a story.
  const catalogued = [
    mwan3Ifup,
    () => { const [i, d] = pick(ifaces); return `user.info mwan3track[2612]: Check (ping) failed for target "${pick(['8.8.8.8', '1.1.1.1'])}" on interface ${i} (${d})`; },
    () => { const [i, d] = pick(ifaces); return `user.info mwan3track[2612]: Lost ${int(1, 4)} ping(s) on interface ${i} (${d}). Current score: ${int(5, 9)}`; },
    () => `kern.err kernel: [${up()}] option1 ttyUSB2: usb_wwan_indat_callback: resubmit read urb failed. (-${pick([19, 71, 32])})`,
    () => `daemon.info gsmd[${gsmdPid}]: [__write:1300] warning: [CMM] Write to \`1-1 [2c7c:0125]\` modem failed: errno 5`,
  ];
  const total = chatter.reduce((s, [w]) => s + w, 0);
  const cumulative = [];
  let acc = 0;
  for (const [w, f] of chatter) cumulative.push([(acc += w) / total, f]);
  const nextChatter = () => {
    const r = rnd();
    for (const [c, f] of cumulative) if (r < c) return f();
    return cumulative[cumulative.length - 1][1]();
  };
  const several = cataloguedShare > 1 / 12 + 1e-9;

  // The catalogued lines come at jittered gaps whose mean is 1 / cataloguedShare lines.
  const meanGap = 1 / cataloguedShare;
  const gap = () => Math.max(1, Math.round(meanGap * (0.5 + rnd())));
  let nextEvent = gap() - 1;
  let n = 0;
  let buf = '';
  while (n < lines) {
    t += int(0, 1400);
    let body;
    if (n === nextEvent) {
      body = several ? pick(catalogued)() : mwan3Ifup();
      nextEvent += gap();
    } else {
      body = nextChatter();
    }
    buf += ctime() + ' ' + body + '\n';
    n++;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  const closed = new Promise((r) => file.on('close', r));
  out.end();
  await closed;
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [, , path = '.bench/chatter-1000000.log', count = '1000000', share] = process.argv;
  const n = await generateChatterLog(path, Number(count), share ? { cataloguedShare: Number(share) } : {});
  console.log(`${path}: ${n} lines`);
}
