// Generates an application's log, deterministic for a given N: a gateway's Java service in
// log4j's and logback's common layout (`%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%t] %c{1.} - %m%n`),
// the thread in brackets after the level (read as the program, as the parser reads a bracketed
// name; the iso-plain fast reader takes such lines since 2026-12-06). Most lines are the
// service's own chatter (HTTP, a scheduler, a database pool); about one in 40 is its modem poller
// reporting signal and registration, and a modem episode (the AT port gone, a reconnect) comes every
// 20,000 lines, with a Java stack trace under its ERROR line as such logs have them.
// Usage: node scripts/generate-app-log.mjs [path] [lines]
import { createWriteStream } from 'node:fs';

const p2 = (n) => (n < 10 ? '0' + n : '' + n);
const p3 = (n) => String(n).padStart(3, '0');
const EPISODE_EVERY = 20_000;

export async function generateAppLog(path, lines) {
  let s = 20261206;
  const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  let t = Date.UTC(new Date().getUTCFullYear(), 0, 12, 9, 0, 0);
  const stamp = () => {
    const x = new Date(t);
    return `${x.getUTCFullYear()}-${p2(x.getUTCMonth() + 1)}-${p2(x.getUTCDate())} ${p2(x.getUTCHours())}:${p2(x.getUTCMinutes())}:${p2(x.getUTCSeconds())},${p3(x.getUTCMilliseconds())}`;
  };
  const line = (level, thread, logger, message) => `${stamp()} ${level.padEnd(5)} [${thread}] ${logger} - ${message}`;
  const chatter = [
    () => line('INFO', `http-nio-8080-exec-${int(1, 10)}`, 'o.a.c.c.C.[Tomcat].[localhost]', `GET /api/v1/status 200 ${int(2, 40)} ms`),
    () => line('DEBUG', `http-nio-8080-exec-${int(1, 10)}`, 'c.e.gw.web.StatusController', `status requested by 192.168.1.${int(100, 199)}`),
    () => line('INFO', 'scheduling-1', 'c.e.gw.sync.CloudSync', `uploaded ${int(1, 60)} readings in ${int(80, 900)} ms`),
    () => line('DEBUG', 'HikariPool-1 housekeeper', 'com.zaxxer.hikari.pool.HikariPool', `HikariPool-1 - Pool stats (total=10, active=${int(0, 4)}, idle=${int(6, 10)}, waiting=0)`),
    () => line('WARN', 'scheduling-1', 'c.e.gw.sync.CloudSync', `upload took ${int(2000, 9000)} ms, over the 2000 ms budget`),
    () => line('INFO', `pool-2-thread-${int(1, 4)}`, 'c.e.gw.sensor.Reader', `sensor ${int(1, 16)} read: ${(rnd() * 40).toFixed(2)} C`),
  ];
  const modem = [
    () => line('INFO', 'modem-poller', 'c.e.gw.modem.ModemPoller', `signal: rssi=${int(-90, -60)} dBm, rsrp=${int(-115, -85)} dBm, sinr=${int(-5, 20)} dB`),
    () => line('DEBUG', 'modem-poller', 'c.e.gw.modem.AtChannel', 'AT+CREG? -> +CREG: 0,1'),
  ];
  const episode = () => [
    line('ERROR', 'modem-poller', 'c.e.gw.modem.AtChannel', 'write to /dev/ttyUSB2 failed: Input/output error'),
    '\tat c.e.gw.modem.AtChannel.send(AtChannel.java:118)',
    '\tat c.e.gw.modem.ModemPoller.poll(ModemPoller.java:54)',
    line('WARN', 'modem-poller', 'c.e.gw.modem.ModemPoller', 'modem not answering, reconnecting in 30 s'),
    line('INFO', 'modem-poller', 'c.e.gw.modem.ModemPoller', 'modem reconnected on /dev/ttyUSB2'),
  ];
  const out = createWriteStream(path);
  let buf = [];
  for (let n = 0; n < lines; ) {
    t += int(5, 400);
    const batch = n > 0 && n % EPISODE_EVERY === 0 ? episode() : [rnd() < 0.025 ? pick(modem)() : pick(chatter)()];
    for (const l of batch) {
      if (n++ >= lines) break;
      buf.push(l);
    }
    if (buf.length >= 10_000) {
      if (!out.write(buf.join('\n') + '\n')) await new Promise((r) => out.once('drain', r));
      buf = [];
    }
  }
  out.write(buf.length ? buf.join('\n') + '\n' : '');
  await new Promise((r) => out.end(r));
}

if (process.argv[1] && process.argv[1].endsWith('generate-app-log.mjs')) {
  await generateAppLog(process.argv[2] ?? 'app.log', Number(process.argv[3] ?? 1_000_000));
}
