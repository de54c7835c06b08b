import { useLayoutEffect } from 'preact/hooks';
import { nextUnreviewed, stepSelection } from '../store/claim-view';
import type { PanelClaim, PanelState } from '../store/panel-store';

interface KeyContext {
  state: PanelState;
  selected: PanelClaim | null;
  move(step: number): void;
  /** To the next claim still waiting for a verdict. */
  nextUnreviewed(): void;
  help: { open: boolean; toggle(): void };
  inTextField: boolean;
}

interface Binding {
  /** `KeyboardEvent.key` values. */
  keys: string[];
  /** What the "?" overlay says the keys do. */
  action: string;
  /** Also while a text field has focus (otherwise typed letters stay letters). */
  inTextFields?: true;
  run(c: KeyContext): void;
}

/** The panel's keys: the handler and the "?" overlay both read this one table, so the help cannot drift. */
const BINDINGS: Binding[] = [
  { keys: ['j', 'ArrowDown'], action: 'next claim', run: (c) => c.move(1) },
  { keys: ['k', 'ArrowUp'], action: 'previous claim', run: (c) => c.move(-1) },
  { keys: ['g'], action: 'next unreviewed claim', run: (c) => c.nextUnreviewed() },
  { keys: ['s'], action: 'mark sourced (again: unreviewed)', run: (c) => toggle(c, 'sourced') },
  { keys: ['u'], action: 'mark unsourced (again: unreviewed)', run: (c) => toggle(c, 'unsourced') },
  {
    keys: ['r'],
    action: 'back to unreviewed',
    run: (c) => c.selected && void c.state.setStatus(c.selected.id, 'unreviewed'),
  },
  { keys: ['n'], action: 'edit the note', run: (c) => focusClaim(c.selected?.id ?? null, 'textarea') },
  { keys: ['e'], action: 'add evidence', run: (c) => focusClaim(c.selected?.id ?? null, 'input[type="url"]') },
  {
    keys: ['Enter', 'o'],
    action: 'show the claim on the page',
    run: (c) => c.selected && void c.state.show(c.selected.id),
  },
  {
    keys: ['x'],
    action: 'delete, or "not a claim" for a suggestion',
    run: (c) => c.selected && void (c.selected.stored ? c.state.remove(c.selected.id) : c.state.dismiss(c.selected.id)),
  },
  { keys: ['z'], action: 'undo', run: (c) => void c.state.runUndo() },
  { keys: ['/'], action: 'search', run: () => document.getElementById('claim-search')?.focus() },
  {
    keys: ['f'],
    action: 'filter by status (the counts)',
    run: (c) => document.getElementById(`filter-${c.state.filter === 'all' ? 'unreviewed' : c.state.filter}`)?.focus(),
  },
  { keys: ['?'], action: 'show or hide these keys', run: (c) => c.help.toggle() },
  {
    keys: ['Escape'],
    action: 'back to the claim (from a field or the header), close this help',
    inTextFields: true,
    run: (c) => {
      if (c.help.open) c.help.toggle();
      else focusClaim(c.state.selectedId);
    },
  },
];

function toggle(c: KeyContext, status: 'sourced' | 'unsourced'): void {
  if (c.selected) void c.state.setStatus(c.selected.id, c.selected.status === status ? 'unreviewed' : status);
}

const KEY_NAMES: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc' };

/** The panel's keys as the "?" overlay lists them. */
export const SHORTCUTS: Array<[keys: string, action: string]> = BINDINGS.map((b) => [
  b.keys.map((k) => KEY_NAMES[k] ?? k).join(' or '),
  b.action,
]);

const BY_KEY = new Map(BINDINGS.flatMap((b) => b.keys.map((k) => [k, b] as const)));

const isTextField = (el: Element | null) =>
  !!el &&
  (el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'checkbox'));

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
      const inTextField = isTextField(active);
      const binding = BY_KEY.get(event.key);
      if (!binding || (inTextField && !binding.inTextFields)) return;
      // Enter on a button is the button's own business.
      if (event.key === 'Enter' && active?.tagName === 'BUTTON') return;
      const go = (id: string | null) => {
        if (!id) return;
        state.select(id);
        focusClaim(id);
      };
      const move = (step: number) => go(stepSelection(visible, state.selectedId, step));
      const selected = visible.find((c) => c.id === state.selectedId) ?? null;
      event.preventDefault();
      binding.run({
        state,
        selected,
        move,
        nextUnreviewed: () => go(nextUnreviewed(visible, state.selectedId)),
        help,
        inTextField,
      });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [state, visible, help]);
}
