import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_POOL, pickHighlightNames, type HighlightKind } from './names';

const css = readFileSync(join(import.meta.dirname, '../../entrypoints/content/highlights.css'), 'utf8');

/** The `::highlight()` names of each rule in the stylesheet, keyed by the rule's declarations. */
function namesByRule(): string[][] {
  return [...css.matchAll(/((?:::highlight\([^)]*\)\s*,?\s*)+)\{/g)].map((m) =>
    [...m[1]!.matchAll(/::highlight\(([^)]*)\)/g)].map((n) => n[1]!),
  );
}

describe('highlight names', () => {
  it('styles every name of the pool, one rule per kind, and nothing else', () => {
    const rules = namesByRule();
    const kinds = Object.keys(HIGHLIGHT_POOL) as HighlightKind[];
    expect(rules).toHaveLength(kinds.length);
    for (const kind of kinds) expect(rules).toContainEqual([...HIGHLIGHT_POOL[kind]]);
  });

  it('uses names that say nothing about Claimlens or a status, each in one kind only', () => {
    const all = Object.values(HIGHLIGHT_POOL).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const name of all) {
      expect(name).toMatch(/^[a-z][a-z0-9]+$/);
      expect(name).not.toMatch(/claim|lens|sourced|review|focus/);
    }
  });

  it('picks one name per kind from its own pool, differently from load to load', () => {
    const loads = Array.from({ length: 50 }, () => pickHighlightNames());
    for (const names of loads) {
      for (const kind of Object.keys(HIGHLIGHT_POOL) as HighlightKind[])
        expect(HIGHLIGHT_POOL[kind]).toContain(names[kind]);
    }
    expect(new Set(loads.map((n) => n.unsourced)).size).toBeGreaterThan(1);
    expect(pickHighlightNames(() => 0.9999999).focus).toBe(HIGHLIGHT_POOL.focus.at(-1));
  });
});
