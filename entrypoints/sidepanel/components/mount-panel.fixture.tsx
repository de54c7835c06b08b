import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import type { PageState } from '@/lib/messaging/protocol';
import { ClaimlensDb } from '@/storage/db';
import { App } from './App';
import { createPanelStore, type PanelStore } from '../store/panel-store';
import { PanelStoreContext } from '../store/use-panel';

/** The whole panel on a fresh database, following tab 1, whose content script answers `page` (or fails with it). */
export async function mountPanel(page: PageState | Error): Promise<{ db: ClaimlensDb; store: PanelStore }> {
  const db = new ClaimlensDb(`panel-${crypto.randomUUID()}`);
  const store = createPanelStore({
    db,
    getPageState: vi.fn(async () => {
      if (page instanceof Error) throw page;
      return page;
    }),
    showClaim: vi.fn(async () => true),
    refreshTab: vi.fn(async () => undefined),
  });
  await store.getState().followTab(1);
  render(
    <PanelStoreContext.Provider value={store}>
      <App />
    </PanelStoreContext.Provider>,
  );
  return { db, store };
}
