/**
 * Calls `fn` once calls to `poke` have paused for `wait` ms, and at the latest `maxWait` ms after the first poke of a
 * burst: a page that touches its article every 10 ms (a ticker, a live clock) must not delay re-anchoring forever.
 */
export function settle(
  timers: { setTimeout(handler: () => void, ms: number): number },
  fn: () => void,
  wait: number,
  maxWait: number,
): () => void {
  let timer: number | undefined;
  let burstStart: number | undefined;
  const fire = () => {
    timer = undefined;
    burstStart = undefined;
    fn();
  };
  return () => {
    const now = Date.now();
    burstStart ??= now;
    if (timer !== undefined) clearTimeout(timer);
    timer = timers.setTimeout(fire, Math.max(0, Math.min(wait, burstStart + maxWait - now)));
  };
}
