import { describe, expect, it } from 'vitest';
import { CLAIM_THRESHOLD } from './score';
import { findingMode, thresholdFor } from './sensitivity';

describe('sensitivity', () => {
  it('orders thresholds: more claims means a lower bar', () => {
    expect(thresholdFor('more')).toBeLessThan(thresholdFor('balanced'));
    expect(thresholdFor('balanced')).toBe(CLAIM_THRESHOLD);
    expect(thresholdFor('fewer')).toBeGreaterThan(thresholdFor('balanced'));
  });

  it('turns finding off globally or per site', () => {
    expect(findingMode({ autoFind: true, quietSites: [] }, 'a.example')).toBe('on');
    expect(findingMode({ autoFind: true, quietSites: ['a.example'] }, 'a.example')).toBe('off-for-site');
    expect(findingMode({ autoFind: false, quietSites: [] }, 'a.example')).toBe('off');
  });
});
