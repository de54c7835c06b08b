import { describe, expect, it } from 'vitest';
import { buildVocabulary, encode, predict, trainLogistic, DEFAULT_TRAIN_OPTIONS } from './train';
import { bestThreshold, measure } from './dataset';

const examples: Array<[string[], boolean]> = [];
for (let i = 0; i < 200; i++) {
  const positive = i % 3 === 0;
  examples.push([[positive ? 'w:percent' : 'w:thanks', `w:noise${i % 7}`], positive]);
}

describe('trainLogistic', () => {
  it('learns a separable problem and is deterministic for a seed', () => {
    const vocabulary = buildVocabulary(
      examples.map(([features]) => features),
      2,
    );
    const inputs = examples.map(([features]) => encode(features, vocabulary));
    const labels = examples.map(([, label]) => label);
    const options = { ...DEFAULT_TRAIN_OPTIONS, epochs: 30, learningRate: 0.1 };
    const first = trainLogistic(inputs, labels, vocabulary.size, options);
    const second = trainLogistic(inputs, labels, vocabulary.size, options);
    expect([...first.weights]).toEqual([...second.weights]);
    expect(predict(first, encode(['w:percent'], vocabulary))).toBeGreaterThan(0.8);
    expect(predict(first, encode(['w:thanks'], vocabulary))).toBeLessThan(0.2);
  });
});

describe('trainLogistic penalty', () => {
  it('holds a feature with a larger L2 multiplier closer to zero', () => {
    const vocabulary = buildVocabulary(
      examples.map(([features]) => features),
      2,
    );
    const inputs = examples.map(([features]) => encode(features, vocabulary));
    const labels = examples.map(([, label]) => label);
    const options = { ...DEFAULT_TRAIN_OPTIONS, epochs: 30, learningRate: 0.1, l2: 1e-2 };
    const percent = vocabulary.get('w:percent')!;
    const penalty = new Float64Array(vocabulary.size).fill(1);
    penalty[percent] = 50;
    const free = trainLogistic(inputs, labels, vocabulary.size, options);
    const held = trainLogistic(inputs, labels, vocabulary.size, options, penalty);
    expect(Math.abs(held.weights[percent]!)).toBeLessThan(Math.abs(free.weights[percent]!));
  });
});

describe('buildVocabulary', () => {
  it('drops rare features and orders the rest stably', () => {
    const vocabulary = buildVocabulary([['b', 'a'], ['a', 'c'], ['b']], 2);
    expect([...vocabulary.keys()]).toEqual(['a', 'b']);
  });
});

describe('measure and bestThreshold', () => {
  it('computes precision, recall and F1 of the Yes class and picks the best cut', () => {
    const scores = [0.9, 0.8, 0.4, 0.3, 0.1];
    const labels = [true, false, true, false, false];
    expect(measure(scores, labels, 0.5)).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, count: 5 });
    expect(measure(scores, labels, 0.35).f1).toBeCloseTo(0.8);
    expect(bestThreshold(scores, labels)).toBeCloseTo(0.4);
  });
});
