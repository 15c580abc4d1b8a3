// Timeline figures for npm run bench: analyse the 1,000,000-line log and build its timeline
// payload (what the webview receives), timing the payload build and measuring its size.
import { analyzeFiles } from '../server/src/core/analyze';
import { buildTimeline } from '../server/src/core/timeline/buildTimeline';

const path = process.argv[2] ?? '.bench/rutos-1000000.log';
(async () => {
  const t0 = performance.now();
  const analysis = await analyzeFiles([path]);
  const t1 = performance.now();
  const payload = buildTimeline(`file://${path}`, analysis, undefined);
  const json = JSON.stringify(payload);
  const t2 = performance.now();
  console.log(JSON.stringify({ analyseMs: t1 - t0, payloadMs: t2 - t1, bytes: json.length, marks: payload.marks.length, events: analysis.events.length }));
})();
