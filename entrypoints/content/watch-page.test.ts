import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLocation } from './watch-page';

/** The two context methods watchLocation uses, backed by the window's own timers and events. */
const ctx = {
  setTimeout: (handler: () => void, timeout?: number) => window.setTimeout(handler, timeout),
  addEventListener: (target: Window, type: string, handler: () => void) => target.addEventListener(type, handler),
} as unknown as Parameters<typeof watchLocation>[0];

const hint = () => window.dispatchEvent(new CustomEvent('wxt:locationchange'));

describe('watchLocation', () => {
  let href: string;
  let navigated: ReturnType<typeof vi.fn<() => void>>;

  beforeEach(() => {
    vi.useFakeTimers();
    href = 'https://news.example/story-1';
    navigated = vi.fn<() => void>();
  });
  afterEach(() => vi.useRealTimers());

  it('ignores hints the page forges while the URL stays the same', () => {
    watchLocation(ctx, navigated, () => href);
    for (let i = 0; i < 40; i++) hint();
    vi.runAllTimers();
    expect(navigated).not.toHaveBeenCalled();
  });

  it('waits for a traversal to commit its URL after the hint', () => {
    watchLocation(ctx, navigated, () => href);
    hint();
    vi.advanceTimersByTime(60);
    expect(navigated).not.toHaveBeenCalled();
    href = 'https://news.example/story-2';
    vi.runAllTimers();
    expect(navigated).toHaveBeenCalledTimes(1);
  });

  it('folds a burst of hints for one navigation into one call', () => {
    watchLocation(ctx, navigated, () => href);
    href = 'https://news.example/story-2';
    for (let i = 0; i < 40; i++) hint();
    vi.runAllTimers();
    expect(navigated).toHaveBeenCalledTimes(1);
  });

  it('reports each real navigation', () => {
    watchLocation(ctx, navigated, () => href);
    href = 'https://news.example/story-2';
    hint();
    vi.runAllTimers();
    href = 'https://news.example/story-1';
    hint();
    vi.runAllTimers();
    expect(navigated).toHaveBeenCalledTimes(2);
  });
});
