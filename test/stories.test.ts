import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ADVICE, UNKNOWNS, pickVariant } from '../server/src/core/catalogue/advice';
import { SOURCES } from '../server/src/core/catalogue/sources';
import { analyzeFiles, analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';
import { toTextReport } from '../server/src/core/report/textReport';
import { toMarkdownReport } from '../server/src/core/report/markdownReport';
import { HOSTS } from '../server/src/core/stories/hosts';
import { modemRestartStory } from '../server/src/core/stories/entries/modemRestart';
import { modemUpdateStory } from '../server/src/core/stories/entries/modemUpdate';
import { STORIES } from '../server/src/core/stories/registry';
import { KNOWN_GAPS, STORY_FACTS } from './fixtures/real/storyFacts';

const ROOT = join(__dirname, '..');
const REF = Date.UTC(2025, 0, 10);
const REAL = join(ROOT, 'test', 'fixtures', 'real');
const SAMPLE = join(ROOT, 'samples', 'rut901-modem-update-stuck.log');
const run = (lines: string[]): Analysis => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
/** Everything a person reads of a story: summary, steps, advice and unknowns. */
const words = (a: Analysis): string => a.episodes.flatMap((e) => [e.summary, e.why, ...e.steps.map((s) => s.text), ...e.advice, ...e.unknowns]).join('\n');
const TELTONIKA = /gsmctl|ubus list gsm|modem_updater|Teltonika|\/etc\/init\.d\/gsmd/;

describe('the story registry', () => {
  it('is listed in the README: every story with every verdict', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const s of STORIES) {
      const row = readme.split('\n').find((l) => l.startsWith(`| ${s.title} |`));
      assert.ok(row, `README row for ${s.title}`);
      for (const v of Object.values(s.verdicts)) assert.ok(row!.includes(`**${v.label}**`), `${s.title}: ${v.label}`);
    }
  });

  it('gives every story a unique id, a title and a verdict table the surfaces can show', () => {
    assert.equal(new Set(STORIES.map((s) => s.id)).size, STORIES.length);
    for (const s of STORIES) {
      assert.ok(s.title && s.description, s.id);
      assert.ok(Object.keys(s.verdicts).length > 0, s.id);
      for (const [id, v] of Object.entries(s.verdicts)) assert.ok(v.label && v.meaning && ['error', 'warning', 'info', 'hint'].includes(v.severity), `${s.id}/${id}`);
    }
  });

  it('has a wording of every advice and unknown for every host stack, or none where the advice is Teltonika\'s own', () => {
    for (const [key, variants] of [...Object.entries(ADVICE), ...Object.entries(UNKNOWNS)]) {
      for (const v of variants) for (const s of v.sources) assert.ok(SOURCES[s], `${key}: unknown source ${s}`);
      for (const h of HOSTS) {
        const v = pickVariant(variants, h.id);
        if (v && h.id !== 'rutos') assert.doesNotMatch(v.text, TELTONIKA, `${key} for ${h.id}`);
      }
    }
  });
});

describe('the RUT901 story (issue 10, items 1-5 and 8)', async () => {
  const a = await analyzeFiles([SAMPLE], { referenceTime: REF });
  const e = a.episodes[0];

  it('is the update story, stuck in the router while the modem probably updated, told as a reading with its evidence', () => {
    assert.equal(e.kind, modemUpdateStory.id);
    assert.equal(e.verdict, 'updated-not-taken-back');
    assert.equal(e.severity, 'error');
    const reading = e.steps.find((s) => /reading of the USB lines/.test(s.text));
    assert.ok(reading, 'the reading is a step of its own');
    assert.match(reading!.text, /not a fact the log states/);
    assert.match(reading!.text, /2 min 35 s with serial ports only/);
    assert.equal(reading!.line, 85, 'its evidence is the full layout at line 85');
  });

  it('does not say the ports moved: interface 3, gsmd\'s AT port, is in the new layout (knowledge 4.2)', () => {
    assert.doesNotMatch(words(a), /ports are not where|not where gsmd (looks|expects)/);
    assert.match(words(a), /Interface 3, where gsmd looks for the AT port, is there/);
  });

  it('says the log does not show gsmd taking the modem back, never that no instance is registered (knowledge 6)', () => {
    assert.doesNotMatch(words(a), /[Nn]o modem instance is registered|no working instance/);
    assert.match(e.summary, /does not show the modem taken back/);
  });

  it('advises in the order of knowledge 3.6: waiting will not help, save the evidence, reboot cleanly or restart gsmd, then check the firmware', () => {
    const at = (re: RegExp): number => e.advice.findIndex((x) => re.test(x));
    const order = [at(/Waiting will not clear/), at(/dfota_status\.json.*before-reboot|before-reboot.*dfota_status/s), at(/gsmd restart/), at(/gsmctl -y/)];
    assert.ok(order.every((i) => i >= 0), `all four pieces: ${order}`);
    assert.deepEqual([...order].sort((x, y) => x - y), order, `in that order: ${order}`);
  });

  it('gives no Qualcomm EDL id for the ASR-based EC200A (knowledge 3.6)', () => {
    assert.doesNotMatch(words(a), /05c6:9008/);
    assert.match(words(a), /an ID other than 2c7c:6005/);
  });

  it('says how long the modem was away as "came back N later"', () => {
    assert.match(words(a), /came back 8 s later at 19:54:58/);
    assert.doesNotMatch(words(a), /came back for/);
  });

  it('names the errno the log gives, with its meaning from the errno table, and none it does not', () => {
    const timeout = analyzeText(readFileSync(SAMPLE, 'utf8').replaceAll('failed: errno 5', 'failed: errno 110'), { referenceTime: REF });
    const said = words(timeout);
    assert.match(said, /errno 110 \(ETIMEDOUT\)/);
    assert.doesNotMatch(said, /errno 5\b|EIO/);
    assert.match(words(a), /errno 5 \(EIO\)/);
  });
});

