import { useLayoutEffect } from 'preact/hooks';
import { stepSelection } from './claim-view';
import type { PanelClaim, PanelState } from './panel-store';

/** The panel's keys, shown in the "?" overlay. One table so the help can never drift from the behaviour. */
export const SHORTCUTS: Array<[keys: string, action: string]> = [
  ['j or ↓', 'next claim'],
  ['k or ↑', 'previous claim'],
  ['s', 'mark sourced (again: unreviewed)'],
  ['u', 'mark unsourced (again: unreviewed)'],
  ['r', 'back to unreviewed'],
  ['n', 'edit the note'],
  ['e', 'add evidence'],
  ['Enter or o', 'show the claim on the page'],
  ['x', 'delete, or "not a claim" for a suggestion'],
  ['z', 'undo'],
  ['/', 'search'],
  ['f', 'filter by status'],
  ['?', 'show or hide these keys'],
  ['Esc', 'leave a text field, close this help'],
];

const isTextField = (el: Element | null) =>
  !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'checkbox'));

export function focusClaim(id: string | null, part?: string): void {
  if (!id) return;
  const card = document.querySelector<HTMLElement>(`[data-claim-id="${CSS.escape(id)}"]`);
  const target = part ? card?.querySelector<HTMLElement>(part) : card;
  target?.focus();
  card?.scrollIntoView({ block: 'nearest' });
}

export function useKeyboard(state: PanelState, visible: PanelClaim[], help: { open: boolean; toggle(): void }): void {
  // A layout effect: the listener is swapped as the render commits, so the next key already sees the new selection.
  // A plain effect waits for the next paint, and "j" then "u" pressed within one frame marked nothing.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const active = document.activeElement;
      if (event.key === 'Escape') {
        if (help.open) help.toggle();
        else if (isTextField(active)) focusClaim(state.selectedId);
        return;
      }
      if (isTextField(active)) return;
      const selected = visible.find((c) => c.id === state.selectedId) ?? null;
      const move = (step: number) => {
        const id = stepSelection(visible, state.selectedId, step);
        state.select(id);
        focusClaim(id);
      };
      const actions: Record<string, () => void> = {
        j: () => move(1),
        ArrowDown: () => move(1),
        k: () => move(-1),
        ArrowUp: () => move(-1),
        s: () => selected && void state.setStatus(selected.id, selected.status === 'sourced' ? 'unreviewed' : 'sourced'),
        u: () => selected && void state.setStatus(selected.id, selected.status === 'unsourced' ? 'unreviewed' : 'unsourced'),
        r: () => selected && void state.setStatus(selected.id, 'unreviewed'),
        n: () => focusClaim(selected?.id ?? null, 'textarea'),
        e: () => focusClaim(selected?.id ?? null, 'input[type="url"]'),
        Enter: () => selected && void state.show(selected.id),
        o: () => selected && void state.show(selected.id),
        x: () => selected && void (selected.stored ? state.remove(selected.id) : state.dismiss(selected.id)),
        z: () => void state.runUndo(),
        '/': () => document.getElementById('claim-search')?.focus(),
        f: () => document.getElementById('status-filter')?.focus(),
        '?': () => help.toggle(),
      };
      // Enter on a button is the button's own business.
      if (event.key === 'Enter' && active?.tagName === 'BUTTON') return;
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [state, visible, help]);
}
