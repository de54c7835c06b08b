import { describe, expect, it } from 'vitest';
import { scoreTsv } from './claims';

describe('scoreTsv', () => {
  // Needs the shipped model (public/claims-model), like the extension.
  it('prints id, score and label per row in input order, and skips malformed rows with a message', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const tsv =
      'id\ttext\r\nb\tUnemployment fell to 3.5 percent, the lowest rate in 50 years.\r\nbroken\r\na\tThank you.\r\n';
    await scoreTsv(
      tsv,
      'in.tsv',
      (line) => out.push(line),
      (line) => err.push(line),
    );
    expect(out.map((line) => line.split('\t')[0])).toEqual(['b', 'a']);
    for (const line of out) expect(line).toMatch(/^\w+\t(?:0|1)\.\d{4}\t(?:Yes|No)$/);
    expect(out[0]!.endsWith('\tYes')).toBe(true);
    expect(out[1]!.endsWith('\tNo')).toBe(true);
    expect(err).toEqual(['in.tsv:3: expected an id and a sentence separated by a tab; row skipped']);
  });
});
