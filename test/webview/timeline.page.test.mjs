// The timeline webview page in a real browser: Debian's Chromium, headless, driven by
// playwright-core. The page script is bundled from source with esbuild, opened from a file://
// harness with a stub acquireVsCodeApi and a CSP as strict as the panel's, and fed the RUT901 story.
//
//   node --test test/webview/
//
// Without /usr/bin/chromium the suite is skipped with the reason printed.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it as nodeIt } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
// GSMLENS_CHROMIUM points at another Chromium build (and lets the skip path be tried here).
const CHROMIUM = process.env.GSMLENS_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Into the ignored e2e output, never into docs/ (tests must not change tracked files; `npm run screenshots` copies it).
const SCREENSHOT = join(ROOT, 'e2e/out/screenshots/timeline-page.png');
const FIXTURE = JSON.parse(readFileSync(join(HERE, 'fixture-payload.json'), 'utf8'));
const T = (d, h, m, s) => Date.UTC(2024, 11, d, h, m, s);
const XSS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"; alert(1)'];

const SKIP = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install chromium): the timeline page test needs a browser`;
// The e2e stage installs Chromium and sets this: there a missing browser is a failure, not a skip.
if (SKIP && process.env.GSMLENS_REQUIRE_CHROMIUM) throw new Error(SKIP);
if (SKIP) console.log(`# skipping the timeline page test: ${SKIP}`);
// Each test carries the skip, not the suite: node:test counts skipped tests in its summary, and a
// skipped suite's tests not at all ("skipped 0" while 11 tests did not run).
const it = SKIP ? (name, fn) => nodeIt(name, { skip: SKIP }, fn) : nodeIt;

