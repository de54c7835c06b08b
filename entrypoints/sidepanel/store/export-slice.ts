import type { StateCreator } from 'zustand/vanilla';
import { toClaimReviews } from '@/lib/export/claim-review';
import { markdownFileName, toMarkdownWithProgress } from '@/lib/export/markdown';
import type { ExportPage } from '@/lib/export/types';
import { toWebAnnotations } from '@/lib/export/web-annotation';
import { readEverything } from '@/storage/backup-io';
import { pageForExport } from './export-page';
import type { PanelDeps, PanelState } from './panel-store';
import { attempt, type Notice } from './notice';

export type ExportFormat = 'md' | 'jsonld' | 'claimreview';

export interface ExportFile {
  text: string;
  fileName: string;
  type: string;
}

export interface ExportSlice {
  /** Progress of a running Markdown export, for large libraries. */
  exportProgress: { done: number; total: number } | null;
  exportNotice: Notice | null;
  /** The page's claims, or only those with these ids (what the filter shows). */
  exportPage(ids: readonly string[] | null): Promise<ExportFile | null>;
  /** Every page in the library, in one file. */
  exportLibrary(format: ExportFormat): Promise<ExportFile | null>;
  reportExport(notice: Notice): void;
}

const FORMAT_FILE: Record<Exclude<ExportFormat, 'md'>, [suffix: string, type: string]> = {
  jsonld: ['annotations.jsonld', 'application/ld+json'],
  claimreview: ['claimreviews.jsonld', 'application/ld+json'],
};

/** Markdown and open-format exports; Markdown is written in slices so the panel stays responsive at 10,000 claims. */
export function createExportSlice(deps: PanelDeps): StateCreator<PanelState, [], [], ExportSlice> {
  const now = () => new Date(deps.now?.() ?? Date.now());
  return (set, get) => {
    async function markdown(pages: ExportPage[], title?: string): Promise<ExportFile> {
      const exportedAt = now();
      try {
        const text = await toMarkdownWithProgress(pages, {
          exportedAt,
          ...(title ? { title } : {}),
          onProgress: (done, total) => set({ exportProgress: { done, total } }),
        });
        return { text, fileName: markdownFileName(pages, exportedAt), type: 'text/markdown' };
      } finally {
        set({ exportProgress: null });
      }
    }

    async function guarded(build: () => Promise<ExportFile | null>): Promise<ExportFile | null> {
      set({ exportNotice: null });
      return (await attempt(build, (exportNotice) => set({ exportNotice }), 'Export failed')) ?? null;
    }

    return {
      exportProgress: null,
      exportNotice: null,

      exportPage: (ids) =>
        guarded(async () => {
          const page = pageForExport(get(), now().getTime());
          if (!page) return null;
          const wanted = ids && new Set(ids);
          return markdown([wanted ? { ...page, claims: page.claims.filter((c) => wanted.has(c.id)) } : page]);
        }),

      exportLibrary: (format) =>
        guarded(async () => {
          const pages = await readEverything(deps.db);
          if (format === 'md') return markdown(pages, 'Claims');
          const json = format === 'jsonld' ? toWebAnnotations(pages) : toClaimReviews(pages);
          const [suffix, type] = FORMAT_FILE[format];
          return {
            text: JSON.stringify(json, null, 2),
            fileName: `claimlens-${now().toISOString().slice(0, 10)}-${suffix}`,
            type,
          };
        }),

      reportExport: (exportNotice) => set({ exportNotice }),
    };
  };
}
