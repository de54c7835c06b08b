import { describe, expect, it } from 'vitest';
import { Highlighter, type HighlightEnv } from './highlighter';
import { pickHighlightNames } from './names';

const HIGHLIGHT_NAMES = pickHighlightNames(() => 0);
import { claimAtPoint } from './hit-test';

function fakeEnv() {
  const registry = new Map<string, Range[]>();
  const env: HighlightEnv = {
    registry: {
      set: (name, h) => registry.set(name, h as unknown as Range[]),
      delete: (name) => registry.delete(name),
    },
    createHighlight: (ranges) => ranges as unknown as Highlight,
  };
  return { env, registry };
}

function rangeOf(node: Node, start: number, end: number) {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return range;
}

describe('Highlighter', () => {
  it('paints one highlight per status and removes empty ones', () => {
    document.body.innerHTML = '<p>One claim. Two claims.</p>';
    const text = document.body.querySelector('p')!.firstChild!;
    const { env, registry } = fakeEnv();
    const highlighter = new Highlighter(env, HIGHLIGHT_NAMES);
    highlighter.paint({ unreviewed: [rangeOf(text, 0, 10)], unsourced: [rangeOf(text, 11, 22)] });
    expect([...registry.keys()].sort()).toEqual([HIGHLIGHT_NAMES.unreviewed, HIGHLIGHT_NAMES.unsourced]);
    highlighter.paint({ sourced: [rangeOf(text, 0, 10)] });
    expect([...registry.keys()]).toEqual([HIGHLIGHT_NAMES.sourced]);
  });

  it('leaves no highlight behind when cleared', () => {
    document.body.innerHTML = '<p>Text</p>';
    const { env, registry } = fakeEnv();
    const highlighter = new Highlighter(env, HIGHLIGHT_NAMES);
    highlighter.paint({ unreviewed: [rangeOf(document.body.querySelector('p')!.firstChild!, 0, 4)] });
    highlighter.focus(rangeOf(document.body.querySelector('p')!.firstChild!, 0, 4));
    highlighter.clear();
    expect(registry.size).toBe(0);
  });
});

describe('claimAtPoint', () => {
  it('finds the claim whose range holds the point', () => {
    document.body.innerHTML = '<p>First claim. Second claim.</p>';
    const text = document.body.querySelector('p')!.firstChild!;
    const claims: Array<[string, Range]> = [
      ['a', rangeOf(text, 0, 12)],
      ['b', rangeOf(text, 13, 26)],
    ];
    expect(claimAtPoint(claims, text, 3)).toBe('a');
    expect(claimAtPoint(claims, text, 20)).toBe('b');
    expect(claimAtPoint(claims, document.body, 0)).toBeNull();
  });
});

describe('highlightsAtPoint', () => {
  it('answers from the browser hit test when there is one, else says it does not know', async () => {
    const { highlightsAtPoint } = await import('./hit-test');
    const ours = {} as Highlight;
    const other = {} as Highlight;
    const registry = {
      get: (name: string) => (name === 'claimlens-sourced' ? ours : undefined),
      highlightsFromPoint: (x: number) => (x < 10 ? [{ highlight: ours }] : [{ highlight: other }]),
    } as unknown as HighlightRegistry;
    expect(highlightsAtPoint(registry, ['claimlens-sourced'], 5, 5)).toBe(true);
    expect(highlightsAtPoint(registry, ['claimlens-sourced'], 50, 5)).toBe(false);
    expect(
      highlightsAtPoint({ get: () => undefined } as unknown as HighlightRegistry, ['claimlens-sourced'], 5, 5),
    ).toBeNull();
    expect(highlightsAtPoint(undefined, ['claimlens-sourced'], 5, 5)).toBeNull();
  });
});
