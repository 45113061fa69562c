/**
 * Safe element helpers. Everything is built with createElement and text nodes: a string child is
 * always text, never markup, so a unit named `<img src=x onerror=alert(1)>` shows as those
 * characters. Inline event-handler attributes and script URLs are refused outright.
 */

export type Child = Node | string | number | null | undefined | false;

/** Attributes and a few properties; `on` holds event listeners. */
export interface Props {
  [attr: string]: string | number | boolean | null | undefined | Record<string, EventListener> | ((el: HTMLElement) => void);
}

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

/** True for URLs the sidebar may link to: https, http and same-page anchors only. */
export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed.startsWith('#')) return true;
  return /^https?:\/\//i.test(trimmed);
}

/** Sets one attribute; refuses inline handlers and unsafe URLs. */
export function setAttr(el: Element, name: string, value: string | number | boolean | null | undefined): void {
  const key = name.toLowerCase();
  if (key.startsWith('on')) throw new Error(`Inline handler "${name}" is not allowed`);
  if (key === 'style' || key === 'srcdoc') throw new Error(`Attribute "${name}" is not allowed`);
  if (value === null || value === undefined || value === false) {
    el.removeAttribute(name);
    return;
  }
  const text = value === true ? '' : String(value);
  if (URL_ATTRS.has(key) && !isSafeUrl(text)) throw new Error(`Unsafe URL in "${name}"`);
  el.setAttribute(name, text);
}

/**
 * Creates an element with attributes and children.
 * @example h('button', { type: 'button', class: 'primary', on: { click: go } }, 'Tính điểm')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  if (tag === ('script' as K) || tag === ('iframe' as K) || tag === ('object' as K) || tag === ('embed' as K)) {
    throw new Error(`Element <${tag}> is not allowed`);
  }
  const el = document.createElement(tag);
  if (props) {
    for (const [name, value] of Object.entries(props)) {
      if (name === 'on') {
        for (const [event, listener] of Object.entries(value as Record<string, EventListener>)) el.addEventListener(event, listener);
      } else if (name === 'ref') {
        (value as (el: HTMLElement) => void)(el);
      } else if (name === 'disabled' || name === 'checked' || name === 'hidden' || name === 'required' || name === 'selected') {
        (el as unknown as Record<string, boolean>)[name] = Boolean(value);
      } else if (name === 'value') {
        (el as unknown as { value: string }).value = value === null || value === undefined ? '' : String(value);
      } else {
        setAttr(el, name === 'class' ? 'class' : name, value as string | number | boolean | null | undefined);
      }
    }
  }
  append(el, ...children);
  return el;
}

/** Appends children; strings and numbers become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces all children. */
export function setChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

let idCounter = 0;
/** A unique id for label / aria links. */
export function uid(prefix = 'el'): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
