import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { describeRange } from '@/lib/anchoring/describe';
import type { TextIndex, TextIndexOptions } from '@/lib/anchoring/text-index';
import { chooseClaims } from '@/lib/claims/choose-claims';
import { findClaimsIncrementally, type LocatedClaim, type PageClaims } from '@/lib/claims/find-claims';
import { findingMode } from '@/lib/claims/sensitivity';
import { Highlighter, pageHighlightEnv } from '@/lib/highlight/highlighter';
import { pickHighlightNames } from '@/lib/highlight/names';
import { caretAt, claimAtPoint, highlightsAtPoint } from '@/lib/highlight/hit-test';
import {
  backgroundMessenger,
  contentMessenger,
  panelMessenger,
  type PagePhase,
  type PassTimes,
} from '@/lib/messaging/protocol';
import { yieldToEventLoop } from '@/lib/scheduling/yield';
import { siteOf } from '@/lib/url/normalize-url';
import { readPageInfo } from '@/lib/url/page-info';
import { DEFAULT_SETTINGS, quoteSelectorOf, type Claim, type Dismissal, type Settings } from '@/lib/model';
import { PageClaimList } from './page-claims';
import { articleBlocks, candidatesInBlocks, encoderScores } from './refine-claims';
import { mountSelectionButton } from './selection-button';
import { serialRun } from './serial-run';
import { claimTooltip, mountTooltip } from './tooltip';
import { indexInSlices } from './sliced-index';
import { watchPage } from './watch-page';

const FLASH_MS = 2000;
/** The body's text as describing and anchoring read it: CSS-hidden text left out. */
const BODY_INDEX: TextIndexOptions = { checkStyle: true };

/** Ends the quick look early: the settings arrived and say not to look on this page. */
class LookingOff extends Error {}

