import { beforeEach, describe, expect, it } from 'vitest';
import { samplePages } from '@/lib/backup/sample-data';
import { importEntries } from '@/storage/backup-io';
import { ClaimlensDb } from '@/storage/db';
import { createPanelStore } from './panel-store';
import { readyPage } from './page-state.fixture';

const pageState = readyPage({ url: 'https://news.example/story', title: 'Musk sues' }, [
  { id: 'a', exact: 'They trained illegally using Twitter data.', selectors: [], origin: 'auto', anchored: true },
  { id: 'b', exact: 'Fees reach $210,000 per month.', selectors: [], origin: 'auto', anchored: true },
]);

let db: ClaimlensDb;
beforeEach(() => {
  db = new ClaimlensDb(`export-${crypto.randomUUID()}`);
});

const store = () =>
  createPanelStore({
    db,
    getPageState: async () => pageState,
    showClaim: async () => true,
    refreshTab: async () => undefined,
    now: () => Date.UTC(2026, 10, 28),
  });

describe('exports from the panel', () => {
  it('exports the page with the reader judgement, named after the page', async () => {
    const s = store();
    await s.getState().followTab(1);
    await s.getState().setStatus('a', 'unsourced');
    await s.getState().setNote('a', 'Only a tweet.');
    await new Promise((r) => setTimeout(r, 30));
    const file = await s.getState().exportPage(null);
    expect(file?.fileName).toBe('musk-sues.md');
    expect(file?.text).toContain('They trained illegally using Twitter data.');
    expect(file?.text).toMatch(/unsourced/i);
    expect(file?.text).toContain('Only a tweet.');
    expect(file?.text).toContain('Fees reach $210,000 per month.');
  });

  it('exports only what the filter shows', async () => {
    const s = store();
    await s.getState().followTab(1);
    const file = await s.getState().exportPage(['b']);
    expect(file?.text).toContain('Fees reach');
    expect(file?.text).not.toContain('trained illegally');
  });

  it('exports the whole library as Markdown with progress, or as JSON-LD', async () => {
    await importEntries(db, samplePages(4, 40, 2));
    const s = store();
    const seen: number[] = [];
    s.subscribe((state) => state.exportProgress && seen.push(state.exportProgress.total));
    const md = await s.getState().exportLibrary('md');
    expect(md?.fileName).toMatch(/^claims-\d{4}-\d{2}-\d{2}\.md$/);
    expect(seen).toContain(40);
    expect(s.getState().exportProgress).toBeNull();
    const jsonld = JSON.parse((await s.getState().exportLibrary('jsonld'))!.text);
    expect(jsonld.type ?? jsonld['@type']).toMatch(/AnnotationCollection/);
    const reviews = await s.getState().exportLibrary('claimreview');
    expect(reviews?.type).toBe('application/ld+json');
  });
});
