export type Sensitivity = 'fewer' | 'balanced' | 'more';

/** How the panel lists a page's claims: as the article runs, the most check-worthy first, or grouped by status. */
export const CLAIM_ORDERS = ['page', 'check-worthy', 'status'] as const;
export type ClaimOrder = (typeof CLAIM_ORDERS)[number];

/** The reader's preferences, one record. */
export interface Settings {
  id: 'settings';
  /** Find claims automatically on every article. */
  autoFind: boolean;
  /** Sites (host without www.) where automatic finding is off. */
  quietSites: string[];
  sensitivity: Sensitivity;
  showHighlights: boolean;
  /** The panel's order of claims (kept between panels, like the reader's other choices). */
  claimOrder: ClaimOrder;
  /** The reader closed the first-run hint (what the highlights mean, which keys work). */
  firstRunHintDone: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  id: 'settings',
  autoFind: true,
  quietSites: [],
  sensitivity: 'balanced',
  showHighlights: true,
  claimOrder: 'page',
  firstRunHintDone: false,
};
