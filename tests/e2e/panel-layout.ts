// Panel v2 (issue 14): the compact list. At 360 × 800 with nothing selected, at least 8 claims of the sample article
// are in sight; selecting with the keyboard opens exactly one; and from 200 px wide (Firefox's sidebar opens at about
// 230) no control or text runs past the panel's edge or is cut off, in every view.
import { join } from 'node:path';
import { expect } from 'vitest';
import { waitFor, type BrowserDriver, type PageDriver } from './driver.ts';
import { openArticleWithPanel, pressUntil } from './keyboard.ts';
import { ARTIFACTS_DIR } from './scenario.ts';

/** The rows of the claim list: wholly in sight or not, and whether the editor is open in them. */
const rows = `(() => [...document.querySelectorAll('ul[aria-label="Claims"] > li[data-claim-id]')].map((li) => {
  const r = li.getBoundingClientRect();
  return {
    id: li.dataset.claimId,
    inSight: r.top >= 0 && r.bottom <= innerHeight && r.height > 0,
    open: li.querySelector('textarea, [role="group"][aria-label="Status"]') !== null,
    current: li.getAttribute('aria-current') === 'true',
  };
}))()`;

interface Row {
  id: string;
  inSight: boolean;
  open: boolean;
  current: boolean;
}

/**
 * Everything laid out past the panel's right or left edge, and every box whose content is cut off sideways (an
 * `overflow` other than visible with more content than room). Screen-reader-only text (1 px, clipped on purpose) and
 * the inside of form fields (which scroll their own text) are not the reader's concern.
 */
const overflows = `(() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  const describe = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + (el.textContent || el.getAttribute('aria-label') || '').replace(/\\s+/g, ' ').trim().slice(0, 40) + '"';
  if (document.documentElement.scrollWidth > width) out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.visually-hidden, option, script, style, template')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > width + 0.5 || r.left < -0.5) out.push(describe(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + width);
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) continue;
    const style = getComputedStyle(el);
    if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) out.push(describe(el) + ' cut off: ' + el.scrollWidth + ' > ' + el.clientWidth);
  }
  return out;
})()`;

const clickView = (name: string) => `(() => {
  const b = [...document.querySelectorAll('nav[aria-label="Views"] button')].find((x) => x.textContent.trim() === ${JSON.stringify(name)});
  b?.click();
  return !!b;
})()`;

async function expectNoOverflow(panel: PageDriver, where: string): Promise<void> {
  // Layout settles within a frame or two of a change; poll rather than guess how long that takes.
  const seen = await waitFor(`${where}: the layout`, async () => {
    const found = await panel.evaluate<string[]>(overflows);
    return found.length === 0 ? found : undefined;
  }).catch(() => panel.evaluate<string[]>(overflows));
  expect(seen, `${where}: nothing overflows or is cut off`).toEqual([]);
}

export async function runPanelLayoutScenario(driver: BrowserDriver, url: string): Promise<void> {
  const { panel } = await openArticleWithPanel(driver, url);
  await panel.bringToFront();
  await panel.setViewport(360, 800);

  // A new reader's panel: nothing selected, the first-run hint still there.
  const first = await waitFor('the list laid out at 360 × 800', async () => {
    const list = await panel.evaluate<Row[]>(rows);
    return list.length > 0 && list.some((r) => r.inSight) ? list : undefined;
  });
  expect(
    await panel.evaluate<boolean>(`!!document.querySelector('aside[aria-label="How Claimlens works"]')`),
    'the first-run hint',
  ).toBe(true);
  expect(
    first.filter((r) => r.open || r.current),
    'nothing selected: every claim is a row',
  ).toEqual([]);
  await panel.screenshot(join(ARTIFACTS_DIR, `${driver.name}-panel-360x800.png`));
  const inSight = first.filter((r) => r.inSight).length;
  expect(inSight, `claims wholly in sight at 360 × 800 (of ${first.length})`).toBeGreaterThanOrEqual(8);

  // Selecting from the keyboard opens the selected claim and only it; moving on closes it again.
  for (const step of [1, 2, 3]) {
    const focus = await pressUntil(panel, 'j', `claim ${step} selected`, (f) => f.onCard);
    const list = await waitFor(`claim ${step} open`, async () => {
      const now = await panel.evaluate<Row[]>(rows);
      const current = now.filter((r) => r.current);
      return current.length === 1 && current[0]!.open ? now : undefined;
    });
    expect(list.filter((r) => r.open).length, `open claims after ${step} × j (${focus.cardQuote})`).toBe(1);
    expect(
      list.findIndex((r) => r.open),
      'the open claim is the one selected',
    ).toBe(step - 1);
  }

  for (const width of [200, 230]) {
    await panel.setViewport(width, 800);
    await expectNoOverflow(panel, `${width} px, a claim open`);
    await panel.screenshot(join(ARTIFACTS_DIR, `${driver.name}-panel-${width}-open.png`));
    await pressUntil(panel, '?', 'the keyboard help', (f) => f.tag === 'button');
    await expectNoOverflow(panel, `${width} px, keyboard help`);
    await panel.press('Escape');
    await waitFor('the keyboard help closed', () => panel.evaluate<boolean>(`!document.querySelector('dialog[open]')`));
    for (const view of ['Library', 'Settings', 'This page']) {
      expect(await panel.evaluate<boolean>(clickView(view)), `the ${view} tab`).toBe(true);
      await expectNoOverflow(panel, `${width} px, ${view}`);
    }
  }
}
