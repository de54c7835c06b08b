// Helpers shared by the Chromium benchmarks: a snapshot of the built extension (other engineers rebuild `.output/`
// while benchmarks run; a copy keeps one run on one build), the median, and formatting.
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionDir } from '../scripts/lib/browsers.ts';

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
