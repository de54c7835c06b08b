import { describe, expect, it } from 'vitest';
import { findingMode } from './sensitivity';

describe('sensitivity', () => {
  it('turns finding off globally or per site', () => {
    expect(findingMode({ autoFind: true, quietSites: [] }, 'a.example')).toBe('on');
    expect(findingMode({ autoFind: true, quietSites: ['a.example'] }, 'a.example')).toBe('off-for-site');
    expect(findingMode({ autoFind: false, quietSites: [] }, 'a.example')).toBe('off');
  });
});
