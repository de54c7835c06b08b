import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle } from './settle';

const timers = { setTimeout: (handler: () => void, ms: number) => window.setTimeout(handler, ms) };

describe('settle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once a burst pauses', () => {
    const fn = vi.fn();
    const poke = settle(timers, fn, 800, 3000);
    poke();
    vi.advanceTimersByTime(500);
    poke();
    vi.advanceTimersByTime(799);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('fires at the latest maxWait after the first poke, however often the page changes', () => {
    const fn = vi.fn();
    const poke = settle(timers, fn, 800, 3000);
    for (let t = 0; t < 10_000; t += 10) {
      poke();
      vi.advanceTimersByTime(10);
    }
    // A page changing every 10 ms for 10 s: a pass at least every 3 s, never zero.
    expect(fn.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(fn.mock.calls.length).toBeLessThanOrEqual(4);
  });
});
