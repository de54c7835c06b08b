import type { Sensitivity } from '../../storage/types';
import { CLAIM_THRESHOLD } from './score';

/** The reader's sensitivity, as a score threshold around the one chosen on held-out data. */
export function thresholdFor(sensitivity: Sensitivity): number {
  if (sensitivity === 'fewer') return Math.min(0.95, CLAIM_THRESHOLD + 0.2);
  if (sensitivity === 'more') return Math.max(0.05, CLAIM_THRESHOLD - 0.2);
  return CLAIM_THRESHOLD;
}

export type FindingMode = 'on' | 'off' | 'off-for-site';

/** Whether claims are found automatically on a site, given the reader's settings. */
export function findingMode(settings: { autoFind: boolean; quietSites: readonly string[] }, site: string): FindingMode {
  if (!settings.autoFind) return 'off';
  return settings.quietSites.includes(site) ? 'off-for-site' : 'on';
}
