import { describe, expect, it } from 'vitest';
import { attempt, messageOf, type Notice } from './notice';

describe('attempt', () => {
  it('returns what the action returns and reports nothing', async () => {
    const reported: Notice[] = [];
    expect(
      await attempt(
        async () => 42,
        (n) => reported.push(n),
        'Not saved',
      ),
    ).toBe(42);
    expect(reported).toEqual([]);
  });

  it("turns a failure into one error notice with the area's words, and returns undefined", async () => {
    const reported: Notice[] = [];
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    expect(
      await attempt(
        async () => {
          throw quota;
        },
        (n) => reported.push(n),
        'Not saved',
      ),
    ).toBeUndefined();
    expect(reported).toEqual([{ kind: 'error', message: `Not saved: ${messageOf(quota)}` }]);
    expect(reported[0]!.message).toMatch(/no storage space left/);
  });
});
