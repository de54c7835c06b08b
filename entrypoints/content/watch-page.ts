import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isOwnUi } from './shadow-host';

const SETTLE_MS = 800;

/**
 * Tells the annotator when the page may hold different text: DOM changes (edits, re-renders, infinite scroll), once
 * they settle, and single-page-app navigations. Changes inside Claimlens' own UI are not the page's.
 */
export function watchPage(ctx: ContentScriptContext, handlers: { changed(): void; navigated(): void }): void {
  let timer: number | undefined;
  const observer = new MutationObserver((records) => {
    if (records.every((r) => isOwnUi(r.target) || (allOwnUi(r.addedNodes) && allOwnUi(r.removedNodes)))) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      timer = undefined;
      handlers.changed();
    }, SETTLE_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.addEventListener(window, 'wxt:locationchange', () => handlers.navigated());
  ctx.onInvalidated(() => observer.disconnect());
}

// An index loop rather than a spread: NodeLists reach Firefox content scripts through Xray wrappers.
function allOwnUi(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) if (!isOwnUi(nodes[i]!)) return false;
  return true;
}
