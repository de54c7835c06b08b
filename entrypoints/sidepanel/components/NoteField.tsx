import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

interface Props {
  /** The note as stored. */
  value: string;
  /** The note as typed in this panel and not saved yet, if any: shown instead of the stored one. */
  draft: string | undefined;
  /** Each keystroke: the store keeps it as a draft at once and saves it after a pause. */
  onInput(note: string): void;
  /** Save now (focus left the field, or the card goes away). */
  onFlush(): void;
}

/**
 * A note that saves as you type and at once when focus leaves it. What is typed lives in the store, bound to its
 * claim and page, and in a draft that outlives the panel, so nothing typed is lost when the panel closes, the tab
 * switches or the page navigates.
 */
export function NoteField({ value, draft, onInput, onFlush }: Props) {
  // The latest onFlush, for the unmount: the effect below runs its cleanup only once.
  const flushRef = useRef(onFlush);
  useLayoutEffect(() => {
    flushRef.current = onFlush;
  });
  useEffect(() => () => flushRef.current(), []);

  return (
    <label class="note">
      <span class="note-label">Note</span>
      <textarea
        rows={2}
        value={draft ?? value}
        placeholder="Where does this come from? What would prove it?"
        onInput={(event) => onInput(event.currentTarget.value)}
        onBlur={() => onFlush()}
      />
    </label>
  );
}
