/** Small DOM helpers for the dashboard. */

/** Creates an element with attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Shows a message in an error box. */
export function showError(box: HTMLElement, message: string): void {
  box.replaceChildren(el('strong', {}, ['Error: ']), message);
  box.hidden = false;
}
