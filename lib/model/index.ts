// The domain model: what a claim, a page record, a dismissal and the settings are, and the small pure helpers every
// layer shares. It imports nothing from storage, messaging or the UI, so each of them can depend on it.
export * from './claim';
export * from './search-text';
export * from './selectors';
export * from './settings';
export * from './status';
