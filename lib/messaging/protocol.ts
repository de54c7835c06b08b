import { defineExtensionMessaging } from '@webext-core/messaging';
import type { z } from 'zod';
import type { newManualClaimRequest } from './validate';
import type { Selector } from '../anchoring/types';
import type { Cue } from '../claims/types';
import type { Claim, ClaimOrigin, Dismissal, Settings } from '../model';
import type { FindingMode } from '../claims/sensitivity';

/** What the page says about itself; the panel files claims under `url`. */
export interface PageInfo {
  url: string;
  title: string;
  site: string;
  lang: string;
}

/** A claim as the page sees it: where it is and why it was found. Status and note live in storage. */
export interface PageClaim {
  id: string;
  exact: string;
  selectors: Selector[];
  origin: ClaimOrigin;
  score?: number;
  cues?: Cue[];
  /** False for a stored claim whose text is no longer on the page (an orphan). */
  anchored: boolean;
}

export type PagePhase = 'finding' | 'ready' | 'no-article';

/**
 * The content script's passes over the page, timed on the page's clock (`performance.now()`, ms). The end-to-end tests
 * and the benchmark read them here: performance entries would tell the page that Claimlens runs.
 */
export interface PassTimes {
  /** Passes finished: the quick look and the refinement that follows it. */
  finished: number;
  /** The last pass: when it started, painted its first highlights, and finished (null until then). */
  started: number | null;
  highlighted: number | null;
  refined: number | null;
}

export interface PageState {
  page: PageInfo;
  phase: PagePhase;
  /** Whether the finder ran here, or the reader turned it off (everywhere or for this site). */
  finding: FindingMode;
  /** Anchored claims in page order, then orphans. */
  claims: PageClaim[];
  passes: PassTimes;
}

/** Bounds of one `claims:score` request: a long article has a few hundred sentences (the sender sends more in turns). */
export const MAX_SCORE_TEXTS = 400;
export const MAX_SCORE_TEXT_LENGTH = 2000;
/** A serialised page for `article:blocks`: the 1.6 MB front page of the corpus fits ten times over. */
export const MAX_ARTICLE_HTML = 16_000_000;

/** Content script → background. Every payload is validated there (see lib/messaging/validate.ts). */
export interface BackgroundProtocol {
  /** The reader's claims and dismissed suggestions for the sender's page, for re-anchoring on load. */
  'page:annotations'(data: { url: string }): PageAnnotations;
  /** The reader marked a passage as a claim by hand. */
  'claim:create'(data: NewManualClaim): Claim;
  /** How many claims on the sender's tab still wait for a judgement (the toolbar badge). */
  'badge:update'(data: { unreviewed: number }): void;
  /**
   * Check-worthiness of sentences by the on-device encoder: one probability in [0, 1] per text, in order. At most
   * MAX_SCORE_TEXTS texts of at most MAX_SCORE_TEXT_LENGTH characters (lib/messaging/validate.ts); rejects otherwise,
   * and when the model cannot be loaded.
   */
  'claims:score'(data: { texts: string[] }): { scores: number[] };
  /**
   * The text blocks of the article Mozilla Readability finds in the sender's serialised page, or null when the page is
   * not an article; parsed in an extension context, since Readability blocks a page for up to 120 ms.
   */
  'article:blocks'(data: { html: string; url: string }): { blocks: string[] | null };
}

export interface PageAnnotations {
  claims: Claim[];
  dismissals: Dismissal[];
  settings: Settings;
}

/** The reader's own claim, as the background validates it (./validate.ts): the schema is the type. */
export type NewManualClaim = z.infer<typeof newManualClaimRequest>;

/** Side panel → content script of one tab. */
export interface ContentProtocol {
  'page:state'(): PageState;
  /** Scroll the claim into view and flash it; false when it is not on the page. */
  'claim:show'(data: { id: string }): boolean;
  /** Stored claims changed: fetch them again and repaint the highlights. */
  'claims:refresh'(): void;
  /** Mark the reader's current selection as a claim (context menu, keyboard shortcut); false when nothing is selected. */
  'selection:mark'(): boolean;
}

/** Content script → side panel (broadcast; no one may be listening). */
export interface PanelProtocol {
  'page:changed'(data: { url: string }): void;
  /** The reader picked this claim on the page (clicked its highlight, or just marked it). */
  'claim:select'(data: { id: string }): void;
}

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
export const contentMessenger = defineExtensionMessaging<ContentProtocol>();
export const panelMessenger = defineExtensionMessaging<PanelProtocol>();
