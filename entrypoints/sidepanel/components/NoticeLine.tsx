import type { Notice } from '../store/notice';

/**
 * A notice as the reader meets it: errors in an alert, the rest in a polite live region ("Importing… 40,000 of
 * 100,000 claims" is read out as each chunk lands), with a progress bar when the work is counted.
 */
export function NoticeLine({ notice, progressLabel }: { notice: Notice | null; progressLabel?: string }) {
  if (!notice) return null;
  const error = notice.kind === 'error';
  return (
    <>
      <p class={error ? 'error' : 'hint'} role={error ? 'alert' : 'status'}>
        {notice.message}
      </p>
      {notice.kind === 'busy' && notice.progress && (
        <progress max={Math.max(notice.progress.total, 1)} value={notice.progress.done} aria-label={progressLabel} />
      )}
    </>
  );
}
