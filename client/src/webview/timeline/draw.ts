/// <reference lib="dom" />
// Canvas drawing of the density strip and the lanes, and the hit test over what was drawn.
//
// Why canvas and not SVG: a payload carries up to a few thousand marks and every wheel notch or drag
// step redraws all of them at new positions. On a canvas a frame is a few thousand path calls with
// no DOM, style or layout work; with SVG each frame would update thousands of nodes and relayout.
// What the canvas cannot give (focus, screen-reader names) comes from a bounded list of real
// buttons kept next to it (see a11yList.ts), and the hit test below maps pointer positions back to
// items. Nothing here creates DOM nodes per frame, and the hit boxes are reused between frames.
import type { MarkSeverity } from '../../../../server/src/core/timeline/timelineTypes';
import { ticks, type Tick } from './format';
import { itemTitle, type Item, type Model, type Window } from './model';
import type { Theme } from './theme';

export interface CursorMark {
  line: number;
  t: number;
  exact: boolean;
}

export interface DrawState {
  model: Model;
  window: Window;
  theme: Theme;
  cursor?: CursorMark;
  focusKey?: string;
  hoverKey?: string;
}

interface Hit {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  item: Item | undefined;
}

export const GEOMETRY = { gutter: 132, right: 14, axis: 20, bootRow: 18, episodeRow: 22, lane: 30, bottom: 6, strip: 46 };

const SEVERITY_ORDER: MarkSeverity[] = ['info', 'warning', 'error'];

export class Renderer {
  private readonly lctx: CanvasRenderingContext2D;
  private readonly sctx: CanvasRenderingContext2D;
  private width = 0;
  private dpr = 1;
  private hits: Hit[] = [];
  private hitCount = 0;
  private readonly tickBuf: Tick[] = [];
  private hatch: CanvasPattern | null = null;
  private hatchKey = '';
  private laneCount = 0;
  private episodeRows = 1;
  /** Episode labels drawn in the last frame, per row [x0, x1, ...] (and for the page test). */
  readonly episodeLabels: { key: string; row: number; x0: number; x1: number; text: string }[] = [];
  // Per-lane scratch arrays reused from frame to frame (x runs as flat [x0, x1, x0, x1, ...]).
  private readonly shapeRuns: number[][] = [];
  private readonly spanLabelRuns: number[][] = [];
  private readonly pendingBuf: (Item | undefined)[] = [];

  constructor(readonly lanes: HTMLCanvasElement, readonly strip: HTMLCanvasElement) {
    const l = lanes.getContext('2d');
    const s = strip.getContext('2d');
    if (!l || !s) throw new Error('no 2d canvas');
    this.lctx = l;
    this.sctx = s;
  }

  get plotLeft(): number {
    return Math.min(GEOMETRY.gutter, Math.max(60, this.width * 0.3));
  }
  get plotRight(): number {
    return Math.max(this.plotLeft + 10, this.width - GEOMETRY.right);
  }
  get plotWidth(): number {
    return this.plotRight - this.plotLeft;
  }
  get lanesTop(): number {
    return GEOMETRY.axis + GEOMETRY.bootRow + GEOMETRY.episodeRow * this.episodeRows;
  }
  lanesHeight(laneCount: number): number {
    return this.lanesTop + Math.max(1, laneCount) * GEOMETRY.lane + GEOMETRY.bottom;
  }

  /** Sizes the backing stores for the CSS width and device pixel ratio; true when changed. */
  resize(cssWidth: number, laneCount: number, episodeRows = 1): boolean {
    const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
    const width = Math.max(200, Math.floor(cssWidth));
    const rows = Math.max(1, episodeRows);
    if (width === this.width && dpr === this.dpr && laneCount === this.laneCount && rows === this.episodeRows) return false;
    this.width = width;
    this.dpr = dpr;
    this.laneCount = laneCount;
    this.episodeRows = rows;
    const lh = this.lanesHeight(laneCount);
    for (const [c, h] of [[this.lanes, lh], [this.strip, GEOMETRY.strip]] as const) {
      c.width = Math.round(width * dpr);
      c.height = Math.round(h * dpr);
      c.style.width = `${width}px`;
      c.style.height = `${h}px`;
    }
    return true;
  }

