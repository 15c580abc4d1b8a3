// Generates a realistic RutOS logread of N lines (default 1,000,000, about 100 MB) for the
// benchmark: mostly ordinary router chatter, with a modem firmware update episode like the
// RUT901 case, USB resets and a reconnect loop spread through it. Deterministic for a given N.
import { createWriteStream } from 'node:fs';

export async function generateLog(path, lines = 1_000_000) {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p2 = (n) => (n < 10 ? '0' + n : '' + n);
  const ctime = (t) => {
    const d = new Date(t);
    return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
  };
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const boot = Date.UTC(2024, 10, 1, 8, 0, 0);
  let t = boot;
  let n = 0;
  let buf = '';
  const emit = (s) => {
    buf += s + '\n';
    n++;
    if (buf.length > 1 << 20) {
      const ok = out.write(buf);
      buf = '';
      return ok ? null : new Promise((r) => out.once('drain', r));
    }
    return null;
  };
  const up = () => ((t - boot) / 1000).toFixed(6).padStart(12, ' ');
  const hosts = ['192.168.1.145 f0:2f:74:1c:33:8a laptop', '192.168.1.162 3c:22:fb:90:11:04 phone', '192.168.1.201 b8:27:eb:4a:5e:12 raspberrypi'];
  const noise = [
    () => `daemon.info dnsmasq-dhcp[2170]: DHCPACK(br-lan) ${hosts[Math.floor(rnd() * 3)]}`,
    () => `daemon.info dnsmasq[2170]: query[A] connectivitycheck.gstatic.com from 192.168.1.${100 + Math.floor(rnd() * 100)}`,
    () => `daemon.info mwan3track[2431]: Check (ping) success for target "8.8.8.8" on interface mob1s1a1 (qmimux0). Current score: 10`,
    () => `authpriv.info dropbear[${4000 + Math.floor(rnd() * 5000)}]: Child connection from 192.168.1.145:${50000 + Math.floor(rnd() * 10000)}`,
    () => `daemon.notice netifd: mob1s1a1_4 (${8000 + Math.floor(rnd() * 900)}): udhcpc: sending renew to 10.64.${Math.floor(rnd() * 255)}.1`,
    () => `kern.info kernel: [${up()}] br-lan: port 2(eth0.1) entered forwarding state`,
    () => `user.notice mobifd: [gsm.modem0] -CREG- Mode: "2", status: "1", LAC: "17A2", cell ID: "0${Math.floor(rnd() * 9999999)}", technology: "LTE"`,
    () => `daemon.info uhttpd[1722]: GET /api/system/device/status HTTP/1.1 200`,
  ];
  const episodes = [
    // The RUT901 story: write burst, duplicate registration, ECM return, silence.
    () => [
      `kern.info kernel: [${up()}] usb 1-1: USB disconnect, device number 5`,
      `daemon.notice netifd: mob1s1a1 (8470): Command failed: Request timed out`,
      `daemon.notice netifd: Interface 'mob1s1a1' is now down`,
      `kern.info Mobile data disconnected (internal modem)`,
      ...Array.from({ length: 20 }, () => 'daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5'),
      'daemon.info gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!',
      'daemon.info gsmd[3553]: [__modem_added:594] error: [MODEM_MANAGER] Unable to initialize `1-1 [2c7c:6005]` modem!',
      `kern.info kernel: [${up()}] usb 1-1: new high-speed USB device number 6 using ehci-platform`,
      `kern.info kernel: [${up()}] cdc_ether 1-1:1.0 usb0: register 'cdc_ether' at usb-101c0000.ehci-1, CDC Ethernet Device, 02:4b:b3:b9:eb:e5`,
    ],
    () => [`kern.info kernel: [${up()}] usb 1-1: USB disconnect, device number 7`, `kern.info kernel: [${up()}] usb 1-1: new high-speed USB device number 8 using ehci-platform`],
    () => ['daemon.err mobifd: [gsm.modem0] GSM error in "mb_check_sms_storage:564" (Failed to parse response)', 'kern.info SIM state changed to not inserted (internal modem)'],
  ];
  const every = Math.max(1000, Math.floor(lines / 40));
  while (n < lines) {
    t += Math.floor(rnd() * 3000);
    const prefix = ctime(t) + ' ';
    if (n % every === every - 1) {
      for (const l of episodes[Math.floor(n / every) % episodes.length]()) {
        const w = emit(prefix + l);
        if (w) await w;
      }
      continue;
    }
    const w = emit(prefix + noise[Math.floor(rnd() * noise.length)]());
    if (w) await w;
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [, , path = '.bench/rutos-1m.log', count = '1000000'] = process.argv;
  const n = await generateLog(path, Number(count));
  console.log(`${path}: ${n} lines`);
}
