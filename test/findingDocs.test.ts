import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FINDING_DOCS, findingDocLine, findingsPage } from '../server/src/core/findings/findingDocs';
import { FINDING_TITLES } from '../server/src/core/findings/findingText';

// docs/findings.md is what the code of every problem links to, in the editor and in the packaged
// extension: it must exist, be the generated text, and explain every code.
const ROOT = join(__dirname, '..');
const PAGE = join(ROOT, 'docs', 'findings.md');

describe('finding codes page (docs/findings.md)', () => {
  it('is the text generated from findingDocs.ts (UPDATE_DOCS=1 npm test rewrites it)', () => {
    if (process.env.UPDATE_DOCS) writeFileSync(PAGE, findingsPage());
    assert.equal(readFileSync(PAGE, 'utf8'), findingsPage(), 'docs/findings.md is stale: run UPDATE_DOCS=1 npm test');
  });

  it('explains every finding code, each under its own heading, and no other', () => {
    const page = readFileSync(PAGE, 'utf8');
    const headings = [...page.matchAll(/^## `([a-z-]+)`$/gm)].map((m) => m[1]);
    assert.deepEqual(headings.sort(), Object.keys(FINDING_TITLES).sort());
    assert.deepEqual(Object.keys(FINDING_DOCS).sort(), Object.keys(FINDING_TITLES).sort());
    for (const [code, doc] of Object.entries(FINDING_DOCS)) assert.ok(doc.meaning.length > 20 && /\.$/.test(doc.meaning), `${code} has a sentence`);
  });

  it('links each code to the line of its heading', () => {
    const lines = readFileSync(PAGE, 'utf8').split('\n');
    for (const code of Object.keys(FINDING_DOCS)) {
      const line = findingDocLine(code);
      assert.ok(line, code);
      assert.equal(lines[line - 1], `## \`${code}\``);
    }
    assert.equal(findingDocLine('no-such-code'), undefined);
  });

  it('is shipped in the extension package (package.json files or .vscodeignore keep it)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files?: string[] };
    const ignore = (() => { try { return readFileSync(join(ROOT, '.vscodeignore'), 'utf8'); } catch { return undefined; } })();
    if (ignore !== undefined) assert.match(ignore, /^!docs\/findings\.md$/m, '.vscodeignore keeps docs/findings.md');
    else assert.ok(pkg.files?.some((f) => f === 'docs/findings.md' || f === 'docs/'), 'package.json files lists docs/findings.md');
  });
});
