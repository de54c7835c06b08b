import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { anchorAll } from '@/lib/anchoring/anchor';
import { describeRange } from '@/lib/anchoring/describe';
import { buildTextIndex, type TextIndex } from '@/lib/anchoring/text-index';
import { findClaimsIncrementally } from '@/lib/claims/find-claims';
import { mergeClaims, positionOf, type Suggestion } from '@/lib/claims/merge';
import { claimAtPoint, caretAt } from '@/lib/highlight/hit-test';
import { Highlighter, pageHighlightEnv } from '@/lib/highlight/highlighter';
import {
  backgroundMessenger,
  contentMessenger,
  panelMessenger,
  type PagePhase,
  type PageClaim,
} from '@/lib/messaging/protocol';
import { readPageInfo } from '@/lib/url/page-info';
import type { Claim, ClaimStatus } from '@/storage/types';

const FLASH_MS = 2000;

const positionIn = (index: TextIndex, range: Range) => ({
  start: index.offsetOf(range.startContainer, range.startOffset),
  end: index.offsetOf(range.endContainer, range.endOffset),
});

/**
 * The page side of Claimlens: finds claims, re-anchors the reader's stored ones, paints them and answers the panel.
 * Holds only what it can rebuild from the page and from storage.
 */
export function startAnnotator(ctx: ContentScriptContext): void {
  const env = pageHighlightEnv();
  const highlighter = env ? new Highlighter(env) : null;
  let page = readPageInfo(document, location.href);
  let phase: PagePhase = 'finding';
  let suggestions: Suggestion[] = [];
  let claims: PageClaim[] = [];
  let statuses = new Map<string, ClaimStatus>();
  let ranges = new Map<string, Range>();
  let suggestionRanges = new Map<string, Range>();
  let flashTimer: number | undefined;

  const yieldToPage = () => new Promise<void>((resolve) => ctx.setTimeout(resolve, 0));
  const index = (): TextIndex => buildTextIndex(document.body, { checkStyle: true });

  async function fetchStored(): Promise<Claim[]> {
    try {
      return await backgroundMessenger.sendMessage('page:stored-claims', { url: page.url });
    } catch (error) {
      console.warn('Claimlens: could not read the saved claims of this page', error);
      return [];
    }
  }

  /** Re-anchors the stored claims and rebuilds the list and the highlights around this visit's suggestions. */
  function reconcile(stored: Claim[], textIndex: TextIndex): void {
    const found = anchorAll(document.body, stored.map((c) => c.selectors), { checkStyle: true, index: textIndex });
    const anchored = stored.map((claim, i) => ({ claim, range: found[i] ?? null }));
    claims = mergeClaims(
      suggestions,
      anchored.map(({ claim, range }) => ({ claim, position: range && positionIn(textIndex, range) })),
    );
    statuses = new Map(stored.map((c) => [c.id, c.status]));
    const storedRanges = new Map(anchored.flatMap(({ claim, range }) => (range ? [[claim.id, range] as const] : [])));
    ranges = new Map(
      claims.flatMap((c) => {
        const range = storedRanges.get(c.id) ?? suggestionRanges.get(c.id);
        return range ? [[c.id, range] as const] : [];
      }),
    );
    paint();
  }

  function paint(): void {
    if (!highlighter) return;
    const byStatus: Record<ClaimStatus, Range[]> = { unreviewed: [], sourced: [], unsourced: [] };
    for (const claim of claims) {
      const range = ranges.get(claim.id);
      if (range) byStatus[statuses.get(claim.id) ?? 'unreviewed'].push(range);
    }
    highlighter.paint(byStatus);
  }

  async function load(): Promise<void> {
    const started = performance.now();
    page = readPageInfo(document, location.href);
    phase = 'finding';
    const [result, stored] = await Promise.all([
      findClaimsIncrementally(document, { checkStyle: true, lang: page.lang }, yieldToPage),
      fetchStored(),
    ]);
    if (!ctx.isValid) return;
    const textIndex = index();
    suggestionRanges = new Map();
    suggestions = result.claims.map((found) => {
      const id = crypto.randomUUID();
      const selectors = describeRange(document.body, found.range, { checkStyle: true, index: textIndex });
      const position = positionOf(selectors) ?? { start: 0, end: 0 };
      suggestionRanges.set(id, found.range);
      return { id, exact: found.text, selectors, score: found.score, cues: found.cues, ...position };
    });
    reconcile(stored, textIndex);
    phase = result.roots.length === 0 && claims.length === 0 ? 'no-article' : 'ready';
    performance.measure('claimlens:find-and-highlight', { start: started, end: performance.now() });
    notifyPanel();
  }

  function notifyPanel(): void {
    panelMessenger.sendMessage('page:changed', { url: page.url }).catch(() => {
      // No panel open: nothing to tell.
    });
  }

  function show(id: string): boolean {
    const range = ranges.get(id);
    if (!range || !highlighter) return false;
    const rect = range.getBoundingClientRect();
    window.scrollTo({ top: window.scrollY + rect.top - window.innerHeight / 3, behavior: 'smooth' });
    highlighter.focus(range);
    if (flashTimer !== undefined) clearTimeout(flashTimer);
    flashTimer = ctx.setTimeout(() => highlighter.focus(null), FLASH_MS);
    return true;
  }

  contentMessenger.onMessage('page:state', () => ({ page, phase, claims }));
  contentMessenger.onMessage('claim:show', ({ data }) => show(String(data?.id ?? '')));
  contentMessenger.onMessage('claims:refresh', async () => {
    const stored = await fetchStored();
    reconcile(stored, index());
    notifyPanel();
  });
  ctx.onInvalidated(() => {
    contentMessenger.removeAllListeners();
    highlighter?.clear();
  });

  ctx.addEventListener(document, 'click', (event) => {
    if (!(event instanceof MouseEvent) || !document.getSelection()?.isCollapsed) return;
    const caret = caretAt(document, event.clientX, event.clientY);
    const id = caret && claimAtPoint(ranges, caret.node, caret.offset);
    if (!id) return;
    highlighter?.focus(ranges.get(id) ?? null);
    panelMessenger.sendMessage('claim:clicked', { id }).catch(() => {
      // The panel is closed; the focus highlight still shows which claim was hit.
    });
  });

  void load();
}
