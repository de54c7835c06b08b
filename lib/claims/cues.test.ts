import { describe, expect, it } from 'vitest';
import { detectCues, detectNeutralCues } from './cues';
import type { Cue } from './types';

function has(cue: Cue, text: string): boolean {
  return detectCues(text).includes(cue);
}

describe('detectCues', () => {
  it('finds direct quotes in straight, curly and French quotes, not scare quotes', () => {
    expect(has('quote', 'He said "we will win this one" last night.')).toBe(true);
    expect(has('quote', '“They trained illegally using Twitter data. Lawsuit time,” Musk said.')).toBe(true);
    expect(has('quote', 'Il a dit « nous allons gagner » hier.')).toBe(true);
    expect(has('quote', 'The so-called “reform” passed.')).toBe(false);
    expect(has('quote', 'We will cut taxes for the middle class.')).toBe(false);
  });

  it('finds figures: money, percentages, magnitudes, multiples, ranges and counts', () => {
    for (const text of [
      'Twitter plans to charge between $42,000 and $210,000 per month.',
      'Unemployment is 7.8% today.',
      'Prices rose 12 percent last year.',
      'We spend five hundred billion dollars on it.',
      'Crime is three times higher than before.',
      'The deficit doubled under his watch.',
      'We lost 300,000 manufacturing jobs.',
      'Nine million people lost their coverage.',
    ]) expect(has('figure', text), text).toBe(true);
  });

  it('does not count bare years, dates, times or ordinals as figures', () => {
    for (const text of [
      'In 2016 we won the election.',
      'Tweets can no longer be published from April 25 onwards.',
      'The meeting is on 3 March at 10:30.',
      'He came 1st in the race.',
      'We met in the 1990s.',
      'Thank you all for coming tonight.',
    ]) expect(has('figure', text), text).toBe(false);
  });

  it('finds named attribution', () => {
    expect(has('attribution', '“Lawsuit time,” Musk said in a tweet.')).toBe(true);
    expect(has('attribution', "Twitter's CEO claims that Microsoft used Twitter's data.")).toBe(true);
    expect(has('attribution', 'According to the IMF, growth slowed.')).toBe(true);
    expect(has('attribution', 'The senator told reporters he would resign.')).toBe(true);
    expect(has('attribution', 'We need to invest in our schools.')).toBe(false);
  });

  it('flags vague attribution, without also calling it named attribution', () => {
    for (const text of [
      'However, there are reports indicating that Twitter is planning to charge companies.',
      'Reports indicate the plant will close.',
      'Critics say the plan will raise prices.',
      'It is believed that the minister knew.',
      'Sources say the deal is off.',
      'Some say the war was a mistake.',
      'Experts warn of a recession.',
    ]) {
      expect(detectCues(text), text).toContain('vague-attribution');
      expect(detectCues(text), text).not.toContain('attribution');
    }
    expect(has('vague-attribution', 'The minister said the deal is off.')).toBe(false);
    expect(has('vague-attribution', 'I report to the board every week.')).toBe(false);
  });

  it('finds comparisons and superlatives', () => {
    for (const text of [
      'We have more than 20 million uninsured.',
      'It is the largest tax increase in history.',
      'Fewer people are working today.',
      'Wages are higher than they were in 2008.',
      'This is the worst trade deal ever signed.',
    ]) expect(has('comparison', text), text).toBe(true);
    expect(has('comparison', 'I have an interest in the west of the state.')).toBe(false);
    expect(has('comparison', 'We must protect our forests.')).toBe(false);
  });

  it('finds cause and effect', () => {
    for (const text of [
      'Prices rose because of the tariffs.',
      'The policy led to massive layoffs.',
      'Flights were cancelled due to the storm.',
      'As a result, he wants to compete with OpenAI.',
    ]) expect(has('causal', text), text).toBe(true);
    expect(has('causal', 'We went to the store and bought bread.')).toBe(false);
  });
});

describe('detectNeutralCues', () => {
  it('finds quotes and figures in any language, and no English-only cue', () => {
    expect(detectNeutralCues('Le chômage a baissé de 2,5 % en 2023, selon l’Insee.')).toEqual(['figure']);
    expect(detectNeutralCues('« Nous allons gagner cette bataille », a déclaré le ministre.')).toEqual(['quote']);
    expect(detectNeutralCues('Le budget atteint 1 200 millions d’euros.')).toContain('figure');
    expect(detectNeutralCues('Il est arrivé en 2019 et reste à Paris.')).toEqual([]);
  });
});
