import { browser } from 'wxt/browser';
/**
 * The toolbar button opens the reader's panel: Chrome's side panel opens itself once told to; Firefox's sidebar has
 * to be toggled from the click (a user gesture, which `sidebarAction.toggle` requires).
 */
interface FirefoxSidebar {
  sidebarAction: { toggle(): Promise<void> };
}

export function openPanelOnActionClick(): void {
  if (import.meta.env.FIREFOX) {
    browser.action.onClicked.addListener(() => {
      void (browser as unknown as FirefoxSidebar).sidebarAction.toggle();
    });
    return;
  }
  browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.error('Claimlens: could not make the toolbar button open the side panel', error);
  });
}
