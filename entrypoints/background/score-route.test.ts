import { describe, expect, it, vi } from 'vitest';
import { MAX_SCORE_TEXT_LENGTH, MAX_SCORE_TEXTS, parseMessage, scoreRequest } from '@/lib/messaging/validate';
import { createScoreHandler, offscreenBackend, OFFSCREEN_PATH } from './score-route';

const page = { id: 'ext', url: 'https://news.example/a', tab: { id: 3, url: 'https://news.example/a' } };
const fakeBackend = async (texts: string[]) => texts.map((text) => text.length / 100);

describe('claims:score validation', () => {
  it('accepts up to the bounds', () => {
    const texts = Array.from({ length: MAX_SCORE_TEXTS }, () => 'x'.repeat(MAX_SCORE_TEXT_LENGTH));
    expect(parseMessage(scoreRequest, { texts }).texts).toHaveLength(MAX_SCORE_TEXTS);
    expect(parseMessage(scoreRequest, { texts: [] }).texts).toEqual([]);
  });

  it('refuses more texts, longer texts and non-strings, saying why', () => {
    expect(() => parseMessage(scoreRequest, { texts: Array.from({ length: MAX_SCORE_TEXTS + 1 }, () => 'x') })).toThrow(
      /texts has more than 400 texts/,
    );
    expect(() => parseMessage(scoreRequest, { texts: ['ok', 'x'.repeat(MAX_SCORE_TEXT_LENGTH + 1)] })).toThrow(
      /texts\.1 is longer than 2000 characters/,
    );
    expect(() => parseMessage(scoreRequest, { texts: [1] })).toThrow(/Invalid message: texts\.0/);
    expect(() => parseMessage(scoreRequest, 'texts')).toThrow(/Invalid message/);
  });
});

describe('claims:score handler', () => {
  it('answers one score per text, in order', async () => {
    const handler = createScoreHandler('ext', fakeBackend);
    expect(await handler({ texts: ['ab', 'abcd'] }, page)).toEqual({ scores: [0.02, 0.04] });
  });

  it('asks the backend nothing for nothing, and nothing for a refused request', async () => {
    const backend = vi.fn(fakeBackend);
    const handler = createScoreHandler('ext', backend);
    expect(await handler({ texts: [] }, page)).toEqual({ scores: [] });
    await expect(handler({ texts: ['x'] }, { ...page, id: 'other' })).rejects.toThrow(/another extension/);
    await expect(handler({ texts: 'x' }, page)).rejects.toThrow(/Invalid message/);
    expect(backend).not.toHaveBeenCalled();
  });

  it('fails when the backend loses texts', async () => {
    const handler = createScoreHandler('ext', async () => [0.5]);
    await expect(handler({ texts: ['a', 'b'] }, page)).rejects.toThrow(/1 scores for 2 texts/);
  });
});

describe('offscreen backend (Chrome)', () => {
  function fakeOffscreen() {
    let open = false;
    return {
      created: 0,
      close() {
        open = false;
      },
      async hasDocument() {
        return open;
      },
      async createDocument(parameters: { url: string; reasons: string[] }) {
        expect(parameters.url).toBe(OFFSCREEN_PATH);
        expect(parameters.reasons).toEqual(['WORKERS', 'DOM_PARSER']);
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (open) throw new Error('Only a single offscreen document may be created.');
        this.created++;
        open = true;
      },
    };
  }

  it('creates the document once for concurrent requests, reuses it, and recreates it once closed', async () => {
    const offscreen = fakeOffscreen();
    const backend = offscreenBackend(offscreen, async (texts) => ({ scores: await fakeBackend(texts) }));
    expect(await Promise.all([backend(['a']), backend(['bb'])])).toEqual([[0.01], [0.02]]);
    expect(offscreen.created).toBe(1);
    await backend(['c']);
    expect(offscreen.created).toBe(1);
    offscreen.close();
    expect(await backend(['ddd'])).toEqual([0.03]);
    expect(offscreen.created).toBe(2);
  });

  it('a worker restarted while another made the document uses that one', async () => {
    const offscreen = fakeOffscreen();
    const send = async (texts: string[]) => ({ scores: await fakeBackend(texts) });
    const [a, b] = [offscreenBackend(offscreen, send), offscreenBackend(offscreen, send)];
    expect(await Promise.all([a(['a']), b(['b'])])).toEqual([[0.01], [0.01]]);
    expect(offscreen.created).toBe(1);
  });
});
