// Helpers shared by the Chromium benchmarks: a snapshot of the built extension (other engineers rebuild `.output/`
// while benchmarks run; a copy keeps one run on one build), the median, and formatting.
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionDir, type ChromiumSession } from '../scripts/lib/browsers.ts';
import { createTabScript, OPENER_PATH, pageStateScript } from '../scripts/lib/extension-tabs.ts';
import type { PageState, PassTimes } from '../lib/messaging/protocol.ts';

export interface ExtensionSnapshot {
  dir: string;
  /** When the copied build was made (manifest mtime), for the report. */
  builtAt: Date;
  remove(): void;
}

export function snapshotExtension(): ExtensionSnapshot {
  const source = extensionDir('chromium');
  const manifest = join(source, 'manifest.json');
  if (!existsSync(manifest)) throw new Error(`No built extension in ${source}: run \`npx wxt build\` first.`);
  const builtAt = statSync(manifest).mtime;
  const root = mkdtempSync(join(tmpdir(), 'claimlens-bench-ext-'));
  const dir = join(root, 'chrome-mv3');
  cpSync(source, dir, { recursive: true });
  return { dir, builtAt, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');

/** The 1-minute load average and core count, so each figure says how busy the shared machine was. */
export async function loadNote(): Promise<string> {
  const { loadavg, cpus } = await import('node:os');
  return `load ${loadavg()[0]!.toFixed(2)}/${cpus().length} cores`;
}

/** A web page in a tab the extension opened (so its id is known), and the content script's `page:state` for it. */
export interface ArticleTab {
  page: Page;
  tabId: number;
  /** The content script's `page:state` (null while it does not answer). */
  state(): Promise<PageState | null>;
  /** The content script's passes so far (null while it does not answer). */
  passes(): Promise<PassTimes | null>;
  close(): Promise<void>;
}

/** Opens `url` through an extension page, as the end-to-end tests do, and waits for its load event. */
export async function openArticleTab(session: ChromiumSession, url: string): Promise<ArticleTab> {
  const opener = await session.context.newPage();
  await opener.goto(session.extensionOrigin + OPENER_PATH, { waitUntil: 'load' });
  const [page, tabId] = await Promise.all([
    session.context.waitForEvent('page', { timeout: 60_000 }),
    opener.evaluate(createTabScript(url)) as Promise<number>,
  ]);
  await page.waitForURL(url, { waitUntil: 'load', timeout: 60_000 });
  const state = async () => (await opener.evaluate(pageStateScript(tabId))) as PageState | null;
  return {
    page,
    tabId,
    state,
    passes: async () => (await state())?.passes ?? null,
    close: async () => {
      await page.close();
      await opener.close();
    },
  };
}

/** Polls until the content script has finished `count` passes (quick look and refinement). */
export async function waitForPasses(tab: ArticleTab, count = 1, timeoutMs = 120_000): Promise<PassTimes> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const passes = await tab.passes();
    if (passes && passes.finished >= count) return passes;
    if (Date.now() > deadline) throw new Error(`The content script finished no pass within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
