import { UI_ATTRIBUTE } from '@/lib/anchoring/text-index';

/**
 * A host for Claimlens UI on the page: a closed shadow root keeps page styles out and page scripts from poking in,
 * and the marker attribute keeps it out of the page text that claims are found and anchored in. The host is in the
 * document only while it is shown (`placeHost` adds it, `hideHost` takes it out): a page that looks for it learns
 * nothing until the reader uses it.
 */
export function createShadowHost(name: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('claimlens-ui');
  host.setAttribute(UI_ATTRIBUTE, name);
  host.style.cssText = 'all: initial; position: absolute; top: 0; left: 0; z-index: 2147483647; display: none;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

export const isOwnUi = (node: Node | null): boolean => {
  const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return Boolean(el?.closest(`[${UI_ATTRIBUTE}]`));
};

/** Places a host at page coordinates (scrolling with the page), adding it to the document if it is not there. */
export function placeHost(host: HTMLElement, left: number, top: number): void {
  host.style.left = `${Math.max(4, left + window.scrollX)}px`;
  host.style.top = `${Math.max(4, top + window.scrollY)}px`;
  host.style.display = 'block';
  if (!host.isConnected) document.documentElement.append(host);
}

/** Takes a host out of the document until it is shown again. */
export function hideHost(host: HTMLElement): void {
  host.style.display = 'none';
  host.remove();
}