describe('timeline webview page (headless Chromium)', () => {
  let browser;
  let tmp;
  let harnessUrl;

  before(async () => {
    if (SKIP) return;
    const { build } = await import('esbuild');
    const { chromium } = await import('playwright-core');
    tmp = mkdtempSync(join(tmpdir(), 'gsmlens-timeline-'));
    await build({ entryPoints: [join(ROOT, 'client/src/webview/timelineView.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', outfile: join(tmp, 'timelineView.js'), logLevel: 'warning' });
    harnessUrl = (theme = 'dark') => `${pathToFileURL(join(HERE, 'harness.html')).href}?theme=${theme}&script=${encodeURIComponent(pathToFileURL(join(tmp, 'timelineView.js')).href)}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });

  after(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** A fresh page (own context: own sessionStorage) with the page loaded and `ready` posted. */
  async function open(theme = 'dark') {
    // A zone far from UTC: log times must still show as written (UTC), not shifted to local time.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, timezoneId: 'America/Los_Angeles' });
    const page = await context.newPage();
    const problems = { dialogs: [], errors: [] };
    page.on('dialog', (d) => {
      problems.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.errors.push(m.text());
    });
    await page.goto(harnessUrl(theme));
    await waitReady(page);
    return { page, context, problems };
  }

  async function waitReady(page) {
    await page.waitForFunction(() => window.__vscodeCalls.posted.some((m) => m.type === 'ready'));
  }

  async function post(page, message) {
    await page.evaluate((m) => window.postMessage(m, '*'), message);
  }

  async function sendPayload(page, payload = FIXTURE) {
    await post(page, { type: 'payload', payload });
    await page.waitForSelector('#timeline-root[data-state="ready"]');
    await page.waitForSelector('button.tl-item');
  }

  // The page opens on the episode; tests about the whole log start from there.
  async function showWhole(page) {
    await page.focus('.tl-plot');
    await page.keyboard.press('0');
    await page.waitForSelector('#timeline-root[data-full="true"]', { state: 'attached' });
    await listSynced(page);
  }

  async function windowOf(page) {
    return page.evaluate(() => {
      const d = document.getElementById('timeline-root').dataset;
      return { start: Number(d.windowStart), end: Number(d.windowEnd), domainStart: Number(d.domainStart), domainEnd: Number(d.domainEnd), full: d.full === 'true' };
    });
  }

  /** Let a frame or two pass so the canvas (and its hit boxes) is drawn. */
  async function frames(page) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  async function posted(page) {
    return page.evaluate(() => window.__vscodeCalls.posted);
  }

  async function brush(page, from, to) {
    const a = await page.evaluate((t) => window.__gsmTimeline.stripPoint(t), from);
    const b = await page.evaluate((t) => window.__gsmTimeline.stripPoint(t), to);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, a.y, { steps: 3 });
    await page.mouse.move(b.x, b.y, { steps: 3 });
    await page.mouse.up();
    await listSynced(page);
  }

  /** The list follows the window a moment later (it is rebuilt when zooming pauses). */
  async function listSynced(page) {
    await page.waitForSelector('#timeline-root[data-list-synced="true"]', { state: 'attached' });
    await frames(page);
  }

  async function buttonKey(page, line) {
    return page.getAttribute(`button.tl-item[data-line="${line}"]`, 'data-key');
  }

  async function assertClean(problems, page) {
    const violations = await page.evaluate(() => window.__cspViolations);
    assert.deepEqual(violations, [], 'no CSP violations');
    assert.deepEqual(problems.dialogs, [], 'no dialog opened');
    assert.deepEqual(problems.errors, [], 'no page errors');
  }

  it('posts ready, then lists every mark, gap, silence, episode and boot of the payload as a button', async () => {
    const { page, context, problems } = await open();
    assert.deepEqual((await posted(page))[0], { type: 'ready' });
    assert.equal(await page.getAttribute('#timeline-root', 'data-state'), 'waiting');
    await sendPayload(page);
    await showWhole(page);
    const buttons = await page.$$eval('button.tl-item', (bs) => bs.map((b) => ({ line: Number(b.dataset.line), key: b.dataset.key, aria: b.getAttribute('aria-label'), text: b.textContent })));
    const expected = FIXTURE.marks.length + FIXTURE.gaps.length + FIXTURE.silences.length + FIXTURE.episodes.length + FIXTURE.boots.length;
    assert.equal(buttons.length, expected);
    for (const m of FIXTURE.marks) assert.ok(buttons.some((b) => b.line === m.line && b.key.startsWith('mark:')), `a button for the mark on line ${m.line}`);
    const burst = buttons.find((b) => b.line === 41);
    assert.match(burst.aria, /^Warning\. modem daemon\. 2024-12-02 19:54:59 → 19:55:05 \(6 s\)\. gsmd: write to modem .*40 events\. line 41$/);
    assert.match(burst.text, /×40 gsmd: write/);
    assert.match(buttons.find((b) => b.line === 81).aria, /^Error\. modem daemon\. 2024-12-02 19:55:05\. gsmd: modem 1-1 \[2c7c:6005\] already exists/);
    assert.match(buttons.find((b) => b.key === 'gap:0').aria, /^USB absence\. USB\/kernel\. 2024-12-02 19:57:33 → 20:00:04 \(2 min 31 s\)\. off the bus 2 min 31 s\. line 83$/);
    assert.match(buttons.find((b) => b.key === 'silence:0').aria, /^Silence\. modem daemon\. 2024-12-02 19:55:05 → end of log \(1 d 1 h, still open\)\. gsmd silent 1 d 1 h\. line 82$/);
    assert.match(buttons.find((b) => b.key === 'episode:0').aria, /^Episode\. verdict stuck\. all lanes\. 2024-12-02 19:54:50 → 20:00:04 \(5 min 14 s\)\. Modem firmware update stuck/);
    assert.match(buttons.find((b) => b.key === 'boot:0').aria, /^Boot\. all lanes\. 2024-12-02 19:49:46\. boot \(Linux 5\.4\.284\)\. line 1$/);
    // Buttons are in time order.
    const lines = buttons.map((b) => b.line);
    assert.ok(lines.indexOf(1) < lines.indexOf(41) && lines.indexOf(41) < lines.indexOf(85) && lines.indexOf(85) < lines.indexOf(759));
    assert.equal(await page.getAttribute('#timeline-root', 'data-mark-count'), String(FIXTURE.marks.length));
    assert.match(await page.textContent('.tl-range'), /^2024-12-02 19:49:46 → 2024-12-03 21:13:40 \(1 d 1 h\)$/);
    await assertClean(problems, page);
    await context.close();
  });

  it('clicking a mark, a gap or an episode on the canvas posts reveal with its line; Enter and Space on the list do too', async () => {
    const { page, context, problems } = await open();
    await sendPayload(page);
    await brush(page, T(2, 19, 53, 0), T(2, 20, 2, 0));
    const w = await windowOf(page);
    assert.ok(Math.abs(w.start - T(2, 19, 53, 0)) < 30_000 && Math.abs(w.end - T(2, 20, 2, 0)) < 30_000, `brushed window ${JSON.stringify(w)}`);
    for (const [key, line] of [[await buttonKey(page, 81), 81], [await buttonKey(page, 41), 41], ['gap:0', 83], ['episode:0', 32], [await buttonKey(page, 85), 85]]) {
      const p = await page.evaluate((k) => window.__gsmTimeline.hitPoint(k), key);
      assert.ok(p, `${key} is drawn`);
      await page.mouse.click(p.x, p.y);
      const last = (await posted(page)).at(-1);
      assert.deepEqual(last, { type: 'reveal', line }, `click on ${key}`);
    }
    // A drag is a pan, not a click: nothing is revealed.
    const before = (await posted(page)).length;
    const p = await page.evaluate((k) => window.__gsmTimeline.hitPoint(k), await buttonKey(page, 81));
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.move(p.x - 80, p.y, { steps: 4 });
    await page.mouse.up();
    assert.equal((await posted(page)).length, before);
    assert.ok((await windowOf(page)).start > w.start, 'dragging left moved the window later');

    await page.focus('button.tl-item[data-line="83"][data-key="gap:0"]');
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', line: 83 });
    await page.focus('button.tl-item[data-key="silence:0"]');
    await page.keyboard.press('Space');
    assert.deepEqual((await posted(page)).at(-1), { type: 'reveal', line: 82 });
    // Arrow down moves to the next button in the list.
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('tl-item')), true);
    await assertClean(problems, page);
    await context.close();
  });

  it('draws the editor cursor at its line: exact on a mark, interpolated between marks', async () => {
    const { page, context, problems } = await open();
    await sendPayload(page);
    assert.equal(await page.getAttribute('#timeline-root', 'data-cursor-line'), null);
    await post(page, { type: 'cursor', line: 81 });
    await page.waitForSelector('#timeline-root[data-cursor-line="81"]');
    assert.equal(Number(await page.getAttribute('#timeline-root', 'data-cursor-time')), T(2, 19, 55, 5));
    await post(page, { type: 'cursor', line: 61 });
    await page.waitForSelector('#timeline-root[data-cursor-line="61"]');
    const t = Number(await page.getAttribute('#timeline-root', 'data-cursor-time'));
    assert.ok(t > T(2, 19, 54, 59) && t < T(2, 19, 55, 5), 'between the first write failure (line 41) and the registration error (line 81)');
    // Invalid cursors are ignored.
    for (const bad of [{ type: 'cursor', line: -3 }, { type: 'cursor', line: '81' }, { type: 'cursor' }, { type: 'cursor', line: 2.5 }]) await post(page, bad);
    await frames(page);
    assert.equal(await page.getAttribute('#timeline-root', 'data-cursor-line'), '61');
    // C centres the window on the cursor.
    await page.focus('.tl-plot');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('End');
    await page.keyboard.press('c');
    const w = await windowOf(page);
    assert.ok(w.start <= t && w.end >= t, 'the cursor is in view after C');
    await assertClean(problems, page);
    await context.close();
  });

  it('shows hostile labels as text: no alert, no injected element, no CSP violation', async () => {
    const { page, context, problems } = await open();
    const scriptsBefore = await page.$$eval('script', (s) => s.length);
    await sendPayload(page);
    await showWhole(page);
    const texts = await page.$$eval('button.tl-item .tl-item-label', (ls) => ls.map((l) => l.textContent));
    for (const x of XSS) assert.ok(texts.includes(x), `${x} shown literally`);
    const arias = await page.$$eval('button.tl-item', (bs) => bs.map((b) => b.getAttribute('aria-label')));
    for (const x of XSS) assert.ok(arias.some((a) => a.includes(x)), `${x} in an aria-label`);
    // Hover each hostile mark: the tooltip shows the text, as text.
    await brush(page, T(2, 19, 59, 0), T(2, 20, 8, 0));
    for (const x of XSS) {
      const key = await page.$$eval('button.tl-item', (bs, label) => bs.find((b) => b.querySelector('.tl-item-label').textContent === label)?.dataset.key, x);
      const p = await page.evaluate((k) => window.__gsmTimeline.hitPoint(k), key);
      await page.mouse.move(p.x, p.y);
      await page.waitForSelector('.tl-tooltip:not([hidden])');
      assert.equal(await page.textContent('.tl-tt-label'), x);
      assert.equal(await page.$$eval('.tl-tooltip *', (els) => els.length), 3, 'the tooltip has only its own three parts');
    }
    assert.equal(await page.$$eval('img', (i) => i.length), 0, 'no <img> in the page');
    assert.equal(await page.$$eval('script', (s) => s.length), scriptsBefore, 'no new <script>');
    assert.equal(await page.$$eval('[onerror], [onclick], [onload]', (e) => e.length), 0, 'no inline handlers');
    assert.equal(await page.evaluate(() => document.body.innerHTML.includes('<img')), false);
    await page.waitForTimeout(100);
    await assertClean(problems, page);
    await context.close();
  });

  it('opens on the episode so the story reads at once', async () => {
    const { page, context, problems } = await open();
    await sendPayload(page);
    const w = await windowOf(page);
    assert.equal(w.full, false);
    const ep = FIXTURE.episodes[0];
    assert.ok(w.start < ep.start && w.end > ep.end, 'the whole episode is in view');
    assert.ok(w.end - w.start < (w.domainEnd - w.domainStart) / 10, 'zoomed well in from the whole day');
    await assertClean(problems, page);
    await context.close();
  });

  it('zooms and pans with the keyboard and the mouse, shown in data attributes', async () => {
    const { page, context, problems } = await open();
    await sendPayload(page);
    await showWhole(page);
    const full = await windowOf(page);
    assert.equal(full.full, true);
    assert.equal(full.start, full.domainStart);
    await page.focus('.tl-plot');
    await page.keyboard.press('+');
    const z1 = await windowOf(page);
    assert.ok(Math.abs((z1.end - z1.start) * 1.5 - (full.end - full.start)) < 1, '+ zooms in by 1.5');
    assert.ok(Math.abs((z1.start + z1.end) / 2 - (full.start + full.end) / 2) < 1, 'around the middle');
    await page.keyboard.press('+');
    const z2 = await windowOf(page);
    await page.keyboard.press('ArrowRight');
    const r = await windowOf(page);
    assert.ok(Math.abs(r.start - z2.start - 0.2 * (z2.end - z2.start)) < 1, '→ pans a fifth of the window');
    await page.keyboard.press('Home');
    assert.equal((await windowOf(page)).start, full.domainStart);
    await page.keyboard.press('End');
    assert.equal((await windowOf(page)).end, full.domainEnd);
    await page.keyboard.press('-');
    assert.ok(Math.abs(((await windowOf(page)).end - (await windowOf(page)).start) - (z1.end - z1.start)) < 1, '- zooms out');
    await page.keyboard.press('0');
    assert.deepEqual(await windowOf(page), full);
    // The toolbar buttons do the same.
    await page.click('button[data-action="zoom-in"]');
    assert.ok(Math.abs(((await windowOf(page)).end - (await windowOf(page)).start) - (z1.end - z1.start)) < 1);
    await page.click('button[data-action="reset"]');
    assert.equal((await windowOf(page)).full, true);
    // Wheel zooms around the pointer: the time under it stays put.
    const anchor = T(2, 19, 55, 5);
    const at = await page.evaluate((t) => window.__gsmTimeline.lanesPoint(t), anchor);
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, -400);
    await frames(page);
    const wz = await windowOf(page);
    assert.ok(wz.end - wz.start < full.end - full.start, 'wheel up zoomed in');
    const after = await page.evaluate((t) => window.__gsmTimeline.lanesPoint(t), anchor);
    assert.ok(Math.abs(after.x - at.x) < 2, 'the time under the pointer stays under it');
    // The list follows the window: brushed on the story, the late marks leave it.
    await brush(page, T(2, 19, 40, 0), T(2, 20, 30, 0));
    let listed = await page.$$eval('li.tl-row:not([hidden]) button.tl-item', (bs) => bs.map((b) => Number(b.dataset.line)));
    assert.ok(listed.includes(81) && listed.includes(85) && !listed.includes(759), `listed ${listed}`);
    // With an item of the list focused, + zooms around it, and the item keeps the focus.
    await page.focus('button.tl-item[data-key="gap:0"]');
    for (let i = 0; i < 4; i++) await page.keyboard.press('+');
    await listSynced(page);
    const wg = await windowOf(page);
    assert.ok(wg.start < T(2, 19, 57, 33) && wg.end > T(2, 19, 57, 33) && wg.end - wg.start < 15 * 60_000, `zoomed around the gap: ${JSON.stringify(wg)}`);
    listed = await page.$$eval('li.tl-row:not([hidden]) button.tl-item', (bs) => bs.map((b) => Number(b.dataset.line)));
    assert.ok(listed.includes(83) && !listed.includes(1) && !listed.includes(759), `listed ${listed}`);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'gap:0');
    await assertClean(problems, page);
    await context.close();
  });

  it('saves the window and the uri with setState and restores them after a reload; a new payload keeps the window while it is covered', async () => {
    const { page, context, problems } = await open();
    await sendPayload(page);
    await page.focus('.tl-plot');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowRight');
    const w = await windowOf(page);
    await page.waitForFunction(({ start, end }) => {
      const s = window.__vscodeCalls.setState.at(-1);
      return s && s.window.start === start && s.window.end === end;
    }, w);
    const saved = await page.evaluate(() => window.__vscodeCalls.setState.at(-1));
    assert.equal(saved.uri, FIXTURE.uri);
    assert.equal(saved.full, false);

    // Hidden and shown again: the page is rebuilt from scratch, VS Code hands back the state and
    // the extension sends the payload again.
    await page.reload();
    await waitReady(page);
    assert.ok(await page.evaluate(() => window.__vscodeCalls.getState > 0), 'getState read on load');
    await sendPayload(page);
    const restored = await windowOf(page);
    assert.equal(restored.start, w.start);
    assert.equal(restored.end, w.end);

    // The log grew: same uri, longer range, the window is still covered and kept.
    const grown = structuredClone(FIXTURE);
    grown.range.end += 3_600_000;
    grown.marks.push({ lane: 'system', t: grown.range.end, endT: grown.range.end, line: 800, severity: 'info', label: 'later line', count: 1 });
    await post(page, { type: 'payload', payload: grown });
    await page.waitForSelector(`#timeline-root[data-mark-count="${grown.marks.length}"]`);
    const kept = await windowOf(page);
    assert.equal(kept.start, w.start);
    assert.equal(kept.end, w.end);
    assert.ok(kept.domainEnd > restored.domainEnd);

    // Another log: the window resets to the whole of it.
    const other = structuredClone(FIXTURE);
    other.uri = 'file:///work/logs/other.log';
    await sendPayload(page, other);
    assert.equal((await windowOf(page)).full, true);
    await assertClean(problems, page);
    await context.close();
  });

  it('ignores messages of the wrong shape and drops bad items, and says so when a log has no times', async () => {
    const { page, context, problems } = await open();
    for (const junk of [null, 42, 'payload', { type: 'payload' }, { type: 'payload', payload: { ...FIXTURE, version: 2 } }, { type: 'payload', payload: { ...FIXTURE, clock: 'lunar' } }, { type: 'payload', payload: { ...FIXTURE, marks: 'many' } }, { type: 'eval', code: 'alert(1)' }, { type: 'payload', payload: { ...FIXTURE, range: { start: 5, end: 1 } } }]) {
      await post(page, junk);
    }
    await frames(page);
    assert.equal(await page.getAttribute('#timeline-root', 'data-state'), 'waiting');
    const messy = structuredClone(FIXTURE);
    messy.marks.push({ lane: 'nowhere', t: messy.range.start, endT: messy.range.start, line: 3, severity: 'info', label: 'x', count: 1 });
    messy.marks.push({ lane: 'usb', t: 'soon', endT: 0, line: 3, severity: 'info', label: 'x', count: 1 });
    messy.marks.push({ lane: 'usb', t: messy.range.start, endT: messy.range.start, line: 0, severity: 'info', label: 'x', count: 1 });
    messy.marks.push({ lane: 'usb', t: messy.range.start, endT: messy.range.start, line: 4, severity: 'fatal', label: 'x', count: 1 });
    messy.marks.push({ lane: 'usb', t: messy.range.start, endT: messy.range.start, line: 5, severity: 'info', label: { toString: 1 }, count: 1 });
    messy.gaps.push({ lane: 'usb', start: 10, end: 5, line: 9, label: 'backwards' });
    await sendPayload(page, messy);
    assert.equal(await page.getAttribute('#timeline-root', 'data-mark-count'), String(FIXTURE.marks.length));

    const noTimes = { ...structuredClone(FIXTURE), uri: 'file:///no-times.log', range: undefined, marks: [], gaps: [], silences: [], episodes: [], boots: [], unplaced: 120 };
    await post(page, { type: 'payload', payload: noTimes });
    await page.waitForSelector('#timeline-root[data-state="no-times"]');
    assert.match(await page.textContent('.tl-message'), /no times/);
    assert.equal(await page.isVisible('.tl-chart'), false);
    await assertClean(problems, page);
    await context.close();
  });

  it('shows uptime clocks as uptime seconds', async () => {
    const { page, context, problems } = await open();
    const up = {
      ...structuredClone(FIXTURE),
      uri: 'file:///dmesg.txt',
      clock: 'uptime',
      range: { start: 0, end: 620 },
      marks: [
        { lane: 'usb', t: 303.102113, endT: 303.102113, line: 32, severity: 'warning', label: 'usb 1-1: USB disconnect, device number 5', count: 1 },
        { lane: 'usb', t: 466.515595, endT: 466.515595, line: 83, severity: 'warning', label: 'usb 1-1: USB disconnect, device number 6', count: 1 },
      ],
      gaps: [{ lane: 'usb', start: 466.515595, end: 617.304417, line: 83, label: 'off the bus 2 min 31 s' }],
      silences: [],
      episodes: [],
      boots: [{ t: 0, line: 1, label: 'boot' }],
      density: { start: 0, width: 62, error: Array(10).fill(0), warning: [0, 0, 0, 0, 1, 0, 0, 1, 0, 0], info: Array(10).fill(0) },
    };
    await sendPayload(page, up);
    const texts = await page.$$eval('button.tl-item .tl-item-time', (ts) => ts.map((t) => t.textContent));
    assert.deepEqual(texts, ['uptime 0.0 s', 'uptime 303.1 s', 'uptime 466.5 s', 'uptime 466.5 s']);
    assert.match(await page.getAttribute('button.tl-item[data-key="gap:0"]', 'aria-label'), /uptime 466\.5 s → uptime 617\.3 s \(2 min 31 s\)/);
    await assertClean(problems, page);
    await context.close();
  });

  it('draws in the light and high-contrast themes and follows a theme change', async () => {
    for (const theme of ['light', 'high-contrast']) {
      const { page, context, problems } = await open(theme);
      await sendPayload(page);
      await brush(page, T(2, 19, 49, 0), T(2, 20, 7, 0));
      await page.screenshot({ path: join(tmp, `timeline-${theme}.png`), fullPage: true });
      if (process.env.GSMLENS_KEEP_SHOTS) await page.screenshot({ path: join(process.env.GSMLENS_KEEP_SHOTS, `timeline-${theme}.png`), fullPage: true });
      // The canvas background is the theme's editor background.
      const bg = await page.evaluate(() => {
        const c = document.querySelector('canvas.tl-lanes');
        return Array.from(c.getContext('2d').getImageData(2, 2, 1, 1).data.slice(0, 3));
      });
      assert.deepEqual(bg, theme === 'light' ? [255, 255, 255] : [0, 0, 0]);
      await page.evaluate(() => window.__setTheme('dark'));
      await frames(page);
      await frames(page);
      const dark = await page.evaluate(() => Array.from(document.querySelector('canvas.tl-lanes').getContext('2d').getImageData(2, 2, 1, 1).data.slice(0, 3)));
      assert.deepEqual(dark, [0x1f, 0x1f, 0x1f], 'redrawn with the new theme');
      await assertClean(problems, page);
      await context.close();
    }
  });

  // Issue 12 item 6: group labels say what the group is, absences stay visible at every zoom,
  // episode labels never overlap.
  const GAP = FIXTURE.gaps[0];
  const USB = FIXTURE.lanes.findIndex((l) => l.id === 'usb');

  it('a group of marks is labelled by what it is, on the canvas list and for screen readers', async () => {
    const { page, context, problems } = await open();
    const payload = structuredClone(FIXTURE);
    const m = payload.marks.find((x) => x.lane === 'usb' && /USB disconnect/.test(x.label));
    Object.assign(m, { count: 2, endT: m.t + 5000, group: '2 USB disconnects' });
    await sendPayload(page, payload);
    await showWhole(page);
    const b = await page.$eval(`button.tl-item[data-line="${m.line}"][data-key^="mark:"]`, (x) => ({ text: x.querySelector('.tl-item-label').textContent, aria: x.getAttribute('aria-label') }));
    assert.equal(b.text, '2 USB disconnects');
    assert.match(b.aria, /\. 2 USB disconnects\. first: usb 1-1: USB disconnect, device number 5\. line/);
    await assertClean(problems, page);
    await context.close();
  });

  it('a USB absence stays visible zoomed in, over the device events drawn inside it', async () => {
    const { page, context, problems } = await open();
    const payload = structuredClone(FIXTURE);
    // A long burst of device events with a long label across the whole absence.
    payload.marks.push({ lane: 'usb', t: GAP.start + 1000, endT: GAP.end - 1000, line: 84, severity: 'info', label: 'usb 1-1: device descriptor read/64, error -71 '.repeat(4), count: 30, group: '30 USB enumeration errors' });
    payload.marks.sort((a, b) => a.t - b.t);
    await sendPayload(page, payload);
    const colour = await page.evaluate(() => window.__gsmTimeline.severityPixel('warning'));
    for (const [from, to] of [[GAP.start - 60_000, GAP.end + 60_000], [GAP.start + 40_000, GAP.start + 70_000], [GAP.start + 50_000, GAP.start + 52_000]]) {
      await brush(page, from, to);
      const w = await windowOf(page);
      const top = await page.evaluate(() => window.__gsmTimeline.lanesTop());
      const mid = (Math.max(w.start, GAP.start) + Math.min(w.end, GAP.end)) / 2;
      const { x } = await page.evaluate((t) => window.__gsmTimeline.lanesPoint(t), mid);
      const r = await page.evaluate(() => document.querySelector('canvas.tl-lanes').getBoundingClientRect().left);
      for (const dy of [4.5, 30 - 4.5]) {
        const px = await page.evaluate(([px, py]) => window.__gsmTimeline.pixel(px, py), [x - r, top + USB * 30 + dy]);
        const far = Math.max(...[0, 1, 2].map((i) => Math.abs(px[i] - colour[i])));
        assert.ok(far <= 8, `absence band at ${dy} px in window ${new Date(w.start).toISOString()}: ${px} vs ${colour}`);
      }
    }
    await assertClean(problems, page);
    await context.close();
  });

  it('two overlapping stories get rows of their own and their labels never overlap (screenshot)', async () => {
    const { page, context, problems } = await open();
    const payload = structuredClone(FIXTURE);
    const ep = payload.episodes[0];
    payload.episodes.push({ start: ep.start + 60_000, end: ep.end + 120_000, verdict: 'lost', label: 'Modem lost: the modem left the USB bus and came back much later than expected', line: 83, severity: 'warning' });
    payload.episodes.push({ start: ep.end + 130_000, end: ep.end + 400_000, verdict: 'recovered', label: 'Mobile data came back after the interface was restarted', line: 700, severity: 'info' });
    await sendPayload(page, payload);
    for (const [from, to] of [[T(2, 19, 49, 20), T(2, 20, 14, 0)], [T(2, 19, 53, 0), T(2, 19, 58, 0)]]) {
      await brush(page, from, to);
      const labels = await page.evaluate(() => window.__gsmTimeline.episodeLabels());
      assert.ok(labels.length >= 2, `labels drawn: ${JSON.stringify(labels)}`);
      assert.notEqual(labels.find((l) => l.key === 'episode:0').row, labels.find((l) => l.key === 'episode:1').row, 'overlapping stories are on different rows');
      for (const a of labels) for (const b of labels) if (a !== b && a.row === b.row) assert.ok(a.x1 <= b.x0 || b.x1 <= a.x0, `${a.text} overlaps ${b.text}`);
    }
    // Every story keeps its whole title in the accessible list, drawn or not.
    const texts = await page.$$eval('button.tl-item[data-key^="episode:"]', (bs) => bs.map((b) => b.querySelector('.tl-item-label').textContent));
    for (const e of payload.episodes.slice(0, 2)) assert.ok(texts.includes(`${e.label}: ${e.verdict}`), e.label);
    await brush(page, T(2, 19, 52, 0), T(2, 20, 10, 0));
    await frames(page);
    const shot = join(ROOT, 'e2e/out/screenshots/timeline-overlapping-stories.png');
    mkdirSync(dirname(shot), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    await assertClean(problems, page);
    await context.close();
  });

  it('takes the screenshot of the RUT901 story', async () => {
    const { page, context, problems } = await open();
    await sendPayload(page);
    await brush(page, T(2, 19, 49, 20), T(2, 20, 7, 0));
    await post(page, { type: 'cursor', line: 61 });
    await page.waitForSelector('#timeline-root[data-cursor-line="61"]');
    const p = await page.evaluate((k) => window.__gsmTimeline.hitPoint(k), await buttonKey(page, 38));
    await page.mouse.move(p.x, p.y);
    await page.waitForSelector('.tl-tooltip:not([hidden])');
    assert.equal(await page.getAttribute('#timeline-root', 'data-visible-items'), String(FIXTURE.marks.length + 3), 'all but the last mark of the log are in view');
    assert.match(await page.textContent('.tl-tooltip'), /^2024-12-02 19:54:54Mobile data disconnected \(internal modem\)Warning · mobile events · line 38/);
    await frames(page);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    assert.ok(existsSync(SCREENSHOT));
    await assertClean(problems, page);
    await context.close();
  });
});
