import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

const startAnnotator = vi.fn();
vi.mock('./annotator', () => ({ startAnnotator }));

const { default: contentScript } = await import('./index');

/** Lets the script's deferred start run: its yield (a message round trip here) and the promise steps after it. */
const afterYield = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the content script entry', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    startAnnotator.mockClear();
  });

  it('starts the annotator in a task after its own, timed from the script start', async () => {
    const ctx = new ContentScriptContext('content');
    const before = performance.now();
    void contentScript.main(ctx);
    expect(startAnnotator).not.toHaveBeenCalled();
    await afterYield();
    expect(startAnnotator).toHaveBeenCalledTimes(1);
    const [givenCtx, startedAt] = startAnnotator.mock.calls[0]!;
    expect(givenCtx).toBe(ctx);
    expect(startedAt).toBeGreaterThanOrEqual(before);
    expect(startedAt).toBeLessThanOrEqual(performance.now());
    ctx.abort('test over');
  });

  it('does not start once the extension context is gone', async () => {
    const ctx = new ContentScriptContext('content');
    void contentScript.main(ctx);
    ctx.abort('extension reloaded');
    await afterYield();
    expect(startAnnotator).not.toHaveBeenCalled();
  });
});
