import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** How often the script checks that the extension is still there (an update or a reload removes it). */
const ALIVE_CHECK_MS = 5000;

/**
 * Keeps page scripts from ending the content script. WXT stops an older copy of a script when a newer one dispatches
 * `<extension id>:<entrypoint>:wxt:content-script-started` on the document; the page can dispatch that event too (in
 * Firefox the id is fixed, so the name is predictable), and one forged event cleared every highlight. A capturing
 * listener on `window` runs before WXT's listener on `document` and swallows the event: the script now ends only when
 * the extension context goes away, which `ctx.isValid` notices on the periodic check below.
 */
export function guardAgainstPageShutdown(ctx: ContentScriptContext, entrypoint: string | undefined): void {
  const name = `${browser?.runtime?.id}:${entrypoint}:wxt:content-script-started`;
  ctx.addEventListener(window, name, (event) => event.stopImmediatePropagation(), { capture: true });
  // The wrapped interval reads `ctx.isValid`, which invalidates the context once `browser.runtime.id` is gone.
  ctx.setInterval(() => {}, ALIVE_CHECK_MS);
}
