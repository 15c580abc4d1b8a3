'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { vscode, assert, SOURCE, ROOT, waitFor } = require('./support');

/** A ustar archive built byte by byte, gzipped: the layout of RutOS's troubleshoot.tar.gz (knowledge 1.7). */
function buildTar(entries) {
  const blocks = [];
  for (const e of entries) {
    const body = Buffer.from(e.content);
    const h = Buffer.alloc(512);
    const put = (off, len, s) => h.write(s.slice(0, len), off, 'latin1');
    const octal = (n, len) => n.toString(8).padStart(len - 1, '0') + '\0';
    put(0, 100, e.name); put(100, 8, octal(0o644, 8)); put(108, 8, octal(0, 8)); put(116, 8, octal(0, 8));
    put(124, 12, octal(body.length, 12)); put(136, 12, octal(Math.floor(Date.UTC(2024, 11, 3) / 1000), 12));
    h.fill(' ', 148, 156); put(156, 1, '0'); put(257, 6, 'ustar\0'); put(263, 2, '00');
    let sum = 0;
    for (const b of h) sum += b;
    put(148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
    blocks.push(h, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return zlib.gzipSync(Buffer.concat(blocks));
}

suite('troubleshoot archive', () => {
  test('"Open Troubleshoot Archive" opens system.log from the archive as a Router Log with its problems', async () => {
    const sample = fs.readFileSync(path.join(ROOT, 'samples', 'rut901-modem-update-stuck.log'), 'utf8');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsmlens-e2e-archive-'));
    const archive = path.join(dir, 'troubleshoot.tar.gz');
    fs.writeFileSync(archive, buildTar([
      { name: 'system.log', content: `[Logread]\n${sample}` },
      { name: 'sysinfo.log', content: '[FIRMWARE VERSION]\nRUT9M_R_00.07.11.1\n\n[USB DEVICES]\nBus 001 Device 007: ID 2c7c:6005\n' },
      { name: 'gsm.log', content: '[INFO for gsm.modem0]\nModem not responding to AT commands. Skipping..\n' },
    ]));
    await vscode.commands.executeCommand('gsmlens.openArchive', vscode.Uri.file(archive));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const doc = await waitFor('the archive\'s system.log in an editor', () => {
      const ed = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'gsmlens-archive' && /system\.log$/.test(e.document.uri.path));
      return ed && ed.document;
    });
    assert.strictEqual(doc.languageId, 'routerlog');
    assert.match(doc.uri.path, /troubleshoot\.tar\.gz!\/system\.log$/);
    const diags = await waitFor('problems on the archive entry', () => {
      const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE);
      return ds.some((d) => String(d.code && d.code.value || d.code) === 'modem-duplicate-registration') && ds;
    }, 30000);
    assert.ok(diags.length > 3);
    const entries = await vscode.workspace.fs.readDirectory(doc.uri.with({ path: doc.uri.path.replace(/system\.log$/, '') }));
    assert.deepStrictEqual(entries.map((e) => e[0]).sort(), ['gsm.log', 'sysinfo.log', 'system.log']);
    await assert.rejects(() => Promise.resolve(vscode.workspace.fs.writeFile(doc.uri, Buffer.from('x'))), 'the archive is read-only');
  });
});
