import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isOwnUi } from './shadow-host';

const SETTLE_MS = 800;

/**
 * Tells the annotator when the page may hold different text: DOM changes (edits, re-renders, infinite scroll), once
 * they settle, and single-page-app navigations. Changes inside Claimlens' own UI are not the page's.
 */
export interface PageWatch {
  changed(): void;
  navigated(): void;
  /** Whether a change under this node can move the article or a claim (ads rotating in a sidebar cannot). */
  concerns(node: Node): boolean;
}

export function watchPage(ctx: ContentScriptContext, handlers: PageWatch): void {
  let timer: number | undefined;
  const observer = new MutationObserver((records) => {
    const relevant = records.some(
      (r) => !isOwnUi(r.target) && !(allOwnUi(r.addedNodes) && allOwnUi(r.removedNodes)) && handlers.concerns(r.target),
    );
    if (!relevant) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      timer = undefined;
      handlers.changed();
    }, SETTLE_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  // Where the Navigation API exists (Chromium), WXT fires this from the `navigate` event, before `location` holds the
  // new URL: acting at once would file the new page's claims under the old URL. A task later the URL has committed.
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(() => handlers.navigated(), 0));
  ctx.onInvalidated(() => observer.disconnect());
}

// An index loop rather than a spread: NodeLists reach Firefox content scripts through Xray wrappers.
function allOwnUi(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) if (!isOwnUi(nodes[i]!)) return false;
  return true;
}
