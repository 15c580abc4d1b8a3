// Extension-host test entry: VS Code (here code-server's remote extension host) requires this module and calls run().
// Mocha 11 (tdd), plain CommonJS, no build step. Results also go to $GSMLENS_E2E_RESULTS (JSON) for e2e/run.cjs.
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  const grep = process.env.GSMLENS_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  const results = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const out = process.env.GSMLENS_E2E_RESULTS;
      if (out) {
        try { fs.writeFileSync(out, JSON.stringify(results, null, 1)); } catch (e) { console.log(`could not write ${out}: ${e}`); }
      }
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed.`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err && err.message || err).replace(/\s+/g, ' ').slice(0, 300) }));
  });
}

module.exports = { run };