  /** x on the lanes canvas (CSS px) of time t in the window. */
  x(t: number, w: Window): number {
    return this.plotLeft + ((t - w.start) / (w.end - w.start)) * this.plotWidth;
  }
  timeAt(x: number, w: Window): number {
    return w.start + ((x - this.plotLeft) / this.plotWidth) * (w.end - w.start);
  }
  stripX(t: number, domain: Window): number {
    return this.x(t, domain);
  }
  stripTimeAt(x: number, domain: Window): number {
    return this.timeAt(x, domain);
  }

  /** The topmost item drawn under (x, y) on the lanes canvas, with a little slack for small marks. */
  hitTest(x: number, y: number): Item | undefined {
    for (let pass = 0; pass < 2; pass++) {
      const slack = pass === 0 ? 0 : 3;
      for (let i = this.hitCount - 1; i >= 0; i--) {
        const h = this.hits[i];
        if (x >= h.x0 - slack && x <= h.x1 + slack && y >= h.y0 - slack && y <= h.y1 + slack) return h.item;
      }
    }
    return undefined;
  }

  /** The first hit box drawn for an item: its shape, not its label (focus rings, tests). */
  hitBox(key: string): { x0: number; y0: number; x1: number; y1: number } | undefined {
    for (let i = 0; i < this.hitCount; i++) if (this.hits[i].item?.key === key) return this.hits[i];
    return undefined;
  }

  private addHit(x0: number, y0: number, x1: number, y1: number, item: Item): void {
    let h = this.hits[this.hitCount];
    if (!h) h = this.hits[this.hitCount] = { x0: 0, y0: 0, x1: 0, y1: 0, item: undefined };
    h.x0 = Math.max(x0, this.plotLeft);
    h.x1 = Math.min(x1, this.plotRight);
    h.y0 = y0;
    h.y1 = y1;
    h.item = item;
    if (h.x1 >= h.x0) this.hitCount++;
  }

  draw(s: DrawState): void {
    this.drawLanes(s);
    this.drawStrip(s);
  }

  // ---------------------------------------------------------------- lanes

  private drawLanes(s: DrawState): void {
    const { model, window: w, theme } = s;
    const ctx = this.lctx;
    const W = this.width;
    const H = this.lanesHeight(model.lanes.length);
    const L = this.plotLeft;
    const R = this.plotRight;
    const top = this.lanesTop;
    const laneH = GEOMETRY.lane;
    const bottom = top + model.lanes.length * laneH;
    const small = `${Math.round(theme.fontSize * 0.85)}px ${theme.font}`;
    const normal = `${theme.fontSize}px ${theme.font}`;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.globalAlpha = 1;
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, W, H);
    this.hitCount = 0;

