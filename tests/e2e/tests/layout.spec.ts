import { test, expect, dialog, pickTab, TABS } from './fixtures';
import type { Locator, Page } from '@playwright/test';

// The widget fits its host at every width: every tab is reachable (the strip, or its "Mais"
// menu), the selected tab is in view, nothing in a panel's toolbar is cut, neither the page nor a
// panel scrolls sideways, and from 768 px no list does and every column header is in view.

async function box(l: Locator) {
  const b = await l.boundingBox();
  expect(b, 'laid out').not.toBeNull();
  return b!;
}

async function within(inner: Locator, outer: Locator, what: string) {
  const [i, o] = [await box(inner), await box(outer)];
  expect(i.x, `${what}: left edge`).toBeGreaterThanOrEqual(o.x - 0.5);
  expect(i.x + i.width, `${what}: right edge`).toBeLessThanOrEqual(o.x + o.width + 0.5);
}

const pageScrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > innerWidth);

for (const width of [360, 768, 1024, 1280, 1920]) {
  test(`at ${width} px every tab is reachable and in view, no toolbar control is cut, and the page never scrolls sideways`, async ({ page, sandbox, errors }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/casos/1001');
    const d = dialog(page);
    await expect(d).toBeVisible();
    for (const name of TABS) {
      await pickTab(d, name);
      const tab = d.getByRole('tab', { name: new RegExp(`^${name}`) });
      await within(tab, d.getByRole('tablist'), `${name} tab at ${width}`);
      const panel = d.getByRole('tabpanel');
      await expect(panel.locator('.cv-skeleton')).toHaveCount(0);
      const controls = panel.locator('.cv-toolbar').locator('button:visible, input:visible, select:visible');
      for (let i = 0; i < (await controls.count()); i++) {
        await within(controls.nth(i), panel, `${name}: control ${i} at ${width}`);
      }
      expect(await pageScrollsSideways(page), `${name} at ${width}`).toBe(false);
      // the panel itself never scrolls sideways; from 768 px no list does either (below, a
      // list's essential columns may scroll inside it)
      const overflow = (l: Locator) => l.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(await overflow(panel), `${name} panel at ${width}`).toBeLessThanOrEqual(0);
      if (width >= 768) {
        const tables = panel.getByRole('table');
        for (let i = 0; i < (await tables.count()); i++) {
          expect(await overflow(tables.nth(i)), `${name} table ${i} at ${width}`).toBeLessThanOrEqual(0);
          const headers = tables.nth(i).getByRole('columnheader');
          for (let h = 0; h < (await headers.count()); h++) await within(headers.nth(h), tables.nth(i), `${name} header ${h} at ${width}`);
        }
      }
    }
  });
}

test('at 1280 px and up all eight tabs fit the strip, with no "Mais"', async ({ page, sandbox, errors }) => {
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/casos/1001');
    const d = dialog(page);
    for (const name of TABS) await expect(d.getByRole('tab', { name: new RegExp(`^${name}`) })).toBeVisible();
    await expect(d.getByRole('button', { name: /^Mais/ })).toBeHidden();
  }
});

// The WAI-ARIA menu button: arrows move through the hidden tabs, Escape closes the menu (not the
// dialog) and returns to its button, Enter picks a tab, which then shows in the strip.
test('the "Mais" menu lists the tabs the strip has no room for and works from the keyboard', async ({ page, sandbox, errors }) => {
  await page.setViewportSize({ width: 768, height: 800 });
  await page.goto('/casos/1001');
  const d = dialog(page);
  const more = d.getByRole('button', { name: /^Mais \(\d\)/ });
  await expect(more).toBeVisible();
  // every list's count is in (they widen their tabs: the strip settles)
  await expect(d.locator('[role=tab] .cv-badge')).toHaveCount(7);
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const menu = d.getByRole('menu');
  await more.focus();
  await page.keyboard.press('ArrowDown');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const items = menu.getByRole('menuitem');
  const names = await items.allTextContents();
  // exactly the tabs the strip does not show, in their order
  const hidden: string[] = [];
  for (const name of TABS) if (!(await d.getByRole('tab', { name: new RegExp(`^${name}`) }).isVisible())) hidden.push(name);
  expect(names).toEqual(hidden);
  expect(names.length).toBeGreaterThan(0);
  await expect(more).toHaveText(new RegExp(`^Mais \\(${names.length}\\)`));
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('ArrowDown'); // wraps
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(d).toBeVisible();
  await expect(more).toBeFocused();
  // Enter opens at the first item; Enter picks it: selected, in the strip, focused
  await page.keyboard.press('Enter');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const picked = d.getByRole('tab', { name: new RegExp(`^${names[names.length - 1]}`) });
  await expect(picked).toHaveAttribute('aria-selected', 'true');
  await expect(picked).toBeVisible();
  await expect(picked).toBeFocused();
  await within(picked, d.getByRole('tablist'), 'the picked tab');
  // arrows in the strip reach hidden tabs too, and bring them into view
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  const last = d.getByRole('tab', { name: /^Pesquisa de Satisfação/ });
  await expect(last).toBeFocused();
  await within(last, d.getByRole('tablist'), 'the last tab');
});

