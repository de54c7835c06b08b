import { describe, expect, it } from 'vitest';
import { MAX_SCORE_TEXT_LENGTH } from '../messaging/protocol';
import { encoderInputs } from './encoder-inputs';

describe('encoderInputs', () => {
  it('sends English sentences and puts the answers back in candidate order', () => {
    const candidates = [
      { text: 'Unemployment fell to 3.9% last year, the statistics office said.' },
      { text: 'Le chômage a baissé de deux points selon les chiffres publiés par le ministère.' },
      { text: 'The council approved the budget on Tuesday.' },
    ];
    const inputs = encoderInputs(candidates, 'en');
    expect(inputs.texts).toEqual([candidates[0]!.text, candidates[2]!.text]);
    expect(inputs.place([0.9, 0.2])).toEqual([0.9, null, 0.2]);
  });

  it('sends nothing on a page in another language', () => {
    const inputs = encoderInputs([{ text: 'The council approved the budget on Tuesday.' }], 'fr');
    expect(inputs.texts).toEqual([]);
    expect(inputs.place([])).toEqual([null]);
  });

  it('cuts texts to the message bound', () => {
    const inputs = encoderInputs([{ text: 'The report says '.repeat(500) }], 'en');
    expect(inputs.texts[0]).toHaveLength(MAX_SCORE_TEXT_LENGTH);
  });
});
