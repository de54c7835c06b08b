import { describe, expect, it } from 'vitest';
import { parseTsv, readLabelled, readSentences, splitFields, splitGlued } from './tsv';

describe('splitFields', () => {
  it('unquotes quoted fields and their doubled quotes', () => {
    expect(splitFields('1\t"Now, let\'s balance the budget."\tNo')).toEqual([
      '1',
      "Now, let's balance the budget.",
      'No',
    ]);
    expect(splitFields('26\t"You know, I saw a movie - ""Crocodile Dundee."""\tNo')).toEqual([
      '26',
      'You know, I saw a movie - "Crocodile Dundee."',
      'No',
    ]);
  });

  it('keeps a field that only starts with a quote as raw text', () => {
    expect(splitFields('7\t"Lawsuit time," Musk said.\tYes')).toEqual(['7', '"Lawsuit time," Musk said.', 'Yes']);
    expect(splitFields('8\t"never closed\tNo')).toEqual(['8', '"never closed', 'No']);
  });

  it('keeps tabs inside quoted fields', () => {
    expect(splitFields('1\t"a\tb"\tc')).toEqual(['1', 'a\tb', 'c']);
  });
});

describe('splitGlued', () => {
  it('separates two records glued at the label', () => {
    const fields = ['24098', "We've got to invest and grow.", 'No29286', "You can't bring back jobs.", 'No'];
    expect(splitGlued(fields, 3)).toEqual([
      ['24098', "We've got to invest and grow.", 'No'],
      ['29286', "You can't bring back jobs.", 'No'],
    ]);
  });

  it('leaves rows with extra columns alone when the seam is not an id', () => {
    expect(splitGlued(['1', 'text', 'No', 'more', 'Yes'], 3)).toEqual([['1', 'text', 'No', 'more', 'Yes']]);
    expect(splitGlued(['1', 'text', 'No', 'extra'], 3)).toEqual([['1', 'text', 'No', 'extra']]);
  });
});

describe('parseTsv', () => {
  it('handles CRLF, a byte-order mark and blank lines, keeping file line numbers', () => {
    const { header, rows } = parseTsv('\uFEFFid\ttext\r\n1\tOne.\r\n\r\n2\tTwo.\r\n');
    expect(header).toEqual(['id', 'text']);
    expect(rows).toEqual([
      { line: 2, fields: ['1', 'One.'] },
      { line: 4, fields: ['2', 'Two.'] },
    ]);
  });

  it('gives glued records the line they were found on', () => {
    const { rows } = parseTsv('id\ttext\tlabel\n5\tA.\tYes6\tB.\tNo\n');
    expect(rows.map((row) => [row.line, row.fields[0]])).toEqual([
      [2, '5'],
      [2, '6'],
    ]);
  });
});

describe('readSentences', () => {
  it('reports malformed rows with their line numbers and keeps the others in order', () => {
    const file = readSentences('id\tsentence\tnote\n1\tFirst.\tx\nno tab here\n\tNo id.\n3\t\n4\t"Fourth."\n');
    expect(file.rows.map((row) => [row.id, row.text])).toEqual([
      ['1', 'First.'],
      ['4', 'Fourth.'],
    ]);
    expect(file.problems).toEqual([
      { line: 3, message: 'expected an id and a sentence separated by a tab' },
      { line: 4, message: 'the id column is empty' },
      { line: 5, message: 'the sentence column is empty' },
    ]);
  });

  it('reads an empty file as no rows', () => {
    expect(readSentences('')).toEqual({ header: [], rows: [], problems: [] });
  });
});

describe('readLabelled', () => {
  it('reads ids, texts and Yes/No labels, rejecting other labels', () => {
    const { rows, problems } = readLabelled(
      'Sentence_id\tText\tclass_label\r\n80\tWe consume 50 percent.\tYes\r\n81\tHi.\tMaybe\r\nx\tBad id.\tNo\r\n',
    );
    expect(rows).toEqual([{ line: 2, id: 80, text: 'We consume 50 percent.', label: true }]);
    expect(problems.map((problem) => problem.line)).toEqual([3, 4]);
  });
});