const blockOf = (node: Node): Element | null =>
  (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest(
    'p, li, div, section, article, blockquote, td, h1, h2, h3, h4, h5, h6',
  ) ?? null;

/**
 * The page side of Claimlens: finds claims, re-anchors the reader's stored ones, paints them and answers the panel.
 * Holds only what it can rebuild from the page and from storage. `startedAt`: when the script started (its first pass
 * is timed from there).
 */
export function startAnnotator(ctx: ContentScriptContext, startedAt = performance.now()): void {
  const env = pageHighlightEnv();
  // Fresh names each load, so the page cannot read a status from `CSS.highlights` (lib/highlight/names.ts).
  const names = pickHighlightNames();
  const highlights = Object.values(names);
  const highlighter = env ? new Highlighter(env, names) : null;
  const claims = new PageClaimList(highlighter);
  let page = readPageInfo(document, location.href);
  let phase: PagePhase = 'finding';
  const times: PassTimes = { finished: 0, started: null, highlighted: null, refined: null };
  let dismissals: Dismissal[] = [];
  let settings: Settings = DEFAULT_SETTINGS;
  let lastText: string | null = null;
  /** The article roots and the blocks holding claims: changes elsewhere on the page are not worth a look. */
  let watched: Element[] = [];
  let flashTimer: number | undefined;

  /** A turn for the page between slices of work; never resumes once the extension is gone (updated, reloaded). */
  const yieldToPage = async (): Promise<void> => {
    await yieldToEventLoop();
    if (!ctx.isValid) await new Promise<never>(() => {});
  };
  /** The body's text index, built over several tasks: on a 1.6 MB page it takes 40-60 ms. */
  const indexBody = (): Promise<TextIndex> => indexInSlices(document.body, BODY_INDEX, { pause: yieldToPage });
  const mode = () => findingMode(settings, siteOf(location.href));

  /** The reader's claims of this page; dismissals and settings come with them. */
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

  function reconcile(storedClaims: Claim[], textIndex: TextIndex): void {
    claims.reconcile(storedClaims, dismissals, document.body, textIndex);
    claims.paint(settings.showHighlights);
    tooltip.refresh();
  }

  /**
   * Paints this pass's choice of suggestions with the reader's current claims, and tells the panel. `pageRead` says
   * whether `found` was read from the page as it is now: the refined pass reads a copy serialised earlier, so the text
   * it was taken from stays the quick pass's, and a change made meanwhile (infinite scroll) still starts a new pass.
   */
  async function showFound(found: PageClaims, chosen: LocatedClaim[], pageRead = true): Promise<void> {
    // The body index and the describe/anchor pass are the heaviest synchronous steps on a large page: the index is
    // built in slices, and describing gets a task of its own, so the page's input is handled in between.
    await yieldToPage();
    const textIndex = await indexBody();
    await yieldToPage();
    if (!ctx.isValid) return;
    if (pageRead) lastText = textIndex.text;
    claims.suggest(chosen, page.url, document.body, textIndex);
    // The stored claims as last read: the reader may have judged one in the panel since this pass began.
    reconcile([...claims.stored.values()], textIndex);
    // Parents, not the roots themselves: Readability's roots are paragraphs, and a re-render that replaces them
    // mutates their parent, which a paragraph no longer in the page cannot contain.
    const rootParents = found.roots.map((root) => root.parentElement ?? root);
    watched = [...rootParents, ...[...claims.ranges.values()].flatMap((r) => blockOf(r.commonAncestorContainer) ?? [])];
    phase = mode() === 'on' && found.roots.length === 0 && claims.list.length === 0 ? 'no-article' : 'ready';
    notifyPanel();
  }

  /** The first pass is timed from the script's start, the others from their request. */
  let firstStart: number | undefined = startedAt;

  /**
   * Two looks at the page. The quick one (in-page heuristic body, linear model) highlights within a few hundred
   * milliseconds; the second asks the extension for Readability's body and the encoder's scores and replaces it.
   */
  async function find(): Promise<void> {
    Object.assign(times, { started: firstStart ?? performance.now(), highlighted: null, refined: null });
    firstStart = undefined;
    page = readPageInfo(document, location.href);
    phase = 'finding';
    // The reader's claims and settings come from the background (a cold service worker takes 100 ms or more to answer):
    // the quick look starts meanwhile, and stops at its next slice if the settings say not to look here.
    let settingsKnown = false;
    const stored = fetchStored().then((list) => {
      claims.stored = new Map(list.map((c) => [c.id, c]));
      settingsKnown = true;
    });
    const slice = async () => {
      await yieldToPage();
      if (settingsKnown && mode() !== 'on') throw new LookingOff();
    };
    const looking = findClaimsIncrementally(document, { checkStyle: true, lang: page.lang, threshold: 0 }, slice).catch(
      (error: unknown) => {
        if (error instanceof LookingOff) return null;
        throw error;
      },
    );
    // Both awaited together: a failing look is handled at once, not left pending while the background answers.
    const [, found] = await Promise.all([stored, looking]);
    const sensitivity = settings.sensitivity;
    const quick: PageClaims =
      mode() === 'on' && found ? found : { roots: [], lang: page.lang, sentences: 0, claims: [] };
    if (!ctx.isValid) return;
    await showFound(quick, chooseClaims(quick.claims, sensitivity));
    times.highlighted = performance.now();
    if (mode() === 'on' && ctx.isValid) await refine(quick, sensitivity);
    // The end-to-end tests and the benchmark wait for this: the page's claims are final until it changes.
    times.refined = performance.now();
    times.finished += 1;
  }

  /** The second look; leaves the quick pass standing when the page changed meanwhile or nothing new was learnt. */
  async function refine(quick: PageClaims, sensitivity: Settings['sensitivity']): Promise<void> {
    // Serialising the page is a task of its own, not the tail of the quick pass's last one.
    await yieldToPage();
    if (passes.isQueued()) return;
    const blocks = await articleBlocks();
    if (!ctx.isValid || passes.isQueued()) return; // the page changed meanwhile: the queued pass starts over
    // Mapping the blocks reads the body's text: built in slices, like the quick pass's, then mapped in a task of its own.
    const bodyIndex = blocks && (await indexBody());
    await yieldToPage();
    const body = (blocks && bodyIndex && candidatesInBlocks(blocks, quick, bodyIndex)) || quick;
    const scores = await encoderScores(body.claims, page.lang);
    if (!ctx.isValid || passes.isQueued() || (body === quick && !scores)) return;
    await showFound(body, chooseClaims(body.claims, sensitivity, scores ?? undefined), false);
  }

  const passes = serialRun(find, () => ctx.isValid);

  function notifyPanel(): void {
    backgroundMessenger.sendMessage('badge:update', { unreviewed: claims.unreviewedCount() }).catch(() => {
      // The badge is a convenience; the panel lists the same claims.
    });
    panelMessenger.sendMessage('page:changed', { url: page.url }).catch(() => {
      // No panel open: nothing to tell.
    });
  }

  function select(id: string): void {
    highlighter?.focus(claims.ranges.get(id) ?? null);
    panelMessenger.sendMessage('claim:select', { id }).catch(() => {
      // The panel is closed; the focus highlight still shows which claim it is.
    });
  }

  function show(id: string): boolean {
    const range = claims.ranges.get(id);
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
    const textIndex = await indexBody();
    const selectors = describeRange(document.body, range, { checkStyle: true, index: textIndex });
    const quote = quoteSelectorOf(selectors);
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

  function claimAt(x: number, y: number): string | null {
    // The browser's own hit test, where it has one, answers "no claim here" (most pointer moves) cheaply.
    if (highlightsAtPoint(globalThis.CSS?.highlights, highlights, x, y) === false) return null;
    const caret = caretAt(document, x, y);
    return caret && claimAtPoint(claims.ranges, caret.node, caret.offset);
  }

  contentMessenger.onMessage('page:state', () => ({
    page,
    phase,
    finding: mode(),
    claims: claims.list,
    passes: { ...times },
  }));
  contentMessenger.onMessage('claim:show', ({ data }) => show(String(data?.id ?? '')));
  contentMessenger.onMessage('claims:refresh', async () => {
    const before = `${mode()} ${settings.sensitivity}`;
    const storedClaims = await fetchStored();
    if (`${mode()} ${settings.sensitivity}` !== before) return passes.request();
    reconcile(storedClaims, await indexBody());
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
  const tooltip = mountTooltip(ctx, (x, y) => claimTooltip(claims, claimAt(x, y)));
  watchPage(ctx, {
    // Until an article or a claim is found, any change may be the page rendering its article late.
    concerns: (node) => watched.length === 0 || watched.some((el) => el.contains(node) || node.contains(el)),
    // Ads and widgets mutate pages constantly; only a change of the page's text is worth a new pass.
    changed: () => {
      if (passes.isRunning()) return passes.request();
      indexBody()
        .then((index) => {
          if (index.text !== lastText) passes.request();
        })
        .catch((error: unknown) => console.warn('Claimlens:', error));
    },
    navigated: () => passes.request(),
  });

  passes.request();
}
