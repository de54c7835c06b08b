import type { z } from 'zod';
import type { positionSelectorSchema, quoteSelectorSchema } from '../model/selector-schema';

/** W3C Web Annotation selectors, as lib/model/selector-schema.ts defines them (type-only: no zod at run time). */
export type TextQuoteSelector = z.infer<typeof quoteSelectorSchema>;
export type TextPositionSelector = z.infer<typeof positionSelectorSchema>;
export type Selector = TextQuoteSelector | TextPositionSelector;
