/** Turns what zod and JSON.parse report into sentences a reader can act on. */
import type { z } from 'zod';

/** `pages[3].claims[12].status` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
};

function problem(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return input === undefined ? `missing (expected ${expected})` : `expected ${expected}, got ${describe(input)}`;
    }
    case 'invalid_value':
      return (
        `expected ${issue.values.length === 1 ? describe(issue.values[0]) : `one of ${issue.values.join(', ')}`}` +
        (input === undefined ? '' : `, got ${describe(input)}`)
      );
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options?.length) {
        const got = input && typeof input === 'object' ? (input as { type?: unknown }).type : undefined;
        return `expected a type of ${options.join(' or ')}${got === undefined ? '' : `, got ${describe(got)}`}`;
      }
      return issue.message;
    }
    case 'invalid_format':
      return issue.format === 'datetime'
        ? `expected a date and time such as 2024-05-01T09:30:00.000Z, got ${describe(input)}`
        : `${issue.message}, got ${describe(input)}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      return `must be at least ${issue.minimum}${input === undefined ? '' : `, got ${describe(input)}`}`;
    case 'too_big':
      if (issue.origin === 'string')
        return `must be at most ${Number(issue.maximum).toLocaleString('en')} characters long`;
      return `must be at most ${issue.maximum}${input === undefined ? '' : `, got ${describe(input)}`}`;
    case 'custom':
      return input === undefined || typeof input === 'object' ? issue.message : `${issue.message}: ${describe(input)}`;
    default:
      return issue.message;
  }
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0]!;
  const where = formatPath(first.path);
  const more = issues.length - 1;
  const rest = more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : '';
  return `${where ? `${where}: ` : ''}${problem(first)}${rest}`;
}

/**
 * Where JSON.parse gave up, from its message: V8 says "at position 12 (line 1 column 13)", Firefox "at line 1 column
 * 13 of the JSON data", Safari nothing.
 */
export function jsonErrorPosition(
  message: string,
  text: string,
): { offset?: number; line: number; column: number } | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  const position = /position (\d+)/.exec(message);
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { offset, line, column: offset - before.lastIndexOf('\n') };
  }
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  return undefined;
}
