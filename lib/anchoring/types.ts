/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Offsets into the root's text as built by `buildTextIndex`. */
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;
