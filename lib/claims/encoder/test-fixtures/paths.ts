import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The shipped model (public/claims-model, written by training/train.py) and the Python fixtures. `CLAIMS_MODEL_DIR` /
 * `CLAIMS_FIXTURES` point the tests at another export (for example training/out/<run>/public) while one is in the works.
 */
export const MODEL_DIR = resolve(process.env.CLAIMS_MODEL_DIR ?? 'public/claims-model');
export const PYTHON_FIXTURES = resolve(process.env.CLAIMS_FIXTURES ?? 'training/fixtures/tokenizer-cases.json');
export const EXTRA_CASES = resolve(import.meta.dirname, 'tokenizer-extra-cases.json');

export function requireFile(path: string, what: string): string {
  if (!existsSync(path))
    throw new Error(`${what} missing: ${path} (run training/train.py, or set CLAIMS_MODEL_DIR / CLAIMS_FIXTURES)`);
  return path;
}
