import { describe, expect, it, vi } from 'vitest';
import { serialRun } from './serial-run';

describe('serialRun', () => {
  it('runs one at a time and coalesces requests made during a run into one more', async () => {
    const releases: Array<() => void> = [];
    let runs = 0;
    const runner = serialRun(() => {
      runs += 1;
      return new Promise<void>((resolve) => releases.push(resolve));
    });
    runner.request();
    runner.request();
    runner.request();
    expect(runs).toBe(1);
    expect(runner.isRunning()).toBe(true);
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    expect(runner.isRunning()).toBe(false);
  });

  it('keeps going after a failed run and stops when it may no longer run', async () => {
    let runs = 0;
    let allowed = true;
    const runner = serialRun(
      async () => {
        runs += 1;
        allowed = false;
        throw new Error('page went away');
      },
      () => allowed,
    );
    runner.request();
    runner.request();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(1);
    expect(runner.isRunning()).toBe(false);
  });

  it('tells a run that the page asked for another one meanwhile (its results are stale)', async () => {
    const seen: boolean[] = [];
    let release = () => {};
    const runner = serialRun(async () => {
      await new Promise<void>((resolve) => (release = resolve));
      seen.push(runner.isQueued());
    });
    runner.request();
    expect(runner.isQueued()).toBe(false);
    runner.request();
    expect(runner.isQueued()).toBe(true);
    release();
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    release();
    await vi.waitFor(() => expect(seen).toEqual([true, false]));
  });
});
