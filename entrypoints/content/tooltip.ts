import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowHost, placeHost } from './shadow-host';

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

/** A tooltip over hovered claims: status, why it was found, and the first line of the reader's note. */
export function mountTooltip(ctx: ContentScriptContext, contentAt: (x: number, y: number) => TooltipContent | null) {
  const { host, root } = createShadowHost('tooltip', CSS);
  const tip = document.createElement('div');
  tip.className = 'tip';
  tip.setAttribute('role', 'tooltip');
  root.append(tip);
  let frame = 0;
  ctx.addEventListener(document, 'mousemove', (event) => {
    const { clientX, clientY } = event as MouseEvent;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const content = contentAt(clientX, clientY);
      if (!content) {
        host.style.display = 'none';
        return;
      }
      const status = document.createElement('span');
      status.className = 'status';
      status.textContent = content.reasons ? `${content.status} · ${content.reasons}` : content.status;
      const note = document.createElement('span');
      note.className = 'note';
      note.textContent = content.note.split('\n')[0] ?? '';
      tip.replaceChildren(status, ...(content.note ? [note] : []));
      placeHost(host, clientX + 12, clientY + 16);
    });
  });
  ctx.onInvalidated(() => host.remove());
}
