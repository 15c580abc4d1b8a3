import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

// What a user gets: the VSIX (its details page, icon, files), the CLI on PATH, and READMEs that say
// how; and what a developer's test run may not do (change tracked files).
const ROOT = join(__dirname, '..');
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  version: string; icon?: string; repository?: { url: string }; keywords?: string[]; files?: string[]; bin: Record<string, string>;
  scripts: Record<string, string>;
  contributes: { commands: { command: string; title: string; category?: string }[]; configuration: { properties: Record<string, unknown> } };
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  assert.equal(b.subarray(1, 4).toString('latin1'), 'PNG', `${path} is a PNG`);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('the packaged extension (issue 12 item 11)', () => {
  it('has an icon (PNG, 128x128), a repository, keywords and a changelog for this version', () => {
    assert.ok(pkg.icon && existsSync(join(ROOT, pkg.icon)), 'icon file');
    assert.deepEqual(pngSize(join(ROOT, pkg.icon)), [128, 128]);
    assert.match(pkg.repository?.url ?? '', /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
    assert.ok((pkg.keywords?.length ?? 0) >= 5 && pkg.keywords!.includes('openwrt'));
    assert.match(read('CHANGELOG.md'), new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')}\\b`, 'm'));
  });

  it('packages MARKETPLACE.md as the details page, with relative links rewritten, and the developer README stays out', () => {
    const script = pkg.scripts.package;
    assert.match(script, /--readme-path MARKETPLACE\.md/);
    assert.doesNotMatch(script, /--no-rewrite-relative-links|--allow-missing-repository/);
    assert.equal(pkg.files, undefined, 'vsce refuses package.json "files" together with .vscodeignore');
    assert.ok(existsSync(join(ROOT, '.vscodeignore')));
  });

  it('vsce ls lists only what a user needs', () => {
    const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies', '--readme-path', 'MARKETPLACE.md'], { cwd: ROOT, encoding: 'utf8' });
    const files = out.split('\n').map((l) => l.trim()).filter(Boolean).sort();
    assert.deepEqual(files, [
      'CHANGELOG.md', 'LICENSE', 'MARKETPLACE.md', 'docs/findings.md', 'language-configuration.json', 'media/icon.png',
      'out/extension.js', 'out/re2.js', 'out/reportView.js', 'out/server.js', 'out/sql-wasm.js', 'out/sql-wasm.wasm', 'out/timelineView.css', 'out/timelineView.js', 'package.json',
      'syntaxes/routerlog.tmLanguage.json',
    ]);
  });

  it('MARKETPLACE.md is for users: what it does, images that exist in the repository, every command and setting, privacy', () => {
    const md = read('MARKETPLACE.md');
    assert.match(md, /^# GSM Log Lens\n/);
    assert.doesNotMatch(md, /npm ci|npm test|npm run/, 'no developer set-up');
    const images = [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 4, `${images.length} images`);
    for (const src of images) {
      assert.doesNotMatch(src, /^[a-z]+:/, `${src}: relative, so vsce rewrites it to the repository`);
      assert.ok(existsSync(join(ROOT, src)), `${src} exists`);
      assert.match(src, /\.png$/, 'vsce refuses SVG');
    }
    for (const c of pkg.contributes.commands.filter((x) => x.command !== 'gsmlens.showExplanation')) assert.ok(md.includes(`${c.category}: ${c.title}`), `command ${c.title}`);
    for (const key of Object.keys(pkg.contributes.configuration.properties)) assert.ok(md.includes(`\`${key}\``), `setting ${key}`);
    assert.match(md, /^## Privacy$/m);
  });
});

describe('READMEs say how to get the CLI and what the e2e suite installs (item 12)', () => {
  it('the developer README still starts with the two commands', () => {
    assert.match(read('README.md'), /^# GSM Log Lens\n\n```sh\nnpm ci && npm run demo\nnpm test\n```\n/);
  });

  it('names npm install -g ., npm link and npx gsmlens, and they work', () => {
    const readme = read('README.md');
    for (const way of ['npm install -g .', 'npm link', 'npx gsmlens']) assert.ok(readme.includes(way), way);
    assert.equal(pkg.bin.gsmlens, 'bin/gsmlens');
    const prefix = mkdtempSync(join(tmpdir(), 'gsmlens-prefix-'));
    try {
      execFileSync('npm', ['install', '-g', '.', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: ROOT, stdio: 'pipe' });
      const out = execFileSync(join(prefix, 'bin', 'gsmlens'), ['diagnose', join(ROOT, 'samples', 'rut901-modem-update-stuck.log')], { encoding: 'utf8' });
      assert.match(out, /rut901-modem-update-stuck\.log/);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });

  it('says what npm run e2e installs, and the setup says it before installing', () => {
    const readme = read('README.md');
    const e2e = readme.slice(readme.indexOf('`npm run e2e` runs'));
    for (const what of ['Chromium', 'code-server', 'Node 24', 'MB']) assert.ok(e2e.slice(0, 1200).includes(what), what);
    assert.match(read('scripts/e2e-setup.sh'), /first run: installing Chromium[^\n]*\n[^\n]*Node[^\n]*code-server/);
  });
});

describe('test runs never change tracked files (item 13)', () => {
  it('screenshots go to the ignored e2e/out/, and docs/screenshots/ changes only by npm run screenshots', () => {
    assert.match(read('e2e/run.cjs'), /E2E_SHOTS \|\| path\.join\(ROOT, 'e2e', 'out', 'screenshots'\)/);
    assert.match(read('test/webview/timeline.page.test.mjs'), /'e2e\/out\/screenshots\/timeline-page\.png'/);
    assert.match(read('.gitignore'), /^e2e\/out\/$/m);
    const ignored = execFileSync('git', ['check-ignore', 'e2e/out/screenshots/x.png'], { cwd: ROOT, encoding: 'utf8' }).trim();
    assert.equal(ignored, 'e2e/out/screenshots/x.png');
    assert.equal(pkg.scripts.screenshots, 'bash scripts/screenshots.sh');
    assert.match(read('scripts/screenshots.sh'), /cp "\$SHOTS\/\$name" "docs\/screenshots\/\$name"/);
  });

  it('scripts/e2e.sh fails a run that changed docs/', () => {
    const sh = read('scripts/e2e.sh');
    assert.match(sh, /docs_before="\$\(docs_state\)"/);
    assert.match(sh, /if \[ "\$\(docs_state\)" != "\$docs_before" \]/);
    assert.ok(sh.indexOf('docs_before=') < sh.indexOf('node --test test/webview/'), 'the snapshot precedes everything that could write screenshots');
  });
});
