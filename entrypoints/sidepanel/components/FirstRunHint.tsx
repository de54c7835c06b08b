import { usePanel } from '../store/use-panel';

/**
 * Until the reader closes it: what the marks on the page mean and the keys that matter most. Kept to two lines at a
 * side panel's width so the claims still fill the panel.
 */
export function FirstRunHint() {
  const show = usePanel((s) => s.settingsLoaded && !s.settings.firstRunHintDone);
  const changePanelPrefs = usePanel((s) => s.changePanelPrefs);
  if (!show) return null;
  return (
    <aside class="first-run" aria-label="How Claimlens works">
      <p>
        <span class="sample-suggested">Dotted underline</span>: a suggested claim;{' '}
        <span class="sample-judged">fill</span>: one you judged. <kbd>j</kbd> <kbd>k</kbd> move, <kbd>s</kbd> sourced,{' '}
        <kbd>u</kbd> unsourced, <kbd>g</kbd> next unreviewed, <kbd>?</kbd> all keys.
      </p>
      <button type="button" class="quiet" onClick={() => void changePanelPrefs({ firstRunHintDone: true })}>
        Got it
      </button>
    </aside>
  );
}
