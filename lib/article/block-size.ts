/** Lines shorter than this are labels ("Advertisement", "Share") that match too many places to map back. */
export const MIN_BLOCK_CHARS = 20;
