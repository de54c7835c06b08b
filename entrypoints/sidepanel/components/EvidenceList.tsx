import { useState } from 'preact/hooks';
import { siteLabel } from '@/lib/url/evidence-url';
import type { Evidence } from '@/lib/model';
import { usePanel } from '../store/use-panel';

/**
 * Addresses typed and not added yet, by claim: the editor closes when another claim is selected, and what was typed
 * is still there when the claim opens again (for as long as the panel is open).
 */
const typedLinks = new Map<string, string>();

/** Evidence links: shown by their site, opened in a new tab, added by pasting an address. */
export function EvidenceList({ claimId, evidence }: { claimId: string; evidence: Evidence[] }) {
  const addEvidence = usePanel((s) => s.addEvidence);
  const removeEvidence = usePanel((s) => s.removeEvidence);
  const [draft, setTyped] = useState(() => typedLinks.get(claimId) ?? '');
  const setDraft = (value: string) => {
    if (value) typedLinks.set(claimId, value);
    else typedLinks.delete(claimId);
    setTyped(value);
  };
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    const problem = await addEvidence(claimId, draft);
    setError(problem);
    if (!problem) setDraft('');
  };
  return (
    <div class="evidence">
      {evidence.length > 0 && (
        <ul class="evidence-links" aria-label="Evidence">
          {evidence.map((link) => (
            <li key={link.url}>
              <a href={link.url} target="_blank" rel="noopener noreferrer" title={link.url}>
                {link.title ? `${link.title} (${siteLabel(link.url)})` : siteLabel(link.url)}
              </a>
              <button
                type="button"
                class="quiet"
                aria-label={`Remove evidence ${siteLabel(link.url)}`}
                onClick={() => void removeEvidence(claimId, link.url)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="evidence-add"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <input
          type="url"
          inputMode="url"
          aria-label="Evidence link"
          placeholder="https://… source"
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit">Add evidence</button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