describe('a paste with lines left out (item 7)', async () => {
  const a = await analyzeFiles([join(ROOT, 'test', 'fixtures', 'excerpts', '01-rut901-ec200a-modem-update-stuck.log')], { referenceTime: REF });
  it('says the writes are the ones shown, which of the poster\'s lines were left out, and cites the poster\'s numbers', () => {
    const loss = a.episodes[0].steps.find((s) => /failed writes/.test(s.text));
    assert.ok(loss);
    assert.match(loss!.text, /3 failed writes shown/);
    assert.match(loss!.text, /lines 527-532 and 535-562 \(the poster's numbers\) were left out of the paste/);
    assert.equal(loss!.recordId, 525);
    assert.match(toTextReport(a), /line 4 +\[#525\] gsmd lost/);
    assert.match(toMarkdownReport(a), /line 4, the poster's #525/);
  });
});

describe('stories other than the update', () => {
  const refusal = [
    'Mon Mar 10 10:20:00 2025 daemon.info gsmd[3553]: [__write:1300] warning: [CMM] Write to `1-1 [2c7c:0125]` modem failed: errno 5',
    'Mon Mar 10 10:25:00 2025 user.notice ping_reboot.sh: Restarting modem after 3 unsuccessful tries',
    'Mon Mar 10 10:25:02 2025 kern.info kernel: [ 900.100000] usb 1-1: USB disconnect, device number 4',
    'Mon Mar 10 10:25:10 2025 kern.info kernel: [ 908.100000] usb 1-1: new high-speed USB device number 5 using ehci-platform',
    'Mon Mar 10 10:25:20 2025 daemon.info gsmd[3553]: [__new_modem:767] error: [MODEM_MANAGER] Modem `1-1 [2c7c:0125]` already exists and is registered!',
    ...Array.from({ length: 12 }, (_, i) => `Mon Mar 10 ${String(11 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}:00 2025 daemon.info dnsmasq[1]: query`),
  ];

  it('tells a refusal after a deliberate restart as that restart\'s story, not a stuck update (item 9)', () => {
    const a = run(refusal);
    assert.ok(!a.episodes.some((e) => e.kind === modemUpdateStory.id), a.episodes.map((e) => e.kind).join());
    const e = a.episodes.find((x) => x.kind === modemRestartStory.id);
    assert.ok(e);
    assert.match(e!.summary, /restarted on purpose \("Restarting modem after 3 unsuccessful tries"\)/);
    assert.doesNotMatch(words(a), /banner|firmware update is in progress/);
    assert.ok(!a.findings.some((f) => f.code === 'fw-update-stuck'));
  });

  it('still tells the refusal as an update when nothing restarted the modem on purpose', () => {
    const a = run(refusal.filter((l) => !/ping_reboot/.test(l)));
    assert.equal(a.episodes[0]?.kind, modemUpdateStory.id);
  });

  it('never reads a loop from one USB device number (item 10)', () => {
    const a = run([
      'Dec 30 11:26:01 host kernel: usb 1-5: USB disconnect, device number 52',
      'Dec 30 11:26:01 host kernel: option1 ttyUSB0: GSM modem (1-port) converter now disconnected from ttyUSB0',
      'Dec 30 11:26:10 host kernel: usb 1-5: new full-speed USB device number 53 using xhci_hcd',
      'Dec 30 11:26:10 host kernel: usb 1-5: New USB device found, idVendor=12d1, idProduct=1001',
    ]);
    assert.ok(!a.findings.some((f) => f.code === 'usb-reconnect-loop'));
    assert.doesNotMatch([words(a), ...a.findings.map((f) => f.message)].join('\n'), /re-?enumerated (that many|\d+) times/);
  });

  it('tells a loop from repeated disconnect/enumerate pairs on one port, with its period', () => {
    const lines: string[] = [];
    for (let i = 0; i < 4; i++) {
      const t = 500 + i * 30;
      lines.push(`[ ${t}.000000] usb 1-1: USB disconnect, device number ${3 + i}`, `[ ${t + 5}.000000] usb 1-1: new high-speed USB device number ${4 + i} using ehci-platform`, `[ ${t + 5}.200000] cdc_ether 1-1:1.0 usb0: register 'cdc_ether' at usb-ehci-platform-1, CDC Ethernet Device, 62:19:5f:2d:66:65`);
    }
    const a = run(lines);
    const loop = a.episodes.find((e) => e.kind === 'reconnect-loop');
    assert.ok(loop, a.episodes.map((e) => e.kind).join());
    assert.equal(loop!.verdict, 'looping');
    assert.match(loop!.summary, /4 times, about every 30 s/);
  });

  it('does not call a tethered phone, a hub at boot or a drop the log ends on "the modem ... did not come back" (item 11)', async () => {
    const phone = await analyzeFiles([join(REAL, '004-openwrt-rndis-phone-tether-usb-loop.log')], { referenceTime: REF });
    assert.ok(!phone.episodes.some((e) => /modem/i.test(e.title)), phone.episodes.map((e) => e.title).join());
    const hub = await analyzeFiles([join(REAL, readdirSync(REAL).find((f) => f.startsWith('022-'))!)], { referenceTime: REF });
    assert.equal(hub.episodes.length, 0, hub.episodes.map((e) => e.title).join());
    const cut = await analyzeFiles([join(REAL, readdirSync(REAL).find((f) => f.startsWith('018-'))!)], { referenceTime: REF });
    assert.equal(cut.episodes[0]?.verdict, 'log-ends');
    assert.doesNotMatch(words(cut), /did not come back/);
  });

  it('does not call one ECM enumeration on a PC a RutOS composition change (item 12)', () => {
    const a = run([
      'Jan 10 10:00:00 pc kernel: usb 1-2: new high-speed USB device number 9 using xhci_hcd',
      'Jan 10 10:00:00 pc kernel: usb 1-2: New USB device found, idVendor=2c7c, idProduct=6005, bcdDevice= 3.18',
      "Jan 10 10:00:01 pc kernel: cdc_ether 1-2:1.0 usb0: register 'cdc_ether' at usb-0000:00:14.0-2, CDC Ethernet Device, 02:4b:b3:b9:eb:e5",
    ]);
    assert.ok(!a.findings.some((f) => f.code === 'usb-composition-change'), a.findings.map((f) => f.message).join('\n'));
  });

  it('reads a flasher\'s elapsed-time stamps as no clock, and leaves the modem in download mode when the log ends there (item 13)', async () => {
    const a = await analyzeFiles([join(REAL, readdirSync(REAL).find((f) => f.startsWith('045-'))!)], { referenceTime: REF });
    const e = a.episodes[0];
    assert.equal(e.kind, modemUpdateStory.id);
    assert.equal(e.verdict, 'failed');
    assert.doesNotMatch(words(a), /uptime/);
    assert.match(e.summary, /left in emergency download \(EDL\) mode/);
  });

  it('tells dfota error 174 with the connection working afterwards as a failed update on the old firmware, not an RMA (item 14)', async () => {
    const a = await analyzeFiles([join(REAL, readdirSync(REAL).find((f) => f.startsWith('002-'))!)], { referenceTime: REF });
    const e = a.episodes[0];
    assert.equal(e.verdict, 'failed');
    assert.match(e.summary, /old firmware/);
    assert.doesNotMatch(words(a), /RMA|does not power on|download-mode ID|05c6:9008/);
  });

  it('keeps every distinct message of a burst with its own count (item 6)', () => {
    const a = run([
      'Mon Dec  2 19:54:53 2024 daemon.notice netifd: mob1s1a1 (8470): Command failed: Request timed out',
      'Mon Dec  2 19:54:53 2024 daemon.notice netifd: mob1s1a1 (8470): Command failed: Permission denied',
      'Mon Dec  2 19:54:54 2024 daemon.notice netifd: mob1s1a1 (8470): Command failed: Request timed out',
    ]);
    const f = a.findings.find((x) => x.code === 'data-session-failed');
    assert.ok(f);
    assert.match(f!.message, /Request timed out \(2 times\)/);
    assert.match(f!.message, /Permission denied/);
    assert.doesNotMatch(f!.message, /Request timed out \(3 times\)/);
  });

  it('tells several stories, the one that matters most first; says the update story is not among them only when asked about an update', () => {
    const a = run([
      'Tue Dec  3 09:12:40 2024 kern.info Device startup after unexpected shutdown',
      'Tue Dec  3 09:13:10 2024 kern.info SIM state changed to not inserted (internal modem)',
    ]);
    const titles = a.episodes.map((e) => e.title);
    for (const id of ['sim-problem', 'unexpected-reboot']) assert.ok(titles.includes(STORIES.find((s) => s.id === id)!.title), titles.join());
    const sev = a.episodes.map((e) => ['error', 'warning', 'info', 'hint'].indexOf(e.severity));
    assert.deepEqual([...sev].sort((x, y) => x - y), sev, 'most severe first');
    const text = toTextReport(a);
    const noUpdate = new RegExp(`No ${modemUpdateStory.title.toLowerCase()} in this log\\. It tells ${a.episodes.length} other stories`);
    // The CLI's report was asked nothing about an update: it opens with its own stories (three blind
    // probes read the update's absence, first, as a misreading of their SIM or USB logs).
    assert.doesNotMatch(text, noUpdate);
    assert.match(text, new RegExp(`This log tells ${a.episodes.length} stories, the one that matters most first`));
    for (const e of a.episodes) assert.match(text, new RegExp(`${e.title}: ${e.verdictLabel.toUpperCase()}`));
    const md = toMarkdownReport(a);
    assert.match(md, /^# Modem diagnosis: /);
    assert.match(md, new RegExp(`## ${a.episodes[0].title}: ${a.episodes[0].verdictLabel}`));
    const asked = toMarkdownReport(a, { aboutUpdate: true });
    assert.match(asked, /^# Modem update diagnosis: /);
    assert.match(asked, noUpdate);
  });
});

describe('advice fits the host', async () => {
  const files = readdirSync(REAL).filter((f) => f.endsWith('.log'));
  const analyses = await Promise.all(files.map(async (f) => ({ f, a: await analyzeFiles([join(REAL, f)], { referenceTime: REF }) })));

  it('gives no Teltonika command or route on a log from another stack', () => {
    let told = 0;
    for (const { f, a } of analyses) {
      if (a.host === 'Teltonika RutOS') continue;
      if (a.episodes.length) told++;
      assert.doesNotMatch(words(a), TELTONIKA, f);
    }
    assert.ok(told >= 10, `stories told on ${told} non-RutOS logs`);
  });

  it('gives ModemManager commands on a ModemManager host and RutOS commands on RutOS', async () => {
    const mm = analyses.find(({ f }) => f.startsWith('053-'))!.a;
    assert.equal(mm.host, 'Linux with ModemManager');
    assert.match(words(mm), /mmcli/);
    const rutos = await analyzeFiles([SAMPLE], { referenceTime: REF });
    assert.equal(rutos.host, 'Teltonika RutOS');
    assert.match(words(rutos), /gsmctl/);
  });
});

describe('every real fixture tells the stories a person reads in its label', async () => {
  const files = readdirSync(REAL).filter((f) => f.endsWith('.log'));
  const labels = JSON.parse(readFileSync(join(REAL, 'labels.json'), 'utf8')) as { file: string; problems: string[] }[];
  for (const f of files) {
    const id = f.slice(0, 3);
    it(`${f}`, async () => {
      const a = await analyzeFiles([join(REAL, f)], { referenceTime: REF });
      const facts = STORY_FACTS[id];
      if (!facts) {
        assert.ok(KNOWN_GAPS[id], `${id} is in the table or a known gap`);
        if (a.host !== 'Teltonika RutOS') assert.doesNotMatch(words(a), TELTONIKA);
        return;
      }
      assert.deepEqual(a.episodes.map((e) => `${e.kind}:${e.verdict}`), facts.stories);
      assert.equal(a.host, facts.host);
      if (a.host !== 'Teltonika RutOS') assert.doesNotMatch(words(a), TELTONIKA);
      for (const e of a.episodes) assert.ok(e.evidence.length > 0 && e.steps.some((st) => st.line !== undefined), `${e.kind} cites its lines`);
    });
  }
  it('prints how many problem logs get the right story', () => {
    const problems = labels.filter((l) => l.problems.length && l.problems[0] !== 'none').map((l) => l.file.slice(0, 3));
    const yes = problems.filter((p) => STORY_FACTS[p]?.judged === 'yes').length;
    const partly = problems.filter((p) => STORY_FACTS[p]?.judged === 'partly').length;
    const no = problems.filter((p) => KNOWN_GAPS[p]).length;
    console.log(`stories on ${problems.length} problem logs: right ${yes}, partly ${partly}, wrong ${no}`);
    assert.equal(yes + partly + no, problems.length);
  });
});

// A trouble with no line after it showing it over, in a file mostly unread: the lines not read may
// hold its end (a blind probe's eWON export, 3% read, had been told "not over" with high confidence).
describe('a trouble not over in a file mostly unread', () => {
  // An export in a shape no format reads (a router's own event table), one of whose rows holds words the catalogue knows.
  const row = (i: number, text: string) => `17422517${String(i).padStart(2, '0')};"17/03/2025 23:48:${String(i).padStart(2, '0')}";"Info";0;"sys";"${text}"`;
  const hang = 'Modem watchdog: modem not responding, hardware reset';
  const storyOf = (lines: string[]) => analyzeText(lines.join('\n') + '\n', { referenceTime: Date.UTC(2025, 2, 20) }).episodes.find((e) => e.verdict === 'unresolved')!;
  it('mostly unread after it: low confidence, and the reason said', () => {
    const s = storyOf([row(0, 'Scheduled action'), row(1, hang), ...Array.from({ length: 10 }, (_, i) => row(i + 2, `event ${i}`))]);
    assert.equal(s.confidence, 'low');
    assert.match(s.why, /only \d+% of its lines were read/);
  });
  it('the same trouble in a file read whole: high confidence', () => {
    const s = storyOf([`Tue Mar 18 23:48:01 2025 daemon.err modemwatch[812]: ${hang}`, ...Array.from({ length: 10 }, (_, i) => `Tue Mar 18 23:49:${String(i).padStart(2, '0')} 2025 daemon.info dnsmasq[901]: query ${i}`)]);
    assert.equal(s.confidence, 'high');
  });
});

// ModemManager's bearer failure names the network's cause in 3GPP's words: the advice is that
// cause's (a blind probe's "Requested service option not subscribed" had been told to check the APN).
describe("ModemManager's refused bearer, its cause in 3GPP's words", () => {
  it('a subscription cause calls for the operator, not the settings', () => {
    const line = (c: string) => `Thu May 16 09:10:${c} 2024 daemon.warn ModemManager[1710]: <warn>  [modem0/bearer0] connection attempt #1 failed: Requested service option not subscribed`;
    const a = analyzeText([line('23'), line('40')].join('\n') + '\n', { referenceTime: Date.UTC(2024, 4, 20) });
    const story = a.episodes.find((e) => e.kind === 'data-connection-problem')!;
    assert.match(story.advice.join('\n'), /ask the operator/);
    assert.doesNotMatch(story.advice.join('\n'), /compare the APN/);
  });
});

describe('a modem gone at the end of a file mostly unread', () => {
  it("the drop whose return the log does not show is told with low confidence, and why", () => {
    const prose = Array.from({ length: 30 }, (_, i) => `Some text of the issue the user wrote, paragraph ${i}.`);
    const a = analyzeText([...prose, '[  100.000000] usb 1-1: new high-speed USB device number 2 using xhci-hcd', '[  100.100000] usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18', '[  100.300000] option 1-1:1.2: GSM modem (1-port) converter detected', '[ 5000.000000] usb 1-1: USB disconnect, device number 2'].join('\n') + '\n', { referenceTime: Date.UTC(2024, 4, 20) });
    const story = a.episodes.find((e) => e.kind === 'modem-drop' || e.kind === 'modem-lost')!;
    assert.ok(story, a.episodes.map((e) => e.kind).join());
    assert.equal(story.confidence, 'low');
    assert.match(story.why, /only \d+% of its lines were read/);
  });
});
