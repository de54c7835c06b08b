import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { anchorAll } from '@/lib/anchoring/anchor';
import { describeRange } from '@/lib/anchoring/describe';
import { buildTextIndex, type TextIndex } from '@/lib/anchoring/text-index';
import type { TextQuoteSelector } from '@/lib/anchoring/types';
import { findClaimsIncrementally } from '@/lib/claims/find-claims';
import { isDismissed, mergeClaims, positionOf, type Suggestion } from '@/lib/claims/merge';
import { suggestionId } from '@/lib/claims/suggestion-id';
import { CUE_LABELS } from '@/lib/claims/types';
import { caretAt, claimAtPoint, highlightsAtPoint } from '@/lib/highlight/hit-test';
import { HIGHLIGHT_NAMES, Highlighter, pageHighlightEnv } from '@/lib/highlight/highlighter';
import {
  backgroundMessenger,
  contentMessenger,
  panelMessenger,
  type PageClaim,
  type PagePhase,
} from '@/lib/messaging/protocol';
import { readPageInfo } from '@/lib/url/page-info';
import { DEFAULT_SETTINGS, type Claim, type Dismissal, type Settings } from '@/storage/types';
import { findingMode, thresholdFor } from '@/lib/claims/sensitivity';
import { siteOf } from '@/lib/url/normalize-url';
import { mountSelectionButton } from './selection-button';
import { mountTooltip } from './tooltip';
import { watchPage } from './watch-page';

const FLASH_MS = 2000;

