'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { vscode, assert, SOURCE, ROOT, workspaceFile, openLog, expectedAnalysis, codeOf, waitForDiagnostics } = require('./support');

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

  test('a log listed newest first (an aggregator\'s export): the same problems, on the file\'s own lines, as the CLI reads it', async () => {
    const sample = fs.readFileSync(workspaceFile('system.log').fsPath, 'utf8').replace(/\n$/, '').split('\n');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmlens-e2e-newest-'));
    try {
      const file = path.join(dir, 'system.log');
      fs.writeFileSync(file, `${sample.slice().reverse().join('\n')}\n`);
      const reversed = vscode.Uri.file(file);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(reversed), { preview: false });
      const got = await waitForDiagnostics(reversed, Object.keys(CONTRACT));
      const cli = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bin', 'gsmlens'), 'diagnose', '--json', file], { encoding: 'utf8' }));
      assert.strictEqual(cli.files[0].readReversed, true);
      assert.deepStrictEqual(got.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).sort(), cli.findings.map((f) => `${f.code}@${f.line}`).sort());
      // The contract's lines, counted from the other end: line n of the sample is line (count + 1 - n) here.
      const mirror = (n) => sample.length + 1 - n;
      const dup = got.find((d) => codeOf(d) === 'modem-duplicate-registration');
      assert.strictEqual(dup.range.start.line + 1, mirror(CONTRACT['modem-duplicate-registration'][0] + 1), 'the refusal (sample lines 81-82) starts at the mirror of its last line');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a modem in a reconnect loop: at most 200 problems of a code (the setting\'s default), and one that counts the rest', async () => {
    // 300 cycles of a modem re-enumerating with its serial port bound by another driver each time: a composition change each time.
    const lines = [];
    for (let i = 0; i < 300; i++) {
      const t = (k) => `[${(100 + i * 1.5 + k * 0.3).toFixed(6).padStart(12)}]`;
      const [driver, converter] = i % 2 ? ['qcserial', 'Qualcomm USB modem'] : ['option', 'GSM modem (1-port)'];
      lines.push(`${t(0)} usb 1-1: USB disconnect, device number ${i + 1}`, `${t(1)} usb 1-1: new high-speed USB device number ${i + 2} using ehci-platform`,
        `${t(2)} usb 1-1: New USB device found, idVendor=2c7c, idProduct=0125, bcdDevice= 3.18`, `${t(3)} ${driver} 1-1:1.0: ${converter} converter detected`,
        `${t(4)} usb 1-1: ${converter} converter now attached to ttyUSB0`);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmlens-e2e-loop-'));
    try {
      const file = path.join(dir, 'system.log');
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      const loop = vscode.Uri.file(file);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(loop), { preview: false });
      const all = await waitForDiagnostics(loop, ['usb-composition-change']);
      const changes = all.filter((d) => codeOf(d) === 'usb-composition-change');
      assert.strictEqual(changes.length, 201, `problems of usb-composition-change (got ${changes.length})`);
      // The CLI lists 50 of a code and counts them all.
      const cli = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bin', 'gsmlens'), 'diagnose', '--json', file], { encoding: 'utf8' }));
      const total = cli.findingsOmitted.find((o) => o.code === 'usb-composition-change').total;
      const rest = changes[200];
      const m = /^([\d,]+) more problems of this code .* from line (\d+) to line (\d+) are not listed/.exec(rest.message);
      assert.ok(m, rest.message);
      assert.strictEqual(Number(m[1].replace(/,/g, '')), total - 200, 'the count of the rest is what the CLI finds beyond the first 200');
      assert.strictEqual(Number(m[2]), rest.range.start.line + 1, 'it stands on the first line it counts');
      assert.ok(Number(m[3]) <= lines.length && Number(m[3]) > Number(m[2]));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
