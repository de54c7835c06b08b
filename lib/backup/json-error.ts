import { parse, type ParseError } from 'jsonc-parser';

/**
 * Where a text stops being valid JSON, found by jsonc-parser (VS Code's JSON parser, in strict JSON mode: no comments,
 * no trailing commas). Only run after `JSON.parse` failed, for engines whose message does not say where (Safari; V8
 * gives no position for some errors). A broken string is pointed at by its opening quote.
 */
export function jsonErrorOffset(text: string): number {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors[0]?.offset ?? text.length;
}
