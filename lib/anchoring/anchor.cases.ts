/** Shared cases for describe and anchor, run under happy-dom (anchor.test.ts) and jsdom (anchor.jsdom.test.ts). */
import { expect, it } from 'vitest';
import { anchorAll, anchorSelectors } from './anchor';
import { describeRange } from './describe';
import { buildTextIndex } from './text-index';
import type { TextQuoteSelector } from './types';

const ARTICLE = '<h1>Budget row</h1><p>The minister said the budget grew by 4% last year.</p>'
  + '<p>Critics said the budget shrank. They cited <a href="#">official figures</a> from March.</p>';

function page(html = ARTICLE) {
  document.body.innerHTML = html;
  return document.body;
}

function rangeOf(root: HTMLElement, quote: string) {
  const index = buildTextIndex(root);
  const at = index.text.indexOf(quote);
  return index.toRange(at, at + quote.length)!;
}

export function anchorCases() {
  it('describes a range with quote, context and position', () => {
    const root = page();
    const [quote, position] = describeRange(root, rangeOf(root, 'the budget grew by 4%'));
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'the budget grew by 4%', prefix: 'Budget row\nThe minister said ', suffix: ' last year.\nCritics said the bud' });
    expect(position).toMatchObject({ type: 'TextPositionSelector', end: (position as { start: number }).start + 21 });
  });

  it('anchors on an unchanged page and across inline elements', () => {
    const root = page();
    const selectors = describeRange(root, rangeOf(root, 'cited official figures from'));
    expect(anchorSelectors(root, selectors)?.toString()).toBe('cited official figures from');
  });

  it('survives inserted paragraphs and re-indented whitespace', () => {
    const root = page();
    const selectors = describeRange(root, rangeOf(root, 'said the budget shrank'));
    page(`<p>Correction: an earlier version misnamed the minister.</p>${ARTICLE.replace('budget shrank', 'budget\n      shrank')}`);
    expect(anchorSelectors(document.body, selectors)?.toString()).toBe('said the budget\n      shrank');
  });

  it('follows a corrected typo and orphans a deleted quote', () => {
    const root = page();
    const selectors = describeRange(root, rangeOf(root, 'the budget grew by 4% last year'));
    page(ARTICLE.replace('budget grew', 'budgte grew'));
    expect(anchorSelectors(document.body, selectors)?.toString()).toBe('the budgte grew by 4% last year');
    page(ARTICLE.replace('the budget grew by 4% last year', 'nothing'));
    expect(anchorSelectors(document.body, selectors)).toBeNull();
  });

  it('does not trust a position whose text changed', () => {
    const root = page();
    const selectors = describeRange(root, rangeOf(root, 'said the budget grew'));
    (selectors[0] as TextQuoteSelector).exact = 'an entirely different claim';
    expect(anchorSelectors(root, selectors)).toBeNull();
  });

  it('anchors many claims with one index', () => {
    const root = page();
    const lists = ['Budget row', 'official figures', 'said the budget shrank'].map((q) => describeRange(root, rangeOf(root, q)));
    expect(anchorAll(root, lists).map((r) => r?.toString())).toEqual(['Budget row', 'official figures', 'said the budget shrank']);
  });
}
