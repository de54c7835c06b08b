import type { ClaimlensDb } from './db';
import { DEFAULT_SETTINGS, type Settings } from '../lib/model';

export async function readSettings(db: ClaimlensDb): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await db.settings.get('settings')) };
}

export async function updateSettings(db: ClaimlensDb, patch: Partial<Omit<Settings, 'id'>>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next: Settings = { ...(await readSettings(db)), ...patch, id: 'settings' };
    await db.settings.put(next);
    return next;
  });
}

/** Turns automatic finding on or off for one site, leaving the others as they are. */
export async function setSiteQuiet(db: ClaimlensDb, site: string, quiet: boolean): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await readSettings(db);
    const others = current.quietSites.filter((s) => s !== site);
    return updateSettings(db, { quietSites: quiet ? [...others, site].sort() : others });
  });
}
