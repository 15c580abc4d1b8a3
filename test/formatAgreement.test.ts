import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { IGrammar } from 'vscode-textmate';
import { FORMATS } from '../server/src/core/formats/registry';
import type { LogRecord } from '../server/src/core/model';
import { readFastLogread } from '../server/src/core/records/fastLogread';
import { LineParser } from '../server/src/core/records/lineParser';
import { INITIAL, loadGrammar } from './support/grammar';

// The format registry is the one place format knowledge lives. The TextMate grammar, VS Code's
// `firstLine` and the fast lane each carry a projection of it for speed; these tests prove they
// agree with the registry's own samples, so a format added there and forgotten here fails.

const ROOT = join(__dirname, '..');
let grammar: IGrammar;
before(async () => {
  grammar = await loadGrammar(join(ROOT, 'syntaxes', 'routerlog.tmLanguage.json'), 'source.routerlog');
});

function parse(line: string): LogRecord {
  const r = new LineParser({ referenceYear: 2024 }).parse(line, 1);
  assert.ok(typeof r !== 'string', line);
  return r;
}

function scopesAt(line: string, at: number): string {
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  return tokens.find((t) => t.startIndex <= at && t.endIndex > at)!.scopes.join(' ');
}

describe('the grammar agrees with the format registry', () => {
  for (const format of FORMATS) {
    it(`${format.id}: every sample's clock and program are scoped`, () => {
      for (const { line } of format.samples) {
        const r = parse(line);
        // The clock as written: a time of day, an uptime or an elapsed time.
        const clock = format.clock === 'wall' || format.clock === 'time-only' ? /\d{1,2}:\d\d/.exec(line) : format.clock === 'uptime' || format.clock === 'elapsed' ? /\d+\.\d+|\(\d+\)/.exec(line) : null;
        if (clock && r.time !== undefined || clock && (r.uptime !== undefined || r.elapsed !== undefined)) {
          const at = clock!.index + (clock![0].startsWith('(') ? 1 : 0);
          assert.match(scopesAt(line, at), /constant\.numeric\.(date|uptime|elapsed)/, `clock of: ${line}`);
        }
        const tagAt = r.tag !== undefined && r.tag !== format.impliedTag ? line.indexOf(r.tag) : -1;
        if (tagAt >= 0) assert.match(scopesAt(line, tagAt), /entity\.name\.function\.program/, `program of: ${line}`);
      }
    });
  }
});

describe('firstLine agrees with the format registry', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const firstLine = new RegExp(pkg.contributes.languages.find((l: { id: string }) => l.id === 'routerlog').firstLine);
  it('claims a file by the first line of every format that is a router log by its shape', () => {
    for (const format of FORMATS.filter((f) => f.routerLogByShape)) {
      for (const { line } of format.samples) assert.match(line, firstLine, `${format.id}: ${line}`);
    }
  });
  it('leaves other shapes to their own languages (a plain ISO-dated app log is not claimed)', () => {
    for (const format of FORMATS.filter((f) => !f.routerLogByShape)) {
      for (const { line } of format.samples) assert.doesNotMatch(line, firstLine, `${format.id}: ${line}`);
    }
  });
});

describe('the fast lane agrees with the format registry', () => {
  it('reads the same time, tag and message as the full parser for every sample it takes', () => {
    let taken = 0;
    for (const format of FORMATS) {
      for (const { line } of format.samples) {
        const fast = readFastLogread(line);
        if (!fast) continue;
        taken++;
        const r = parse(line);
        assert.equal(fast.time, r.time, `time of: ${line}`);
        assert.equal(fast.tag || undefined, r.tag, `tag of: ${line}`);
        if (fast.uptime !== undefined) assert.equal(fast.uptime, r.uptime, `uptime of: ${line}`);
        // The fast lane points at the message before envelopes are peeled; the parser's message ends it.
        assert.ok(line.slice(fast.messageStart).endsWith(r.message), `message of: ${line}`);
      }
    }
    assert.ok(taken >= 3, 'the fast lane takes the plain logread samples');
  });
});

describe('the big-file path agrees with the language contribution and the registry', () => {
  it('takes the file names and patterns VS Code opens as Router Log, and no others', async () => {
    const { isRouterLogName } = await import('../client/src/routerLogFiles');
    for (const name of ['system.log', 'messages', 'logread', 'gsm.log', 'kernel.log', 'messages.1', 'messages.12', 'system.log.3', 'x.logread', 'logread-2024.txt', 'syslog.2', '/var/log/messages.0']) assert.ok(isRouterLogName(name), name);
    for (const name of ['notes.txt', 'messages.log.gz', 'system.log.bak', 'app.log']) assert.ok(!isRouterLogName(name), name);
  });
  it('recognises a big log of any registry format by its first lines', async () => {
    const { looksLikeRouterLog } = await import('../client/src/routerLogFiles');
    for (const format of FORMATS) {
      const lines = format.samples.map((s) => s.line);
      while (lines.length < 3) lines.push(...lines);
      assert.ok(looksLikeRouterLog(lines), format.id);
    }
    assert.ok(!looksLikeRouterLog(['# My notes', 'Buy milk', 'Call the ISP about the router', 'nothing else']));
  });
});

describe('the README lists what the registry reads', () => {
  it('names every format and every envelope, each with an example line', async () => {
    const { ENVELOPES } = await import('../server/src/core/formats/envelopes');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const f of FORMATS) assert.match(readme, new RegExp(`\\| \`${f.id}\` \\| ${f.clock} \\|.*\\| \`\` .+ \`\` \\|`), f.id);
    for (const e of ENVELOPES) assert.ok(readme.includes(`| \`${e.id}\` |`), e.id);
  });
});
