import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { reasonsOf } from '@/lib/claims/types';
import type { PageClaimList } from './page-claims';
import { createShadowHost, hideHost, placeHost } from './shadow-host';

const CSS = `
.tip {
  font: 12px/1.4 system-ui, sans-serif; max-width: 280px; padding: 6px 8px; border-radius: 6px;
  background: #1d1f23; color: #f2f3f5; box-shadow: 0 2px 10px rgb(0 0 0 / 0.3); pointer-events: none;
}
.status { font-weight: 600; text-transform: capitalize; }
.note { display: block; margin-top: 2px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
`;

export interface TooltipContent {
  status: string;
  note: string;
  reasons: string;
}

/**
 * What the tooltip says about a claim, read from the same place as the highlight's colour and the badge (the page's
 * merged list and the stored claims of its last refresh), so it always shows the claim's current status.
 */
export function claimTooltip(
  claims: Pick<PageClaimList, 'list' | 'stored' | 'statusOf'>,
  id: string | null,
): TooltipContent | null {
  const claim = id ? claims.list.find((c) => c.id === id) : undefined;
  if (!id || !claim) return null;
  return {
    status: claims.statusOf(id),
    note: claims.stored.get(id)?.note ?? '',
    reasons: reasonsOf(claim).join(', '),
  };
}

/** The tooltip's first line: the status, then why the claim was found. */
export const tooltipStatusLine = (content: TooltipContent): string =>
  content.reasons ? `${content.status} · ${content.reasons}` : content.status;

export interface Tooltip {
  /** Re-reads the hovered claim (after a refresh changed its status or note); hides the tooltip if it is gone. */
  refresh(): void;
}

/**
 * A tooltip over hovered claims: status, why it was found, and the first line of the reader's note. It hides when the
 * pointer leaves the page (to the side panel, say) and is re-read whenever the claims are refreshed, so it never
 * shows a status the reader has since changed.
 */
export function mountTooltip(
  ctx: ContentScriptContext,
  contentAt: (x: number, y: number) => TooltipContent | null,
): Tooltip {
  const { host, root } = createShadowHost('tooltip', CSS);
  const tip = document.createElement('div');
  tip.className = 'tip';
  tip.setAttribute('role', 'tooltip');
  root.append(tip);
  let frame = 0;
  let pointer: { x: number; y: number } | null = null;
  const hide = () => {
    cancelAnimationFrame(frame);
    pointer = null;
    hideHost(host);
  };
  const render = () => {
    if (!pointer) return hide();
    const { x, y } = pointer;
    const content = contentAt(x, y);
    if (!content) {
      hideHost(host);
      return;
    }
    const status = document.createElement('span');
    status.className = 'status';
    status.textContent = tooltipStatusLine(content);
    const note = document.createElement('span');
    note.className = 'note';
    note.textContent = content.note.split('\n')[0] ?? '';
    tip.replaceChildren(status, ...(content.note ? [note] : []));
    placeHost(host, x + 12, y + 16);
  };
  ctx.addEventListener(document, 'mousemove', (event) => {
    const { clientX, clientY } = event as MouseEvent;
    pointer = { x: clientX, y: clientY };
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(render);
  });
  ctx.addEventListener(document.documentElement, 'mouseleave', hide);
  ctx.addEventListener(window, 'blur', hide);
  ctx.onInvalidated(() => host.remove());
  return {
    refresh() {
      if (pointer && host.isConnected) render();
    },
  };
}
