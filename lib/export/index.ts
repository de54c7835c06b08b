export { toClaimReviews, type ClaimReviewOptions } from './claim-review';
export {
  markdownFileName,
  toMarkdown,
  toMarkdownChunks,
  toMarkdownWithProgress,
  type MarkdownOptions,
  type MarkdownProgressOptions,
} from './markdown';
export { textFragmentUrl } from './text-fragment';
export { inReadingOrder, type ExportPage } from './types';
export { toWebAnnotations, type WebAnnotationOptions } from './web-annotation';
