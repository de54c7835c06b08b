import { useState } from 'preact/hooks';
import { downloadText } from './download';
import { NoticeLine } from './NoticeLine';
import { done, failed } from '../store/notice';
import { shownVerdict } from '../store/export-page';
import type { ExportFile, ExportFormat } from '../store/panel-store';
import { usePanel } from '../store/use-panel';

async function copy(file: ExportFile): Promise<void> {
  await navigator.clipboard.writeText(file.text);
}

/** Progress and outcome of an export, announced to screen readers. */
export function ExportStatus() {
  const progress = usePanel((s) => s.exportProgress);
  const notice = usePanel((s) => s.exportNotice);
  if (progress && progress.total > 0) {
    return (
      <p class="hint" role="status">
        <progress max={progress.total} value={progress.done} aria-label="Export progress" /> {progress.done} of{' '}
        {progress.total} claims
      </p>
    );
  }
  return <NoticeLine notice={notice} />;
}

/** Page export: what the list shows (the whole page, or the current filter and search), as a file or on the clipboard. */
export function PageExportButtons({ visibleIds, filtered }: { visibleIds: string[]; filtered: boolean }) {
  const exportPage = usePanel((s) => s.exportPage);
  const report = usePanel((s) => s.reportExport);
  const busy = usePanel((s) => s.exportProgress !== null);
  const page = usePanel((s) => s.page);
  // A page verdict alone is worth exporting: a page with nothing to check may still have been judged as a whole.
  const verdict = usePanel((s) => shownVerdict(s).verdict.trim() !== '');
  const disabled = busy || !page || (visibleIds.length === 0 && !verdict);
  const scope = filtered ? visibleIds : null;
  return (
    <div class="export-buttons">
      <button
        type="button"
        class="export"
        disabled={disabled}
        title={filtered ? 'Exports the claims the filter shows' : 'Exports every claim of this page'}
        onClick={async () => {
          const file = await exportPage(scope);
          if (file) downloadText(file.text, file.fileName, file.type);
        }}
      >
        Export Markdown
      </button>
      <button
        type="button"
        disabled={disabled}
        onClick={async () => {
          const file = await exportPage(scope);
          if (!file) return;
          await copy(file).then(
            () => report(done('Markdown copied to the clipboard.')),
            (error: unknown) =>
              report(failed(`Could not copy: ${error instanceof Error ? error.message : String(error)}`)),
          );
        }}
      >
        Copy Markdown
      </button>
    </div>
  );
}

const FORMATS: Array<[ExportFormat, string]> = [
  ['md', 'Markdown'],
  ['jsonld', 'W3C Web Annotations (JSON-LD)'],
  ['claimreview', 'schema.org ClaimReview (JSON-LD)'],
];

/** Library export: everything, in Markdown or an open format other tools read. */
export function LibraryExport() {
  const exportLibrary = usePanel((s) => s.exportLibrary);
  const busy = usePanel((s) => s.exportProgress !== null);
  const [format, setFormat] = useState<ExportFormat>('md');
  return (
    <div class="library-export">
      <label class="field">
        Export format
        <select value={format} onInput={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {FORMATS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          const file = await exportLibrary(format);
          if (file) downloadText(file.text, file.fileName, file.type);
        }}
      >
        Export everything
      </button>
      <ExportStatus />
    </div>
  );
}
