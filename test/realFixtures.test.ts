import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFiles } from '../server/src/core/analyze';
import type { FindingCode } from '../server/src/core/model';

// Real published logs with labels written by a support engineer (../shared/fixtures/real).
const DIR = join(__dirname, '..', '..', 'shared', 'fixtures', 'real');

interface Label {
  file: string;
  problems: string[];
  expected: string;
}

/**
 * Which finding codes satisfy a label's problem tag. `interface-down` is how labels name a lost
 * data link; when the modem's network device vanished with it (fixture 018), usb-gap shows that.
 */
const SATISFIED_BY: Record<string, FindingCode[]> = {
  'fw-update-failed': ['fw-update-failed'],
  'usb-reconnect-loop': ['usb-reconnect-loop'],
  'interface-down': ['interface-down', 'mobile-data-down', 'data-session-failed', 'usb-gap'],
  'sim-error': ['sim-error'],
  'usb-gap': ['usb-gap'],
  'modem-write-failure': ['modem-write-failure'],
  'modem-read-failure': ['modem-read-failure'],
  'modem-unresponsive': ['modem-unresponsive'],
  'registration-failed': ['registration-failed'],
  reboot: ['reboot', 'unexpected-reboot'],
  'edl-mode': ['modem-edl-mode'],
};

const labels: Label[] = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8'));

describe('real fixtures against their labels', () => {
  for (const label of labels) {
    it(`${label.file}: ${label.problems.join(', ')}`, async () => {
      const path = join(DIR, label.file);
      const a = await analyzeFiles([path], { referenceTime: statSync(path).mtimeMs });
      const codes = new Set(a.findings.map((f) => f.code));
      assert.ok(a.files[0].lines > 0);
      if (label.problems.includes('none')) {
        const loud = a.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(loud.map((f) => `${f.code}@${f.line}: ${f.message}`), [], 'a healthy log must raise no error or warning');
        return;
      }
      for (const problem of label.problems) {
        const accepted = SATISFIED_BY[problem];
        assert.ok(accepted, `no mapping for label tag ${problem}`);
        assert.ok(accepted.some((c) => codes.has(c)), `expected one of ${accepted.join('|')} for "${problem}", got ${[...codes].join(', ') || 'nothing'}`);
      }
    });
  }
});
