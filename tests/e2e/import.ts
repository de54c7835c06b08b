// A backup imported through the panel's "Import" control, in both browsers: the file is parsed and written by the
// import worker (a module worker of the panel), the live region says what it did, and the Library then finds a claim
// of the file by the first letters of one of its words (the search index was written in the same transactions).
import { expect } from 'vitest';
import { samplePages } from '../../lib/backup/sample-data.ts';
import { serializeBackup } from '../../lib/backup/serialize.ts';
import { OPENER_PATH, waitFor, type BrowserDriver } from './driver.ts';

const PAGES = 12;
const CLAIMS = 240;

/** Hands the file to the hidden file input, as choosing it in the file dialog would. */
const chooseFile = (text: string) => `(() => {
  // The backup controls sit in the footer of the Library and Settings views.
  [...document.querySelectorAll('button')].find((el) => el.textContent.trim() === 'Library')?.click();
  const input = document.querySelector('input[type="file"][aria-label="Backup file to import"]');
  if (!input) return false;
  const files = new DataTransfer();
  files.items.add(new File([${JSON.stringify(text)}], 'claimlens-backup.json', { type: 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
})()`;

const backupNotice = `(() => {
  const lines = [...document.querySelectorAll('.backup [role="status"], .backup [role="alert"]')].map((el) => el.textContent);
  return lines.find((t) => /Imported|Nothing imported|stopped/.test(t ?? '')) ?? null;
})()`;

const searchLibrary = (query: string) => `(() => {
  const box = document.querySelector('input[aria-label="Search all claims"]');
  if (!box) return false;
  box.value = ${JSON.stringify(query)};
  box.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
})()`;

const libraryHits = `(() => {
  const list = document.querySelector('ul[aria-label="Matching claims"]');
  return list ? [...list.querySelectorAll('li')].map((li) => li.textContent.replace(/\\s+/g, ' ').trim()) : null;
})()`;

export async function runImportScenario(driver: BrowserDriver): Promise<void> {
  const pages = samplePages(PAGES, CLAIMS, 11);
  const text = serializeBackup(pages, new Date(Date.UTC(2026, 10, 30)));
  // A panel pinned to no tab: its footer has the backup controls, and nothing else moves meanwhile.
  const panel = await driver.openExtensionPage(OPENER_PATH);
  await waitFor('the Import control', () => panel.evaluate<boolean>(chooseFile(text)));
  const notice = await waitFor(
    'the import to finish',
    async () => (await panel.evaluate<string | null>(backupNotice)) ?? undefined,
    {
      timeout: 60_000,
    },
  );
  expect(notice).toBe(`Imported ${PAGES} pages: ${CLAIMS} added, 0 updated, 0 already up to date.`);

  const word = pages[3]!.claims[2]!.exact.split(/\W+/).find((w) => w.length >= 6)!;
  await waitFor('the Library search box', () => panel.evaluate<boolean>(searchLibrary(word.slice(0, 4))));
  const hits = await waitFor('Library hits', async () => {
    const found = await panel.evaluate<string[] | null>(libraryHits);
    return found && found.length > 0 ? found : undefined;
  });
  expect(
    hits.some((hit) => hit.toLowerCase().includes(word.toLowerCase())),
    `a hit containing "${word}"`,
  ).toBe(true);
}
