import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Firefox-only keys live in the manifest function so they never leak into the Chrome manifest.
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  // The Firefox sources zip is for add-on reviewers: code and config, not test artifacts or local tools.
  zip: { excludeSources: ['test-results/**', '.tools/**', 'bench/results/**', '**/*.png'] },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Claimlens',
    description: 'Find, judge and export the check-worthy claims of news articles, entirely on your machine.',
    action: { default_title: 'Open Claimlens' },
    permissions: ['contextMenus'],
    commands: {
      'mark-claim': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: 'Mark the selected text as a claim',
      },
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Show or hide claim highlights',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'claimlens@claimlens.local',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
});
