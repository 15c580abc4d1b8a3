import assert from 'node:assert/strict';
import { analyzeFiles } from '../../server/src/core/analyze';
import { InputError } from '../../server/src/core/input/readInput';
import { toHtmlReport } from '../../server/src/core/report/htmlReport';
import { toJsonReport } from '../../server/src/core/report/jsonReport';
import { toMarkdownReport } from '../../server/src/core/report/markdownReport';
import { PLAIN, toTextReport } from '../../server/src/core/report/textReport';

// The fuzz suite's worker: analyses one file through the core's front door and renders every
// report, then answers the parent. It runs in its own process so that the parent can tell a hang
// (no answer within the budget) from a crash (an exception, or the process dying). Each input is
// also read with the fast lane off: the two lanes must give the same analysis (a differential test
// on hostile input from its first line; test/fastLane.test.ts does the same on clean logs).

process.on('message', async (msg: { path: string }) => {
  const started = Date.now();
  try {
    const a = await analyzeFiles([msg.path], { referenceTime: Date.UTC(2024, 11, 4) });
    const full = await analyzeFiles([msg.path], { referenceTime: Date.UTC(2024, 11, 4), fastLane: false });
    let disagreement: string | undefined;
    try {
      assert.deepEqual(a, full);
    } catch (err) {
      disagreement = (err as Error).message.slice(0, 4000);
    }
    const json = JSON.stringify(toJsonReport(a));
    JSON.parse(json);
    const sizes = [toTextReport(a, PLAIN).length, toMarkdownReport(a).length, toHtmlReport(a).length, json.length];
    process.send!({ ok: true, ms: Date.now() - started, rss: process.resourceUsage().maxRSS * 1024, lines: a.files.reduce((n, f) => n + f.lines, 0), sizes, ...(disagreement ? { disagreement } : {}) });
  } catch (err) {
    // An input that cannot be read at all is refused with a one-line InputError: that is the contract, not a crash.
    if (err instanceof InputError) process.send!({ ok: true, ms: Date.now() - started, rss: process.resourceUsage().maxRSS * 1024, lines: 0, refused: err.message });
    else process.send!({ ok: false, ms: Date.now() - started, error: (err as Error).stack ?? String(err) });
  }
});
process.send!({ ready: true });