    // Lane rows: a faint band on every other row, separators, and the labels in the gutter.
    for (let i = 0; i < model.lanes.length; i++) {
      const y = top + i * laneH;
      if (i % 2 === 1) {
        ctx.globalAlpha = 0.04;
        ctx.fillStyle = theme.foreground;
        ctx.fillRect(0, y, W, laneH);
        ctx.globalAlpha = 1;
      }
    }
    ctx.strokeStyle = theme.border;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let i = 0; i <= model.lanes.length; i++) hline(ctx, 0, W, top + i * laneH);
    hline(ctx, 0, W, GEOMETRY.axis);
    vline(ctx, L, GEOMETRY.axis, bottom);
    ctx.stroke();

    // Time ticks.
    const maxTicks = Math.max(2, Math.floor(this.plotWidth / 95));
    const tk = ticks(model.clock, w.start, w.end, maxTicks, this.tickBuf);
    ctx.font = small;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'center';
    for (const t of tk) {
      const x = Math.round(this.x(t.t, w)) + 0.5;
      if (x < L || x > R) continue;
      ctx.globalAlpha = t.major ? 0.6 : 0.25;
      ctx.strokeStyle = t.major ? theme.foreground : theme.border;
      ctx.beginPath();
      vline(ctx, x, GEOMETRY.axis - 4, bottom);
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.fillStyle = t.major ? theme.foreground : theme.muted;
      const tw = ctx.measureText(t.label).width;
      const cx = Math.min(Math.max(x, L + tw / 2 + 2), R - tw / 2 - 2);
      ctx.fillText(t.label, cx, GEOMETRY.axis / 2);
    }

    // Everything placed in time is clipped to the plot.
    ctx.save();
    ctx.beginPath();
    ctx.rect(L, 0, R - L, H);
    ctx.clip();

    const annTop = GEOMETRY.axis;
    const epTop = GEOMETRY.axis + GEOMETRY.bootRow;

    // Episodes: a tint over every lane, and a bar with the verdict in their row. Stories that overlap
    // in time have rows of their own (model.stackRows), and a label is drawn inside its bar only
    // where no other label of the row is: labels never overlap (the tooltip and the list keep them).
    this.episodeLabels.length = 0;
    for (const ep of model.episodes) {
      if (ep.end < w.start || ep.start > w.end) continue;
      const x0 = this.x(ep.start, w);
      const x1 = Math.max(this.x(ep.end, w), x0 + 3);
      const colour = theme.severity[ep.severity];
      const row = Math.min(ep.row ?? 0, this.episodeRows - 1);
      ctx.globalAlpha = 0.09;
      ctx.fillStyle = colour;
      ctx.fillRect(x0, top, x1 - x0, bottom - top);
      ctx.globalAlpha = 0.28;
      const by = epTop + row * GEOMETRY.episodeRow + 3;
      const bh = GEOMETRY.episodeRow - 6;
      ctx.fillRect(x0, by, x1 - x0, bh);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1;
      ctx.strokeRect(x0 + 0.5, by + 0.5, x1 - x0 - 1, bh - 1);
      ctx.fillRect(x0, by, 3, bh);
      ctx.fillStyle = theme.foreground;
      ctx.font = `bold ${small}`;
      ctx.textAlign = 'left';
      const tx = Math.max(x0, L) + 7;
      let max = Math.min(x1, R) - tx - 4;
      for (const other of this.episodeLabels) {
        if (other.row !== row || other.x1 + 6 <= tx) continue;
        if (other.x0 <= tx) max = 0;
        else max = Math.min(max, other.x0 - 6 - tx);
      }
      const text = itemTitle(ep);
      const shown = max >= 8 ? truncate(ctx, text, max) : '';
      if (shown) {
        ctx.fillText(shown, tx, by + bh / 2);
        this.episodeLabels.push({ key: ep.key, row, x0: tx, x1: tx + ctx.measureText(shown).width, text: shown });
      }
      this.addHit(x0, by, x1, by + bh, ep);
    }

    // USB gaps (shaded) and silences (hatched, dashed outline), in their lanes.
    ctx.font = small;
    for (const sp of model.spans) {
      if (sp.end < w.start || sp.start > w.end) continue;
      const y0 = top + sp.lane * laneH + 4;
      const h = laneH - 8;
      const x0 = this.x(sp.start, w);
      const x1 = Math.max(this.x(sp.end, w), x0 + 2);
      const colour = theme.severity[sp.severity];
      if (sp.kind === 'gap') {
        ctx.globalAlpha = 0.22;
        ctx.fillStyle = colour;
        ctx.fillRect(x0, y0, x1 - x0, h);
        ctx.globalAlpha = 1;
        ctx.fillStyle = colour;
        ctx.fillRect(x0, y0, 2, h);
        if (!sp.open) ctx.fillRect(x1 - 2, y0, 2, h);
      } else {
        ctx.fillStyle = this.hatchPattern(ctx, colour) ?? colour;
        ctx.globalAlpha = this.hatch ? 1 : 0.2;
        ctx.fillRect(x0, y0, x1 - x0, h);
        ctx.globalAlpha = 1;
        ctx.strokeStyle = colour;
        ctx.lineWidth = 1.5;
        ctx.setLineDash([5, 3]);
        ctx.strokeRect(x0 + 0.75, y0 + 0.75, x1 - x0 - 1.5, h - 1.5);
        ctx.setLineDash([]);
      }
      this.addHit(x0, y0, x1, y0 + h, sp);
    }

    // Boot starts: a rule through everything, a flag in their row.
    for (const b of model.boots) {
      if (b.start < w.start || b.start > w.end) continue;
      const x = Math.round(this.x(b.start, w)) + 0.5;
      ctx.strokeStyle = theme.foreground;
      ctx.lineWidth = 2;
      ctx.beginPath();
      vline(ctx, x, annTop + 2, bottom);
      ctx.stroke();
      ctx.lineWidth = 1;
      ctx.font = `bold ${small}`;
      ctx.textAlign = 'left';
      const label = `↺ ${b.label}`;
      const tw = Math.min(ctx.measureText(label).width, 260);
      ctx.fillStyle = theme.foreground;
      ctx.fillRect(x - 1, annTop + 2, 4, GEOMETRY.bootRow - 4);
      fitText(ctx, label, x + 6, annTop + GEOMETRY.bootRow / 2, 260);
      this.addHit(x - 4, annTop, x + 8 + tw, annTop + GEOMETRY.bootRow, b);
      this.addHit(x - 4, annTop, x + 4, bottom, b);
    }

    // Marks, least severe first so errors stay on top (and win the hit test).
    const marks = model.marks;
    const first = lowerBound(marks, w.start - model.maxMarkLength);
    const pxPerUnit = this.plotWidth / (w.end - w.start);
    const lastT = w.end + 8 / pxPerUnit;
    const edge = theme.contrast || theme.background;
    for (const sev of SEVERITY_ORDER) {
      const colour = theme.severity[sev];
      for (let i = first; i < marks.length && marks[i].start <= lastT; i++) {
        const m = marks[i];
        if (m.severity !== sev || m.end < w.start - 8 / pxPerUnit) continue;
        const cy = top + m.lane * laneH + laneH / 2;
        const x0 = this.x(m.start, w);
        const x1 = this.x(m.end, w);
        if (x1 - x0 >= 10) {
          // A burst long enough to show its extent: a bar from first to last event.
          ctx.globalAlpha = 0.5;
          ctx.fillStyle = colour;
          roundRect(ctx, x0, cy - 5, x1 - x0, 10, 4);
          ctx.fill();
          ctx.globalAlpha = 1;
          ctx.strokeStyle = colour;
          ctx.lineWidth = 1;
          roundRect(ctx, x0 + 0.5, cy - 4.5, x1 - x0 - 1, 9, 4);
          ctx.stroke();
        }
        const r = m.count > 1 ? 6 : 5;
        shape(ctx, sev, x0, cy, r);
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.lineWidth = theme.highContrast ? 2 : 1.25;
        ctx.strokeStyle = edge;
        ctx.stroke();
        this.addHit(x0 - r, cy - r - 1, Math.max(x1, x0 + r), cy + r + 1, m);
      }
    }

    // Labels. Per lane: where mark shapes are (merged runs of x); span labels go in the first free
    // stretch of their span, sticking to the left edge while the span starts off screen; mark labels
    // follow their mark, cut where the next mark or a span label starts. Every label has a backing
    // box so it stays legible over tints and hatching.
    ctx.font = small;
    ctx.textAlign = 'left';
    const nLanes = model.lanes.length;
    const shapes = this.laneBuffers(this.shapeRuns, nLanes);
    const spanLabels = this.laneBuffers(this.spanLabelRuns, nLanes);
    const markLeft = (m: Item): number => this.x(m.start, w) - (m.count > 1 ? 7 : 6);
    const markRight = (m: Item): number => {
      const x0 = this.x(m.start, w);
      const x1 = this.x(m.end, w);
      return (x1 - x0 >= 10 ? x1 : x0) + (m.count > 1 ? 7 : 6);
    };
    for (let i = first; i < marks.length && marks[i].start <= lastT; i++) {
      const m = marks[i];
      if (m.end < w.start || m.lane < 0 || m.lane >= nLanes) continue;
      const a = markLeft(m);
      const b = markRight(m);
      const run = shapes[m.lane];
      if (run.length && a <= run[run.length - 1] + 2) run[run.length - 1] = Math.max(run[run.length - 1], b);
      else run.push(a, b);
    }
    for (const sp of model.spans) {
      if (sp.end < w.start || sp.start > w.end || sp.lane < 0 || sp.lane >= nLanes) continue;
      const text = sp.open ? `${sp.label} (to the end of the log)` : sp.label;
      const from = Math.max(this.x(sp.start, w), L) + 6;
      const to = Math.min(Math.max(this.x(sp.end, w), from), R) - 6;
      const spot = freeSpot(shapes[sp.lane], from, to, ctx.measureText(text).width, 40);
      if (!spot) continue;
      const cy = top + sp.lane * laneH + laneH / 2;
      const shown = labelBox(ctx, theme, text, spot[0], cy, spot[1], true);
      if (shown > 0) {
        spanLabels[sp.lane].push(spot[0] - 3, spot[0] + shown + 3);
        this.addHit(spot[0] - 3, cy - 8, spot[0] + shown + 3, cy + 8, sp);
      }
    }
    const pending: (Item | undefined)[] = this.pendingBuf;
    pending.length = nLanes;
    pending.fill(undefined);
    const flush = (m: Item, limit: number): void => {
      const start = markRight(m) + 3;
      let end = Math.min(limit, R, start + 420);
      const runs = spanLabels[m.lane];
      for (let k = 0; k < runs.length; k += 2) {
        if (start >= runs[k] - 4 && start <= runs[k + 1] + 4) return;
        if (runs[k] > start) end = Math.min(end, runs[k] - 6);
      }
      if (end - start < 30) return;
      const text = itemTitle(m);
      const cy = top + m.lane * laneH + laneH / 2;
      const shown = labelBox(ctx, theme, text, start, cy, end - start, false);
      if (shown > 0) this.addHit(start - 3, cy - 8, start + shown + 3, cy + 8, m);
    };
    for (let i = first; i < marks.length && marks[i].start <= lastT; i++) {
      const m = marks[i];
      if (m.end < w.start || m.lane < 0 || m.lane >= nLanes) continue;
      const prev = pending[m.lane];
      if (prev) flush(prev, markLeft(m) - 4);
      pending[m.lane] = m;
    }
    for (const m of pending) if (m) flush(m, R);

    // USB absences once more, over the marks, their bars and labels: a solid band along the top and
    // bottom of the lane and the edge rules, so an absence stays visible at every zoom however many
    // device events are drawn inside it.
    for (const sp of model.spans) {
      if (sp.kind !== 'gap' || sp.end < w.start || sp.start > w.end) continue;
      const y0 = top + sp.lane * laneH + 3;
      const h = laneH - 6;
      const x0 = this.x(sp.start, w);
      const x1 = Math.max(this.x(sp.end, w), x0 + 2);
      ctx.fillStyle = theme.severity[sp.severity];
      ctx.fillRect(x0, y0, x1 - x0, 3);
      ctx.fillRect(x0, y0 + h - 3, x1 - x0, 3);
      ctx.fillRect(x0, y0, 2, h);
      if (!sp.open) ctx.fillRect(x1 - 2, y0, 2, h);
    }

    // Focus ring for the item focused in the accessible list, and a lighter one on hover.
    for (const [key, dashed] of [[s.hoverKey, true], [s.focusKey, false]] as const) {
      if (!key) continue;
      const box = this.hitBox(key);
      if (!box) continue;
      ctx.strokeStyle = theme.focus;
      ctx.lineWidth = 2;
      ctx.setLineDash(dashed ? [3, 2] : []);
      ctx.strokeRect(box.x0 - 3, box.y0 - 3, box.x1 - box.x0 + 6, box.y1 - box.y0 + 6);
      ctx.setLineDash([]);
    }
    ctx.restore();

    // The editor cursor: a dashed rule with its line; an arrow at the edge when out of view.
    if (s.cursor) {
      const c = s.cursor;
      const x = this.x(c.t, w);
      ctx.font = `bold ${small}`;
      const label = `${c.exact ? '' : '≈ '}line ${c.line}`;
      const tw = ctx.measureText(label).width + 10;
      let bx: number;
      let text = label;
      if (x < L || x > R) {
        text = x < L ? `◀ ${label}` : `${label} ▶`;
        const tw2 = ctx.measureText(text).width + 10;
        bx = x < L ? L + 2 : R - tw2 - 2;
        drawTag(ctx, theme, text, bx, 1, tw2);
      } else {
        ctx.strokeStyle = theme.focus;
        ctx.lineWidth = 2;
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        vline(ctx, Math.round(x) + 0.5, GEOMETRY.axis, bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        bx = Math.min(Math.max(x - tw / 2, L), R - tw);
        drawTag(ctx, theme, text, bx, 1, tw);
      }
    }

    // Gutter labels last, over anything that bled left.
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, GEOMETRY.axis + 1, L - 1, bottom - GEOMETRY.axis - 1);
    ctx.textAlign = 'left';
    ctx.font = normal;
    ctx.fillStyle = theme.foreground;
    for (let i = 0; i < model.lanes.length; i++) {
      const y = top + i * laneH + laneH / 2;
      if (i % 2 === 1) {
        ctx.globalAlpha = 0.04;
        ctx.fillRect(0, top + i * laneH, L - 1, laneH);
        ctx.globalAlpha = 1;
      }
      fitText(ctx, model.lanes[i].label, 8, y, L - 16);
    }
    ctx.font = small;
    ctx.fillStyle = theme.muted;
    fitText(ctx, 'boots', 8, annTop + GEOMETRY.bootRow / 2, L - 16);
    fitText(ctx, 'episodes', 8, epTop + GEOMETRY.episodeRow / 2, L - 16);
  }

  private hatchPattern(ctx: CanvasRenderingContext2D, colour: string): CanvasPattern | null {
    if (this.hatch && this.hatchKey === colour) return this.hatch;
    const c = document.createElement('canvas');
    const size = Math.round(8 * this.dpr);
    c.width = size;
    c.height = size;
    const p = c.getContext('2d');
    if (!p) return null;
    p.strokeStyle = colour;
    p.globalAlpha = 0.55;
    p.lineWidth = 1.5 * this.dpr;
    p.beginPath();
    // Diagonal lines that tile seamlessly.
    p.moveTo(0, size);
    p.lineTo(size, 0);
    p.moveTo(-size / 2, size / 2);
    p.lineTo(size / 2, -size / 2);
    p.moveTo(size / 2, size * 1.5);
    p.lineTo(size * 1.5, size / 2);
    p.stroke();
    this.hatch = ctx.createPattern(c, 'repeat');
    this.hatch?.setTransform(new DOMMatrix().scale(1 / this.dpr));
    this.hatchKey = colour;
    return this.hatch;
  }

  private laneBuffers(buf: number[][], n: number): number[][] {
    for (let i = 0; i < n; i++) {
      if (!buf[i]) buf[i] = [];
      buf[i].length = 0;
    }
    return buf;
  }

  /** Forget cached theme-dependent resources (after a theme change). */
  themeChanged(): void {
    this.hatch = null;
    this.hatchKey = '';
  }

  // ---------------------------------------------------------------- density strip

  private drawStrip(s: DrawState): void {
    const { model, window: w, theme } = s;
    const ctx = this.sctx;
    const W = this.width;
    const H = GEOMETRY.strip;
    const L = this.plotLeft;
    const R = this.plotRight;
    const d = model.domain;
    const small = `${Math.round(theme.fontSize * 0.85)}px ${theme.font}`;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.globalAlpha = 1;
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, W, H);
    ctx.strokeStyle = theme.border;
    ctx.lineWidth = 1;
    ctx.strokeRect(L + 0.5, 0.5, R - L - 1, H - 1);
    ctx.font = small;
    ctx.fillStyle = theme.muted;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    fitText(ctx, 'whole log', 8, H / 2 - 7, L - 16);
    fitText(ctx, 'drag to select', 8, H / 2 + 8, L - 16);

    const dens = model.payload.density;
    const n = Math.min(dens.error.length, dens.warning.length, dens.info.length);
    const plotTop = 6;
    const plotH = H - 10;
    const base = H - 4;
    if (n > 0) {
      let max = 0;
      for (let i = 0; i < n; i++) max = Math.max(max, dens.error[i] + dens.warning[i] + dens.info[i]);
      // Square root: a 40-line burst does not flatten the single lines around it.
      const scale = max > 0 ? plotH / Math.sqrt(max) : 0;
      for (let i = 0; i < n; i++) {
        const total = dens.error[i] + dens.warning[i] + dens.info[i];
        if (total <= 0) continue;
        const x0 = this.x(dens.start + i * dens.width, d);
        const x1 = Math.max(this.x(dens.start + (i + 1) * dens.width, d), x0 + 1.5);
        const h = Math.max(2, Math.sqrt(total) * scale);
        // Stacked, errors at the bottom so they are never hidden.
        let y = base;
        for (const sev of ['error', 'warning', 'info'] as const) {
          const c = dens[sev][i];
          if (c <= 0) continue;
          const part = (h * c) / total;
          ctx.fillStyle = theme.severity[sev];
          ctx.fillRect(x0, y - part, x1 - x0, part);
          y -= part;
        }
      }
    }
    // Episodes as a line at the top, boots as rules.
    for (const ep of model.episodes) {
      const x0 = this.x(ep.start, d);
      ctx.fillStyle = theme.severity[ep.severity];
      ctx.fillRect(x0, 1, Math.max(this.x(ep.end, d) - x0, 2), 3);
    }
    ctx.fillStyle = theme.foreground;
    for (const b of model.boots) ctx.fillRect(Math.round(this.x(b.start, d)), plotTop - 4, 1.5, H - plotTop + 2);

    // The brushed window: everything outside is dimmed.
    let bx0 = this.x(w.start, d);
    let bx1 = this.x(w.end, d);
    if (bx1 - bx0 < 4) {
      const c = (bx0 + bx1) / 2;
      bx0 = c - 2;
      bx1 = c + 2;
    }
    ctx.globalAlpha = 0.6;
    ctx.fillStyle = theme.background;
    ctx.fillRect(L, 1, Math.max(0, bx0 - L), H - 2);
    ctx.fillRect(bx1, 1, Math.max(0, R - bx1), H - 2);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = theme.focus;
    ctx.lineWidth = 2;
    ctx.strokeRect(bx0 + 1, 1, bx1 - bx0 - 2, H - 2);
    ctx.fillStyle = theme.focus;
    ctx.fillRect(bx0, H / 2 - 7, 3, 14);
    ctx.fillRect(bx1 - 3, H / 2 - 7, 3, 14);

    if (s.cursor) {
      ctx.strokeStyle = theme.focus;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([3, 2]);
      ctx.beginPath();
      vline(ctx, Math.round(this.x(s.cursor.t, d)) + 0.5, 1, H - 1);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }
}

