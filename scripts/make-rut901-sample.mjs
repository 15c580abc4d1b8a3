// Writes samples/rut901-modem-update-stuck.log: a reconstruction of the RUT901 case [F1] as a
// whole logread. The gsmd burst copies the lines the owner posted (knowledge excerpt 01); the
// kernel lines follow what the post describes (ttyUSB0 at 1-1:1.3 appearing at uptime 312 s, the
// disconnect at 466.515595, the return as cdc_ether); everything else is ordinary router chatter
// so that the story is buried the way it was. See samples/README.md for what is real.
import { writeFileSync } from 'node:fs';

const out = [];
const BOOT = Date.UTC(2024, 11, 2, 19, 49, 46, 900); // uptime 0
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ctime = (t) => {
  const d = new Date(t);
  const p = (n) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
};
const at = (uptime) => BOOT + uptime * 1000;
const kern = (uptime, text, prio = 'kern.info') => out.push({ t: at(uptime), s: `${ctime(at(uptime))} ${prio} kernel: [${uptime.toFixed(6).padStart(12, ' ')}] ${text}` });
const log = (t, prio, tag, text) => out.push({ t, s: `${ctime(t)} ${prio} ${tag}${tag ? ': ' : ''}${text}` });
const ev = (t, text, prio = 'kern.info') => out.push({ t, s: `${ctime(t)} ${prio} ${text}` });

