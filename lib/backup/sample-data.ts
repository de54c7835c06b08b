/** Made-up pages and claims for tests and benchmarks: deterministic for a given seed. */
import { countByStatus, type Claim, type ClaimStatus, type PageRecord } from '../model';
import type { Cue } from '../claims/types';
import type { BackupEntry } from './format';

export type SamplePage = BackupEntry;

const T0 = Date.UTC(2024, 4, 1, 9, 30, 0, 123);

export function sampleClaim(overrides: Partial<Claim> = {}): Claim {
  const exact = overrides.exact ?? 'Unemployment fell to 3.9% last year, the lowest since 1970.';
  return {
    id: '7d3c0e1a-54b2-4f2e-9a43-1c2d3e4f5a6b',
    pageUrl: 'https://news.example.com/economy/jobs',
    selectors: [
      { type: 'TextQuoteSelector', exact, prefix: 'the minister said on Monday. ', suffix: ' Critics disagree.' },
      { type: 'TextPositionSelector', start: 120, end: 120 + exact.length },
    ],
    exact,
    origin: 'auto',
    status: 'unsourced',
    note: 'The statistics office says 4.1%.',
    evidence: [{ url: 'https://stats.example.org/labour/2023', title: 'Labour market 2023' }],
    score: 0.82,
    cues: ['figure', 'comparison'],
    createdAt: T0,
    updatedAt: T0 + 60_000,
    ...overrides,
  };
}

export function samplePage(claims: readonly Claim[], overrides: Partial<PageRecord> = {}): SamplePage {
  const url = overrides.url ?? claims[0]?.pageUrl ?? 'https://news.example.com/economy/jobs';
  const page: PageRecord = {
    url,
    title: 'Jobs report: what the minister got right',
    site: 'Example News',
    firstVisit: T0 - 3_600_000,
    lastVisit: T0 + 86_400_000,
    counts: countByStatus(claims),
    ...overrides,
  };
  return { page, claims: claims.map((c) => ({ ...c, pageUrl: url })) };
}

/** Mulberry32: a tiny seeded generator, so generated data is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the minister said that unemployment inflation rose fell percent since record highest lowest year ' +
  'report according to officials critics data government billion million study found more than half of all ' +
  'people cases increase decrease budget tax rate growth health schools police crime'
).split(' ');
const STATUSES: ClaimStatus[] = ['unreviewed', 'sourced', 'unsourced'];
const CUES: Cue[] = ['quote', 'figure', 'attribution', 'vague-attribution', 'comparison', 'causal'];

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(rand() * 4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** `pageCount` pages with `claimCount` claims spread over them, with notes and evidence like a reader's. */
export function samplePages(pageCount: number, claimCount: number, seed = 1): SamplePage[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(rand() * (max - min + 1));
    const words = Array.from({ length: n }, () => pick(WORDS));
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const pages: SamplePage[] = [];
  for (let p = 0; p < pageCount; p++) {
    const url = `https://site${p % 37}.example.com/articles/${p}-${pick(WORDS)}`;
    const n = Math.floor(claimCount / pageCount) + (p < claimCount % pageCount ? 1 : 0);
    const claims: Claim[] = [];
    let offset = 0;
    for (let c = 0; c < n; c++) {
      const exact = sentence(8, 40);
      const prefix = sentence(3, 6);
      offset += prefix.length + 1;
      const status = pick(STATUSES);
      const created = T0 + Math.floor(rand() * 1e9);
      const auto = rand() < 0.7;
      claims.push({
        id: uuid(rand),
        pageUrl: url,
        selectors: [
          { type: 'TextQuoteSelector', exact, prefix: `${prefix} `, suffix: ` ${sentence(3, 6)}` },
          { type: 'TextPositionSelector', start: offset, end: offset + exact.length },
        ],
        exact,
        origin: auto ? 'auto' : 'manual',
        status,
        note: status === 'unreviewed' && rand() < 0.7 ? '' : sentence(5, 60),
        evidence:
          status === 'sourced'
            ? [
                { url: `https://source.example.org/${c}`, title: sentence(2, 6) },
                { url: `https://archive.example.net/${p}/${c}` },
              ]
            : [],
        ...(auto ? { score: Math.round(rand() * 1000) / 1000, cues: [pick(CUES), pick(CUES)] } : {}),
        createdAt: created,
        updatedAt: created + Math.floor(rand() * 1e7),
      });
      offset += exact.length + 1;
    }
    pages.push({
      page: {
        url,
        title: sentence(4, 12),
        site: `Site ${p % 37}`,
        firstVisit: T0 - 1000,
        lastVisit: T0 + 2e9,
        counts: countByStatus(claims),
      },
      claims,
    });
  }
  return pages;
}