// ---------------------------------------------------------------- helpers

function hline(ctx: CanvasRenderingContext2D, x0: number, x1: number, y: number): void {
  ctx.moveTo(x0, Math.round(y) + 0.5);
  ctx.lineTo(x1, Math.round(y) + 0.5);
}

function vline(ctx: CanvasRenderingContext2D, x: number, y0: number, y1: number): void {
  ctx.moveTo(x, y0);
  ctx.lineTo(x, y1);
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, Math.max(w, 0), h, Math.min(r, w / 2, h / 2));
}

/** Severity has a shape as well as a colour: error diamond, warning triangle, info circle. */
function shape(ctx: CanvasRenderingContext2D, sev: MarkSeverity, x: number, y: number, r: number): void {
  ctx.beginPath();
  if (sev === 'error') {
    const q = r * 1.2;
    ctx.moveTo(x, y - q);
    ctx.lineTo(x + q, y);
    ctx.lineTo(x, y + q);
    ctx.lineTo(x - q, y);
    ctx.closePath();
  } else if (sev === 'warning') {
    const q = r * 1.15;
    ctx.moveTo(x, y - q);
    ctx.lineTo(x + q, y + q * 0.85);
    ctx.lineTo(x - q, y + q * 0.85);
    ctx.closePath();
  } else {
    ctx.arc(x, y, r * 0.9, 0, Math.PI * 2);
  }
}

