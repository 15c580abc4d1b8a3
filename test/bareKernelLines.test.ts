import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../server/src/core/analyze';
import { LineParser } from '../server/src/core/records/lineParser';
import { parseLog } from './support/reshape';

// `journalctl -o cat`, or a paste of several programs' output, writes the kernel's lines bare
// (`usb 1-1.4: USB disconnect, device number 7`) between other programs' (NetworkManager's
// `<info>  [1710500112.4410] device (cdc-wdm0): ...`, which carries a clock). A bare kernel line
// is a message of its own, not the wrapped rest of the line above it: a blind probe's 35 kernel
// lines had been joined into one NetworkManager message and the modem's three drops were lost.

const REF = Date.UTC(2024, 11, 4);
const DIR = join(__dirname, 'fixtures', 'real');
const labels: { file: string }[] = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8'));
const UPTIME_LEAD = /^\[\s*\d+\.\d+\]\s*/;

/** A kernel message that names its driver and device first (`usb 1-1.4: `, `option1 ttyUSB0: `). */
const DEVICE_FIRST = /^[a-z][\w-]* (?:\d+-\d+|usb\d|tty[A-Za-z]*\d)\S*(?: \S+)?: /;

/**
 * The fixture's kernel messages that name their device first, bare, as dmesg -t and journalctl -o
 * cat write them. (A bare kernel line of another kind, `Linux version ...`, under another
 * program's line is still read as its wrapped rest: nothing in it says otherwise.)
 */
function bareKernel(text: string): string[] {
  return parseLog(text).lines.flatMap((l) => {
    if (typeof l.result !== 'object' || l.result.tag !== 'kernel') return [];
    const bare = l.result.message.replace(UPTIME_LEAD, '');
    return DEVICE_FIRST.test(bare) ? [bare] : [];
  });
}

const NM = (i: number): string => `<info>  [${1710500112 + i}.4410] device (cdc-wdm0): state change: activated -> activated (reason 'none', sys-iface-state: 'managed')`;
const events = (text: string): string[] =>
  analyzeText(text, { referenceTime: REF })
    .events.filter((e) => !/^nm\./.test(e.id))
    .map((e) => e.id)
    .sort();

describe('bare kernel lines between other programs\' lines', () => {
  const cases = labels.map((l) => ({ name: l.file.slice(0, 3), kernel: bareKernel(readFileSync(join(DIR, l.file), 'utf8')) })).filter((c) => c.kernel.length >= 5);
  it('the fixtures hold kernel lines to re-tell', () => assert.ok(cases.length >= 10, `${cases.length}`));
  for (const c of cases) {
    it(`${c.name}: the same kernel events with a NetworkManager line before every third`, () => {
      const alone = c.kernel.join('\n') + '\n';
      const mixed = c.kernel.flatMap((k, i) => (i % 3 === 0 ? [NM(i), k] : [k])).join('\n') + '\n';
      assert.deepEqual(events(mixed), events(alone));
    });
  }

  it('a kernel line a mail wrapped just before its device still continues its header', () => {
    const p = new LineParser({ referenceYear: 2024 });
    const head = p.parse('Dec  2 19:54:59 a-router-with-a-rather-long-host-name kernel: [  466.515595]', 1);
    assert.equal(typeof head, 'object');
    assert.equal(p.parse('usb 1-1.4: USB disconnect, device number 7', 2), 'continuation');
  });

  it('a line of prose under a record still continues it', () => {
    const p = new LineParser({ referenceYear: 2024 });
    p.parse('<info>  [1710500112.4410] device (cdc-wdm0): Activation: failed for connection', 1);
    assert.equal(p.parse("'Mobile broadband' because the modem said no", 2), 'continuation');
  });
});
