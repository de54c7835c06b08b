// Plain JavaScript run inside the pages (article and panel). Kept as strings: they are evaluated verbatim in the
// page's main world, the same way in both browsers.

import { HIGHLIGHT_POOL } from '../../lib/highlight/names.ts';

/**
 * JavaScript defining `ranges(kind)`: the page's ranges of one kind of Claimlens highlight ('suggested', 'unreviewed', 'sourced',
 * 'unsourced', 'focus'), under whichever name of its pool this load picked (lib/highlight/names.ts).
 */
export const RANGES = `const ranges = (kind) => (${JSON.stringify(HIGHLIGHT_POOL)})[kind].flatMap((n) => [...(CSS.highlights.get(n) ?? [])]);`;

/** Shared helpers: whitespace-normalised text and a small accessible-name lookup (enough for this panel's markup). */
const HELPERS = String.raw`
  ${RANGES}
  const norm = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
  const ROLES = {
    list: 'ul, ol, [role="list"]',
    button: 'button, [role="button"], input[type="button"], input[type="submit"]',
    textbox: 'textarea, input:not([type]), input[type="text"], [role="textbox"]',
    status: '[role="status"], output',
  };
  const textWithoutControls = (el) => {
    const clone = el.cloneNode(true);
    clone.querySelectorAll('textarea, input, select').forEach((c) => c.remove());
    return clone.textContent;
  };
  const nameOf = (el) => {
    const by = el.getAttribute('aria-labelledby');
    if (by) return norm(by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    const label = el.getAttribute('aria-label');
    if (label) return norm(label);
    if (el.labels && el.labels.length) return norm([...el.labels].map(textWithoutControls).join(' '));
    if (el.matches('button, [role="button"]') && norm(el.textContent)) return norm(el.textContent);
    return norm(el.getAttribute('title') ?? el.getAttribute('placeholder') ?? el.value ?? el.textContent);
  };
  const byRole = (scope, role, name) =>
    [...scope.querySelectorAll(ROLES[role])].filter((el) => nameOf(el).toLowerCase() === name.toLowerCase());
  const claimsList = () => byRole(document, 'list', 'Claims')[0] ?? null;
  const items = () => [...(claimsList()?.querySelectorAll('li[data-claim-id]') ?? [])];
  const itemWith = (quote) => items().find((li) => norm(li.textContent).includes(quote)) ?? null;
  // Only the selected claim shows its editor: a reader clicks the row first (its status line: the quote would also
  // scroll the article to the claim). Returns whether it was open already; the panel renders on its next frame.
  const openItem = (li) => {
    if (li.getAttribute('aria-current') === 'true') return true;
    (li.querySelector('.meta') ?? li).click();
    return false;
  };
`;

const js = (value: unknown) => JSON.stringify(value);
const run = (body: string) => `(() => { ${HELPERS}\n${body} })()`;
const runAsync = (body: string) => `(async () => { ${HELPERS}\n${body} })()`;

// ---- Article page ----

export const HIGHLIGHT_NAMES = ['suggested', 'unreviewed', 'sourced', 'unsourced', 'focus'] as const;
export type Highlights = Record<(typeof HIGHLIGHT_NAMES)[number], string[]> & { supported: boolean };

/** The texts of every Claimlens highlight, as the page's own scripts see them. */
export const readHighlights = run(`
  if (typeof CSS === 'undefined' || !CSS.highlights) return { supported: false, suggested: [], unreviewed: [], sourced: [], unsourced: [], focus: [] };
  const out = { supported: true };
  for (const name of ${js(HIGHLIGHT_NAMES)}) {
    out[name] = ranges(name).map((r) => norm(r.toString()));
  }
  return out;
`);

/** What any page script can list: the highlight registry's names and the performance entries naming Claimlens. */
export const pageTraces = run(`
  return {
    names: [...CSS.highlights.keys()],
    entries: performance.getEntries().map((e) => e.name).filter((name) => /claimlens/i.test(name)),
  };
`);

