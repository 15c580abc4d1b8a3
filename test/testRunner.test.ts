import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

// Issue 12 item 18: `npm test` says what did not run. The timeline-page tests need Chromium; without
// it they are skipped, and the summary must count them as skipped, not print "skipped 0".

const ROOT = join(__dirname, '..');
const PAGE_TEST = join(ROOT, 'test', 'webview', 'timeline.page.test.mjs');

/** Runs the timeline-page suite as `npm test` does, with the browser at `chromium`. */
function runPageSuite(env: Record<string, string>): { code: number | null; out: string } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // Run as a runner of its own, not as a child reporting to this one.
  delete childEnv.NODE_TEST_CONTEXT;
  delete childEnv.GSMLENS_REQUIRE_CHROMIUM;
  Object.assign(childEnv, env);
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=tap', PAGE_TEST], { cwd: ROOT, encoding: 'utf8', env: childEnv });
  return { code: r.status, out: r.stdout + r.stderr };
}

const summary = (out: string, key: string): number => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(out)?.[1] ?? NaN);

describe('skipped suites are reported as skipped', () => {
  const declared = (readFileSync(PAGE_TEST, 'utf8').match(/^\s*it\(/gm) ?? []).length;

  it('without Chromium every timeline-page test counts as skipped, with the reason', () => {
    assert.ok(declared >= 10, `the page suite declares ${declared} tests`);
    const r = runPageSuite({ GSMLENS_CHROMIUM: '/nonexistent/chromium' });
    assert.equal(r.code, 0, r.out);
    assert.equal(summary(r.out, 'skipped'), declared, r.out);
    assert.equal(summary(r.out, 'tests'), declared);
    assert.equal(summary(r.out, 'pass'), 0);
    assert.match(r.out, /# SKIP \/nonexistent\/chromium not found/);
  });

  it('GSMLENS_REQUIRE_CHROMIUM=1 makes a missing browser a failure', () => {
    const r = runPageSuite({ GSMLENS_CHROMIUM: '/nonexistent/chromium', GSMLENS_REQUIRE_CHROMIUM: '1' });
    assert.notEqual(r.code, 0);
    assert.match(r.out, /\/nonexistent\/chromium not found/);
  });
});
