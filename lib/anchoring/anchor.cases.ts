/**
 * Shared cases for describe and anchor, run under happy-dom (anchor.test.ts) and jsdom (anchor.jsdom.test.ts),
 * through the module's entry (index.ts), whose cached text index must notice every change of the page.
 */
import { expect, it } from 'vitest';
import { anchorAll, anchorSelectors, describeRange } from './index';
import { buildTextIndex } from './text-index';
import type { TextQuoteSelector } from './types';

const ARTICLE =
  '<h1>Budget row</h1><p>The minister said the budget grew by 4% last year.</p>' +
  '<p>Critics said the budget shrank. They cited <a href="#">official figures</a> from March.</p>';

function page(html = ARTICLE) {
  document.body.innerHTML = html;
  return document.body;
}

function rangeOf(root: HTMLElement, quote: string) {
  const index = buildTextIndex(root, { checkInlineStyle: true });
  const at = index.text.indexOf(quote);
  return index.toRange(at, at + quote.length)!;
}

export function anchorCases() {
  it('describes a range with quote, context and position', () => {
    const root = page();
    const [quote, position] = describeRange(root, rangeOf(root, 'the budget grew by 4%'));
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'the budget grew by 4%',
      prefix: 'Budget row\nThe minister said ',
      suffix: ' last year.\nCritics said the bud',
    });
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
    page(
      `<p>Correction: an earlier version misnamed the minister.</p>${ARTICLE.replace('budget shrank', 'budget\n      shrank')}`,
    );
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
    const lists = ['Budget row', 'official figures', 'said the budget shrank'].map((q) =>
      describeRange(root, rangeOf(root, q)),
    );
    expect(anchorAll(root, lists).map((r) => r?.toString())).toEqual([
      'Budget row',
      'official figures',
      'said the budget shrank',
    ]);
  });

  it('sees an edit made after an earlier call read the page', () => {
    const root = page();
    const selectors = describeRange(root, rangeOf(root, 'the budget grew by 4% last year'));
    expect(anchorSelectors(root, selectors)?.toString()).toBe('the budget grew by 4% last year');
    // Same nodes, new text: only a characterData change tells the cached index it is out of date.
    const text = [...root.querySelectorAll('p')][0]!.firstChild as Text;
    text.data = text.data.replace('the budget grew by 4% last year', 'nothing');
    expect(anchorSelectors(root, selectors)).toBeNull();
    text.data = 'The minister said the budget grew by 4% last year.';
    root.querySelector('h1')!.setAttribute('hidden', '');
    expect(anchorSelectors(root, selectors)?.toString()).toBe('the budget grew by 4% last year');
    expect(describeRange(root, rangeOf(root, 'the budget grew'))[0]).toMatchObject({ prefix: 'The minister said ' });
  });

  it('leaves out text hidden by an inline style', () => {
    const root = page(`<div style="display: none">Critics said the budget shrank.</div>${ARTICLE}`);
    const selectors = describeRange(root, rangeOf(root, 'Critics said the budget shrank'));
    expect((selectors[0] as TextQuoteSelector).prefix).toBe('he budget grew by 4% last year.\n');
    page(`<div style="display:none">Critics said the budget shrank.</div>${ARTICLE.replace(/<p>Critics.*<\/p>/, '')}`);
    expect(anchorSelectors(document.body, selectors)).toBeNull();
  });
}
