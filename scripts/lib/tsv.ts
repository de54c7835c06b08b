/**
 * Tolerant reader for the tab-separated sentence files of the check-worthiness corpus and of `npm run claims`.
 * Real files are messy: CRLF endings, a byte-order mark, fields wrapped in double quotes with `""` escapes, and at
 * least one pair of records glued onto one line (`...grow.<TAB>No29286<TAB>You can't...<TAB>No`).
 */

export interface TsvRow {
  /** 1-based line number in the file, for messages. */
  line: number;
  fields: string[];
}

export interface TsvProblem {
  line: number;
  message: string;
}

export interface SentenceRow {
  line: number;
  id: string;
  text: string;
  /** Remaining columns, in file order. */
  rest: string[];
}

export interface SentenceFile {
  header: string[];
  rows: SentenceRow[];
  problems: TsvProblem[];
}

/** Splits one line into fields; a field that starts with `"` is unquoted when it closes properly before a tab. */
export function splitFields(line: string): string[] {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (line[at] === '"') {
      const closed = readQuoted(line, at);
      if (closed) {
        fields.push(closed.value);
        at = closed.end;
        if (at >= line.length) return fields;
        at += 1;
        continue;
      }
    }
    const tab = line.indexOf('\t', at);
    if (tab === -1) {
      fields.push(line.slice(at));
      return fields;
    }
    fields.push(line.slice(at, tab));
    at = tab + 1;
  }
}

/** A quoted field ends at a lone `"` followed by a tab or the end of the line; otherwise the field is raw text. */
function readQuoted(line: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  let at = start + 1;
  while (at < line.length) {
    const quote = line.indexOf('"', at);
    if (quote === -1) return undefined;
    value += line.slice(at, quote);
    if (line[quote + 1] === '"') {
      value += '"';
      at = quote + 2;
      continue;
    }
    const next = quote + 1;
    return next >= line.length || line[next] === '\t' ? { value, end: next } : undefined;
  }
  return undefined;
}

/**
 * Separates records glued onto one line: with `width` columns, k glued records give k*width - (k-1) fields, the
 * field at each seam holding the last value of one record followed by the numeric id of the next.
 */
export function splitGlued(fields: string[], width: number): string[][] {
  if (width < 3 || fields.length <= width || (fields.length - 1) % (width - 1) !== 0) return [fields];
  const records: string[][] = [];
  let current = fields.slice(0, width - 1);
  for (let i = width - 1; i < fields.length - 1; i += width - 1) {
    const seam = /^(.*\D)(\d+)$/s.exec(fields[i]!);
    if (!seam) return [fields];
    records.push([...current, seam[1]!]);
    current = [seam[2]!, ...fields.slice(i + 1, i + width - 1)];
  }
  records.push([...current, fields[fields.length - 1]!]);
  return records;
}

export function parseTsv(text: string): { header: string[]; rows: TsvRow[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex === -1) return { header: [], rows: [] };
  const header = splitFields(lines[headerIndex]!).map((name) => name.trim());
  const rows: TsvRow[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    for (const fields of splitGlued(splitFields(line), header.length)) rows.push({ line: i + 1, fields });
  }
  return { header, rows };
}

/** Reads `id<TAB>sentence[<TAB>...]` rows after a header; malformed rows become problems, never exceptions. */
export function readSentences(text: string): SentenceFile {
  const { header, rows } = parseTsv(text);
  const result: SentenceFile = { header, rows: [], problems: [] };
  for (const { line, fields } of rows) {
    const [id = '', sentence = '', ...rest] = fields.map((field) => field.trim());
    if (fields.length < 2) {
      result.problems.push({ line, message: 'expected an id and a sentence separated by a tab' });
    } else if (id === '') {
      result.problems.push({ line, message: 'the id column is empty' });
    } else if (sentence === '') {
      result.problems.push({ line, message: 'the sentence column is empty' });
    } else {
      result.rows.push({ line, id, text: sentence, rest });
    }
  }
  return result;
}

export interface LabelledSentence {
  line: number;
  id: number;
  text: string;
  label: boolean;
}

/** Reads a corpus file (`Sentence_id<TAB>Text<TAB>class_label`) into labelled sentences. */
export function readLabelled(text: string): { rows: LabelledSentence[]; problems: TsvProblem[] } {
  const file = readSentences(text);
  const labelColumn =
    Math.max(
      2,
      file.header.findIndex((name) => /label|class/i.test(name)),
    ) - 2;
  const rows: LabelledSentence[] = [];
  const problems = [...file.problems];
  for (const row of file.rows) {
    const id = Number(row.id);
    const label = row.rest[labelColumn]?.toLowerCase();
    if (!Number.isFinite(id)) problems.push({ line: row.line, message: `the id "${row.id}" is not a number` });
    else if (label !== 'yes' && label !== 'no')
      problems.push({ line: row.line, message: 'the label is neither Yes nor No' });
    else rows.push({ line: row.line, id, text: row.text, label: label === 'yes' });
  }
  return { rows, problems };
}
