import { beforeEach, describe, expect, it } from 'vitest';
import { ClaimlensDb } from './db';
import { readSettings, setSiteQuiet, updateSettings } from './settings';
import { DEFAULT_SETTINGS } from '../lib/model';

let db: ClaimlensDb;
beforeEach(() => {
  db = new ClaimlensDb(`settings-${crypto.randomUUID()}`);
});

describe('settings', () => {
  it('starts from the defaults and keeps what the reader changes', async () => {
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    await updateSettings(db, { sensitivity: 'more', showHighlights: false });
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, sensitivity: 'more', showHighlights: false });
  });

  it('turns finding off and on per site', async () => {
    await setSiteQuiet(db, 'news.example', true);
    await setSiteQuiet(db, 'blog.example', true);
    expect((await readSettings(db)).quietSites).toEqual(['blog.example', 'news.example']);
    await setSiteQuiet(db, 'news.example', false);
    expect((await readSettings(db)).quietSites).toEqual(['blog.example']);
  });
});
