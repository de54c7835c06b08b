import { z } from 'zod';

// W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors): the one schema for what
// `claim:create` accepts and what a backup file holds (lib/messaging/validate.ts adds size bounds for messages), so
// whatever is stored can always be backed up and imported again. The TypeScript types in lib/anchoring/types.ts are
// derived from it. Not exported from lib/model/index.ts: the content script imports that, and zod stays out of it.

export const quoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});

const offset = z.number().int().min(0);
export const positionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    /** Offsets into the root's text as built by `buildTextIndex`. */
    start: offset,
    end: offset,
  })
  .refine((s) => s.end >= s.start, { message: 'end comes before start', path: ['end'] });

export const selectorSchema = z.discriminatedUnion('type', [quoteSelectorSchema, positionSelectorSchema]);
