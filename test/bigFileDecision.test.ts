// Issue 12 item 3: a log over 50 MB opened as the first file of a window, or restored by a reload,
// must be read from disk. The decision is pure (routerLogFiles.needsDiskAnalysis); the wiring is:
// activation on onStartupFinished, the open tabs checked once the client runs, and a restored
// timeline asking gsmlens/analyzeFile when the server has no analysis.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { needsDiskAnalysis, SYNC_LIMIT } from '../client/src/routerLogFiles';

const ROOT = join(__dirname, '..');
const big = { scheme: 'file', synced: false, size: SYNC_LIMIT + 1, mtimeMs: 5, readAt: undefined, routerLog: true };

describe('big router logs read from disk (issue 12 item 3)', () => {
  it('reads a big, unsynced router log not read at this modification time', () => {
    assert.equal(needsDiskAnalysis(big), true);
    assert.equal(needsDiskAnalysis({ ...big, readAt: 4 }), true, 'changed since it was read');
  });

  it('leaves synced, small, unreadable, non-file, already read and non-router files alone', () => {
    assert.equal(needsDiskAnalysis({ ...big, synced: true }), false);
    assert.equal(needsDiskAnalysis({ ...big, size: SYNC_LIMIT }), false);
    assert.equal(needsDiskAnalysis({ ...big, size: undefined }), false);
    assert.equal(needsDiskAnalysis({ ...big, scheme: 'untitled' }), false);
    assert.equal(needsDiskAnalysis({ ...big, readAt: 5 }), false);
    assert.equal(needsDiskAnalysis({ ...big, routerLog: false }), false);
  });

  it('activates without an editor event: onStartupFinished, the open tabs checked at activation, the restored timeline asks for the analysis', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.ok(pkg.activationEvents.includes('onStartupFinished'), 'a big log as the first file fires no onLanguage event');
    const ext = readFileSync(join(ROOT, 'client/src/extension.ts'), 'utf8');
    assert.match(ext, /await client\.start\(\);\s*(\/\/.*\s*)*void checkBigLogTabs\(client\)/);
    const panel = readFileSync(join(ROOT, 'client/src/timelinePanel.ts'), 'utf8');
    assert.match(panel, /if \(!payload && \(await ensureDiskAnalysis\(this\.client, this\.logUri\)\)\)/);
  });
});
