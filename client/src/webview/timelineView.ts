/// <reference lib="dom" />
// Runs inside the timeline webview. The extension sends a `payload` (the bounded timeline of one
// log, possibly again when the log changes) and `cursor` (the editor line); the page draws lanes of
// marks under a density strip of the whole log, and answers with `reveal` (a line to show) and
// `ready`. Every message is validated (timeline/validate.ts) and log text only ever reaches the DOM
// through textContent or aria-label, or is drawn on a canvas. The panel is not kept alive when it is
// hidden: the window (zoom) and the log's uri are saved with setState and restored from getState.
import type { TimelinePayload } from '../../../server/src/core/timeline/timelineTypes';
import { AccessibleList, el } from './timeline/a11yList';
import { Renderer, type CursorMark } from './timeline/draw';
import { formatDuration, formatTime } from './timeline/format';
import { buildModel, clampWindow, covers, isFull, itemTimeText, itemTitle, kindWord, laneLabel, panWindow, timeOfLine, zoomWindow, type Item, type Model, type Window } from './timeline/model';
import { readTheme, type Theme } from './timeline/theme';
import { parseMessage, parseSavedState, type SavedState } from './timeline/validate';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const ZOOM_STEP = 1.5;
const PAN_STEP = 0.2;
const DRAG_THRESHOLD = 4;

class TimelinePage {
  private readonly root: HTMLElement;
  private readonly fileName = el('span', 'tl-file');
  private readonly rangeText = el('span', 'tl-range');
  private readonly windowText = el('span', 'tl-window');
  private readonly unplacedText = el('span', 'tl-unplaced');
  private readonly message = el('p', 'tl-message');
  private readonly chart = el('div', 'tl-chart');
  private readonly plot = el('div', 'tl-plot');
  private readonly stripCanvas = el('canvas', 'tl-strip');
  private readonly lanesCanvas = el('canvas', 'tl-lanes');
  private readonly tooltip = el('div', 'tl-tooltip');
  private readonly ttTime = el('div', 'tl-tt-time');
  private readonly ttLabel = el('div', 'tl-tt-label');
  private readonly ttMeta = el('div', 'tl-tt-meta');
  private readonly live = el('div', 'tl-live');
  private readonly list: AccessibleList;
  private readonly renderer: Renderer;
  private theme: Theme;

  private model: Model | undefined;
  private window: Window | undefined;
  private uri: string | undefined;
  private clock: TimelinePayload['clock'] | undefined;
  private cursorLine: number | undefined;
  private cursor: CursorMark | undefined;
  private focusKey: string | undefined;
  private hoverKey: string | undefined;
  /** What getState gave at load; used once, by the first payload of the same log. */
  private restored: SavedState | undefined;

