import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../server/src/core/model';
import { lineBelongsTo } from '../server/src/lsp/hovers';

// "Part of" in a hover is decided by the finding's own lines, not by the range they span.
const finding = (over: Partial<Finding>): Finding => ({
  code: 'modem-duplicate-registration', severity: 'error', message: 'm', file: 0, line: 10, endLine: 12, count: 2, lines: [10, 12], eventIds: ['gsmd-already-registered'], ...over,
});

describe('hover: which problems a line is part of', () => {
  it('a line between a finding\'s lines is not one of them (netifd between gsmd\'s refusal lines)', () => {
    const refusal = finding({});
    assert.equal(lineBelongsTo(refusal, 10, 'gsmd-already-registered'), true);
    assert.equal(lineBelongsTo(refusal, 12, 'gsmd-already-registered'), true);
    assert.equal(lineBelongsTo(refusal, 11, 'netifd-command-failed'), false);
    assert.equal(lineBelongsTo(refusal, 11, undefined), false);
  });

  it('past the lines a big burst keeps, a line of the same event up to its last line belongs to it', () => {
    const lines = Array.from({ length: 50 }, (_, i) => 100 + i);
    const burst = finding({ code: 'modem-write-failure', line: 100, endLine: 180, count: 70, lines, eventIds: ['gsmd-write-failed'] });
    assert.equal(lineBelongsTo(burst, 149, 'gsmd-write-failed'), true, 'a kept line');
    assert.equal(lineBelongsTo(burst, 170, 'gsmd-write-failed'), true, 'past the kept lines, same event');
    assert.equal(lineBelongsTo(burst, 170, 'netifd-interface-down'), false, 'past the kept lines, another event');
    assert.equal(lineBelongsTo(burst, 181, 'gsmd-write-failed'), false, 'after the burst');
    assert.equal(lineBelongsTo(burst, 99, 'gsmd-write-failed'), false, 'before the burst');
  });

  it('a finding that lists all its lines is exactly those lines', () => {
    const gap = finding({ code: 'usb-gap', line: 32, endLine: 39, count: 3, lines: [32, 35, 39], eventIds: ['usb-disconnect'] });
    assert.equal(lineBelongsTo(gap, 36, 'usb-disconnect'), false);
  });
});
