import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseSavedPage, runHtml } from './claims-html';

const PAGE = `<!doctype html><html lang="en"><head><script>document.title = 'ran'; fetch('https://example.com/')</script>
  <link rel="stylesheet" href="https://example.com/style.css"></head><body>
  <nav><a href="/">Home</a> <a href="/news">News</a></nav>
  <article><div class="entry-content">
    <p>The city council approved a budget of $4.2 billion on Tuesday, raising school spending by 8 percent, the mayor said.</p>
    <p>“This is the largest investment in our schools in 20 years,” Mayor Ana Ruiz told reporters after the vote.</p>
    <p>Critics say the plan, which relies on a new tax on
       property sales, would push rents higher across the region.</p>
    <p>The weather was pleasant and many people came to watch the long meeting in the hall.</p>
  </div></article><script src="https://example.com/app.js"></script></body></html>`;

describe('parseSavedPage', () => {
  it('parses the page without running its scripts', async () => {
    const page = parseSavedPage(PAGE);
    expect(page.document.querySelectorAll('p')).toHaveLength(4);
    expect(page.document.title).not.toBe('ran');
    await page.close();
  });
});

describe('runHtml', () => {
  let dir: string;
  let out: string[];
  let err: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claims-html-'));
    out = [];
    err = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
    process.exitCode = undefined;
  });

  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
    process.exitCode = undefined;
  });

  it('prints one claim a line as score, cues and one-line text', async () => {
    const path = join(dir, 'page.html');
    writeFileSync(path, PAGE);
    await runHtml(path);
    const lines = out.join('').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const [score, cues, text, ...rest] = line.split('\t');
      expect(rest).toEqual([]);
      expect(score).toMatch(/^(0|1)\.\d{3}$/);
      expect(cues).toMatch(/^[a-z-]*(,[a-z-]+)*$/);
      expect(text).not.toMatch(/\s{2}|\n/);
      expect(PAGE.replace(/\s+/g, ' ')).toContain(text!.slice(0, 30));
    }
    expect(lines.some((l) => l.includes('$4.2 billion'))).toBe(true);
    expect(process.exitCode).toBeUndefined();
  });

  it('says so and exits with 1 for a missing file', async () => {
    await runHtml(join(dir, 'missing.html'));
    expect(err.join('')).toMatch(/cannot read the page .*missing\.html: no such file/);
    expect(out).toEqual([]);
    expect(process.exitCode).toBe(1);
  });

  it('says so and exits with 1 for a path that is not a readable file', async () => {
    await runHtml(dir);
    expect(err.join('')).toMatch(/cannot read the page/);
    expect(process.exitCode).toBe(1);
  });
});
