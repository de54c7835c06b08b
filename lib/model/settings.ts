export type Sensitivity = 'fewer' | 'balanced' | 'more';

/** The reader's preferences, one record. */
export interface Settings {
  id: 'settings';
  /** Find claims automatically on every article. */
  autoFind: boolean;
  /** Sites (host without www.) where automatic finding is off. */
  quietSites: string[];
  sensitivity: Sensitivity;
  showHighlights: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  id: 'settings',
  autoFind: true,
  quietSites: [],
  sensitivity: 'balanced',
  showHighlights: true,
};
