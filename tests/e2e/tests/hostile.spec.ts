import { test, expect, dialog, everyTab } from './fixtures';

// The hostile data set (crates/sandbox/src/hostile.rs): every text the modal shows is an attack or
// an oddity, and values are out of range. Each payload would call window.__pwned if it ever ran:
// the trap must stay untouched while every tab renders, and the modal must stay usable.

test('hostile data renders as inert text on every tab, executes nothing, and the modal stays usable', async ({ page, sandbox, errors }) => {
  await page.addInitScript(() => {
    (window as any).__calls = [];
    (window as any).__pwned = (what: string) => (window as any).__calls.push(what);
  });
  await sandbox.load('hostile');
  await page.goto('/casos/1001');
  const d = dialog(page);
  await expect(d).toBeVisible();
  await everyTab(d, async (_, panel) => {
    // disclosures and channels too: their content is hostile as well
    const disclosure = panel.getByRole('button', { name: /questionário|Ver comentários/ }).first();
    if (await disclosure.count()) await disclosure.click();
    const channels = panel.getByRole('group', { name: 'Canais com interações' }).getByRole('button');
    for (let c = 0; c < await channels.count(); c++) await channels.nth(c).click();
  });
  const tabs = d.getByRole('tab');
  // the megabyte-long subject is shown clipped, saying so
  await tabs.nth(0).click();
  await expect(d.getByRole('tabpanel')).toContainText(/… \(mais \d+ caracteres não exibidos\)/);
  // the payloads are there, as text
  await tabs.nth(1).click();
  await expect(d.getByRole('tabpanel')).toContainText("<script>window.__pwned && window.__pwned('script')</script>");
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as any).__calls)).toEqual([]);
  // no markup of the data reached the page
  expect(await page.locator('.cv-dialog script, .cv-dialog svg circle, .cv-dialog math, .cv-dialog img[src=x]').count()).toBe(0);
  // still usable: the keyboard moves between tabs, Escape closes
  await tabs.nth(0).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(d).toHaveCount(0);
});
