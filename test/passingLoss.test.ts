import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import type { Analysis } from '../server/src/core/model';

// A loss a line answers at once is a passing state (catalogue `passing`): a blind probe's healthy
// laptop logged ModemManager's `home -> idle` and `idle -> home` in the same second, twice, and
// was told "Network registration problem" as its headline. A loss that lasts is still one.

const REF = Date.UTC(2024, 11, 4);
const reg = (from: string, to: string, modem = 'modem0'): string => `<info>  [${modem}] 3GPP registration state changed (${from} -> ${to})`;

/** The same lines in three shapes: journalctl short, short-monotonic (uptime only), -o cat (no clock). */
function shapes(lines: readonly [number, string][]): { name: string; text: string }[] {
  const clock = (s: number): string => `${String(Math.floor(s / 3600) + 10).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(Math.floor(s) % 60).padStart(2, '0')}`;
  return [
    { name: 'journal short', text: lines.map(([s, l]) => `Mar 15 ${clock(s)} t470 ModemManager[744]: ${l}`).join('\n') + '\n' },
    { name: 'short-monotonic', text: lines.map(([s, l]) => `[${(100 + s).toFixed(6).padStart(12)}] t470 ModemManager[744]: ${l}`).join('\n') + '\n' },
  ];
}

const registration = (a: Analysis): { severities: string[]; stories: string[] } => ({
  severities: a.findings.filter((f) => f.code === 'registration-failed').map((f) => f.severity),
  stories: a.episodes.map((e) => `${e.kind}: ${e.verdict}`),
});