function drawTag(ctx: CanvasRenderingContext2D, theme: Theme, text: string, x: number, y: number, w: number): void {
  ctx.fillStyle = theme.focus;
  roundRect(ctx, x, y, w, GEOMETRY.axis - 2, 3);
  ctx.fill();
  ctx.fillStyle = theme.background;
  ctx.textAlign = 'left';
  ctx.fillText(text, x + 5, y + (GEOMETRY.axis - 2) / 2);
}

function truncate(ctx: CanvasRenderingContext2D, raw: string, max: number): string {
  // Control characters from log lines would draw as boxes: show them as spaces.
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, ' ');
  if (ctx.measureText(text).width <= max) return text;
  const avg = ctx.measureText('abcdefghij').width / 10 || 6;
  let n = Math.max(0, Math.min(text.length - 1, Math.floor(max / avg)));
  while (n > 0 && ctx.measureText(`${text.slice(0, n)}…`).width > max) n--;
  return n > 0 ? `${text.slice(0, n)}…` : '';
}

function fitText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, max: number): void {
  if (max < 8) return;
  const shown = truncate(ctx, text, max);
  if (shown) ctx.fillText(shown, x, y);
}

/**
 * Where a label of width `want` fits between `from` and `to` without covering the runs (sorted flat
 * [x0, x1, ...]): the first stretch that takes it whole, else the widest one of at least `min`.
 */