// Boot.
kern(0, 'Linux version 5.4.284 (tltbuild@teltonika) (gcc version 8.4.0 (OpenWrt GCC 8.4.0 r16279+5-bd2ec9b3b7)) #0 Mon Nov 25 09:42:11 2024', 'kern.notice');
kern(0, 'SoC Type: MediaTek MT7628AN ver:1 eco:2');
kern(1.21, 'ehci-platform 101c0000.ehci: EHCI Host Controller');
kern(1.24, 'ehci-platform 101c0000.ehci: new USB bus registered, assigned bus number 1');
kern(1.31, 'hub 1-0:1.0: USB hub found');
kern(9.884512, 'usb 1-1: new high-speed USB device number 5 using ehci-platform');
kern(10.402117, 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=6005, bcdDevice= 3.18');
kern(11.215003, "rndis_host 1-1:1.0 usb0: register 'rndis_host' at usb-101c0000.ehci-1, RNDIS device, 02:4b:b3:b9:eb:e5");
kern(11.301552, '[01-serial-symlink.sh] New device ttyUSB0 at /devices/platform/101c0000.ehci/usb1/1-1/1-1:1.3/ttyUSB0/tty/ttyUSB0 appeared!', 'user.warn');
kern(11.309871, '[01-serial-symlink.sh] New device ttyUSB1 at /devices/platform/101c0000.ehci/usb1/1-1/1-1:1.4/ttyUSB1/tty/ttyUSB1 appeared!', 'user.warn');
log(at(22.4), 'daemon.notice', 'netifd', "Interface 'lan' is now up");
log(at(38.1), 'user.notice', 'sysfixtime', "saved '2024-12-02 19:50:25' to /dev/rtc0");
log(at(40.3), 'daemon.notice', 'netifd', "Interface 'mob1s1a1' is setting up now");
ev(at(52.6), 'Joined LTE network (internal modem)');
ev(at(52.6), 'Connected to Telia operator (internal modem)');
log(at(53.0), 'daemon.notice', 'netifd', "Interface 'mob1s1a1' is now up");
ev(at(53.2), 'Mobile data connected (IPv4, internal modem)');
ev(at(61.0), 'Device startup completed', 'kern.notice');

// Ordinary chatter up to the update.
const lanHosts = [['192.168.1.145', 'f0:2f:74:1c:33:8a', 'laptop'], ['192.168.1.162', '3c:22:fb:90:11:04', 'phone'], ['192.168.1.201', 'b8:27:eb:4a:5e:12', 'raspberrypi']];
let dhcp = 0;
const chatter = (t) => {
  const [ip, mac, name] = lanHosts[dhcp++ % lanHosts.length];
  log(t, 'daemon.info', 'dnsmasq-dhcp[2170]', `DHCPREQUEST(br-lan) ${ip} ${mac}`);
  log(t, 'daemon.info', 'dnsmasq-dhcp[2170]', `DHCPACK(br-lan) ${ip} ${mac} ${name}`);
};
for (let u = 90; u < 290; u += 37) chatter(at(u));
log(at(250.2), 'authpriv.info', 'dropbear[4120]', "Password auth succeeded for 'root' from 192.168.1.145:51544");

// 19:54:50 (uptime ~303): the owner pressed "flash (from server)"; the WebUI discards dfota's output.
kern(303.102113, 'usb 1-1: USB disconnect, device number 5');
kern(303.109820, "rndis_host 1-1:1.0 usb0: unregister 'rndis_host' usb-101c0000.ehci-1, RNDIS device");
kern(303.121542, '[01-serial-symlink.sh] Device ttyUSB1 at /devices/platform/101c0000.ehci/usb1/1-1/1-1:1.4/ttyUSB1/tty/ttyUSB1 disappeared!', 'user.warn');
log(at(306.5), 'daemon.notice', 'netifd', 'mob1s1a1 (8470): Command failed: Request timed out');
log(at(306.9), 'daemon.notice', 'netifd', 'mob1s1a1 (8470): Command failed: Permission denied');
log(at(307.2), 'daemon.notice', 'netifd', "Interface 'mob1s1a1' is now down");
ev(at(307.4), 'Mobile data disconnected (internal modem)');
kern(311.644380, 'usb 1-1: new high-speed USB device number 6 using ehci-platform');
kern(312.091708, '[01-serial-symlink.sh] New device ttyUSB0 at /devices/platform/101c0000.ehci/usb1/1-1/1-1:1.3/ttyUSB0/tty/ttyUSB0 appeared!', 'user.warn');
// The burst the owner posted: 19:54:59 to 19:55:05.
const W = (t) => {
  log(t, 'daemon.info', 'gsmd[3553]', '[__write:1300] warning: [CMM] Write to `1-1 [2c7c:6005]` modem failed: errno 5');
  log(t, 'daemon.info', 'gsmd[3553]', '[common_write_handle:224] warning: [CMM] Failed to send command (0/8 bytes transferred) to `1-1 [2c7c:6005]` modem!');
};
const burstStart = Date.UTC(2024, 11, 2, 19, 54, 59);
for (let i = 0; i < 20; i++) W(burstStart + Math.floor((i * 6000) / 19));
log(Date.UTC(2024, 11, 2, 19, 55, 5), 'daemon.info', 'gsmd[3553]', '[__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:6005]` already exists and is registered!');
log(Date.UTC(2024, 11, 2, 19, 55, 5), 'daemon.info', 'gsmd[3553]', '[__modem_added:594] error: [MODEM_MANAGER] Unable to initialize `1-1 [2c7c:6005]` modem!');

// uptime 466.515595: the modem drops off again and comes back 2.5 minutes later as cdc_ether (ECM).
kern(466.515595, 'usb 1-1: USB disconnect, device number 6');
kern(466.522811, '[01-serial-symlink.sh] Device ttyUSB0 at /devices/platform/101c0000.ehci/usb1/1-1/1-1:1.3/ttyUSB0/tty/ttyUSB0 disappeared!', 'user.warn');
kern(617.304417, 'usb 1-1: new high-speed USB device number 7 using ehci-platform');
kern(617.820960, 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=6005, bcdDevice= 3.18');
kern(618.127355, "cdc_ether 1-1:1.0 usb0: register 'cdc_ether' at usb-101c0000.ehci-1, CDC Ethernet Device, 02:4b:b3:b9:eb:e5");
kern(618.140233, 'option 1-1:1.2: GSM modem (1-port) converter detected');
kern(618.146901, 'usb 1-1: GSM modem (1-port) converter now attached to ttyUSB1');
kern(618.153377, 'option 1-1:1.3: GSM modem (1-port) converter detected');
kern(618.159820, 'usb 1-1: GSM modem (1-port) converter now attached to ttyUSB2');
kern(618.166402, 'option 1-1:1.4: GSM modem (1-port) converter detected');
kern(618.172911, 'usb 1-1: GSM modem (1-port) converter now attached to ttyUSB3');
kern(618.404117, '[01-serial-symlink.sh] New device ttyUSB2 at /devices/platform/101c0000.ehci/usb1/1-1/1-1:1.3/ttyUSB2/tty/ttyUSB2 appeared!', 'user.warn');

// A day of silence from gsmd: only LAN chatter, with the banner still up in the WebUI.
for (let t = at(700); t < Date.UTC(2024, 11, 3, 21, 14, 0); t += 4 * 60_000 + (dhcp % 5) * 17_000) chatter(t);
log(Date.UTC(2024, 11, 3, 21, 13, 40), 'authpriv.info', 'dropbear[9312]', "Password auth succeeded for 'root' from 192.168.1.145:60122");

out.sort((a, b) => a.t - b.t);
writeFileSync(new URL('../samples/rut901-modem-update-stuck.log', import.meta.url), out.map((l) => l.s).join('\n') + '\n');
console.log(`${out.length} lines`);
