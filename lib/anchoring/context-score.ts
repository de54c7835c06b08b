/**
 * How well a stored prefix or suffix still touches a candidate match.
 *
 * The context must be *adjacent* to the quote: the prefix is compared with the text that ends where the candidate
 * starts, the suffix with the text that starts where it ends. A plain substring search of the context near the
 * candidate (as Hypothesis does) also rewards context found a few characters away, which lets a neighbouring
 * sentence pass for the quote; an edit distance anchored at the quote's edge does not.
 */

/** Extra characters read beyond the context's length, so inserted characters do not push it out of view. */
const SLACK = 8;

/**
 * Edit distance between `pattern` and the closest string that starts at the anchor of `text`, both read outward
 * from the anchor (`step` -1 reads leftward from `anchor - 1`, +1 rightward from `anchor`).
 */
function anchoredDistance(pattern: string, text: string, anchor: number, step: 1 | -1): number {
  const m = pattern.length;
  const n = step === 1 ? Math.min(m + SLACK, text.length - anchor) : Math.min(m + SLACK, anchor);
  // prev[j]: distance between the first i pattern characters and the first j text characters read outward.
  let prev = new Uint16Array(n + 1);
  let curr = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = pattern.charCodeAt(step === 1 ? i - 1 : m - i);
    curr[0] = i;
    for (let j = 1; j <= n; j++) {
      const tc = text.charCodeAt(step === 1 ? anchor + j - 1 : anchor - j);
      const sub = prev[j - 1]! + (pc === tc ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = curr[j - 1]! + 1;
      curr[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, curr] = [curr, prev];
  }
  let best = m;
  for (let j = 0; j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/**
 * 1 when `prefix` ends exactly at `start` in `text`, falling towards 0 with each edit; null when there is no prefix
 * to compare (the quote began the text) and the candidate does not begin the text either.
 */
export function prefixScore(text: string, start: number, prefix: string): number | null {
  if (!prefix) return /^\s*$/.test(text.slice(0, start)) ? 1 : null;
  return 1 - anchoredDistance(prefix, text, start, -1) / prefix.length;
}

/** Like `prefixScore`, for the suffix that should start at `end`. */
export function suffixScore(text: string, end: number, suffix: string): number | null {
  if (!suffix) return /^\s*$/.test(text.slice(end, end + SLACK)) && end + SLACK >= text.length ? 1 : null;
  return 1 - anchoredDistance(suffix, text, end, 1) / suffix.length;
}
