export type FindingMode = 'on' | 'off' | 'off-for-site';

/** Whether claims are found automatically on a site, given the reader's settings. */
export function findingMode(settings: { autoFind: boolean; quietSites: readonly string[] }, site: string): FindingMode {
  if (!settings.autoFind) return 'off';
  return settings.quietSites.includes(site) ? 'off-for-site' : 'on';
}
