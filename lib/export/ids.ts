const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An IRI for a claim: `urn:uuid:` for the UUIDs Claimlens makes, a Claimlens URN for anything else. */
export function claimIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:claimlens:claim:${encodeURIComponent(id)}`;
}

/** An IRI for the reader's verdict on a page: one verdict a page, so the page's address names it. */
export function pageVerdictIri(pageUrl: string): string {
  return `urn:claimlens:verdict:${encodeURIComponent(pageUrl)}`;
}

export const iso = (epochMs: number) => new Date(epochMs).toISOString();
