export { createEncoderScorer, parseModelConfig, ORT_WASM_FILE } from './scorer';
export type { ClaimsModelConfig, EncoderFiles, EncoderOptions, EncoderScorer } from './scorer';
export { createWordPieceTokenizer, parseVocab } from './tokenizer';
export type { TokenizerOptions, WordPieceTokenizer } from './tokenizer';
