import { NoticeLine } from './NoticeLine';
import { isWebUrl } from '@/lib/export/web-url';
import { CLAIM_STATUSES } from '@/lib/model';
import { LibraryExport } from './ExportControls';
import { usePanel } from '../store/use-panel';

/** Every annotated page, newest first, searchable across quotes and notes; an entry opens its page. */
export function LibraryView({ openPage: open }: { openPage(url: string): void }) {
  // Only web pages are opened: an address stored before imports were limited to http(s) (data:, file:) stays text.
  const openPage = (url: string) => {
    if (isWebUrl(url)) open(url);
  };
  const pages = usePanel((s) => s.libraryPages);
  const query = usePanel((s) => s.libraryQuery);
  const hits = usePanel((s) => s.libraryHits);
  const notice = usePanel((s) => s.libraryNotice);
  const searchLibrary = usePanel((s) => s.searchLibrary);
  return (
    <section class="library" aria-labelledby="library-title">
      <h1 id="library-title">Library</h1>
      <input
        type="search"
        aria-label="Search all claims"
        placeholder="Search quotes and notes on every page"
        value={query}
        onInput={(e) => void searchLibrary(e.currentTarget.value)}
      />
      <NoticeLine notice={notice} />
      {pages.length > 0 && <LibraryExport />}
      {hits ? (
        <ul class="library-list" aria-label="Matching claims">
          {hits.length === 0 && <li class="hint">No quote or note has words starting with that.</li>}
          {hits.map((claim) => (
            <li key={claim.id}>
              <button type="button" class="link" onClick={() => openPage(claim.pageUrl)}>
                <q>{claim.exact}</q>
              </button>
              <span class={`badge status-${claim.status}`}>{claim.status}</span>
              {claim.note && <p class="hint">{claim.note}</p>}
            </li>
          ))}
        </ul>
      ) : (
        <ul class="library-list" aria-label="Annotated pages">
          {pages.length === 0 && <li class="hint">Pages where you judge or mark claims appear here.</li>}
          {pages.map((page) => (
            <li key={page.url}>
              <button type="button" class="link" disabled={!isWebUrl(page.url)} onClick={() => openPage(page.url)}>
                {page.title}
              </button>
              <p class="hint">
                {page.site} · {new Date(page.lastVisit).toLocaleDateString()} ·{' '}
                {CLAIM_STATUSES.map((s) => `${page.counts[s]} ${s}`).join(', ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
