/**
 * Page furniture written as text: bylines, author bios, datelines, photo credits, print and reprint lines. Never a
 * claim, wherever the page puts them (inside the body, in a paragraph of their own). Every pattern is anchored or
 * built from disjoint character classes, so each runs in time linear in the sentence.
 */

/** Longer than this is prose that happens to start like furniture ("By Tuesday, the council had..."). */
const MAX_FURNITURE = 200;

const NAME = "\\p{Lu}[\\p{L}'’.-]*";
const PARTICLE = '(?:de|da|di|van|von|der|den|la|le|bin|al|el|du|dos|del|y)';
/** "Written by", "Reporting by", "Photographs by": either capitalisation. */
const LEAD_INS = [
  'written',
  'reported',
  'story',
  'words',
  'text',
  'posted',
  'compiled',
  'photographs?',
  'photos?',
  'interview',
  'reporting',
]
  .map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`)
  .join('|');
/** "By Jane Doe", "By JANE DOE and JOHN ROE, Reuters", "Written by Jane Doe | Staff writer", "By AFP". */
const BYLINE = new RegExp(
  `^(?:(?:${LEAD_INS})\\s+)?(?:by|By|BY):?\\s+` +
    `(?:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Then|Now|The|This|That|Contrast|Comparison|Law|Far|Most)\\b)${NAME}(?:\\s+(?:${PARTICLE}\\s+)?${NAME}){1,3}` +
    `|AP|AFP|Reuters|Bloomberg|CNN|BBC|PA|AAP|Staff|Agencies|Associated Press)` +
    '\\s*(?:$|[,;|•·–—/(]|\\s-\\s|\\s(?:and|&)\\s|\\s(?:in|for|at|with|from)\\s\\p{Lu}|\\s(?:Updated|Published|Posted|Staff|Special|Associated|Correspondent|Reporter|Editor)\\b)',
  'u',
);
const BIO = new RegExp(
  [
    '\\bfollow (?:him|her|them|me|us|@\\w+|\\p{Lu}\\p{L}*(?: \\p{Lu}\\p{L}*)?) on (?:twitter|x|instagram|facebook|linkedin|threads|bluesky|mastodon|tiktok)\\b',
    '^follow @\\w',
    '\\bcan be reached (?:at|by|on|via)\\b',
    '\\b(?:contact|email|e-mail|reach) (?:him|her|them|the (?:author|writer|reporter)) (?:at|on|via)\\b',
    `^(?:${NAME}\\s+){1,4}is (?:a|an|the) (?:[\\p{L}-]+ ){0,4}(?:reporter|correspondent|staff writer|writer|editor|columnist|contributor|journalist|producer|critic|blogger)s? (?:for|at|with|on|based in|who covers|covering)\\b`,
    '\\b(?:twitter|instagram|x\\.com)(?: handle)?:? @\\w',
    '^@\\w+$',
  ].join('|'),
  'iu',
);
const PRINT = new RegExp(
  [
    '^an? (?:version|edition) of this (?:[\\p{L}-]+ ){0,2}(?:article|story|report|column|review|essay|piece|op-ed|interview)\\b',
    '\\bappears? in print on\\b',
    '\\b(?:order reprints|today.s paper|reprints? (?:&|and) permissions|print edition)\\b',
    '^(?:©|\\(c\\)\\s*\\d{4}|copyright\\b)',
    '\\ball rights reserved\\b',
    '^this (?:article|story|post|piece) (?:was|has been|is) (?:originally |first |also )?(?:published|updated|corrected|amended|adapted|produced|part of)\\b',
    '^(?:first )?published (?:on|in|at)\\b',
  ].join('|'),
  'iu',
);
const CREDIT = new RegExp(
  [
    '^[(\\[]?\\s*(?:photo|photos|photograph|photography|image|images|picture|illustration|graphic|video|credit|source|caption|image copyright|image caption|media caption)(?: credit| by)?\\s*[:/|]',
    '^[(\\[]?\\s*(?:photo|photograph|image|picture|illustration|video)s? (?:by|courtesy(?: of)?|credit)\\b',
    '(?:/|\\bvia\\s)(?:getty(?: images)?|afp|ap|reuters|epa(?:-efe)?|shutterstock|alamy|istock|rex)\\b',
    '\\b(?:getty images|shutterstock|associated press|ap photo)\\s*[)\\]]?\\s*$',
    // "(Ellen M. Banner / The Seattle Times)", "Oleg Urusov/ Roscosmos Space Agency Press Service photo via AP)".
    "^\\(?\\s*\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){1,3}\\s*/\\s*[^()/]{2,80}\\)?$",
    '\\b(?:photo|image|picture|video)s? (?:via|by|courtesy)\\b',
    '^(?:image|media|photo|picture) (?:copyright|caption|credit)\\b',
  ].join('|'),
  'iu',
);
/** Tokens a dateline is made of: "Updated 10:32 AM ET, Thu March 2, 2017", "22 Dec, 2016 22 Dec, 2016". */
const DATE_TOKENS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|updated|published|posted|modified|last|first|on|at|am|pm|a\.m|p\.m|et|est|edt|pt|pst|pdt|ct|gmt|bst|utc|cet|cest|aest|aedt|ago|hours?|hrs?|minutes?|mins?|days?|today|yesterday|st|nd|rd|th)\b|\d+/gi;

/** Whether a sentence is page furniture rather than article text. */
export function isFurniture(sentence: string): boolean {
  const text = sentence.trim();
  if (!text || text.length > MAX_FURNITURE) return false;
  if (BYLINE.test(text) || BIO.test(text) || PRINT.test(text) || CREDIT.test(text)) return true;
  return isDateline(text);
}

/** A line of dates and times only, with no word of prose left once those are taken out. */
function isDateline(text: string): boolean {
  if (!/\d/.test(text)) return false;
  return !/\p{L}/u.test(text.replace(DATE_TOKENS, ''));
}
