/**
 * Runs `task` one at a time: a request while it runs asks for exactly one more run afterwards, however many requests
 * came (a page that mutates in bursts gets one follow-up pass, not a queue of them).
 */
export function serialRun(task: () => Promise<void>, canRun: () => boolean = () => true) {
  let running = false;
  let again = false;
  const request = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    task()
      .catch((error: unknown) => console.warn('Claimlens:', error))
      .finally(() => {
        running = false;
        if (again && canRun()) {
          again = false;
          request();
        }
      });
  };
  /** Whether another run was requested while this one runs: its results are stale, the next run starts over. */
  const isQueued = () => again;
  return { request, isRunning: () => running, isQueued };
}
