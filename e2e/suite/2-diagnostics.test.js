'use strict';
const { vscode, assert, SOURCE, workspaceFile, openLog, expectedAnalysis, codeOf, waitForDiagnostics } = require('./support');

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint };
// The contract: these codes at these 1-based lines (fw-update-stuck at the episode's first line).
// The modem left the bus twice: 8 s at line 32 and 2 min 31 s at line 83.
const CONTRACT = { 'modem-write-failure': [41], 'modem-duplicate-registration': [81], 'modem-silent': [82], 'usb-gap': [32, 83], 'fw-update-stuck': undefined };

suite('diagnostics (Problems panel)', () => {
  let uri, diags;
  suiteSetup(async () => {
    uri = workspaceFile('system.log');
    await openLog('system.log');
    diags = await waitForDiagnostics(uri, Object.keys(CONTRACT));
  });

  test('the contract codes are published at their lines, with source "GSM Log Lens"', () => {
    for (const [code, lines1] of Object.entries(CONTRACT)) {
      const ds = diags.filter((d) => codeOf(d) === code);
      assert.strictEqual(ds.length, lines1 ? lines1.length : 1, `${code} diagnostics (got ${ds.length})`);
      for (const d of ds) assert.strictEqual(d.source, SOURCE);
      if (lines1) assert.deepStrictEqual(ds.map((d) => d.range.start.line + 1).sort((a, b) => a - b), lines1, `${code} on lines ${lines1.join(', ')}`);
    }
  });

  test('diagnostics match the CLI analysis (codes, lines, severities, messages)', () => {
    const { findings } = expectedAnalysis();
    assert.ok(findings.length > 0, 'the CLI finds something in the sample');
    const got = diags.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).sort();
    const want = findings.map((f) => `${f.code}@${f.line}`).sort();
    assert.deepStrictEqual(got, want);
    for (const f of findings) {
      const d = diags.find((x) => codeOf(x) === f.code && x.range.start.line === f.line - 1);
      assert.strictEqual(d.severity, SEVERITY[f.severity], `${f.code} severity ${f.severity}`);
      assert.strictEqual(d.message, f.message, `${f.code} message`);
    }
  });

  test('a burst is one diagnostic with relatedInformation pointing at its other lines', () => {
    const { findings } = expectedAnalysis();
    const f = findings.find((x) => x.code === 'modem-write-failure');
    assert.ok(f && f.count > 1, 'the CLI reports modem-write-failure as a burst');
    const ds = diags.filter((d) => codeOf(d) === 'modem-write-failure');
    assert.strictEqual(ds.length, 1, 'one diagnostic for the whole burst');
    const rel = ds[0].relatedInformation || [];
    assert.ok(rel.length > 0, 'has relatedInformation');
    for (const r of rel) {
      assert.strictEqual(r.location.uri.toString(), uri.toString(), 'related lines are in the same file');
      const l1 = r.location.range.start.line + 1;
      assert.ok(l1 > f.line && l1 <= f.endLine, `related line ${l1} lies inside the burst (${f.line + 1}..${f.endLine})`);
      assert.ok(r.message, 'related information has a message');
    }
    const lines = new Set(rel.map((r) => r.location.range.start.line + 1));
    assert.ok(lines.has(f.endLine), `the burst's last line ${f.endLine} is among the related lines`);
  });
});
