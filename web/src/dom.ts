/**
 * A tiny element builder. Member data is always set as text (never as HTML), so a
 * name or a reason that contains markup is shown as written and cannot run.
 */
import { formatScore } from './i18n.ts';

export type Child = Node | string | number | null | undefined | false;
export type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/** A score in [0, 1] as a horizontal bar with its value, readable by screen readers. */
export function scoreBar(label: string, value: number | null, unknownText: string, className = '', shownValue?: string): HTMLElement {
  const known = value !== null && Number.isFinite(value);
  const bar = h('div', {
    class: `bar ${className}`,
    role: 'meter',
    'aria-label': label,
    'aria-valuemin': 0,
    'aria-valuemax': 1,
    'aria-valuenow': known ? value : null,
    'aria-valuetext': known ? (shownValue ?? formatScore(value)) : unknownText,
  });
  const fill = h('span', { class: known ? 'fill' : 'fill unknown' });
  fill.style.width = `${Math.round((known ? value : 0) * 100)}%`;
  bar.append(fill);
  return h('div', { class: 'bar-row' }, h('span', { class: 'bar-label' }, label), bar, h('span', { class: 'bar-value' }, known ? (shownValue ?? formatScore(value)) : unknownText));
}
