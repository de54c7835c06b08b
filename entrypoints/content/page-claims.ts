import { anchorAll } from '@/lib/anchoring/anchor';
import { describeRange } from '@/lib/anchoring/describe';
import type { TextIndex } from '@/lib/anchoring/text-index';
import type { LocatedClaim } from '@/lib/claims/find-claims';
import { isDismissed, mergeClaims, positionOf, type Suggestion } from '@/lib/claims/merge';
import { suggestionId } from '@/lib/claims/suggestion-id';
import type { ClaimKind, Highlighter } from '@/lib/highlight/highlighter';
import type { PageClaim } from '@/lib/messaging/protocol';
import type { Claim, ClaimStatus, Dismissal } from '@/lib/model';

const positionIn = (index: TextIndex, range: Range) => ({
  start: index.offsetOf(range.startContainer, range.startOffset),
  end: index.offsetOf(range.endContainer, range.endOffset),
});

/**
 * The claims of the page as this visit sees them: the finder's suggestions and the reader's stored claims, merged,
 * each with its live DOM range, and painted. Everything here is rebuilt from the page and from storage.
 */
export class PageClaimList {
  /** Anchored claims in page order, then orphans. */
  list: PageClaim[] = [];
  ranges = new Map<string, Range>();
  stored = new Map<string, Claim>();
  private suggestions: Suggestion[] = [];
  private suggestionRanges = new Map<string, Range>();

  constructor(private readonly highlighter: Highlighter | null) {}

  /** This pass's suggestions, described by selectors over the body's text and given ids stable across passes. */
  suggest(found: LocatedClaim[], pageUrl: string, body: Element, textIndex: TextIndex): void {
    const seen = new Map<string, number>();
    this.suggestionRanges = new Map();
    this.suggestions = found.map((claim) => {
      const occurrence = seen.get(claim.text) ?? 0;
      seen.set(claim.text, occurrence + 1);
      const id = suggestionId(pageUrl, claim.text, occurrence);
      const selectors = describeRange(body, claim.range, { checkStyle: true, index: textIndex });
      this.suggestionRanges.set(id, claim.range);
      return {
        id,
        exact: claim.text,
        selectors,
        score: claim.score,
        cues: claim.cues,
        ...(positionOf(selectors) ?? { start: 0, end: 0 }),
      };
    });
  }

  /** Re-anchors the stored claims and rebuilds the list around this pass's suggestions (minus dismissed ones). */
  reconcile(storedClaims: Claim[], dismissals: Dismissal[], body: Element, textIndex: TextIndex): void {
    const found = anchorAll(
      body,
      storedClaims.map((c) => c.selectors),
      { checkStyle: true, index: textIndex },
    );
    const anchored = storedClaims.map((claim, i) => ({ claim, range: found[i] ?? null }));
    // The suggestions' offsets are re-read from their live ranges in this index: text that changed outside the
    // article since the pass (no new pass for that) moves every offset, and stale offsets compared with fresh ones
    // made a marked claim look as if it covered its neighbour.
    const suggestions = this.suggestions.flatMap((s) => {
      if (isDismissed(dismissals, s)) return [];
      const range = this.suggestionRanges.get(s.id);
      return [range ? { ...s, ...positionIn(textIndex, range) } : s];
    });
    this.list = mergeClaims(
      suggestions,
      anchored.map(({ claim, range }) => ({ claim, position: range && positionIn(textIndex, range) })),
    );
    this.stored = new Map(storedClaims.map((c) => [c.id, c]));
    const storedRanges = new Map(anchored.flatMap(({ claim, range }) => (range ? [[claim.id, range] as const] : [])));
    this.ranges = new Map(
      this.list.flatMap((c) => {
        const range = storedRanges.get(c.id) ?? this.suggestionRanges.get(c.id);
        return range ? [[c.id, range] as const] : [];
      }),
    );
  }

  statusOf(id: string): ClaimStatus {
    return this.stored.get(id)?.status ?? 'unreviewed';
  }

  unreviewedCount(): number {
    return this.list.filter((c) => c.anchored && this.statusOf(c.id) === 'unreviewed').length;
  }

  paint(visible: boolean): void {
    if (!this.highlighter) return;
    if (!visible) return this.highlighter.clear();
    // Suggestions the reader has not touched are drawn quietly; claims in storage (marked or judged) by their status.
    const byKind: Record<ClaimKind, Range[]> = { suggested: [], unreviewed: [], sourced: [], unsourced: [] };
    for (const claim of this.list) {
      const range = this.ranges.get(claim.id);
      const stored = this.stored.get(claim.id);
      if (range) byKind[stored ? stored.status : 'suggested'].push(range);
    }
    this.highlighter.paint(byKind);
  }
}
