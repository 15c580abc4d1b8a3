// Lines of hostile logs, by name: line i of each as a function of i. npm run bench writes
// 1,000,000 of each for the CLI (bench.mjs) and opens a reconnect loop in the server (bench-lsp.mjs).

/** A modem in a reconnect loop as the kernel tells it, a cycle every five lines. */
export const MODEM_RECONNECTING = 'a modem reconnecting, a cycle every 5 lines';

// State other than events: 1M lines where every other line is a boot (uptime starts again),
// the clock swings on every line, or every other line is a troubleshoot section header.
export const HOSTILE_LINES = {
  'reboots on every other line': (i) => `Mon Dec  2 10:00:${String(i % 60).padStart(2, '0')} 2024 kern.info kernel: [    ${i % 2 ? '9' : '1'}.000000] br-lan: port 2(eth0.1) entered forwarding state\n`,
  'clock jumps on every line': (i) => `Mon Dec  2 ${i % 2 ? '10' : '22'}:00:00 2024 daemon.info dnsmasq[1]: query[A] example.com from 192.168.1.2\n`,
  'sections on every other line': (i) => (i % 2 ? 'line\n' : `[Section${i}]\n`),
  // Every 64 KiB piece of the file alike: blank lines, or one 16-byte line over and over (each
  // line's piece was compared with the piece before, in full, until 2026-12-06: 5.4 s for 2,000,000 blank lines).
  'blank lines': () => '\n',
  'one 16-byte line over and over': () => 'modem is gone.\r\n',
  // A USB device dropping and coming back: on one clock (a sliding window finds the longest run
  // of reconnects), and with the uptime starting again every four lines (cycles on thousands of
  // clocks, which made the search for a loop quadratic until 2026-12-05).
  'reconnects on every other line': (i) => `[${(100 + i * 0.05).toFixed(6).padStart(12)}] usb 1-1: ${i % 2 ? `new high-speed USB device number ${(i % 120) + 2} using ehci-platform` : `USB disconnect, device number ${(i % 120) + 1}`}\n`,
  'reconnects across boots on every other line': (i) => `[${(1 + (i % 4)).toFixed(6).padStart(12)}] usb 1-1: ${i % 2 ? `new high-speed USB device number ${(i % 120) + 2} using ehci-platform` : `USB disconnect, device number ${(i % 120) + 1}`}\n`,
  // A modem in a reconnect loop as the kernel tells it, a cycle every five lines (its IDs, its
  // driver, its port): each message differs from the last of its kind, so each is matched anew;
  // read from a plain file, as a log usually is. It peaked at 235-243 MB until 2026-12-05.
  [MODEM_RECONNECTING]: (i) => {
    const cycle = Math.floor(i / 5);
    const at = `[${(100 + i * 0.3).toFixed(6).padStart(12)}] `;
    const lines = [`usb 1-1: USB disconnect, device number ${(cycle % 126) + 1}`, `usb 1-1: new high-speed USB device number ${(cycle % 126) + 2} using ehci-platform`, 'usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18', 'option 1-1:1.0: GSM modem (1-port) converter detected', `usb 1-1: GSM modem (1-port) converter now attached to ttyUSB${cycle % 4}`];
    return `${at}${lines[i % 5]}\n`;
  },
};

// Files short enough to be read a second time (core/readAgain.ts: 250,000 lines): what the second
// reading costs. Eight routers of a syslog server's file, every line catalogued, taking turns: the
// file is read once per router (core/hostReadings.ts). It peaked at 277 MB in 9.7 s, each router's
// reading parsing every line and keeping a whole file's events, until 2026-12-06.
export const HOSTILE_LINES_READ_AGAIN = {
  "8 routers' catalogued lines taking turns": (i) => `Dec  2 ${String(10 + (Math.floor(i / 3600) % 10))}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} rut-${i % 8} gsmd[3553]: [__write:1300] warning: [CMM] Write to \`1-1 [2c7c:6005]\` modem failed: errno ${i % 2 ? 5 : 110} n${i}\n`,
};