const blockOf = (node: Node): Element | null =>
  (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest(
    'p, li, div, section, article, blockquote, td, h1, h2, h3, h4, h5, h6',
  ) ?? null;

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
  let suggestionRanges = new Map<string, Range>();
  let claims: PageClaim[] = [];
  let stored = new Map<string, Claim>();
  let ranges = new Map<string, Range>();
  let dismissals: Dismissal[] = [];
  let settings: Settings = DEFAULT_SETTINGS;
  let lastText: string | null = null;
  /** The article roots and the blocks holding claims: changes elsewhere on the page are not worth a look. */
  let watched: Element[] = [];
  let flashTimer: number | undefined;

  const yieldToPage = () => new Promise<void>((resolve) => ctx.setTimeout(resolve, 0));
  const indexBody = (): TextIndex => buildTextIndex(document.body, { checkStyle: true });

  /** The reader's claims of this page; the dismissed suggestions are dropped from `suggestions` on the way. */
  async function fetchStored(): Promise<Claim[]> {
    try {
      const answer = await backgroundMessenger.sendMessage('page:annotations', { url: page.url });
      dismissals = answer.dismissals;
      settings = answer.settings;
      return answer.claims;
    } catch (error) {
      console.warn('Claimlens: could not read the saved claims of this page', error);
      return [];
    }
  }

  /** Re-anchors the stored claims and rebuilds the list and the highlights around this visit's suggestions. */
  function reconcile(storedClaims: Claim[], textIndex: TextIndex): void {
    const found = anchorAll(document.body, storedClaims.map((c) => c.selectors), { checkStyle: true, index: textIndex });
    const anchored = storedClaims.map((claim, i) => ({ claim, range: found[i] ?? null }));
    claims = mergeClaims(
      suggestions.filter((s) => !isDismissed(dismissals, s)),
      anchored.map(({ claim, range }) => ({ claim, position: range && positionIn(textIndex, range) })),
    );
    stored = new Map(storedClaims.map((c) => [c.id, c]));
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
    if (!settings.showHighlights) return highlighter.clear();
    const byStatus = { unreviewed: [] as Range[], sourced: [] as Range[], unsourced: [] as Range[] };
    for (const claim of claims) {
      const range = ranges.get(claim.id);
      if (range) byStatus[stored.get(claim.id)?.status ?? 'unreviewed'].push(range);
    }
    highlighter.paint(byStatus);
  }

  const mode = () => findingMode(settings, siteOf(location.href));

  async function find(): Promise<void> {
    const started = performance.now();
    page = readPageInfo(document, location.href);
    phase = 'finding';
    // Settings decide whether and how hard to look, so they come first; the reader's own claims show either way.
    const storedClaims = await fetchStored();
    const result =
      mode() === 'on'
        ? await findClaimsIncrementally(document, { checkStyle: true, lang: page.lang, threshold: thresholdFor(settings.sensitivity) }, yieldToPage)
        : { roots: [], claims: [] };
    if (!ctx.isValid) return;
    // The body index and the describe/anchor pass are the heaviest synchronous steps on a large page: each gets a
    // task of its own so the page's input is handled in between.
    await yieldToPage();
    const textIndex = indexBody();
    await yieldToPage();
    if (!ctx.isValid) return;
    lastText = textIndex.text;
    const seen = new Map<string, number>();
    suggestionRanges = new Map();
    suggestions = result.claims.map((found) => {
      const occurrence = seen.get(found.text) ?? 0;
      seen.set(found.text, occurrence + 1);
      const id = suggestionId(page.url, found.text, occurrence);
      const selectors = describeRange(document.body, found.range, { checkStyle: true, index: textIndex });
      suggestionRanges.set(id, found.range);
      return { id, exact: found.text, selectors, score: found.score, cues: found.cues, ...(positionOf(selectors) ?? { start: 0, end: 0 }) };
    });
    reconcile(storedClaims, textIndex);
    watched = [...result.roots, ...[...ranges.values()].flatMap((r) => blockOf(r.commonAncestorContainer) ?? [])];
    phase = mode() === 'on' && result.roots.length === 0 && claims.length === 0 ? 'no-article' : 'ready';
    performance.measure('claimlens:find-and-highlight', { start: started, end: performance.now() });
    notifyPanel();
  }

  // One run at a time; a change during a run asks for exactly one more.
  let running: Promise<void> | null = null;
  let again = false;
  function refind(): void {
    if (running) {
      again = true;
      return;
    }
    running = find()
      .catch((error: unknown) => console.warn('Claimlens: finding claims failed', error))
      .finally(() => {
        running = null;
        if (again && ctx.isValid) {
          again = false;
          refind();
        }
      });
  }

  function notifyPanel(): void {
    const unreviewed = claims.filter((c) => c.anchored && (stored.get(c.id)?.status ?? 'unreviewed') === 'unreviewed').length;
    backgroundMessenger.sendMessage('badge:update', { unreviewed }).catch(() => {
      // The badge is a convenience; the panel lists the same claims.
    });
    panelMessenger.sendMessage('page:changed', { url: page.url }).catch(() => {
      // No panel open: nothing to tell.
    });
  }

  function select(id: string): void {
    highlighter?.focus(ranges.get(id) ?? null);
    panelMessenger.sendMessage('claim:select', { id }).catch(() => {
      // The panel is closed; the focus highlight still shows which claim it is.
    });
  }

  function show(id: string): boolean {
    const range = ranges.get(id);
    if (!range || !highlighter) return false;
    const rect = range.getBoundingClientRect();
    // A hidden tab drops smooth scrolls (Firefox); jump when nobody can see the animation anyway.
    const behavior = document.visibilityState === 'visible' ? 'smooth' : 'instant';
    window.scrollTo({ top: window.scrollY + rect.top - window.innerHeight / 3, behavior });
    highlighter.focus(range);
    if (flashTimer !== undefined) clearTimeout(flashTimer);
    flashTimer = ctx.setTimeout(() => highlighter.focus(null), FLASH_MS);
    return true;
  }

  async function markSelection(): Promise<boolean> {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return false;
    const range = selection.getRangeAt(0);
    if (!document.body.contains(range.commonAncestorContainer)) return false;
    const textIndex = indexBody();
    const selectors = describeRange(document.body, range, { checkStyle: true, index: textIndex });
    const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
    if (!quote?.exact.trim()) return false;
    const claim = await backgroundMessenger.sendMessage('claim:create', {
      page: { url: page.url, title: page.title, site: page.site },
      exact: quote.exact,
      selectors,
    });
    selection.removeAllRanges();
    reconcile(await fetchStored(), textIndex);
    notifyPanel();
    select(claim.id);
    return true;
  }

  const highlightNames = Object.values(HIGHLIGHT_NAMES);
  function claimAt(x: number, y: number): string | null {
    // The browser's own hit test, where it has one, answers "no claim here" (most pointer moves) cheaply.
    if (highlightsAtPoint(globalThis.CSS?.highlights, highlightNames, x, y) === false) return null;
    const caret = caretAt(document, x, y);
    return caret && claimAtPoint(ranges, caret.node, caret.offset);
  }

  contentMessenger.onMessage('page:state', () => ({ page, phase, finding: mode(), claims }));
  contentMessenger.onMessage('claim:show', ({ data }) => show(String(data?.id ?? '')));
  contentMessenger.onMessage('claims:refresh', async () => {
    const before = `${mode()} ${settings.sensitivity}`;
    const storedClaims = await fetchStored();
    if (`${mode()} ${settings.sensitivity}` !== before) return refind();
    reconcile(storedClaims, indexBody());
    notifyPanel();
  });
  contentMessenger.onMessage('selection:mark', () => markSelection());
  ctx.onInvalidated(() => {
    contentMessenger.removeAllListeners();
    highlighter?.clear();
  });

  ctx.addEventListener(document, 'click', (event) => {
    if (!(event instanceof MouseEvent) || !document.getSelection()?.isCollapsed) return;
    const id = claimAt(event.clientX, event.clientY);
    if (id) select(id);
  });
  mountSelectionButton(ctx, markSelection);
  mountTooltip(ctx, (x, y) => {
    const id = claimAt(x, y);
    const claim = id ? claims.find((c) => c.id === id) : undefined;
    if (!id || !claim) return null;
    const judged = stored.get(id);
    return {
      status: judged?.status ?? 'unreviewed',
      note: judged?.note ?? '',
      reasons: (claim.cues ?? []).map((cue) => CUE_LABELS[cue]).join(', '),
    };
  });
  watchPage(ctx, {
    // Until an article or a claim is found, any change may be the page rendering its article late.
    concerns: (node) => watched.length === 0 || watched.some((el) => el.contains(node) || node.contains(el)),
    // Ads and widgets mutate pages constantly; only a change of the page's text is worth a new pass.
    changed: () => {
      if (running) again = true;
      else if (indexBody().text !== lastText) refind();
    },
    navigated: () => refind(),
  });

  refind();
}
