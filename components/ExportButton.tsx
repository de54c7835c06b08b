import { useState } from 'preact/hooks';
import { markdownFileName, toMarkdown } from '../lib/export/markdown';
import { downloadText } from './download';
import { pageForExport } from './export-page';
import { usePanel } from './use-panel';

export function ExportButton() {
  const page = usePanel((s) => s.page);
  const stored = usePanel((s) => s.stored);
  const [error, setError] = useState<string | null>(null);
  const exportMarkdown = () => {
    try {
      const now = new Date();
      const exportPage = pageForExport({ page, stored }, now.getTime());
      if (!exportPage) return;
      downloadText(toMarkdown([exportPage], { exportedAt: now }), markdownFileName([exportPage], now), 'text/markdown');
      setError(null);
    } catch (err) {
      setError(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <>
      <button type="button" class="export" disabled={!page || page.claims.length === 0} onClick={exportMarkdown}>
        Export Markdown
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
