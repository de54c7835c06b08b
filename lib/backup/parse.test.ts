import { describe, expect, it } from 'vitest';
import { parseBackup, parseBackupBytes } from './parse';
import { sampleClaim, samplePage, samplePages } from './sample-data';
import { serializeBackup } from './serialize';

const exportedAt = new Date(Date.UTC(2024, 5, 1, 12));
const good = serializeBackup(samplePages(4, 20, 2), exportedAt);

/** A parsed backup file, to be broken on purpose: any shape goes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EditableFile = any;

/** The good file with one change made to its parsed JSON. */
function edited(change: (file: EditableFile) => void): string {
  const file = JSON.parse(good);
  change(file);
  return JSON.stringify(file);
}

function error(text: string, options?: { maxBytes?: number; maxClaims?: number }) {
  const result = parseBackup(text, options);
  if (result.ok) throw new Error('expected the file to be refused');
  return result;
}

describe('parseBackup', () => {
  it('reads a good file and counts what it holds', () => {
    const result = parseBackup(`\uFEFF${good}`);
    expect(result.ok && result.counts).toEqual({
      pages: 4,
      claims: 20,
      byStatus: expect.objectContaining({ unreviewed: expect.any(Number) }),
    });
  });

  it('accepts fields it does not know and fills in the optional page fields', () => {
    const result = parseBackup(
      edited((f) => {
        f.generator = 'Claimlens 2.0';
        f.pages[0].favourite = true;
        f.pages[0].claims[0].colour = 'red';
        delete f.pages[0].firstVisit;
        delete f.pages[0].lastVisit;
        delete f.pages[0].counts;
      }),
    );
    if (!result.ok) throw new Error(result.error);
    const { page, claims } = result.pages[0]!;
    expect(page.firstVisit).toBe(Math.min(...claims.map((c) => c.createdAt)));
    expect(page.lastVisit).toBe(Math.max(...claims.map((c) => c.updatedAt)));
    expect(page.counts.unreviewed + page.counts.sourced + page.counts.unsourced).toBe(claims.length);
    expect(claims[0]).not.toHaveProperty('colour');
  });

  it('says a cut-short file is truncated, and where', () => {
    for (const cut of [good.slice(0, good.length / 2), good.slice(0, 1), good.slice(0, good.lastIndexOf('"'))]) {
      const result = error(cut);
      expect(result.problem).toBe('truncated');
      expect(result.error).toMatch(/cut short/);
    }
    expect(error(good.slice(0, 200)).error).toMatch(/line \d+, column \d+/);
  });

  it('tells damaged JSON and other files apart', () => {
    expect(error('').problem).toBe('empty');
    expect(error('  \n').error).toMatch(/empty/);
    expect(error('%PDF-1.7 ...')).toMatchObject({
      problem: 'not-json',
      error: expect.stringMatching(/not JSON.*%PDF/),
    });
    const damaged = error(good.replace('"pages": [', '"pages": [,'));
    expect(damaged).toMatchObject({
      problem: 'not-json',
      error: expect.stringMatching(/not valid JSON at line 5, column/),
    });
  });

  it('refuses other formats and says what the file is', () => {
    expect(error('[1, 2]').error).toMatch(/not a Claimlens backup/);
    expect(error('{"format": "hypothesis-export"}').error).toMatch(/format is "hypothesis-export"/);
    expect(error('{"pages": []}').error).toMatch(/no "format"/);
    expect(error('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}').error).toMatch(
      /JSON-LD export/,
    );
  });

  it('refuses a backup from a newer Claimlens with the advice to update', () => {
    const result = error(
      edited((f) => {
        f.version = 2;
      }),
    );
    expect(result.problem).toBe('future-version');
    expect(result.error).toMatch(/made by a newer Claimlens \(version 2\); update the extension/);
    expect(
      error(
        edited((f) => {
          f.version = '1';
        }),
      ).error,
    ).toBe('version: expected 1, got "1".');
  });

  it('states a claim limit: more claims are refused before the schema is checked', () => {
    expect(error(good, { maxClaims: 19 })).toMatchObject({
      problem: 'too-many',
      error: 'The file holds 20 claims, more than the 19 one import takes. Import a backup of fewer claims.',
    });
    expect(parseBackup(good, { maxClaims: 20 }).ok).toBe(true);
    // Counted before the schema: a file both too big and broken says it is too big.
    expect(
      error(
        edited((f) => {
          f.pages[0].claims[0].status = 'maybe';
        }),
        { maxClaims: 10 },
      ).problem,
    ).toBe('too-many');
  });

  it('refuses an oversized file before parsing it', () => {
    expect(error(good, { maxBytes: 1000 })).toMatchObject({
      problem: 'too-large',
      error: expect.stringMatching(/more than the 1 KB/),
    });
    // Counted in UTF-8 bytes, not characters.
    const wide = serializeBackup([samplePage([sampleClaim({ note: 'é'.repeat(600) })])], exportedAt);
    expect(parseBackup(wide, { maxBytes: wide.length + 100 }).ok).toBe(false);
    expect(parseBackup(wide, { maxBytes: wide.length + 700 }).ok).toBe(true);
  });

  it.each([
    [
      'a status it does not know',
      (f: EditableFile) => {
        f.pages[3].claims[2].status = 'maybe';
      },
      'pages[3].claims[2].status: expected one of unreviewed, sourced, unsourced, got "maybe"',
    ],
    [
      'a missing field',
      (f: EditableFile) => {
        delete f.pages[1].claims[0].note;
      },
      'pages[1].claims[0].note: missing (expected text)',
    ],
    [
      'a wrong type',
      (f: EditableFile) => {
        f.pages[0].title = 42;
      },
      'pages[0].title: expected text, got 42',
    ],
    [
      'a date that is not ISO-8601',
      (f: EditableFile) => {
        f.pages[2].claims[1].updatedAt = '01/02/2024';
      },
      'pages[2].claims[1].updatedAt: expected a date and time such as 2024-05-01T09:30:00.000Z, got "01/02/2024"',
    ],
    [
      'a script as evidence',
      (f: EditableFile) => {
        f.pages[0].claims[0].evidence = [{ url: 'javascript:alert(1)' }];
      },
      'pages[0].claims[0].evidence[0].url: not a web link: only http and https links are kept as evidence: "javascript:alert(1)"',
    ],
    [
      'an unknown selector',
      (f: EditableFile) => {
        f.pages[0].claims[0].selectors[1] = { type: 'XPathSelector' };
      },
      'pages[0].claims[0].selectors[1].type: expected a type of TextQuoteSelector or TextPositionSelector, got "XPathSelector"',
    ],
    [
      'a backwards position',
      (f: EditableFile) => {
        f.pages[0].claims[0].selectors[1].end = 0;
      },
      'pages[0].claims[0].selectors[1].end: end comes before start',
    ],
    [
      'an empty quote',
      (f: EditableFile) => {
        f.pages[0].claims[0].exact = '';
      },
      'pages[0].claims[0].exact: must not be empty',
    ],
    [
      'a relative page URL',
      (f: EditableFile) => {
        f.pages[0].url = '/news/1';
      },
      'pages[0].url: expected an http or https address such as https://example.com/article: "/news/1"',
    ],
    [
      'a data: page URL',
      (f: EditableFile) => {
        f.pages[0].url = 'data:text/html,<script>alert(1)</script>';
      },
      'pages[0].url: expected an http or https address such as https://example.com/article: "data:text/html,<script>alert(1)</script>"',
    ],
    [
      'a file: page URL',
      (f: EditableFile) => {
        f.pages[0].url = 'file:///etc/passwd';
      },
      'pages[0].url: expected an http or https address such as https://example.com/article: "file:///etc/passwd"',
    ],
    [
      'a javascript: page URL',
      (f: EditableFile) => {
        f.pages[0].url = 'javascript:alert(1)';
      },
      'pages[0].url: expected an http or https address such as https://example.com/article: "javascript:alert(1)"',
    ],
    [
      'pages that are not a list',
      (f: EditableFile) => {
        f.pages = {};
      },
      'pages: expected a list, got an object',
    ],
  ])('names the first bad path for %s', (_, change, message) => {
    expect(error(edited(change))).toEqual({ ok: false, problem: 'invalid', error: message });
  });

  it('counts the problems after the first', () => {
    const result = error(
      edited((f) => {
        for (const c of f.pages[0].claims) c.status = 'x';
      }),
    );
    expect(result.error).toMatch(/^pages\[0\]\.claims\[0\]\.status: .* \(and 4 more problems\)$/);
  });

  it('refuses duplicate claim ids and pages, which import could not merge', () => {
    expect(
      error(
        edited((f) => {
          f.pages[2].claims[3].id = f.pages[0].claims[1].id;
        }),
      ).error,
    ).toMatch(/^pages\[2\]\.claims\[3\]\.id: duplicate claim id ".*" \(also at pages\[0\]\.claims\[1\]\)$/);
    expect(
      error(
        edited((f) => {
          f.pages[0].dismissed = [{ id: 'd', exact: 'x', createdAt: '2024-01-01T00:00:00.000Z' }];
          f.pages[1].dismissed = [{ id: 'd', exact: 'y', createdAt: '2024-01-01T00:00:00.000Z' }];
        }),
      ).error,
    ).toBe('pages[1].dismissed[0].id: duplicate dismissal id "d" (also at pages[0].dismissed[0])');
    expect(
      error(
        edited((f) => {
          f.pages[1].url = f.pages[0].url;
        }),
      ).error,
    ).toMatch(/^pages\[1\]\.url: the page ".*" is already in pages\[0\]$/);
  });

  it('never throws, whatever the input', () => {
    const inputs = [
      'null',
      '0',
      '"x"',
      'true',
      '{}',
      '{"format":"claimlens-backup"}',
      '{"format":"claimlens-backup","version":1}',
      '{"format":"claimlens-backup","version":1,"exportedAt":"x","pages":null}',
      '{"format":"claimlens-backup","version":1e400}',
      '{"__proto__":{"format":"claimlens-backup"}}',
      '\u0000',
      '[[[[[',
    ];
    for (const input of inputs) expect(parseBackup(input).ok, input).toBe(false);
  });
});

describe('parseBackupBytes', () => {
  it('reads UTF-8 bytes and refuses compressed or binary files', () => {
    expect(parseBackupBytes(new TextEncoder().encode(good)).ok).toBe(true);
    expect(parseBackupBytes(Uint8Array.from([0x1f, 0x8b, 8, 0]))).toMatchObject({
      problem: 'not-text',
      error: expect.stringMatching(/compressed/),
    });
    expect(parseBackupBytes(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]))).toMatchObject({ problem: 'not-text' });
    expect(parseBackupBytes(new Uint8Array(2000), { maxBytes: 1000 })).toMatchObject({ problem: 'too-large' });
  });
});
