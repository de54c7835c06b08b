import { describe, expect, it } from 'vitest';
import { prefixScore, suffixScore } from './context-score';
import { errorBudget, matchQuote } from './match-quote';
import { foldSelectorText, foldText } from './normalize';

const text = 'The minister said the budget grew by 4% last year. Critics said the budget shrank. The end.';
const ctx = (quote: string, at = text.indexOf(quote)) => ({
  prefix: text.slice(Math.max(0, at - 32), at),
  suffix: text.slice(at + quote.length, at + quote.length + 32),
  hint: at,
});

describe('matchQuote', () => {
  it('ranks repeated quotes by their context', () => {
    const second = text.indexOf('said the budget', 20);
    expect(matchQuote(text, 'said the budget', ctx('said the budget', second))?.start).toBe(second);
    expect(matchQuote(text, 'said the budget', ctx('said the budget'))?.start).toBe(text.indexOf('said the budget'));
  });

  it('finds a quote whose typo was corrected, on the corrected span', () => {
    const c = ctx('the budget grew by 4% last year');
    const edited = text.replace('the budget grew', 'the budgte grew');
    const m = matchQuote(edited, 'the budget grew by 4% last year', c);
    expect(m && edited.slice(m.start, m.end)).toBe('the budgte grew by 4% last year');
  });

  it('returns null for a deleted quote rather than a look-alike', () => {
    const c = ctx('the budget grew by 4% last year');
    const deleted = text.replace('the budget grew by 4% last year', '');
    expect(matchQuote(deleted, 'the budget grew by 4% last year', c)).toBeNull();
  });

  it('returns null for a common quote that lost its context', () => {
    expect(
      matchQuote('Something else entirely. said the budget. More.', 'said the budget', ctx('said the budget')),
    ).toBeNull();
  });

  // The cases below are the corpus pages' former wrong anchors (tests/anchoring-robustness.test.ts), reduced.
  it('does not take a restated heading for the deleted body sentence, or the other way round', () => {
    const page =
      "Apple ships next year, which makes it easiest to judge the Vision Pro on what won't change.\n" +
      "It's easiest to judge the Vision Pro on what won't change\nApple's goal for the Vision Pro is simple.";
    const heading = page.indexOf("It's easiest");
    const quote = 'easiest to judge the Vision';
    const at = page.indexOf(quote, heading);
    const c = {
      prefix: page.slice(at - 32, at),
      suffix: page.slice(at + quote.length, at + quote.length + 32),
      hint: at,
    };
    const withoutHeading = page.slice(0, heading) + page.slice(page.indexOf('\n', heading) + 1);
    // The suffix is still verbatim next to the body sentence, but the text before it, inside its own line, is not
    // the heading's "It's ".
    expect(
      matchQuote(foldText(withoutHeading), foldText(quote), {
        ...c,
        prefix: foldText(c.prefix),
        suffix: foldText(c.suffix),
        rawPrefix: c.prefix,
        rawSuffix: c.suffix,
      }),
    ).toBeNull();
  });

  it('does not move an edited quote far away on one side of context alone', () => {
    const caption =
      "A new Bill would require telecommunications service providers to store so-called 'metadata' for two years.";
    const body =
      'The Bill would require telecommunications service providers to store so-called "metadata" - the who, where.';
    const quote = "providers to store so-called 'metadata'";
    const at = caption.indexOf(quote);
    const c = {
      prefix: caption.slice(at - 32, at),
      suffix: caption.slice(at + quote.length, at + quote.length + 32),
      hint: at,
    };
    const filler = 'Unrelated words fill the page between the caption and the story. '.repeat(20);
    // The caption deleted: the body's copy differs by two characters and shares only the prefix.
    expect(matchQuote(`${filler}${body}`, quote, c)).toBeNull();
    // In place, the same edit is a corrected typo.
    const edited = caption.replace("'metadata'", '"metadata"');
    expect(matchQuote(edited, quote, c)).toMatchObject({ start: at, errors: 2 });
  });

  it('orphans low-information quotes unless both sides agree, in place or on the only such copy', () => {
    const code = 'rekt: { list: [ list: [ list: [ ] list: [ ] list: [ ] ... ] ... ] ... }\nThe root of the object.';
    const quote = '] list: [ ] list:';
    const at = code.indexOf(quote);
    const c = {
      prefix: code.slice(Math.max(0, at - 32), at),
      suffix: code.slice(at + quote.length, at + quote.length + 32),
      hint: at,
    };
    expect(matchQuote(code, quote, c)?.start).toBe(at);
    // Moved by a paragraph inserted above: both sides still agree there and nowhere else.
    expect(matchQuote(`${'x'.repeat(100)}\n${code}`, quote, c)?.start).toBe(at + 101);
    // Moved and printed twice: which copy is the claim is a guess.
    expect(matchQuote(`${'x'.repeat(100)}\n${code}\n${code}`, quote, c)).toBeNull();
    // Moved, one side changed: the look-alike context of repetitive text is no evidence.
    expect(matchQuote(`${'x'.repeat(100)}\n${code.replace('rekt: {', 'data: {')}`, quote, c)).toBeNull();
  });

  it('finds a quote that began the text after a banner is put before it', () => {
    const page = 'Budget row\nThe minister said the budget grew.';
    const c = { prefix: '', suffix: page.slice(10, 42), hint: 0, rawPrefix: '', rawSuffix: page.slice(10, 42) };
    expect(matchQuote(`Cookie notice: we use cookies.\n${page}`, 'Budget row', c)?.start).toBe(31);
  });

  // A corrected typo where the page also changed around the quote: paragraphs inserted next to it and above it.
  describe('edited quotes whose paragraph got new neighbours', () => {
    const para =
      'The minister said on Tuesday that the budget grew by four percent last year, the fastest rise in a decade.';
    const before = 'An opening paragraph about something else entirely, with no bearing on the budget.';
    const after = 'Critics said the figures hid cuts to local services and delayed road repairs.';
    const inserted =
      'Update: this article was amended to correct a figure given in an earlier version, which misstated the rise.';
    const page = `${before}\n${para}\n${after}\n`;
    const at = page.indexOf(para);
    const rawPrefix = page.slice(at - 32, at);
    const rawSuffix = page.slice(at + para.length, at + para.length + 32);
    const c = { prefix: foldText(rawPrefix), suffix: foldText(rawSuffix), hint: at, rawPrefix, rawSuffix };
    const edited = para.replace('budget grew', 'budgot grew');
    const find = (raw: string, quote = para) => {
      const m = matchQuote(foldText(raw), quote, c, raw);
      return m && raw.slice(m.start, m.end);
    };

    it('anchors it when one side still agrees and the other is its paragraph edge, wherever it moved', () => {
      expect(find(`${inserted.repeat(3)}\n${before}\n${inserted}\n${edited}\n${after}\n`)).toBe(edited);
      expect(find(`${inserted.repeat(3)}\n${before}\n${edited}\n${inserted}\n${after}\n`)).toBe(edited);
    });

    it('keeps the first character when that is the one edited', () => {
      const first = `X${edited.slice(1)}`;
      expect(find(`${before}\n${inserted}\n${first}\n${after}\n`)).toBe(first);
    });

    it('anchors a long paragraph with new neighbours on both sides only when it is the one close match', () => {
      const both = `${before}\n${inserted}\n${edited}\n${inserted}\n${after}\n`;
      expect(find(both)).toBe(edited);
      // A teaser elsewhere restating the paragraph with two other changes: which one is the claim is a guess.
      const teaser = para.replace('four percent', 'four per cent');
      expect(find(`${teaser}\n${both}`)).toBeNull();
    });

    it('orphans the quote when it was deleted and only its context is left', () => {
      expect(find(`${inserted}\n${before}\n${inserted}\n${after}\n`)).toBeNull();
      expect(find(`${before}\n${inserted}\n${after}\n`)).toBeNull();
    });

    it('orphans a short paragraph with new neighbours on both sides: its text alone says too little', () => {
      const short = 'Budget grew faster than planned';
      const p2 = `${before}\n${short}\n${after}\n`;
      const a = p2.indexOf(short);
      const [rp, rs] = [p2.slice(a - 32, a), p2.slice(a + short.length, a + short.length + 32)];
      const cs = { prefix: foldText(rp), suffix: foldText(rs), hint: a, rawPrefix: rp, rawSuffix: rs };
      const moved = `${before}\n${inserted}\nBudget grew faster than plannod\n${inserted}\n${after}\n`;
      expect(matchQuote(foldText(moved), short, cs, moved)).toBeNull();
      // Exact, it still comes back.
      expect(matchQuote(foldText(moved.replace('plannod', 'planned')), short, cs, moved)).not.toBeNull();
    });
  });

  it('keeps the error budget proportional and tighter with one side of context', () => {
    expect(errorBudget(15, false)).toBe(3);
    expect(errorBudget(150, false)).toBeLessThan(errorBudget(150, true));
  });
});

describe('context scores', () => {
  it('compare the context adjacent to the candidate', () => {
    expect(prefixScore('abc quote', 4, 'abc ')).toBe(1);
    expect(suffixScore('quote xyz', 5, ' xyz')).toBe(1);
    expect(prefixScore('abc quote', 4, 'zzz ')).toBeLessThan(0.5);
  });
});

describe('folding', () => {
  it('maps line breaks and typographic punctuation character for character', () => {
    expect(foldText('“Hi”\n–')).toBe('"Hi" -');
    expect(foldSelectorText('a \n\t b')).toBe('a b');
  });
});