function freeSpot(runs: number[], from: number, to: number, want: number, min: number): [number, number] | undefined {
  let best: [number, number] | undefined;
  let cursor = from;
  const consider = (end: number): boolean => {
    const room = Math.min(end, to) - cursor;
    if (room >= want) {
      best = [cursor, room];
      return true;
    }
    if (room >= min && (!best || room > best[1])) best = [cursor, room];
    return false;
  };
  for (let k = 0; k < runs.length && cursor < to; k += 2) {
    if (runs[k + 1] + 4 <= cursor) continue;
    if (runs[k] - 4 > cursor && consider(runs[k] - 4)) return best;
    cursor = Math.max(cursor, runs[k + 1] + 4);
  }
  if (cursor < to) consider(to);
  return best;
}

/** Text on a box of the background colour; returns the width drawn (0 when nothing fitted). */
function labelBox(ctx: CanvasRenderingContext2D, theme: Theme, text: string, x: number, cy: number, max: number, strong: boolean): number {
  const shown = truncate(ctx, text, max);
  if (!shown) return 0;
  const tw = ctx.measureText(shown).width;
  ctx.globalAlpha = strong ? 0.9 : 0.75;
  ctx.fillStyle = theme.background;
  ctx.fillRect(x - 3, cy - 8, tw + 6, 16);
  ctx.globalAlpha = 1;
  ctx.fillStyle = theme.foreground;
  ctx.fillText(shown, x, cy);
  return tw;
}

/** First index whose start is >= t (marks sorted by start). */
function lowerBound(items: Item[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
