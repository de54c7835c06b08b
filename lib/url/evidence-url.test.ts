import { describe, expect, it } from 'vitest';
import { parseEvidenceUrl, siteLabel } from './evidence-url';

describe('parseEvidenceUrl', () => {
  it('accepts http(s) addresses and adds https to a bare domain', () => {
    expect(parseEvidenceUrl(' https://www.sec.gov/filing?id=3 ')).toEqual({
      ok: true,
      url: 'https://www.sec.gov/filing?id=3',
    });
    expect(parseEvidenceUrl('reuters.com/article/x')).toEqual({ ok: true, url: 'https://reuters.com/article/x' });
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'file:///etc/passwd',
    'ftp://a.example/',
    '',
    'not a url',
    'intranet',
  ])('refuses %j with a message', (input) => {
    const result = parseEvidenceUrl(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.length).toBeGreaterThan(10);
  });

  it('labels a link by its site', () => {
    expect(siteLabel('https://www.reuters.com/a/b')).toBe('reuters.com');
  });
});
