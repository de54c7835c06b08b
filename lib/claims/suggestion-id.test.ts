import { describe, expect, it } from 'vitest';
import { suggestionId } from './suggestion-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('suggestionId', () => {
  it('is a UUID, the same for the same sentence on the same page', () => {
    const id = suggestionId('https://a.example/', 'Fees reach $210,000.', 0);
    expect(id).toMatch(UUID);
    expect(suggestionId('https://a.example/', 'Fees reach $210,000.', 0)).toBe(id);
  });

  it('differs by page, text and repeat', () => {
    const ids = new Set([
      suggestionId('https://a.example/', 'Fees reach $210,000.', 0),
      suggestionId('https://b.example/', 'Fees reach $210,000.', 0),
      suggestionId('https://a.example/', 'Fees reach $210,001.', 0),
      suggestionId('https://a.example/', 'Fees reach $210,000.', 1),
    ]);
    expect(ids.size).toBe(4);
    for (const id of ids) expect(id).toMatch(UUID);
  });
});
