import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowHost, hideHost, isOwnUi, placeHost } from './shadow-host';

const CSS = `
button {
  font: 600 13px/1 system-ui, sans-serif; color: #fff; background: #2f5fd0; border: 0; border-radius: 6px;
  padding: 7px 10px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.25); cursor: pointer;
}
button:focus-visible { outline: 2px solid #fff; outline-offset: -4px; }
.error { background: #b3261e; }
`;

/**
 * The small "Mark as claim" button that appears under a text selection. It never takes focus from the selection;
 * the keyboard shortcut and the context menu do the same for readers who don't use a mouse.
 */
export function mountSelectionButton(ctx: ContentScriptContext, onMark: () => Promise<boolean>): void {
  const { host, root } = createShadowHost('selection-button', CSS);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Mark as claim';
  root.append(button);
  const hide = () => {
    hideHost(host);
    button.className = '';
    button.textContent = 'Mark as claim';
  };

  button.addEventListener('mousedown', (event) => event.preventDefault()); // keep the page selection alive
  button.addEventListener('click', () => void markSelection());
  async function markSelection(): Promise<void> {
    const marked = await onMark().catch(() => false);
    if (marked) return hide();
    button.className = 'error';
    button.textContent = 'Could not save this claim';
  }

  const update = () => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount || !selection.toString().trim()) return hide();
    const range = selection.getRangeAt(0);
    if (isOwnUi(range.commonAncestorContainer) || !document.body?.contains(range.commonAncestorContainer))
      return hide();
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    placeHost(host, last.right - 100, last.bottom + 6);
  };
  ctx.addEventListener(document, 'mouseup', (event) => {
    if (!isOwnUi(event.target as Node)) ctx.setTimeout(update, 0);
  });
  ctx.addEventListener(document, 'keyup', (event) => {
    if ((event as KeyboardEvent).shiftKey) update();
  });
  ctx.addEventListener(document, 'selectionchange', () => {
    if (document.getSelection()?.isCollapsed) hide();
  });
  ctx.onInvalidated(() => host.remove());
}
