// The on-device encoder end to end: an extension page sends `claims:score` to the background, which scores in the
// offscreen document (Chromium) or in its own event page (Firefox) with the packaged model and wasm. Timings are
// printed for the benchmark table, never asserted.
import { expect } from 'vitest';
import type { BrowserDriver, PageDriver } from './driver.ts';

export const ENCODER_SENTENCES = [
  'Unemployment fell to 3.9% last year, the statistics office said.',
  'I love this song.',
  'The new bridge will cost $2.4 billion, twice the original estimate, according to the transport ministry.',
];

type Reply = { ok: true; scores: number[]; ms: number } | { ok: false; error: string; ms: number };

/** Sends one message in @webext-core/messaging's format from an extension page; the reply and how long it took. */
const scoreScript = (texts: string[]) => `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const started = performance.now();
  const reply = await api.runtime.sendMessage({ id: 1, type: 'claims:score', data: { texts: ${JSON.stringify(texts)} }, timestamp: Date.now() });
  const ms = performance.now() - started;
  if (!reply) return { ok: false, error: 'no reply', ms };
  if (reply.err) return { ok: false, error: String(reply.err.message ?? reply.err), ms };
  return { ok: true, scores: reply.res.scores, ms };
})()`;

/** Chromium: close the offscreen document, so the next request has to make a new one and load the model. */
const closeOffscreenScript = `(async () => {
  if (!globalThis.chrome?.offscreen) return false;
  if (await chrome.offscreen.hasDocument()) await chrome.offscreen.closeDocument();
  return true;
})()`;

async function score(page: PageDriver, texts: string[]): Promise<number[]> {
  const reply = await page.evaluate<Reply>(scoreScript(texts));
  if (!reply.ok) throw new Error(`claims:score failed: ${reply.error}`);
  return reply.scores;
}

export async function runEncoderScenario(driver: BrowserDriver): Promise<void> {
  const page = await driver.openExtensionPage('sidepanel.html');
  const timings: Record<string, number> = {};

  // Cold: in Chromium no offscreen document and a stopped worker; in Firefox the first request since launch.
  if (driver.name === 'chromium') {
    await page.evaluate(closeOffscreenScript);
    await driver.serviceWorker?.stop();
  }
  const cold = await page.evaluate<Reply>(scoreScript(ENCODER_SENTENCES));
  if (!cold.ok) throw new Error(`claims:score failed: ${cold.error}`);
  timings.coldMs = cold.ms;
  const [claim, chatter, claim2] = cold.scores;
  expect(cold.scores, 'three probabilities').toHaveLength(3);
  for (const p of cold.scores) {
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  }
  expect(claim, `"${ENCODER_SENTENCES[0]}" above "${ENCODER_SENTENCES[1]}"`).toBeGreaterThan(chatter!);
  expect(claim2, `"${ENCODER_SENTENCES[2]}" above "${ENCODER_SENTENCES[1]}"`).toBeGreaterThan(chatter!);

  // Chromium: the worker stops again, the offscreen document stays; the same texts get the same scores.
  if (driver.name === 'chromium') {
    await driver.serviceWorker?.stop();
    const restarted = await page.evaluate<Reply>(scoreScript(ENCODER_SENTENCES));
    if (!restarted.ok) throw new Error(`claims:score after a worker restart failed: ${restarted.error}`);
    timings.workerRestartMs = restarted.ms;
    expect(restarted.scores).toEqual(cold.scores);
  }

  // Warm: 100 sentences.
  const hundred = Array.from({ length: 100 }, (_, i) => `${ENCODER_SENTENCES[i % 3]} (${i})`);
  const warm = await page.evaluate<Reply>(scoreScript(hundred));
  if (!warm.ok) throw new Error(`claims:score of 100 sentences failed: ${warm.error}`);
  timings.warm100Ms = warm.ms;
  expect(warm.scores).toHaveLength(100);

  // Bounds: too many texts, or a text too long, is refused with the reason; nothing is scored.
  const tooMany = await page.evaluate<Reply>(scoreScript(Array.from({ length: 401 }, () => 'x')));
  expect(tooMany.ok ? 'scored' : tooMany.error).toMatch(/more than 400 texts/);
  const tooLong = await page.evaluate<Reply>(scoreScript(['x'.repeat(2001)]));
  expect(tooLong.ok ? 'scored' : tooLong.error).toMatch(/longer than 2000 characters/);
  expect(await score(page, [])).toEqual([]);

  console.log(
    `[encoder ${driver.name}] ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])))}`,
  );
  await page.close();
}
