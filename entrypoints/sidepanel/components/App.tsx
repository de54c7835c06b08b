import type { ComponentChildren } from 'preact';
import { LibraryView } from './LibraryView';
import { PageView } from './PageView';
import { SettingsView } from './SettingsView';
import { usePanel } from '../store/use-panel';
import { ViewTabs } from './ViewTabs';

interface Props {
  footer?: ComponentChildren;
  openPage?(url: string): void;
}

export function App({ footer, openPage = (url) => window.open(url, '_blank', 'noopener') }: Props) {
  const view = usePanel((s) => s.view);
  return (
    <main class="panel" aria-label="Claimlens">
      <ViewTabs />
      {view === 'page' && <PageView />}
      {view === 'library' && <LibraryView openPage={openPage} />}
      {view === 'settings' && <SettingsView />}
      {footer && view !== 'page' && <footer class="panel-footer">{footer}</footer>}
    </main>
  );
}
