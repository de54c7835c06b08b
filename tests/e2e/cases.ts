import type { PageServer } from '../../scripts/lib/serve.ts';
import type { ArticleCase } from './scenario.ts';

/** Corpus pages with quotes, figures and attributions in their article bodies (../shared/corpus/pages/). */
export const CORPUS_PAGES = ['bbc-1', 'guardian-1', 'nytimes-1'];

export function articleCases(server: PageServer): ArticleCase[] {
  return [
    {
      name: 'sample',
      url: server.sampleUrl,
      pick: 'They trained illegally using Twitter data',
      mustHighlight: ['They trained illegally using Twitter data', '$42,000 and $210,000 per month'],
      mustNotHighlight: ['Please enter your comment!', 'Please enter your name here', 'Akismet'],
      junk: ['.comments', '.read-more', '.also-read', '.sidebar', '.site-header', '.site-footer', '.ad'],
    },
    ...CORPUS_PAGES.map((name) => ({ name, url: server.corpusUrl(name) })),
  ];
}
