// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { buildTextIndex } from '@/lib/anchoring/text-index';
import type { LocatedClaim } from '@/lib/claims/find-claims';
import { toStoredClaim } from '@/lib/claims/merge';
import { PageClaimList } from './page-claims';
import { claimTooltip, mountTooltip, tooltipStatusLine, type TooltipContent } from './tooltip';

const URL = 'https://news.example/story';
const TEXT = 'Unemployment fell to 3.9% last year, the minister said.';

function pageWithOneSuggestion() {
  document.body.innerHTML = `<article><p>${TEXT}</p></article>`;
  const node = document.querySelector('p')!.firstChild as Text;
  const range = document.createRange();
  range.setStart(node, 0);
  range.setEnd(node, TEXT.length);
  const claims = new PageClaimList(null);
  const found = {
    text: TEXT,
    score: 0.9,
    cues: ['figure', 'attribution'],
    range,
    root: document.body,
  } as unknown as LocatedClaim;
  claims.suggest([found], URL, document.body, buildTextIndex(document.body));
  claims.reconcile([], [], document.body, buildTextIndex(document.body));
  return claims;
}

describe('claimTooltip', () => {
  it('shows the status the claim has after the latest refresh, with its reasons and note', () => {
    const claims = pageWithOneSuggestion();
    const id = claims.list[0]!.id;
    expect(claimTooltip(claims, id)).toEqual({ status: 'unreviewed', note: '', reasons: 'figure, attribution' });

    const marked = {
      ...toStoredClaim(claims.list[0]!, URL, 1),
      status: 'unsourced' as const,
      note: 'No source.\nCheck.',
    };
    claims.reconcile([marked], [], document.body, buildTextIndex(document.body));
    const content = claimTooltip(claims, id)!;
    expect(content.status).toBe('unsourced');
    expect(content.note).toBe('No source.\nCheck.');
    expect(tooltipStatusLine(content)).toBe('unsourced · figure, attribution');
  });

  it('says nothing for no claim or a claim no longer listed', () => {
    const claims = pageWithOneSuggestion();
    expect(claimTooltip(claims, null)).toBeNull();
    expect(claimTooltip(claims, 'gone')).toBeNull();
  });
});

describe('mountTooltip', () => {
  function mount(contentAt: (x: number, y: number) => TooltipContent | null) {
    const ctx = {
      addEventListener: (target: EventTarget, type: string, handler: EventListener) =>
        target.addEventListener(type, handler),
      onInvalidated: () => undefined,
    } as unknown as ContentScriptContext;
    const tooltip = mountTooltip(ctx, contentAt);
    const host = () => document.querySelector<HTMLElement>('[data-claimlens-ui="tooltip"]');
    return { tooltip, host };
  }

  it('puts nothing in the page until a claim is hovered, and takes its host out again', async () => {
    const { host } = mount(() => ({ status: 'unreviewed', note: '', reasons: '' }));
    expect(document.querySelector('claimlens-ui'), 'no host before anything is shown').toBeNull();
    document.dispatchEvent(new MouseEvent('mousemove', { clientX: 10, clientY: 20 }));
    await vi.waitFor(() => expect(host()).not.toBeNull());
    document.documentElement.dispatchEvent(new MouseEvent('mouseleave'));
    expect(host()).toBeNull();
  });

  it('re-reads the hovered claim when the claims are refreshed, and hides when the pointer leaves the page', async () => {
    let status = 'unreviewed';
    const contentAt = vi.fn(() => ({ status, note: '', reasons: '' }));
    const { tooltip, host } = mount(contentAt);
    document.dispatchEvent(new MouseEvent('mousemove', { clientX: 10, clientY: 20 }));
    await vi.waitFor(() => expect(host()?.style.display).toBe('block'));
    expect(contentAt).toHaveBeenLastCalledWith(10, 20);

    status = 'unsourced';
    contentAt.mockClear();
    tooltip.refresh();
    expect(contentAt).toHaveBeenCalledWith(10, 20);
    expect(contentAt).toHaveLastReturnedWith({ status: 'unsourced', note: '', reasons: '' });

    document.documentElement.dispatchEvent(new MouseEvent('mouseleave'));
    expect(host()).toBeNull();
    contentAt.mockClear();
    tooltip.refresh();
    expect(contentAt).not.toHaveBeenCalled();
  });
});
