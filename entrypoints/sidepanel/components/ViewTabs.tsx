import type { PanelView } from '../store/panel-store';
import { usePanel } from '../store/use-panel';

const VIEWS: Array<[PanelView, string]> = [
  ['page', 'This page'],
  ['library', 'Library'],
  ['settings', 'Settings'],
];

export function ViewTabs() {
  const view = usePanel((s) => s.view);
  const setView = usePanel((s) => s.setView);
  return (
    <nav class="view-tabs" aria-label="Views">
      {VIEWS.map(([value, label]) => (
        <button key={value} type="button" aria-pressed={view === value} onClick={() => setView(value)}>
          {label}
        </button>
      ))}
    </nav>
  );
}