// Histórico do Cliente chooses its columns by priority: from 1280 px nothing scrolls sideways,
// and a column that gives way shows its value in the row's detail.
test('Histórico do Cliente fits without sideways scrolling from 1280 px, hidden columns in the row detail', async ({ page, sandbox, errors }) => {
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/casos/1001/historico-do-cliente');
    const table = dialog(page).getByRole('table', { name: 'Atendimentos do cliente' });
    await expect(table.getByRole('row')).not.toHaveCount(0);
    const overflow = await table.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, `sideways overflow at ${width}`).toBeLessThanOrEqual(0);
    // every header in view, none covered by another
    const headers = table.getByRole('columnheader');
    for (let i = 0; i < (await headers.count()); i++) await within(headers.nth(i), table, `header ${i} at ${width}`);
    // the compact action keeps its name
    await expect(table.getByRole('button', { name: 'Continuar o atendimento do caso #1002' })).toBeVisible();
  }
  // at 1280 some columns gave way: their values are in the row's detail
  await page.setViewportSize({ width: 1280, height: 800 });
  const table = dialog(page).getByRole('table', { name: 'Atendimentos do cliente' });
  await expect(table.getByRole('columnheader', { name: 'Canal' })).toHaveCount(0);
  const row = table.getByRole('row').filter({ has: page.getByRole('checkbox', { name: 'Selecionar o caso #1002 para unificar' }) });
  // each row's disclosure is named by its row, not "Detalhes" on every row
  const details = row.getByRole('button', { name: /^Detalhes #1002\b/ });
  await expect(table.getByRole('button', { name: /^Detalhes #1002\b/ })).toHaveCount(1);
  await details.click();
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  await expect(row.locator('.cv-row__fields')).toContainText('Canal');
  await expect(row.locator('.cv-row__fields')).toContainText('WhatsApp');
  // wide enough, every column is back in the table, and a row control that had focus (not the
  // row's first) keeps it through the rebuild of its row
  const go = row.getByRole('button', { name: 'Continuar o atendimento do caso #1002' });
  await go.focus();
  await page.setViewportSize({ width: 2560, height: 900 });
  await expect(table.getByRole('columnheader', { name: /^Canal/ })).toBeVisible();
  await expect(go).toBeFocused();
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(table.getByRole('columnheader', { name: 'Canal' })).toHaveCount(0);
  await expect(go).toBeFocused();
});

test('a history row opened for its hidden columns closes when they all show again; one opened for its questionnaire stays open', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 800 });
  await page.goto('/casos/1001/historico-do-caso');
  const table = dialog(page).getByRole('table', { name: 'Histórico do caso' });
  const details = table.getByRole('button', { name: /^Detalhes/ }).first();
  await details.click();
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  // wide: every column shows, the row has nothing left to disclose (no button, not opened)
  await page.setViewportSize({ width: 1920, height: 900 });
  await expect(table.getByRole('columnheader', { name: /^Comentário/ })).toBeVisible();
  await expect(table.getByRole('button', { name: /^Detalhes/ })).toHaveCount(0);
  await expect(table.locator('.cv-row--expanded')).toHaveCount(0);
  // narrow again: its disclosure is back, closed
  await page.setViewportSize({ width: 800, height: 800 });
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  // a row's own disclosure (its questionnaire) stays open through the same
  const questionnaire = table.getByRole('button', { name: /^1 questionário/ });
  await questionnaire.click();
  await expect(questionnaire).toHaveAttribute('aria-expanded', 'true');
  await page.setViewportSize({ width: 1920, height: 900 });
  await expect(table.getByRole('columnheader', { name: /^Comentário/ })).toBeVisible();
  await expect(questionnaire).toHaveAttribute('aria-expanded', 'true');
});