describe('a registration lost and back at once is a note, not a problem', () => {
  const flip: [number, string][] = [
    [0, reg('registering', 'home')],
    [600, reg('home', 'idle')],
    [600.3, reg('idle', 'home')],
    [1200, reg('home', 'idle')],
    [1200.2, reg('idle', 'home')],
  ];
  for (const s of shapes(flip)) {
    it(`${s.name}: the flips are notes and tell no story`, () => {
      const r = registration(analyzeText(s.text, { referenceTime: REF }));
      assert.deepEqual(r.severities, ['info', 'info']);
      assert.deepEqual(r.stories, []);
    });
  }
  it('journalctl -o cat (no clock): the answer on the next line', () => {
    const text = flip.map(([, l]) => l).join('\n') + '\n';
    const a = analyzeText(text, { referenceTime: REF });
    assert.ok(a.findings.filter((f) => f.code === 'registration-failed').every((f) => f.severity === 'info' && /registered again/.test(f.message)));
    assert.deepEqual(a.episodes, []);
  });

  const lasting: [number, string][] = [
    [0, reg('registering', 'home')],
    [600, reg('home', 'searching')],
    [720, reg('searching', 'home')],
  ];
  for (const s of shapes(lasting)) {
    it(`${s.name}: two minutes searching is a registration problem, recovered`, () => {
      const r = registration(analyzeText(s.text, { referenceTime: REF }));
      assert.deepEqual(r.severities, ['warning']);
      assert.deepEqual(r.stories, ['registration-problem: recovered']);
    });
  }

  it('another modem registering answers nothing', () => {
    const text = shapes([
      [0, reg('registering', 'home')],
      [600, reg('home', 'idle')],
      [600.3, reg('searching', 'home', 'modem1')],
    ])[0].text;
    assert.deepEqual(registration(analyzeText(text, { referenceTime: REF })).severities, ['warning']);
  });

  it('a modem being enabled searches without having lost anything', () => {
    const text = shapes([
      [0, reg('unknown', 'searching')],
      [5, reg('searching', 'home')],
    ])[0].text;
    assert.deepEqual(registration(analyzeText(text, { referenceTime: REF })).severities, []);
  });

  it('never registered again: the loss stays a problem', () => {
    const text = shapes([
      [0, reg('registering', 'home')],
      [600, reg('home', 'idle')],
    ])[0].text;
    const r = registration(analyzeText(text, { referenceTime: REF }));
    assert.deepEqual(r.severities, ['warning']);
    assert.deepEqual(r.stories, ['registration-problem: unresolved']);
  });
  it("quectel-cm: detached for a moment while the modem attaches is a note; staying detached is the registration's problem", () => {
    const ps = (clock: string, state: string): string => `Wed Apr 17 ${clock} 2024 daemon.notice netifd: wwan (3379): [04-17_${clock}:102] requestRegistrationState2 MCC: 234, MNC: 15, PS: ${state}, DataCap: LTE`;
    const brief = analyzeText([ps('17:20:25', 'Detached'), ps('17:20:30', 'Attached')].join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(registration(brief), { severities: ['info'], stories: [] });
    const stuck = analyzeText([ps('17:20:25', 'Detached'), ps('17:21:25', 'Detached'), ps('17:25:25', 'Detached')].join('\n') + '\n', { referenceTime: REF });
    assert.deepEqual(registration(stuck).stories, ['registration-problem: unresolved']);
  });
});

// A moving router (a blind probe's coach) loses coverage in tunnels and at borders and registers
// again within a minute, six times a trip: coverage, not a fault. A denial is never passing: it is
// the network's refusal, and the operator is the one to ask even when a later attempt got in.
describe('coverage lost for a moment, and a network that denies', () => {
  const tunnels: [number, string][] = [[0, reg('registering', 'home')]];
  for (const [at, away] of [[600, 17], [1800, 34], [3000, 51], [4200, 19]] as const) tunnels.push([at, reg('home', 'searching')], [at + away, reg('searching', 'home')]);
  for (const s of shapes(tunnels)) {
    it(`${s.name}: registered again within a minute each time: notes, no story`, () => {
      const r = registration(analyzeText(s.text, { referenceTime: REF }));
      assert.deepEqual(r.severities, ['info', 'info', 'info', 'info']);
      assert.deepEqual(r.stories, []);
    });
  }
  it('searching for longer than a minute is a problem, and one recovered gives no advice', () => {
    const text = shapes([[0, reg('registering', 'home')], [600, reg('home', 'searching')], [675, reg('searching', 'home')]])[0].text;
    const a = analyzeText(text, { referenceTime: REF });
    assert.deepEqual(registration(a), { severities: ['warning'], stories: ['registration-problem: recovered'] });
    assert.deepEqual(a.episodes[0].advice, []);
  });

  const denials: { name: string; lines: string[] }[] = [
    { name: "ModemManager's denied state", lines: ['Dec  1 02:10:12 gw ModemManager[741]: <info>  [modem0] 3GPP registration state changed (home -> denied)', 'Dec  1 02:15:12 gw ModemManager[741]: <info>  [modem0] 3GPP registration state changed (searching -> home)'] },
    { name: "the modem's +CEREG status 3", lines: ['Dec  1 02:10:12 gw cellmgr[812]: AT< +CEREG: 3', 'Dec  1 02:15:12 gw ModemManager[741]: <info>  [modem0] 3GPP registration state changed (searching -> home)'] },
    { name: "NetworkManager's gsm-registration-denied", lines: ["Dec  1 02:10:12 gw NetworkManager[700]: <info>  [1733019012.0000] device (cdc-wdm0): state change: prepare -> failed (reason 'gsm-registration-denied', sys-iface-state: 'managed')", 'Dec  1 02:15:12 gw ModemManager[741]: <info>  [modem0] 3GPP registration state changed (searching -> home)'] },
  ];
  for (const d of denials) {
    it(`${d.name}: a warning, told with the operator's advice even when registered again`, () => {
      const a = analyzeText(d.lines.join('\n') + '\n', { referenceTime: REF });
      assert.deepEqual(registration(a), { severities: ['warning'], stories: ['registration-problem: recovered'] });
      assert.equal(a.episodes[0].advice.length, 1);
      assert.match(a.episodes[0].advice[0], /network denied the modem's registration .* Ask the operator why/);
    });
  }
});
