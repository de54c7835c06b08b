import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  value: string;
  onSave(note: string): void;
}

const SAVE_DELAY_MS = 400;

/** A note that saves as you type (debounced) and at once when focus leaves it, so nothing typed is lost. */
export function NoteField({ value, onSave }: Props) {
  const [draft, setDraft] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pending = useRef<string | null>(null);

  // Another panel or tab changed the note: show it, unless the reader is mid-edit here.
  useEffect(() => {
    if (pending.current === null) setDraft(value);
  }, [value]);

  const flush = () => {
    clearTimeout(timer.current);
    if (pending.current !== null) {
      const note = pending.current;
      pending.current = null;
      onSave(note);
    }
  };
  useEffect(() => flush, []);

  return (
    <label class="note">
      <span class="note-label">Note</span>
      <textarea
        rows={2}
        value={draft}
        placeholder="Where does this come from? What would prove it?"
        onInput={(event) => {
          const note = event.currentTarget.value;
          setDraft(note);
          pending.current = note;
          clearTimeout(timer.current);
          timer.current = setTimeout(flush, SAVE_DELAY_MS);
        }}
        onBlur={flush}
      />
    </label>
  );
}
