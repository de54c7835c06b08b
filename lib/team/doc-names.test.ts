import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { articleDocName, isTeamId, sha256Hex, teamIndexDocName, teamOfDocName } from './doc-names';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto on every length around the block edges and on non-ASCII text', () => {
    for (let n = 0; n <= 130; n++) {
      const text = 'a'.repeat(n);
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
    for (const text of ['https://example.org/ünïcode?q=€', '日本語の記事', '😀 emoji', 'x'.repeat(100_000)]) {
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });
});

describe('document names', () => {
  it('names an article by its team and the hash of its normalised URL', () => {
    const url = 'https://www.example.org/news/2024/story';
    expect(articleDocName('newsroom', url)).toBe(`newsroom/article/${nodeSha256(url)}`);
    expect(articleDocName('newsroom', url)).toBe(articleDocName('newsroom', url));
    expect(articleDocName('newsroom', url)).not.toBe(articleDocName('newsroom', `${url}/2`));
    expect(articleDocName('other-team', url)).not.toBe(articleDocName('newsroom', url));
  });

  it('names the team index', () => {
    expect(teamIndexDocName('desk-7')).toBe('desk-7/index');
  });

  it('refuses a team id that is not lower-case letters, digits and hyphens, 1 to 64 long', () => {
    for (const bad of ['', 'Team', 'a/b', 'a b', '../x', 'x'.repeat(65), 'é']) {
      expect(isTeamId(bad)).toBe(false);
      expect(() => teamIndexDocName(bad)).toThrow(/Not a team id/);
      expect(() => articleDocName(bad, 'https://example.org/')).toThrow(/Not a team id/);
    }
    expect(isTeamId('x'.repeat(64))).toBe(true);
  });

  it('reads the team back from a document name', () => {
    expect(teamOfDocName('newsroom/index')).toBe('newsroom');
    expect(teamOfDocName(articleDocName('a-1', 'https://example.org/'))).toBe('a-1');
    for (const bad of ['newsroom', 'newsroom/', '/index', 'News/index', '']) {
      expect(teamOfDocName(bad)).toBeUndefined();
    }
  });
});
