// Where the project and the read-only test corpus are, for every script, test and benchmark: one place to change.
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** CI lays `shared/` beside the project; `CLAIMLENS_CORPUS` points elsewhere when it lives somewhere else. */
export const CORPUS_DIR = resolve(process.env.CLAIMLENS_CORPUS ?? join(PROJECT_ROOT, '..', 'shared', 'corpus'));

/** A path inside the corpus, e.g. `corpusPath('pages', 'bbc-1', 'source.html')`. */
export const corpusPath = (...parts: string[]): string => join(CORPUS_DIR, ...parts);

export const CORPUS_PAGES_DIR = corpusPath('pages');
