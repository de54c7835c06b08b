/** Whether the trained check-worthiness model applies to a page language (BCP 47 tag; empty = unknown, assume it). */
export function isScoringLanguage(lang: string): boolean {
  const tag = lang.trim().toLowerCase();
  return tag === '' || tag === 'en' || tag.startsWith('en-') || tag.startsWith('en_');
}
