// @vitest-environment node
// The scorer's plumbing (tensors, padding and mask, softmax, order, batching, truncation) on a stand-in model of the
// real one's interface, made by test-fixtures/make-stand-in.py with its expected scores from Python onnxruntime.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEncoderFiles } from './node';
import { createEncoderScorer } from './scorer';

const dir = join(import.meta.dirname, 'test-fixtures');
const expected: { cases: { text: string; input_ids: number[]; score: number }[] } = JSON.parse(
  readFileSync(join(dir, 'stand-in-cases.json'), 'utf8'),
);
const files = readEncoderFiles(join(dir, 'stand-in'));

describe('encoder scorer (stand-in model)', () => {
  it('tokenizes and scores as Python onnxruntime does', async () => {
    const scorer = await createEncoderScorer(await files);
    const texts = expected.cases.map((c) => c.text);
    for (const c of expected.cases) expect(scorer.tokenizer.encode(c.text), c.text).toEqual(c.input_ids);
    const scores = await scorer.score(texts);
    scores.forEach((score, i) => expect(score, texts[i]).toBeCloseTo(expected.cases[i]!.score, 6));
  });

  it('pads batches without changing a score (float model), keeps the order, and scores nothing for nothing', async () => {
    const texts = expected.cases.map((c) => c.text);
    const one = await (await createEncoderScorer(await files)).score(texts);
    const batched = await createEncoderScorer(await files, { batchSize: 3 });
    (await batched.score(texts)).forEach((score, i) => expect(score).toBeCloseTo(one[i]!, 6));
    (await batched.score([...texts].reverse())).forEach((score, i) =>
      expect(score).toBeCloseTo([...one].reverse()[i]!, 6),
    );
    expect(await batched.score([])).toEqual([]);
  });

  it('answers concurrent calls each with its own scores', async () => {
    const scorer = await createEncoderScorer(await files);
    const texts = expected.cases.map((c) => c.text);
    const results = await Promise.all(texts.map((text) => scorer.score([text, text])));
    results.forEach((pair, i) => {
      expect(pair[0]).toBeCloseTo(expected.cases[i]!.score, 6);
      expect(pair[1]).toBe(pair[0]);
    });
  });

  it('truncates to maxLength and refuses a bad configuration', async () => {
    const scorer = await createEncoderScorer(await files);
    expect(scorer.tokenizer.encode('the rate fell to the rate fell to the rate')).toHaveLength(8);
    const f = await files;
    await expect(
      createEncoderScorer({ ...f, config: { ...f.config, output: { name: 'nope', yesIndex: 1 } } }),
    ).rejects.toThrow(/no output "nope"/);
    await expect(createEncoderScorer(f, { batchSize: 0 })).rejects.toThrow(/batchSize/);
    await expect(createEncoderScorer({ ...f, config: { model: 'x' } as never })).rejects.toThrow(/claims-model.json/);
  });
});
