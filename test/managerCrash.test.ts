import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';

// A program that manages the modem crashed (catalogue/entries/programCrashes.ts): the kernel's
// report of the fault that killed it, systemd's signal, procd's crash loop. Only a modem manager's
// crash is a finding; the same lines about any other program are not (tables/modemManagers.ts).

const REF = Date.UTC(2024, 5, 6);
const analyze = (lines: string[]): Analysis => analyzeText(lines.join('\n') + '\n', { referenceTime: REF });
const stories = (a: Analysis): string[] => a.episodes.map((e) => `${e.kind}:${e.verdict}`);

const RUTOS_LOOP = [
  'Wed Jun  5 08:30:00 2024 daemon.info dnsmasq-dhcp[1893]: DHCPACK(br-lan) 192.168.1.107 a4:5e:60:d1:22:08 cam2',
  'Wed Jun  5 08:31:31 2024 kern.info kernel: [ 9091.000000] do_page_fault(): sending SIGSEGV to gsmd for invalid read access from 00000000',
  'Wed Jun  5 08:31:38 2024 kern.info kernel: [ 9098.000000] do_page_fault(): sending SIGSEGV to gsmd for invalid read access from 00000000',
  'Wed Jun  5 08:31:52 2024 daemon.info procd: Instance gsmd::instance1 s in a crash loop 6 crashes, 0 seconds since last crash',
  'Wed Jun  5 08:31:57 2024 daemon.notice netifd: Interface \'mob1s1a1\' is now down',
  'Wed Jun  5 08:40:00 2024 daemon.info dnsmasq-dhcp[1893]: DHCPACK(br-lan) 192.168.1.102 a4:5e:60:d1:22:03 printer',
];
const MM_SEGFAULT = [
  'May 14 10:00:01 edge-gw01 kernel: ModemManager[812]: segfault at 0 ip 000055d1c2a4b3f0 sp 00007ffd3b2c1e80 error 4 in ModemManager[55d1c2a00000+f5000] likely on CPU 2 (core 2, socket 0)',
  'May 14 10:00:01 edge-gw01 systemd[1]: ModemManager.service: Main process exited, code=dumped, status=11/SEGV',
  'May 14 10:00:01 edge-gw01 systemd[1]: ModemManager.service: Failed with result \'core-dump\'.',
];
const MM_BACK = ['May 14 10:00:06 edge-gw01 systemd[1]: Started ModemManager.service - Modem Manager.'];

describe('a modem manager that crashed', () => {
  it('RutOS: gsmd killed by the kernel and given up by procd is one error finding and a story not over, with advice for RutOS', () => {
    const a = analyze(RUTOS_LOOP);
    const crash = a.findings.filter((f) => f.code === 'manager-crash');
    assert.equal(crash.length, 1);
    assert.equal(crash[0].severity, 'error');
    assert.deepEqual(crash[0].eventIds, ['crash.mips-fault', 'crash.procd-crash-loop']);
    assert.match(crash[0].message, /gsmd crashed 6 times in a row and is not started again/);
    const story = a.episodes.find((e) => e.kind === 'manager-crash')!;
    assert.equal(story.verdict, 'unresolved');
    // The interface going down with it is a step of this story, not a data story with APN advice.
    assert.deepEqual(stories(a), ['manager-crash:unresolved']);
    assert.ok(story.steps.some((s) => /went down with it/.test(s.text)));
    assert.ok(story.advice.some((x) => /gsmctl -A AT/.test(x) && /\/etc\/init\.d\/gsmd start/.test(x)));
  });

  it('ModemManager: a segfault, and systemd starting it again, is over, with the advice that lasts', () => {
    const open = analyze(MM_SEGFAULT);
    assert.deepEqual(stories(open), ['manager-crash:unresolved']);
    const back = analyze([...MM_SEGFAULT, ...MM_BACK]);
    assert.deepEqual(stories(back), ['manager-crash:recovered']);
    const story = back.episodes[0];
    assert.match(story.summary, /Started ModemManager\.service/);
    assert.ok(story.advice.length > 0, 'a crash outlives its restart: its advice stays');
  });

  it('the same lines about a program that does not manage the modem are no finding', () => {
    const other = [...RUTOS_LOOP, ...MM_SEGFAULT].map((l) => l.replace(/gsmd/g, 'uhttpd').replace(/ModemManager/g, 'dnsmasq')).filter((l) => !/mob1s1a1/.test(l));
    const a = analyze(other);
    assert.deepEqual(a.findings.filter((f) => f.code === 'manager-crash'), []);
    assert.deepEqual(stories(a), []);
  });

  it('an exit with an error status or a stop by SIGTERM is no crash', () => {
    const a = analyze([
      'May 14 10:00:01 edge-gw01 systemd[1]: ModemManager.service: Main process exited, code=exited, status=1/FAILURE',
      'May 14 10:00:02 edge-gw01 systemd[1]: ModemManager.service: Main process exited, code=killed, status=15/TERM',
    ]);
    assert.deepEqual(a.findings.filter((f) => f.code === 'manager-crash'), []);
  });

  it('arm64\'s unhandled exception, and systemd giving up on ModemManager, are read too (a re-test probe\'s)', () => {
    const arm64 = analyze(['Tue Apr  2 09:14:03 2024 kern.info kernel: [ 8051.331205] ModemManager[1880]: unhandled exception: DABT (lower EL), ESR 0x0000000092000006, level 2 translation fault in libmm-glib.so.0.11.0[ffffa2b40000+98000]', 'Tue Apr  2 09:30:00 2024 daemon.info dnsmasq[2170]: read /etc/hosts - 4 names']);
    assert.deepEqual(stories(arm64), ['manager-crash:unresolved']);
    const gaveUp = analyze([...MM_SEGFAULT, 'May 14 10:00:31 edge-gw01 systemd[1]: ModemManager.service: Start request repeated too quickly.', 'May 14 10:00:31 edge-gw01 systemd[1]: Failed to start Modem Manager.']);
    const crash = gaveUp.findings.find((f) => f.code === 'manager-crash')!;
    assert.match(crash.message, /restarted too often and is not started again/);
    assert.deepEqual(stories(gaveUp), ['manager-crash:unresolved']);
  });
});

