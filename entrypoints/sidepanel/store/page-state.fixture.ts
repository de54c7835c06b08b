import type { PageClaim, PageState } from '@/lib/messaging/protocol';

/** A page whose finder is done, as a content script answers `page:state`: the panel tests' one way to make one. */
export function readyPage(
  page: { url: string; title: string; site?: string },
  claims: PageClaim[],
  phase: PageState['phase'] = 'ready',
): PageState {
  return {
    page: { site: 'News', lang: 'en', ...page },
    phase,
    finding: 'on',
    passes: { finished: 1, started: 0, highlighted: 1, refined: 2 },
    claims,
  };
}
