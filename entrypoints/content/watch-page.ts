import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { settle } from './settle';
import { isOwnUi } from './shadow-host';

const SETTLE_MS = 800;
/** A page that never stops changing still gets a look this often (a ticker inside the article, a live clock). */
const SETTLE_MAX_MS = 3000;

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
  const changedSoon = settle(ctx, () => handlers.changed(), SETTLE_MS, SETTLE_MAX_MS);
  const observer = new MutationObserver((records) => {
    const relevant = records.some(
      (r) => !isOwnUi(r.target) && !(allOwnUi(r.addedNodes) && allOwnUi(r.removedNodes)) && handlers.concerns(r.target),
    );
    if (relevant) changedSoon();
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  watchLocation(ctx, handlers.navigated);
  ctx.onInvalidated(() => observer.disconnect());
}

/**
 * Delays (ms) at which the URL is compared after a navigation hint. Where the Navigation API exists, WXT fires
 * `wxt:locationchange` from the `navigate` event, before `location` holds the new URL; a history traversal in
 * Firefox 153 commits it several tasks later (on a loaded machine, after a `setTimeout(0)` has run), so a pass started
 * at once filed the restored story's claims under the URL being left.
 */
const HINT_CHECKS_MS = [0, 50, 250, 1000, 3000];

/**
 * Calls `navigated` when `location.href` really changes. WXT's event is only a hint: its name leaks to the page, which
 * can fire it at will, so it never starts a pass by itself, and hints arriving while a check series runs are folded
 * into it.
 */
export function watchLocation(
  ctx: Pick<ContentScriptContext, 'setTimeout' | 'addEventListener'>,
  navigated: () => void,
  currentHref: () => string = () => location.href,
): void {
  let href = currentHref();
  let checking = false;
  const changed = (): boolean => {
    if (currentHref() === href) return false;
    href = currentHref();
    navigated();
    return true;
  };
  const check = (step: number): void => {
    ctx.setTimeout(() => {
      if (changed() || step + 1 >= HINT_CHECKS_MS.length) checking = false;
      else check(step + 1);
    }, HINT_CHECKS_MS[step]!);
  };
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (checking) return;
    checking = true;
    check(0);
  });
}

// An index loop rather than a spread: NodeLists reach Firefox content scripts through Xray wrappers.
function allOwnUi(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) if (!isOwnUi(nodes[i]!)) return false;
  return true;
}
