import { browser } from 'wxt/browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { guardAgainstPageShutdown } from './page-proof-context';

/** What a hostile page does: the event WXT listens for, with a made-up script id. */
function forgeScriptStarted(entrypoint: string | undefined): void {
  const name = `${browser.runtime.id}:${entrypoint}:wxt:content-script-started`;
  document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'page' } }));
}

describe('guardAgainstPageShutdown', () => {
  beforeEach(() => fakeBrowser.reset());

  it('an unguarded WXT context ends on a forged event (the attack the guard stops)', () => {
    const ctx = new ContentScriptContext('content');
    forgeScriptStarted(import.meta.env.ENTRYPOINT);
    expect(ctx.isValid).toBe(false);
  });

  it('a guarded context survives forged events', () => {
    const ctx = new ContentScriptContext('content');
    guardAgainstPageShutdown(ctx, import.meta.env.ENTRYPOINT);
    for (let i = 0; i < 5; i++) forgeScriptStarted(import.meta.env.ENTRYPOINT);
    expect(ctx.isValid).toBe(true);
    ctx.abort('test over');
  });
});
