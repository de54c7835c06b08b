import type { ClaimStatus } from '../model';

/**
 * Highlight names. `CSS.highlights` is shared with the page's own scripts, so a name that said the status
 * (`claimlens-unsourced`) would let any page list the sentences the reader judged. Each load picks, per kind, one of
 * these neutral names at random; the content script's stylesheet (highlights.css) styles all of them, and
 * highlights.test.ts checks that the two lists agree. The pool is public in the package, so this keeps the verdicts
 * from a casual look, not from a page that studies the package or reads the highlights' computed colours (README,
 * "What a page can still observe").
 */
/**
 * `suggested`: found by the finder and not touched by the reader (drawn quietly); the statuses: claims the reader
 * marked or judged (drawn clearly); `focus`: the claim selected in the panel.
 */
export type HighlightKind = 'suggested' | ClaimStatus | 'focus';

export const HIGHLIGHT_POOL: Readonly<Record<HighlightKind, readonly string[]>> = {
  suggested: [
    'zedsmk0dz5',
    'duyvds372u',
    'gfew5n26wj',
    'lyz23c96aj',
    'eaeefcq8rd',
    'btch4j9axn',
    'xjtbane6s8',
    'lkhx261rct',
    'rxdwerv9uq',
    'yzmar0l2x7',
    'saix01hqn3',
    'dlmfplhwje',
    'c44x4fihct',
    'zeyerc27xm',
    'ku50nereae',
    's0npd3welw',
  ],
  unreviewed: [
    'hq32wgwx7z',
    'o8ge5kaqww',
    'wmlmo7phhb',
    'vpivu4gnrz',
    'gw417r2nhw',
    'dy2zqdbvhy',
    'n4bo7n8izm',
    'alixf7yovj',
    'wieh8tbwus',
    'es6af3tecm',
    'ghhl13lmwa',
    'uhg0zqsayh',
    'a9558acbii',
    'g3t4lrttfa',
    'ttivnvnv03',
    'oc3rgchlcg',
  ],
  sourced: [
    'bmxg7fotvf',
    'rb43mahoph',
    'o26e14juhc',
    'izwdnsrsl4',
    'j3gpjl3kbd',
    'fvxtkiafe6',
    'ik36xp1g2g',
    'aztmp4jtp8',
    'uypk92ap2j',
    'x3dmp8j31f',
    'hiu1vjb8hw',
    'jrov14amku',
    'wuc4a7fave',
    'e7fnenxn8x',
    'mn5p2zi80h',
    'h3i1uojjlo',
  ],
  unsourced: [
    'yz0dl2ng5t',
    'a7cfcy8w6l',
    'jw6sana92p',
    'ubhs149bde',
    'h2f2h7ldas',
    'w5sr5wpf78',
    'godt22f0sc',
    'urzqtrgjdb',
    'cxbbiz8rt9',
    'o5gj8y0ldo',
    'pkmbedeusn',
    'oi5qmsrd5q',
    'cvmlwlig7x',
    'czbj69px8p',
    'jwxqovul57',
    'rm7c4wadb7',
  ],
  focus: [
    'jrbtb0aq6u',
    'c46587rc98',
    'qta6b7b5x3',
    'hgf3h0ccla',
    'unvodqlld2',
    'kwbfwt2n8e',
    'zvtlahvkq4',
    'jz58ms850i',
    'p5tffsuoz5',
    'ktf3mbw2u1',
    'vdf0t337mt',
    'lilyi7dcyu',
    'r3jjb3ezkc',
    'of2mtusb9f',
    'nknaetvyw8',
    'vd3d7i0bat',
  ],
};

export type HighlightNames = Record<HighlightKind, string>;

/** One name per kind for this load. */
export function pickHighlightNames(random: () => number = Math.random): HighlightNames {
  const pick = (names: readonly string[]) => names[Math.min(names.length - 1, Math.floor(random() * names.length))]!;
  return {
    suggested: pick(HIGHLIGHT_POOL.suggested),
    unreviewed: pick(HIGHLIGHT_POOL.unreviewed),
    sourced: pick(HIGHLIGHT_POOL.sourced),
    unsourced: pick(HIGHLIGHT_POOL.unsourced),
    focus: pick(HIGHLIGHT_POOL.focus),
  };
}