/** Highlighted texts that touch any of the given elements (junk that must never be highlighted). */
export function highlightsInside(selectors: string[]): string {
  return run(`
    const junk = ${js(selectors)}.flatMap((s) => [...document.querySelectorAll(s)]);
    const hits = [];
    for (const name of ${js(HIGHLIGHT_NAMES)}) {
      for (const r of ranges(name)) {
        if (junk.some((el) => r.intersectsNode(el))) hits.push(name + ': ' + norm(r.toString()));
      }
    }
    return hits;
  `);
}

/** Whether the highlighted claim with this text is on screen (after "Show on page"). */
export function claimInViewport(quote: string): string {
  return run(`
    for (const name of ${js(HIGHLIGHT_NAMES)}) {
      for (const r of ranges(name)) {
        if (norm(r.toString()) !== ${js(quote)}) continue;
        const box = r.getBoundingClientRect();
        if (box.bottom > 0 && box.top < innerHeight) return true;
      }
    }
    return false;
  `);
}

// ---- Extension pages ----

export interface PanelItem {
  id: string;
  text: string;
}

/** The items of the "Claims" list, or null while the list is not rendered. */
export const panelItems = run(`
  if (!claimsList()) return null;
  return items().map((li) => ({ id: li.dataset.claimId, text: norm(li.textContent) }));
`);

export interface PanelItemState {
  sourced: string | null;
  unsourced: string | null;
  note: string | null;
  status: string | null;
}

/** aria-pressed of both toggles, the note and the live region of the item showing this quote (opened if need be). */
export function itemState(quote: string): string {
  return run(`
    const li = itemWith(${js(quote)});
    if (!li || !openItem(li)) return null;
    const pressed = (name) => byRole(li, 'button', name)[0]?.getAttribute('aria-pressed') ?? null;
    return {
      sourced: pressed('Sourced'),
      unsourced: pressed('Unsourced'),
      note: byRole(li, 'textbox', 'Note')[0]?.value ?? null,
      status: li.querySelector('[role="status"], output') ? norm(li.querySelector('[role="status"], output').textContent) : null,
    };
  `);
}

/** A control inside the item showing this quote, by role and accessible name (the item opened if need be). */
export function itemControl(quote: string, role: 'button' | 'textbox', name: string): string {
  return run(`
    const li = itemWith(${js(quote)});
    return li && openItem(li) ? byRole(li, ${js(role)}, ${js(name)})[0] ?? null : null;
  `);
}

export function pageControl(role: 'button', name: string): string {
  return run(`return byRole(document, ${js(role)}, ${js(name)})[0] ?? null;`);
}

/**
 * Counts what the item's live region announces from now on, so a "Saved" left over from an earlier change is not
 * taken for this one.
 */
export function watchStatus(quote: string): string {
  return run(`
    const li = itemWith(${js(quote)});
    if (!li || !openItem(li)) return false;
    const region = li.querySelector('[role="status"], output');
    if (!region) return false;
    globalThis.__e2eSaved = 0;
    globalThis.__e2eStatusObserver?.disconnect();
    globalThis.__e2eStatusObserver = new MutationObserver(() => {
      if (norm(region.textContent) === 'Saved') globalThis.__e2eSaved += 1;
    });
    globalThis.__e2eStatusObserver.observe(region, { childList: true, characterData: true, subtree: true });
    return true;
  `);
}
export const savedSinceWatch = `globalThis.__e2eSaved ?? 0`;

/** Keeps every object URL's target and every download name, so the export can be read back. */
export const captureDownloads = run(`
  globalThis.__e2eBlobs = [];
  globalThis.__e2eDownloads = [];
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object) => { globalThis.__e2eBlobs.push(object); return createObjectURL(object); };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download')) globalThis.__e2eDownloads.push(this.download);
    return click.call(this);
  };
  return true;
`);
export const capturedCount = `globalThis.__e2eBlobs?.length ?? 0`;
export const capturedExport = runAsync(`
  const blob = globalThis.__e2eBlobs.at(-1);
  return { text: await blob.text(), type: blob.type, names: globalThis.__e2eDownloads };
`);
