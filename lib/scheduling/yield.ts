/**
 * Gives the event loop a turn (input, rendering, the page's own tasks) and resumes as soon as it can. `scheduler.yield`
 * (Chrome) resumes first; elsewhere a message round trip, because nested `setTimeout(0)` is clamped to 4 ms by
 * browsers: after a few slices every yield waited 4 ms, however short the slices, which added most of a second to a
 * 10,000-claim export and tens of milliseconds to the content script's first highlights.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
