import type { Selector } from '../anchoring/types';
import type { PageClaim } from '../messaging/protocol';
import { positionSelectorOf, type Claim, type Dismissal } from '../model';

/** A claim the finder suggested on this visit, already described by selectors. */
export interface Suggestion extends Omit<PageClaim, 'anchored' | 'origin'> {
  start: number;
  end: number;
}

/** A stored claim and where it anchored this time (null: an orphan). */
export interface AnchoredClaim {
  claim: Claim;
  position: { start: number; end: number } | null;
}

export function positionOf(selectors: Selector[]): { start: number; end: number } | null {
  const position = positionSelectorOf(selectors);
  return position ? { start: position.start, end: position.end } : null;
}

/**
 * Whether a stored claim stands for this suggestion, so the suggestion is not listed beside it: the stored claim is
 * that suggestion judged (the same id), or covers most of the suggestion's text (the reader marked the same sentence
 * by hand). A claim that merely touches or slightly overlaps a neighbouring sentence (a shared space or quote mark,
 * a selection one character too wide) leaves that neighbour listed.
 */
export function supersedes(stored: { id: string; start: number; end: number }, suggestion: Suggestion): boolean {
  if (stored.id === suggestion.id) return true;
  const overlap = Math.min(stored.end, suggestion.end) - Math.max(stored.start, suggestion.start);
  return overlap > 0 && overlap * 2 > suggestion.end - suggestion.start;
}

/**
 * The page's claim list: stored claims where they anchored, the finder's suggestions that no stored claim stands for
 * (the reader's version of a sentence wins over a fresh suggestion of it), in page order; orphans last. Positions of
 * suggestions and stored claims must be offsets into the same text. No id is listed twice.
 */
export function mergeClaims(suggestions: Suggestion[], stored: AnchoredClaim[]): PageClaim[] {
  const anchored = stored.flatMap(({ claim, position }) => (position ? [{ claim, ...position }] : []));
  const storedIds = new Set(stored.map(({ claim }) => claim.id));
  const covered = (s: Suggestion) =>
    storedIds.has(s.id) || anchored.some(({ claim, start, end }) => supersedes({ id: claim.id, start, end }, s));
  const placed: Array<PageClaim & { start: number }> = [
    ...anchored.map(({ claim, start }) => ({ ...fromStored(claim, true), start })),
    ...suggestions
      .filter((s) => !covered(s))
      .map((s) => ({
        id: s.id,
        exact: s.exact,
        selectors: s.selectors,
        origin: 'auto' as const,
        score: s.score,
        cues: s.cues,
        anchored: true,
        start: s.start,
      })),
  ];
  placed.sort((a, b) => a.start - b.start);
  const orphans = stored.filter((s) => s.position === null).map(({ claim }) => fromStored(claim, false));
  return [...placed.map(({ start: _start, ...claim }) => claim), ...orphans];
}

function fromStored(claim: Claim, anchored: boolean): PageClaim {
  return {
    id: claim.id,
    exact: claim.exact,
    selectors: claim.selectors,
    origin: claim.origin,
    score: claim.score,
    cues: claim.cues,
    anchored,
  };
}

/** Whether the reader dismissed this suggestion: by id, or by its text when the page moved it around. */
export function isDismissed(dismissals: readonly Dismissal[], suggestion: { id: string; exact: string }): boolean {
  return dismissals.some((d) => d.id === suggestion.id || d.exact === suggestion.exact);
}

/** The record a suggestion becomes when the reader first judges it (or exports it): unreviewed, no note yet. */
export function toStoredClaim(seen: PageClaim, pageUrl: string, at: number): Claim {
  return {
    id: seen.id,
    pageUrl,
    selectors: seen.selectors,
    exact: seen.exact,
    origin: seen.origin,
    status: 'unreviewed',
    note: '',
    evidence: [],
    ...(seen.score !== undefined ? { score: seen.score } : {}),
    ...(seen.cues ? { cues: seen.cues } : {}),
    createdAt: at,
    updatedAt: at,
  };
}
