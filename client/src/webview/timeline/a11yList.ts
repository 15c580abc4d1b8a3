/// <reference lib="dom" />
// The keyboard and screen-reader face of the timeline: the items in the visible window as real
// buttons, bounded to the most severe ones so a zoomed-out view of a long log stays light. Buttons
// are created once and reused (pooled); their text is set with textContent and their name with
// aria-label, so log text is never parsed as HTML.
import { formatTime } from './format';
import { itemAriaLabel, itemTitle, laneLabel, type Item, type Model, type Window } from './model';

export const LIST_LIMIT = 200;

interface Row {
  li: HTMLLIElement;
  button: HTMLButtonElement;
  sev: HTMLSpanElement;
  time: HTMLSpanElement;
  lane: HTMLSpanElement;
  label: HTMLSpanElement;
  line: HTMLSpanElement;
  key: string;
}

const GLYPH: Record<string, string> = { error: '◆', warning: '▲', info: '●', gap: '▭', silence: '▨', episode: '▬', boot: '↺' };

export class AccessibleList {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly note: HTMLParagraphElement;
  private readonly rows: Row[] = [];
  private used = 0;
  private signature = '';
  private byButton = new WeakMap<HTMLButtonElement, Item>();
  /** Visible items in the last update (before the bound). */
  visibleCount = 0;

  constructor(private readonly onActivate: (item: Item) => void, private readonly onFocusItem: (key: string | undefined) => void) {
    this.element = el('section', 'tl-list');
    this.element.setAttribute('aria-labelledby', 'tl-list-title');
    const h = el('h2', 'tl-list-title');
    h.id = 'tl-list-title';
    h.textContent = 'In view';
    this.note = el('p', 'tl-list-note');
    this.note.id = 'tl-list-note';
    this.list = el('ul', 'tl-items');
    this.list.setAttribute('aria-describedby', 'tl-list-note');
    this.element.append(h, this.note, this.list);

    this.list.addEventListener('click', (e) => {
      const b = (e.target as Element | null)?.closest('button.tl-item') as HTMLButtonElement | null;
      const item = b ? this.byButton.get(b) : undefined;
      if (item) this.onActivate(item);
    });
    this.list.addEventListener('focusin', (e) => {
      const b = (e.target as Element | null)?.closest('button.tl-item') as HTMLButtonElement | null;
      this.onFocusItem(b ? this.byButton.get(b)?.key : undefined);
    });
    this.list.addEventListener('focusout', (e) => {
      if (!this.list.contains(e.relatedTarget as Node | null)) this.onFocusItem(undefined);
    });
    // Up and down move between buttons; Enter and Space are the buttons' own (they click).
    this.list.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const i = this.rows.findIndex((r) => r.button === document.activeElement);
      if (i < 0) return;
      const j = e.key === 'ArrowDown' ? Math.min(i + 1, this.used - 1) : Math.max(i - 1, 0);
      this.rows[j].button.focus();
      e.preventDefault();
      e.stopPropagation();
    });
  }

  /** Fill the list with the items of the window: the most severe first kept, shown in time order. */
  update(model: Model | undefined, w: Window | undefined): void {
    const visible: Item[] = [];
    if (model && w) {
      for (const it of model.all) if (it.start <= w.end && it.end >= w.start) visible.push(it);
    }
    this.visibleCount = visible.length;
    let shown = visible;
    if (visible.length > LIST_LIMIT) {
      shown = visible.sort((a, b) => b.rank - a.rank || a.start - b.start).slice(0, LIST_LIMIT);
    }
    shown.sort((a, b) => a.start - b.start || (a.lane - b.lane) || a.line - b.line);
    this.note.textContent = !model
      ? 'Nothing to show yet.'
      : visible.length === 0
        ? 'Nothing in this window. Zoom out (−) or reset (0).'
        : visible.length > shown.length
          ? `${visible.length} items in view; the ${shown.length} most severe are listed. Zoom in to list the others.`
          : `${visible.length} item${visible.length === 1 ? '' : 's'} in view. Enter or Space shows the line in the log.`;
    const signature = shown.map((it) => it.key).join(',');
    if (signature === this.signature && model) return;
    this.signature = signature;

    const active = document.activeElement as HTMLButtonElement | null;
    const focusedKey = active && this.list.contains(active) ? this.byButton.get(active)?.key : undefined;
    for (let i = 0; i < shown.length; i++) this.fill(this.row(i), model!, shown[i]);
    for (let i = shown.length; i < this.used; i++) this.rows[i].li.hidden = true;
    this.used = shown.length;
    if (focusedKey) this.rows.slice(0, this.used).find((r) => r.key === focusedKey)?.button.focus();
  }

  buttons(): HTMLButtonElement[] {
    return this.rows.slice(0, this.used).map((r) => r.button);
  }

  private row(i: number): Row {
    let r = this.rows[i];
    if (!r) {
      const li = el('li', 'tl-row');
      const button = el('button', 'tl-item');
      button.type = 'button';
      const sev = el('span', 'tl-item-sev');
      sev.setAttribute('aria-hidden', 'true');
      const time = el('span', 'tl-item-time');
      const lane = el('span', 'tl-item-lane');
      const label = el('span', 'tl-item-label');
      const line = el('span', 'tl-item-line');
      button.append(sev, time, lane, label, line);
      li.append(button);
      this.list.append(li);
      r = this.rows[i] = { li, button, sev, time, lane, label, line, key: '' };
    }
    r.li.hidden = false;
    return r;
  }

  private fill(r: Row, model: Model, it: Item): void {
    r.key = it.key;
    this.byButton.set(r.button, it);
    r.button.className = `tl-item sev-${it.severity} kind-${it.kind}`;
    r.button.dataset.key = it.key;
    r.button.dataset.line = String(it.line);
    r.button.setAttribute('aria-label', itemAriaLabel(model, it));
    r.sev.textContent = GLYPH[it.kind === 'mark' ? it.severity : it.kind] ?? '●';
    r.time.textContent = formatTime(model.clock, it.start);
    r.lane.textContent = laneLabel(model, it);
    r.label.textContent = itemTitle(it);
    r.line.textContent = `line ${it.line}`;
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}