  private drawQueued = false;
  private listTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly vscode: VsCodeApi) {
    this.root = document.getElementById('timeline-root') ?? document.body.appendChild(document.createElement('div'));
    this.root.id = 'timeline-root';
    this.root.classList.add('tl-root');
    this.root.dataset.state = 'waiting';
    this.list = new AccessibleList(
      (item) => this.reveal(item),
      (key) => {
        this.focusKey = key;
        this.requestDraw();
      },
    );
    this.buildDom();
    this.renderer = new Renderer(this.lanesCanvas, this.stripCanvas);
    this.theme = readTheme(this.root);
    this.restored = parseSavedState(safe(() => vscode.getState()));
    this.wireEvents();
    this.showMessage(this.restored ? `Waiting for ${fileName(this.restored.uri)}…` : 'Waiting for the log…');
    this.list.update(undefined, undefined);
    if (document.documentElement.hasAttribute('data-gsmlens-test')) this.exposeTestHooks();
    vscode.postMessage({ type: 'ready' });
  }

  // ------------------------------------------------------------------ DOM

  private buildDom(): void {
    const header = el('div', 'tl-header');
    const title = el('h1', 'tl-title');
    title.textContent = 'Timeline';
    const info = el('div', 'tl-info');
    info.append(this.rangeText, this.unplacedText);
    const toolbar = el('div', 'tl-toolbar');
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', 'Zoom');
    toolbar.append(
      this.toolButton('zoom-out', '−', 'Zoom out (minus key)'),
      this.toolButton('zoom-in', '+', 'Zoom in (plus key)'),
      this.toolButton('reset', 'Whole log', 'Show the whole log (0 key)'),
      this.windowText,
    );
    const titleRow = el('div', 'tl-title-row');
    titleRow.append(title, this.fileName);
    header.append(titleRow, info, toolbar);

    this.stripCanvas.setAttribute('role', 'img');
    this.stripCanvas.setAttribute('aria-label', 'Density of events over the whole log; the outlined part is the window shown in the lanes below. Drag on it to choose a window.');
    this.lanesCanvas.setAttribute('aria-hidden', 'true');
    this.plot.tabIndex = 0;
    this.plot.setAttribute('role', 'group');
    this.plot.setAttribute('aria-label', 'Timeline lanes. The items in view are listed below as buttons.');
    this.plot.setAttribute('aria-describedby', 'tl-keys');
    this.plot.append(this.lanesCanvas);
    const keys = el('p', 'tl-keys');
    keys.id = 'tl-keys';
    keys.textContent = 'Wheel: zoom · drag: pan · drag on the strip: choose a window · click a mark: show its line · keys: + − zoom, ← → pan, Home End, 0 whole log, C go to the cursor';
    this.chart.append(this.stripCanvas, this.plot, keys);

    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    this.tooltip.append(this.ttTime, this.ttLabel, this.ttMeta);
    this.live.setAttribute('aria-live', 'polite');
    this.live.className = 'tl-live tl-visually-hidden';
    this.message.setAttribute('role', 'status');
    this.root.append(header, this.message, this.chart, this.list.element, this.tooltip, this.live);
  }

  private toolButton(action: string, text: string, label: string): HTMLButtonElement {
    const b = el('button', 'tl-tool');
    b.type = 'button';
    b.dataset.action = action;
    b.textContent = text;
    b.title = label;
    b.setAttribute('aria-label', label);
    return b;
  }

  private showMessage(text: string | undefined): void {
    this.message.hidden = text === undefined;
    this.message.textContent = text ?? '';
    this.chart.hidden = text !== undefined;
  }

  // ------------------------------------------------------------------ messages

  onMessage(data: unknown): void {
    const msg = parseMessage(data);
    if (!msg) return;
    if (msg.type === 'payload') this.onPayload(msg.payload);
    else this.onCursor(msg.line);
  }

  private onPayload(p: TimelinePayload): void {
    const sameLog = this.uri === p.uri && this.clock === p.clock;
    const prevModel = this.model;
    const prevWindow = this.window;
    const wasFull = !prevModel || !prevWindow || isFull(prevWindow, prevModel.domain);
    if (!sameLog) {
      // Another log replaced the previous one: its cursor and focus mean nothing here. The first
      // log keeps a cursor sent before it, or else the one saved for it before a reload.
      if (this.uri !== undefined) this.cursorLine = undefined;
      if (this.cursorLine === undefined && this.restored?.uri === p.uri) this.cursorLine = this.restored.cursorLine;
      this.cursor = undefined;
      this.focusKey = undefined;
    }
    this.uri = p.uri;
    this.clock = p.clock;
    this.fileName.textContent = fileName(p.uri);
    this.fileName.title = p.uri;
    this.unplacedText.textContent = p.unplaced > 0 ? ` · ${p.unplaced} line${p.unplaced === 1 ? '' : 's'} without a time not placed` : '';
    const model = buildModel(p);
    this.model = model;
    if (!model) {
      this.window = undefined;
      this.root.dataset.state = 'no-times';
      delete this.root.dataset.windowStart;
      delete this.root.dataset.windowEnd;
      this.rangeText.textContent = 'No times in this log';
      this.windowText.textContent = '';
      this.showMessage('This log has no times that can be placed on a timeline.');
      this.list.update(undefined, undefined);
      this.restored = undefined;
      return;
    }
    // Keep the window the user chose when the new range still covers it; a view of the whole log
    // stays a view of the whole (grown) log.
    let w: Window | undefined;
    if (sameLog && prevModel && prevWindow && !wasFull && covers(model.domain, prevWindow)) w = prevWindow;
    else if (!prevModel && this.restored && this.restored.uri === p.uri && this.restored.clock === p.clock && !this.restored.full && covers(model.domain, this.restored.window)) w = this.restored.window;
    this.restored = undefined;
    if (this.focusKey && !model.byKey.has(this.focusKey)) this.focusKey = undefined;
    this.hoverKey = undefined;
    this.root.dataset.state = 'ready';
    this.root.dataset.markCount = String(model.marks.length);
    const range = p.range!;
    this.rangeText.textContent = `${formatTime(p.clock, range.start)} → ${formatTime(p.clock, range.end)} (${formatDuration(p.clock, range.end - range.start)})`;
    this.showMessage(undefined);
    this.placeCursor();
    this.setWindow(w ?? (prevModel ? model.domain : storyWindow(p) ?? model.domain), false);
    this.updateList();
  }

  private onCursor(line: number): void {
    this.cursorLine = line;
    this.placeCursor();
    this.requestDraw();
    this.scheduleSave();
  }

  private placeCursor(): void {
    if (this.cursorLine === undefined || !this.model) {
      this.cursor = undefined;
      delete this.root.dataset.cursorLine;
      delete this.root.dataset.cursorTime;
      return;
    }
    const { t, exact } = timeOfLine(this.model, this.cursorLine);
    this.cursor = { line: this.cursorLine, t, exact };
    this.root.dataset.cursorLine = String(this.cursorLine);
    this.root.dataset.cursorTime = String(t);
  }

  private reveal(item: Item): void {
    this.vscode.postMessage({ type: 'reveal', line: item.line });
  }

  // ------------------------------------------------------------------ the window

  private setWindow(w: Window, announce = true): void {
    const m = this.model;
    if (!m) return;
    const next = clampWindow(w, m.domain, m.minSpan);
    const changed = !this.window || next.start !== this.window.start || next.end !== this.window.end;
    this.window = next;
    this.root.dataset.windowStart = String(next.start);
    this.root.dataset.windowEnd = String(next.end);
    this.root.dataset.domainStart = String(m.domain.start);
    this.root.dataset.domainEnd = String(m.domain.end);
    this.root.dataset.full = String(isFull(next, m.domain));
    this.windowText.textContent = `Showing ${windowWords(m, next)}`;
    this.requestDraw();
    this.scheduleSave();
    if (changed) {
      this.scheduleList();
      if (announce) this.scheduleAnnounce();
    }
  }

  private zoom(factor: number, anchor?: number): void {
    const m = this.model;
    const w = this.window;
    if (!m || !w) return;
    this.setWindow(zoomWindow(w, factor, anchor ?? (w.start + w.end) / 2, m.domain, m.minSpan));
  }

  private pan(fraction: number): void {
    const m = this.model;
    const w = this.window;
    if (!m || !w) return;
    this.setWindow(panWindow(w, (w.end - w.start) * fraction, m.domain, m.minSpan));
  }

  /** Fit an item (with a margin) in the window: double-click on a span or an episode. */
  private zoomTo(item: Item): void {
    const m = this.model;
    if (!m) return;
    const span = Math.max(item.end - item.start, m.minSpan * 10);
    const margin = span * 0.15;
    this.setWindow({ start: item.start - margin, end: item.start + span + margin });
  }

  private keyboardAnchor(): number | undefined {
    const w = this.window;
    const it = this.focusKey ? this.model?.byKey.get(this.focusKey) : undefined;
    if (it && w && it.start <= w.end && it.end >= w.start) return Math.min(Math.max(it.start, w.start), w.end);
    return undefined;
  }

  // ------------------------------------------------------------------ events

  private wireEvents(): void {
    window.addEventListener('message', (e: MessageEvent) => this.onMessage(e.data));

    this.root.querySelector('.tl-toolbar')!.addEventListener('click', (e) => {
      const action = ((e.target as Element | null)?.closest('button.tl-tool') as HTMLButtonElement | null)?.dataset.action;
      if (action === 'zoom-in') this.zoom(1 / ZOOM_STEP, this.keyboardAnchor());
      else if (action === 'zoom-out') this.zoom(ZOOM_STEP, this.keyboardAnchor());
      else if (action === 'reset' && this.model) this.setWindow(this.model.domain);
    });

    document.addEventListener('keydown', (e) => this.onKey(e));

    const lanes = this.lanesCanvas;
    let drag: { id: number; x: number; window: Window; moved: boolean } | undefined;
    lanes.addEventListener('pointerdown', (e) => {
      if (e.button !== 0 || !this.window) return;
      drag = { id: e.pointerId, x: e.clientX, window: this.window, moved: false };
      lanes.setPointerCapture(e.pointerId);
    });
    lanes.addEventListener('pointermove', (e) => {
      const p = this.local(lanes, e);
      if (drag && drag.id === e.pointerId && this.window && this.model) {
        const dx = e.clientX - drag.x;
        if (!drag.moved && Math.abs(dx) < DRAG_THRESHOLD) return;
        drag.moved = true;
        lanes.classList.add('tl-dragging');
        this.hideTooltip();
        const w = drag.window;
        this.setWindow(panWindow(w, (-dx * (w.end - w.start)) / this.renderer.plotWidth, this.model.domain, this.model.minSpan));
        return;
      }
      const item = this.renderer.hitTest(p.x, p.y);
      lanes.classList.toggle('tl-over-item', !!item);
      if (item?.key !== this.hoverKey) {
        this.hoverKey = item?.key;
        this.requestDraw();
      }
      if (item) this.showItemTooltip(item, e.clientX, e.clientY);
      else this.hideTooltip();
    });
    const endDrag = (e: PointerEvent): void => {
      if (!drag || drag.id !== e.pointerId) return;
      const wasClick = !drag.moved;
      drag = undefined;
      lanes.classList.remove('tl-dragging');
      if (lanes.hasPointerCapture(e.pointerId)) lanes.releasePointerCapture(e.pointerId);
      if (wasClick && e.type === 'pointerup') {
        const p = this.local(lanes, e);
        const item = this.renderer.hitTest(p.x, p.y);
        if (item) this.reveal(item);
      }
    };
    lanes.addEventListener('pointerup', endDrag);
    lanes.addEventListener('pointercancel', endDrag);
    lanes.addEventListener('pointerleave', () => {
      if (drag) return;
      this.hideTooltip();
      if (this.hoverKey) {
        this.hoverKey = undefined;
        this.requestDraw();
      }
    });
    lanes.addEventListener('dblclick', (e) => {
      const p = this.local(lanes, e);
      const item = this.renderer.hitTest(p.x, p.y);
      if (item && item.end > item.start) this.zoomTo(item);
      else if (this.window && p.x >= this.renderer.plotLeft) this.zoom(0.5, this.renderer.timeAt(p.x, this.window));
    });
    lanes.addEventListener('wheel', (e) => this.onWheel(e, (x) => (this.window ? this.renderer.timeAt(x, this.window) : 0), lanes), { passive: false });

    // The density strip: a drag brushes a new window (always: panning has the lanes, the wheel and
    // the arrow keys), a click centres the window there.
    const strip = this.stripCanvas;
    let brush: { id: number; x: number; anchor: number; moved: boolean } | undefined;
    strip.addEventListener('pointerdown', (e) => {
      const m = this.model;
      if (e.button !== 0 || !m || !this.window) return;
      brush = { id: e.pointerId, x: e.clientX, anchor: this.renderer.stripTimeAt(this.local(strip, e).x, m.domain), moved: false };
      strip.setPointerCapture(e.pointerId);
    });
    strip.addEventListener('pointermove', (e) => {
      const m = this.model;
      if (!m || !this.window) return;
      const t = this.renderer.stripTimeAt(this.local(strip, e).x, m.domain);
      if (!brush || brush.id !== e.pointerId) {
        this.showStripTooltip(t, e.clientX, e.clientY);
        return;
      }
      if (!brush.moved && Math.abs(e.clientX - brush.x) < DRAG_THRESHOLD) return;
      brush.moved = true;
      this.hideTooltip();
      this.setWindow({ start: Math.min(brush.anchor, t), end: Math.max(brush.anchor, t) });
    });
    const endBrush = (e: PointerEvent): void => {
      if (!brush || brush.id !== e.pointerId) return;
      const b = brush;
      brush = undefined;
      if (strip.hasPointerCapture(e.pointerId)) strip.releasePointerCapture(e.pointerId);
      const w = this.window;
      if (!b.moved && e.type === 'pointerup' && w) {
        const span = w.end - w.start;
        this.setWindow({ start: b.anchor - span / 2, end: b.anchor + span / 2 });
      }
    };
    strip.addEventListener('pointerup', endBrush);
    strip.addEventListener('pointercancel', endBrush);
    strip.addEventListener('pointerleave', () => this.hideTooltip());
    strip.addEventListener('wheel', (e) => this.onWheel(e, (x) => (this.model ? this.renderer.stripTimeAt(x, this.model.domain) : 0), strip), { passive: false });

    new ResizeObserver(() => this.requestDraw()).observe(this.chart);
    // Also catches a change of device pixel ratio (the window moved to another screen, zoom).
    window.addEventListener('resize', () => this.requestDraw());
    // VS Code swaps the --vscode-* variables on <html> and the theme class on <body>.
    const themeObserver = new MutationObserver(() => {
      this.theme = readTheme(this.root);
      this.renderer.themeChanged();
      this.requestDraw();
    });
    themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
    themeObserver.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.model || !this.window || e.ctrlKey || e.metaKey || e.altKey) return;
    const w = this.window;
    switch (e.key) {
      case '+':
      case '=':
        this.zoom(1 / ZOOM_STEP, this.keyboardAnchor());
        break;
      case '-':
      case '_':
        this.zoom(ZOOM_STEP, this.keyboardAnchor());
        break;
      case 'ArrowLeft':
        this.pan(e.shiftKey ? -1 : -PAN_STEP);
        break;
      case 'ArrowRight':
        this.pan(e.shiftKey ? 1 : PAN_STEP);
        break;
      case 'Home':
        this.setWindow({ start: this.model.domain.start, end: this.model.domain.start + (w.end - w.start) });
        break;
      case 'End':
        this.setWindow({ start: this.model.domain.end - (w.end - w.start), end: this.model.domain.end });
        break;
      case '0':
        this.setWindow(this.model.domain);
        break;
      case 'c':
      case 'C':
        if (!this.cursor) return;
        this.setWindow({ start: this.cursor.t - (w.end - w.start) / 2, end: this.cursor.t + (w.end - w.start) / 2 });
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  private onWheel(e: WheelEvent, timeAt: (x: number) => number, target: HTMLElement): void {
    if (!this.model || !this.window) return;
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const dx = e.deltaX * unit;
    const dy = e.deltaY * unit;
    const w = this.window;
    if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) {
      const d = e.shiftKey && dx === 0 ? dy : dx;
      this.setWindow(panWindow(w, (d * (w.end - w.start)) / this.renderer.plotWidth, this.model.domain, this.model.minSpan));
      return;
    }
    const x = this.local(target, e).x;
    const anchor = x >= this.renderer.plotLeft ? timeAt(x) : (w.start + w.end) / 2;
    this.zoom(Math.exp(Math.max(-300, Math.min(300, dy)) * 0.002), anchor);
  }

  private local(target: HTMLElement, e: MouseEvent): { x: number; y: number } {
    const r = target.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  // ------------------------------------------------------------------ tooltip

  private showItemTooltip(item: Item, clientX: number, clientY: number): void {
    const m = this.model;
    if (!m) return;
    this.ttTime.textContent = itemTimeText(m, item);
    this.ttLabel.textContent = itemTitle(item);
    const extra = item.kind === 'mark' && item.count > 1 ? ` · ${item.count} events` : '';
    this.ttMeta.textContent = `${kindWord(item)} · ${laneLabel(m, item)} · line ${item.line}${extra} · click to show`;
    this.placeTooltip(clientX, clientY, item.severity);
  }

  private showStripTooltip(t: number, clientX: number, clientY: number): void {
    const m = this.model;
    if (!m) return;
    const d = m.payload.density;
    const i = Math.floor((t - d.start) / d.width);
    if (i < 0 || i >= d.error.length) {
      this.hideTooltip();
      return;
    }
    const s = d.start + i * d.width;
    this.ttTime.textContent = `${formatTime(m.clock, s)} → ${formatTime(m.clock, s + d.width)}`;
    const parts = [[d.error[i], 'error'], [d.warning[i], 'warning'], [d.info[i], 'info']].filter(([n]) => (n as number) > 0).map(([n, w]) => `${n} ${w}`);
    this.ttLabel.textContent = parts.length ? parts.join(', ') : 'no events';
    this.ttMeta.textContent = 'drag to choose a window';
    this.placeTooltip(clientX, clientY, undefined);
  }

  private placeTooltip(clientX: number, clientY: number, severity: string | undefined): void {
    const tt = this.tooltip;
    tt.hidden = false;
    tt.dataset.severity = severity ?? '';
    const r = tt.getBoundingClientRect();
    let x = clientX + 14;
    let y = clientY + 16;
    if (x + r.width > window.innerWidth - 4) x = Math.max(4, clientX - r.width - 10);
    if (y + r.height > window.innerHeight - 4) y = Math.max(4, clientY - r.height - 10);
    tt.style.left = `${x}px`;
    tt.style.top = `${y}px`;
  }

  private hideTooltip(): void {
    this.tooltip.hidden = true;
  }

  // ------------------------------------------------------------------ scheduling

  /** One draw per animation frame however many events asked for it. */
  private requestDraw(): void {
    if (this.drawQueued) return;
    this.drawQueued = true;
    requestAnimationFrame(() => {
      this.drawQueued = false;
      this.draw();
    });
  }

  private draw(): void {
    const m = this.model;
    const w = this.window;
    if (!m || !w || this.chart.hidden) return;
    this.renderer.resize(this.chart.clientWidth, m.lanes.length, m.episodeRows);
    this.renderer.draw({ model: m, window: w, theme: this.theme, cursor: this.cursor, focusKey: this.focusKey, hoverKey: this.hoverKey });
  }

  private scheduleList(): void {
    this.root.dataset.listSynced = 'false';
    if (this.listTimer !== undefined) clearTimeout(this.listTimer);
    this.listTimer = setTimeout(() => this.updateList(), 120);
  }

  private updateList(): void {
    if (this.listTimer !== undefined) clearTimeout(this.listTimer);
    this.listTimer = undefined;
    this.list.update(this.model, this.window);
    this.root.dataset.visibleItems = String(this.list.visibleCount);
    this.root.dataset.listSynced = 'true';
  }

  private scheduleSave(): void {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (!this.model || !this.window || !this.uri || !this.clock) return;
      const state: SavedState = { v: 1, uri: this.uri, clock: this.clock, window: { ...this.window }, full: isFull(this.window, this.model.domain), cursorLine: this.cursorLine };
      safe(() => this.vscode.setState(state));
    }, 150);
  }

  private scheduleAnnounce(): void {
    if (this.announceTimer !== undefined) clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      if (!this.model || !this.window) return;
      this.live.textContent = `Showing ${windowWords(this.model, this.window)}; ${this.list.visibleCount} items.`;
    }, 700);
  }

  // ------------------------------------------------------------------ test hooks

  /** Geometry for the page test only (harness sets data-gsmlens-test on <html>). */
  private exposeTestHooks(): void {
    const hooks = {
      hitPoint: (key: string): { x: number; y: number } | undefined => {
        const box = this.renderer.hitBox(key);
        if (!box) return undefined;
        const r = this.lanesCanvas.getBoundingClientRect();
        return { x: r.left + (box.x0 + Math.min(box.x1, box.x0 + 8)) / 2, y: r.top + (box.y0 + box.y1) / 2 };
      },
      stripPoint: (t: number): { x: number; y: number } | undefined => {
        if (!this.model) return undefined;
        const r = this.stripCanvas.getBoundingClientRect();
        return { x: r.left + this.renderer.stripX(t, this.model.domain), y: r.top + r.height / 2 };
      },
      episodeLabels: () => this.renderer.episodeLabels.map((l) => ({ ...l })),
      pixel: (x: number, y: number): number[] => {
        const c = this.lanesCanvas;
        const k = c.width / c.getBoundingClientRect().width;
        return [...(c.getContext('2d')?.getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data ?? [])];
      },
      lanesTop: () => this.renderer.lanesTop,
      /** A severity colour of the theme as the canvas paints it: [r, g, b, a]. */
      severityPixel: (sev: 'error' | 'warning' | 'info'): number[] => {
        const c = document.createElement('canvas');
        c.width = c.height = 1;
        const x = c.getContext('2d');
        if (!x) return [];
        x.fillStyle = this.theme.severity[sev];
        x.fillRect(0, 0, 1, 1);
        return [...x.getImageData(0, 0, 1, 1).data];
      },
      lanesPoint: (t: number): { x: number; y: number } | undefined => {
        if (!this.window) return undefined;
        const r = this.lanesCanvas.getBoundingClientRect();
        return { x: r.left + this.renderer.x(t, this.window), y: r.top + r.height - 10 };
      },
    };
    (window as unknown as { __gsmTimeline: typeof hooks }).__gsmTimeline = hooks;
  }
}

/**
 * The first view of a log with an episode: the episode and the USB absences around it, with some
 * margin, so the story is readable at once instead of squeezed into a corner of a day-long log.
 */
function storyWindow(p: TimelinePayload): Window | undefined {
  const ep = p.episodes[0];
  if (!ep) return undefined;
  let start = ep.start;
  let end = ep.end;
  for (const g of p.gaps) if (g.start <= end && (g.end ?? g.start) >= start) end = Math.max(end, g.end ?? g.start);
  const pad = Math.max((end - start) * 0.6, p.clock === 'wall' ? 60_000 : 60);
  return { start: start - pad, end: end + pad };
}

function windowWords(m: Model, w: Window): string {
  const from = formatTime(m.clock, w.start);
  const toFull = formatTime(m.clock, w.end);
  const to = m.clock === 'wall' && toFull.slice(0, 10) === from.slice(0, 10) ? toFull.slice(11) : toFull;
  return `${from} → ${to} (${formatDuration(m.clock, w.end - w.start)})`;
}

function fileName(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  const last = path.split('/').filter(Boolean).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function start(): void {
  new TimelinePage(acquireVsCodeApi());
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
