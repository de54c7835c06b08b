import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MAX_VERDICT_LENGTH } from '@/lib/model';
import { NoticeLine } from './NoticeLine';
import { shownVerdict } from '../store/export-page';
import { usePanel } from '../store/use-panel';

/**
 * The reader's verdict on the whole page, above the claims. Small on purpose, so the claims keep the panel: one line
 * ("Add a page verdict") until there is a verdict, then its first two lines and Edit.
 */
export function PageVerdict() {
  const url = usePanel((s) => (s.pageNotice ? null : (s.page?.page.url ?? null)));
  // Keyed by page: another page is another verdict, and an editor open for the last one closes (saving there).
  return url === null ? null : <VerdictBox key={url} url={url} />;
}

const FIELD_ID = 'page-verdict-field';

function VerdictBox({ url }: { url: string }) {
  const verdict = usePanel((s) => shownVerdict(s).verdict);
  const notice = usePanel((s) => s.verdictSaves[url] ?? null);
  const editVerdict = usePanel((s) => s.editVerdict);
  const flushVerdict = usePanel((s) => s.flushVerdict);
  /** `closed`: the reader closed the editor, so focus goes back to the button that opened it. */
  const [mode, setMode] = useState<'initial' | 'editing' | 'closed'>('initial');
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  // In the commit itself, not after paint: a key pressed in between (j) would have its focus taken back.
  useLayoutEffect(() => {
    if (mode === 'editing') fieldRef.current?.focus();
    else if (mode === 'closed') openerRef.current?.focus();
  }, [mode]);
  // Whatever was typed is saved when the box goes (another page, another view).
  useEffect(() => () => void flushVerdict(), [flushVerdict]);

  const open = () => setMode('editing');
  const close = () => {
    setMode('closed');
    void flushVerdict();
  };

  if (mode === 'editing') {
    return (
      <div class="page-verdict editing">
        <label class="verdict-label" for={FIELD_ID}>
          Page verdict
        </label>
        <textarea
          id={FIELD_ID}
          ref={fieldRef}
          rows={3}
          maxLength={MAX_VERDICT_LENGTH}
          value={verdict}
          placeholder="Your overall assessment of this article"
          onInput={(event) => editVerdict(event.currentTarget.value)}
          onBlur={() => void flushVerdict()}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            // The editor's own Escape: the panel's handler would move focus to the selected claim instead.
            event.preventDefault();
            event.stopPropagation();
            close();
          }}
        />
        <div class="verdict-actions">
          <button type="button" onClick={close}>
            Done
          </button>
          <NoticeLine notice={notice} />
        </div>
      </div>
    );
  }
  // Closed, only a failed save is worth the room it takes.
  const failure = notice?.kind === 'error' ? <NoticeLine notice={notice} /> : null;
  if (!verdict.trim()) {
    return (
      <div class="page-verdict">
        <button type="button" class="link verdict-add" ref={openerRef} onClick={open}>
          Add a page verdict
        </button>
        {failure}
      </div>
    );
  }
  return (
    <div class="page-verdict">
      <p class="verdict-text">
        <strong>Verdict:</strong> {verdict}
      </p>
      <button type="button" class="verdict-edit" ref={openerRef} aria-label="Edit page verdict" onClick={open}>
        Edit
      </button>
      {failure}
    </div>
  );
}
